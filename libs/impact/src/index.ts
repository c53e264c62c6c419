export type * from './impact.types';
export type * from './impact-report.types';
export { ImpactException, ImpactExceptionCode, type ImpactIssue } from './impact.exception';
export {
  loadIndicatorCatalogue,
  parseIndicatorCatalogue,
  defaultIndicatorCataloguePath,
} from './indicator-catalogue.loader';
export {
  loadImpactReferences,
  parseImpactReferences,
  defaultImpactReferencesPath,
} from './impact-references.loader';
export { checkActivityEntries, MAX_ACTIVITY_COUNT } from './activity-entry.checker';
export { parseActivityCsv } from './activity-csv.parser';
export { buildImpactReport, type BuildImpactReportInput } from './impact-report.builder';
export { impactReportToXlsx } from './impact-xlsx.exporter';
export { ImpactService, type ImpactFile } from './nest/impact.service';
export { INDICATOR_CATALOGUE, IMPACT_REFERENCES } from './nest/impact-config.provider';
export { ImpactModule } from './impact.module';
