import type { ImpactReference } from './impact.types';

/** What a dossier brings to a report: its operation, targets, dated activity and cash. */
export interface ReportApplication {
  id: string;
  title: string;
  /** `YYYY-MM`. */
  operationStart: string;
  operationEnd: string;
  totalCostCents: number;
  targets: { key: string; label?: string; planned: number }[];
  entries: { indicator: string; from: string; to: string; count: number }[];
  /** Funding lines that bring outside money (self-funding and bridge loans are not funders). */
  lines: { id: string; funder: string; kind: string; amountCents: number }[];
  /** Net cash of each line by month, as the treasury projection schedules or records it. */
  payments: { fundingLineId: string; month: string; amountCents: number }[];
}

export type ReportScope =
  { kind: 'application' } | { kind: 'funder'; funder: string; from: string; to: string };

/** One funder's money in the report's dossiers. */
export interface FunderFigures {
  funder: string;
  /** Sum of its funding lines. */
  amountCents: number;
  /** Received by the end of `paidThrough` (treasury projection: recorded or scheduled payments). */
  paidCents: number;
  /** Still to come: what the projection schedules after `paidThrough`. */
  owedCents: number;
  /** Its amount over the total cost of the operation(s), in basis points (6000 = 60 %). */
  shareBasisPoints: number;
  /** Its amount ÷ people accompanied; null when none were counted. */
  costPerPersonCents: number | null;
  /** Its amount ÷ hours of accompaniment; null when none were counted. */
  costPerHourCents: number | null;
}

export interface IndicatorMonth {
  month: string;
  /** Target spread evenly over the operation's months, cumulated; null without a target. */
  plannedCumulative: number | null;
  /** Entries ending by this month, cumulated. */
  achievedCumulative: number;
}

export interface IndicatorFigures {
  key: string;
  label: string;
  unit: string;
  /** Target for the period (pro rata of each operation's months inside it); null without one. */
  planned: number | null;
  achieved: number;
  months: IndicatorMonth[];
}

export interface EstimateFactor {
  referenceId: string;
  label: string;
  value: number;
  unit: string;
  money: boolean;
  overridden: boolean;
}

/** An estimate of what the public purse gains: labelled as one, with its formula. */
export interface EstimateFigures {
  id: string;
  label: string;
  beneficiary: string;
  indicator: string;
  indicatorLabel: string;
  count: number;
  factors: EstimateFactor[];
  /** The formula in words. */
  words: string;
  /** The same formula with the numbers (« 6 personnes × 3,5 mois × 1 250 € = 26 250 € »). */
  numbers: string;
  totalCents: number;
  /** Per funder: total × its share of the cost, rounded to the cent. */
  byFunder: { funder: string; attributedCents: number }[];
  caveat: string | null;
}

export interface ImpactReport {
  kind: 'application' | 'funder';
  title: string;
  /** The report's months: the operation, or the requested period. */
  from: string;
  to: string;
  /** Payments count as received up to this month included. */
  paidThrough: string;
  applications: {
    id: string;
    title: string;
    operationStart: string;
    operationEnd: string;
    totalCostCents: number;
  }[];
  totalCostCents: number;
  funders: FunderFigures[];
  indicators: IndicatorFigures[];
  peopleAccompanied: number;
  hours: number;
  /** Total cost ÷ people; null when none were counted. */
  costPerPersonCents: number | null;
  costPerHourCents: number | null;
  estimates: EstimateFigures[];
  /** Every reference value an estimate used, with its source; `overridden` when the structure's own. */
  references: ImpactReference[];
  /** Estimates that could not be computed and why (no count, a reference missing). */
  notes: string[];
}
