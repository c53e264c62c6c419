/** Who asks for an indicator: a funder, its programme, and the text that defines it. */
export interface IndicatorAsker {
  funder: string;
  programme: string;
  reference: string;
}

/** What the report derives from an indicator: people (cost per person), hours (cost per hour). */
export type IndicatorRole = 'people' | 'hours';

export interface IndicatorDefinition {
  key: string;
  label: string;
  unit: string;
  definition: string;
  role?: IndicatorRole;
  askedBy: IndicatorAsker[];
  /** 'catalogue': config/indicators.yaml; 'organisation': added by the structure; 'dossier': a target typed on the dossier. */
  origin: 'catalogue' | 'organisation' | 'dossier';
}

export interface IndicatorCatalogue {
  version: number;
  sourcePath: string;
  indicators: IndicatorDefinition[];
}

export interface ReferenceSource {
  title: string;
  publisher: string;
  url?: string;
  published: string;
}

/** A public figure an estimate rests on, with where it comes from and whom it describes. */
export interface ImpactReference {
  id: string;
  label: string;
  value: number;
  unit: string;
  /** Euros (converted to cents in the calculation). */
  money: boolean;
  /** The date the value describes (YYYY, YYYY-MM or YYYY-MM-DD). */
  date: string;
  population: string;
  source: ReferenceSource;
  uncertain?: string;
  /** Set when the organisation replaced the public value with its own. */
  overridden?: boolean;
}

export interface ImpactEstimateRule {
  id: string;
  label: string;
  beneficiary: string;
  indicator: string;
  /** Reference ids multiplied with the indicator's count, in the order the words read. */
  factors: string[];
  words: string;
  caveat?: string;
}

export interface ImpactReferences {
  version: number;
  sourcePath: string;
  references: ImpactReference[];
  estimates: ImpactEstimateRule[];
}

/** A dated count of one indicator over one month or a period of months. */
export interface ActivityEntryView {
  id: string;
  indicator: string;
  from: string;
  to: string;
  count: number;
  note: string | null;
}
