import type { Provider } from '@nestjs/common';
import { loadImpactReferences } from '../impact-references.loader';
import type { ImpactReferences, IndicatorCatalogue } from '../impact.types';
import { loadIndicatorCatalogue } from '../indicator-catalogue.loader';

/** Injection tokens of config/indicators.yaml and config/impact-references.yaml, read once at start. */
export const INDICATOR_CATALOGUE = Symbol('INDICATOR_CATALOGUE');
export const IMPACT_REFERENCES = Symbol('IMPACT_REFERENCES');

export const indicatorCatalogueProvider: Provider<IndicatorCatalogue> = {
  provide: INDICATOR_CATALOGUE,
  useFactory: () => loadIndicatorCatalogue(),
};

export const impactReferencesProvider: Provider<ImpactReferences> = {
  provide: IMPACT_REFERENCES,
  // A broken file stops the start with its file, line and field.
  useFactory: (catalogue: IndicatorCatalogue) => loadImpactReferences(catalogue),
  inject: [INDICATOR_CATALOGUE],
};
