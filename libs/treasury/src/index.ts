export * from './funding-kind.constants';
export { lineTitle } from './line-title.util';
export type * from './treasury.types';
export type * from './treasury-projection.types';
export type * from './funding-rules.types';
export type * from './validation-issue.types';
export { operationDateWarnings, type InputWarning } from './operation-date.checker';
export { TreasuryWarningCode, type TreasuryWarningSeverity } from './treasury-warning-code.enum';
export { TreasuryException, TreasuryExceptionCode } from './treasury.exception';
export {
  loadFundingRules,
  parseFundingRules,
  defaultFundingRulesPath,
} from './funding-rules.loader';
export {
  validateApplication,
  validateTreasurySettings,
  assertValidApplication,
  assertValidTreasurySettings,
} from './application.validator';
export { checkFundingPlan, type FundingPlanCheck, type EuShare } from './funding-plan.checker';
export { projectTreasury, type ProjectTreasuryInput } from './treasury.projector';
export { treasuryToCsv } from './treasury-csv.exporter';
export { treasuryToXlsx, EURO_FORMAT, type TreasuryXlsxOptions } from './treasury-xlsx.exporter';
export type { TreasuryExportScope, TreasuryExportRow } from './treasury-export-row.util';
export { isMonth, toMonthIndex, fromMonthIndex } from './month.util';
export { TreasuryModule } from './treasury.module';
export * from './nest';
