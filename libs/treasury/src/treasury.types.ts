import type {
  ApplicationStatus,
  EuArea,
  FundingKind,
  FundingLineStatus,
  TaskKind,
} from './funding-kind.constants';

/** A month `YYYY-MM`. */
export type Month = string;
/** A date `YYYY-MM-DD`. */
export type IsoDate = string;

export interface ExpenseInput {
  month: Month;
  amountCents: number;
  label?: string;
  /** Date of the signed quote, order or deposit; checked against the filing receipt (incentive rule). */
  committedOn?: IsoDate;
}

export interface InterimPaymentInput {
  /** Share of the line's amount, 0–100. */
  pct: number;
  /** Paid in the month `operation start + monthsAfterStart`. */
  monthsAfterStart: number;
}

export interface FundingScheduleInput {
  advancePct?: number;
  /** After `signedAt`, or the operation start when absent. */
  advanceDelayMonths?: number;
  interim?: InterimPaymentInput[];
  /** After the operation end. */
  balanceDelayMonths?: number;
  /**
   * Months from the later of a claim and its co-financers' proofs to the EU payment, as the
   * convention announces it; default the fund's `claimPaymentDelayMonths` (and, for LEADER's
   * balance, its `afterCofinancersMonths`).
   */
  claimDelayMonths?: number;
  /** Used verbatim, in both scenarios: no rule, no cap. */
  payments?: { month: Month; amountCents: number }[];
}

/** A co-financer payment a claim relies on: the payments of line `line` in month `month`. */
export interface CofinancerPaymentRef {
  /** Index of the co-financer's line in the application's `fundingLines`. */
  line: number;
  month: Month;
}

/**
 * A payment claim (demande de paiement, bilan intermédiaire, partner report) of a reimbursement
 * fund, filed or planned on a day, for the expenses of a period.
 */
export interface ClaimInput {
  filedOn: IsoDate;
  /** Not yet filed: the day is the one planned. */
  planned?: boolean;
  /** The months whose expenses it covers, both included. */
  periodStart: Month;
  periodEnd: Month;
  /** Expenses presented; default every eligible expense of the period. */
  expensesCents?: number;
  /**
   * The co-financers' payments it proves: every national co-financer payment received by the
   * claim's month (default, `received_by_claim`), or the listed ones.
   */
  cofinancing?: 'received_by_claim' | CofinancerPaymentRef[];
}

export interface FundingLineInput {
  id?: string;
  funder: string;
  kind: FundingKind;
  amountCents: number;
  status: FundingLineStatus;
  signedAt?: IsoDate;
  schedule?: FundingScheduleInput;
  /** Kind BRIDGE_LOAN only: the month the loan is repaid in full. */
  bridge?: { endMonth: Month };
  /** FSE_PLUS only: managed by an intermediate body (e.g. a Département), advance capped (S8). */
  intermediateBody?: boolean;
  /** Reimbursement funds only: the claims, in place of the rule's periodic ones. */
  claims?: ClaimInput[];
}

export interface ApplicationTaskInput {
  label: string;
  kind: TaskKind;
  dueDate: IsoDate;
  done?: boolean;
}

export interface ApplicationInput {
  id?: string;
  title: string;
  status: ApplicationStatus;
  submissionDeadline?: IsoDate;
  /** `YYYY-MM` or `YYYY-MM-DD`; only the month matters to the cash plan. */
  operationStart: Month | IsoDate;
  operationEnd: Month | IsoDate;
  totalCostCents: number;
  /** Default: the total cost spread evenly over the operation's months. */
  expenses?: ExpenseInput[];
  /** Filing receipt (accusé de réception): expenses committed before it are ineligible (S14, S22). */
  submittedAt?: IsoDate;
  /** Notification of a State grant: the law gives 60 days to pay (S31). */
  notifiedAt?: IsoDate;
  euArea?: EuArea;
  tasks?: ApplicationTaskInput[];
  fundingLines: FundingLineInput[];
}

export interface RecurringFlowInput {
  label: string;
  direction: 'in' | 'out';
  amountCents: number;
  fromMonth?: Month;
  toMonth?: Month;
}

export interface TreasurySettings {
  openingBalanceCents: number;
  openingMonth: Month;
  recurring: RecurringFlowInput[];
  minimumCashCents: number;
}

export type TreasuryScenario = 'expected' | 'stress';
