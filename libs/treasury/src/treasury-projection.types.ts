import type { FundingKind } from './funding-kind.constants';
import type { Month } from './treasury.types';
import type { TreasuryWarningCode, TreasuryWarningSeverity } from './treasury-warning-code.enum';

/** One movement of cash in a month. Amounts are positive; `direction` says which way. */
export interface TreasuryMovement {
  applicationId: string | null;
  fundingLineId: string | null;
  kind: FundingKind | null;
  label: string;
  direction: 'in' | 'out';
  amountCents: number;
}

export interface TreasuryMonth {
  month: Month;
  openingCents: number;
  inflowsCents: number;
  outflowsCents: number;
  closingCents: number;
  lines: TreasuryMovement[];
}

export interface TreasuryWarning {
  code: TreasuryWarningCode;
  severity: TreasuryWarningSeverity;
  month: Month | null;
  applicationId: string | null;
  fundingLineId: string | null;
  amountCents: number | null;
  /** French, one sentence of fact and one of what to do next. */
  message: string;
}

export interface TreasuryProjection {
  months: TreasuryMonth[];
  warnings: TreasuryWarning[];
  /** Lowest closing balance below zero; `month` is null and amount 0 when the cash never goes negative. */
  peakNeed: { month: Month | null; amountCents: number };
}
