/** Every kind of funding line. BRIDGE_LOAN is ours: a loan is cash, not funding (see `bridge`). */
export const FUNDING_KINDS = [
  'FSE_PLUS',
  'FEADER_LEADER',
  'FEDER',
  'INTERREG',
  'ERASMUS_PLUS',
  'STATE',
  'REGION',
  'DEPARTMENT',
  'MUNICIPALITY',
  'CAF',
  'FOUNDATION',
  'CONSEILLER_NUMERIQUE',
  'SELF_FUNDING',
  'OTHER',
  'BRIDGE_LOAN',
] as const;

export type FundingKind = (typeof FUNDING_KINDS)[number];

/**
 * Index of a kind in FUNDING_KINDS, −1 when unknown. A switch, because the projection looks up
 * every line's kind and comparing interned strings is several times cheaper than a keyed lookup
 * (a spec keeps it in step with the list).
 */
export function fundingKindIndex(kind: string): number {
  switch (kind) {
    case 'FSE_PLUS':
      return 0;
    case 'FEADER_LEADER':
      return 1;
    case 'FEDER':
      return 2;
    case 'INTERREG':
      return 3;
    case 'ERASMUS_PLUS':
      return 4;
    case 'STATE':
      return 5;
    case 'REGION':
      return 6;
    case 'DEPARTMENT':
      return 7;
    case 'MUNICIPALITY':
      return 8;
    case 'CAF':
      return 9;
    case 'FOUNDATION':
      return 10;
    case 'CONSEILLER_NUMERIQUE':
      return 11;
    case 'SELF_FUNDING':
      return 12;
    case 'OTHER':
      return 13;
    case 'BRIDGE_LOAN':
      return 14;
    default:
      return FUNDING_KINDS.indexOf(kind as FundingKind);
  }
}

export const FUNDING_LINE_STATUSES = ['planned', 'requested', 'granted', 'received'] as const;
export type FundingLineStatus = (typeof FUNDING_LINE_STATUSES)[number];

export const APPLICATION_STATUSES = [
  'idea',
  'preparing',
  'submitted',
  'granted',
  'rejected',
  'agreement_signed',
  'in_progress',
  'reporting',
  'closed',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/**
 * Statuses whose money is plausible enough to enter the cash projection. `submitted` enters only
 * when the caller asks for the "if granted" view (`includeSubmitted`); idea/preparing/rejected never.
 */
export const FUNDED_APPLICATION_STATUSES: readonly ApplicationStatus[] = [
  'granted',
  'agreement_signed',
  'in_progress',
  'reporting',
  'closed',
];

/** Statuses still worth a deadline or report reminder. */
export const ACTIVE_APPLICATION_STATUSES: readonly ApplicationStatus[] = [
  'idea',
  'preparing',
  'submitted',
  'granted',
  'agreement_signed',
  'in_progress',
  'reporting',
];

/**
 * Where the operation takes place, for the EU maximum rates: FSE+ national programme zones (S3),
 * mapped onto CPR Art. 112 region categories for FEDER (S9).
 */
export const EU_AREAS = ['ile_de_france_rhone_alpes', 'mainland', 'overseas', 'national'] as const;
export type EuArea = (typeof EU_AREAS)[number];

export const TASK_KINDS = ['submission', 'interim_report', 'final_report', 'other'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** Most any single amount may be: 100 M€. Above that it is a typo, not a grant. */
export const MAX_AMOUNT_CENTS = 10_000_000_000;

/**
 * Years a treasury month or date may fall in. Grants and cash plans of digital-inclusion
 * structures live within a few years of today; a year like 0001 or 9999 is a typo, and it made
 * one projection walk thousands of years (0.8 s of a blocked event loop).
 */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/**
 * Recurring flows one organisation may declare. A structure's monthly budget lines (salaries,
 * rent, energy, subscriptions, memberships…) are a few dozen at most; 200 leaves room for a
 * detailed chart of accounts while keeping a projection's work (flows × months) small.
 */
export const MAX_RECURRING_FLOWS = 200;
