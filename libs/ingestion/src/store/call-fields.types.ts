import type { CallDeadline, CallDocument } from '../call/normalised-call';

/** The fields of a stored call that come from its sources (merged when several publish it). */
export interface CallFields {
  title: string;
  url: string;
  funders: string[];
  descriptionText: string;
  descriptionHtml: string | null;
  documents: CallDocument[];
  publishedAt: string | null;
  opensAt: string | null;
  deadlines: CallDeadline[];
  rolling: boolean;
  amountMinCents: number | null;
  amountMaxCents: number | null;
  envelopeCents: number | null;
  ratePct: number | null;
  aidTypes: string[];
  euFund: string | null;
  audiences: string[];
  territory: string[];
}

export const CALL_FIELD_NAMES: ReadonlyArray<keyof CallFields> = [
  'title',
  'url',
  'funders',
  'descriptionText',
  'descriptionHtml',
  'documents',
  'publishedAt',
  'opensAt',
  'deadlines',
  'rolling',
  'amountMinCents',
  'amountMaxCents',
  'envelopeCents',
  'ratePct',
  'aidTypes',
  'euFund',
  'audiences',
  'territory',
];
