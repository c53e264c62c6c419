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
  /** Used verbatim, in both scenarios: no rule, no cap. */
  payments?: { month: Month; amountCents: number }[];
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
