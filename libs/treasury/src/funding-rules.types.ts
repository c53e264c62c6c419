import type { EuArea, FundingKind } from './funding-kind.constants';

/** A figure of the rules file with where it comes from. */
export interface SourcedFigure {
  value: number;
  /** Id in treasury-rules.md (S1…S51), or null when no source was found. */
  source: string | null;
  confidence: 'sourced' | 'estimate';
  note?: string;
}

export interface ClaimsRule {
  everyMonths: SourcedFigure;
  paymentDelayMonths: SourcedFigure;
}

export interface ScenarioPaymentRule {
  advancePct: SourcedFigure;
  advanceDelayMonths: SourcedFigure;
  claims: ClaimsRule | null;
  balanceDelayMonths: SourcedFigure;
  /** LEADER: months from the last national co-financer payment to the FEADER payment. */
  afterCofinancersMonths?: SourcedFigure;
  correctionPct: SourcedFigure;
}

export interface FundingKindRule {
  kind: FundingKind;
  label: string;
  reimbursementBased: boolean;
  euFund: boolean;
  nationalPublicCofinancer: boolean;
  cashMovement: boolean;
  isLoan: boolean;
  expected: ScenarioPaymentRule;
  stress: ScenarioPaymentRule;
  maxEuRatePct?: Partial<Record<EuArea, SourcedFigure>>;
  finalReportDelayMonths?: SourcedFigure;
  intermediateBodyAdvanceCapCents?: SourcedFigure;
  leaderMaxShareOfPublicAidPct?: SourcedFigure;
  leaderMaxPublicAidPct?: SourcedFigure;
}

export interface WarningThresholds {
  deadlineSoonDays: SourcedFigure;
  reportDueDays: SourcedFigure;
  singleFinalPaymentSharePct: SourcedFigure;
  statePaymentLegalDays: SourcedFigure;
  bridgeMaxTermMonths: SourcedFigure;
}

export interface FundingRules {
  version: number;
  /** The file the rules were read from. */
  sourcePath: string;
  warnings: WarningThresholds;
  kinds: Record<FundingKind, FundingKindRule>;
}
