import type { FieldError } from '../web-view.types';

export type RelevanceChoice = 'pertinents' | 'tous' | 'ecartes' | 'suivis';
export type StatusChoice = 'ouverts' | 'a-venir' | 'clos' | 'tous';

/** The calls page's filters, as typed (to show them back) and as understood (to query). */
export interface CallFilter {
  q: string;
  theme: string;
  territory: string;
  deadlineBefore: string;
  amountMin: string;
  euFund: string;
  status: StatusChoice;
  relevance: RelevanceChoice;
  page: number;
}

export interface ParsedCallFilter {
  form: CallFilter;
  errors: FieldError[];
  /** Territory codes whose calls concern the place asked for (null: no territory filter). */
  coveringTerritories: string[] | null;
  amountMinCents: number | null;
  statuses: string[];
}
