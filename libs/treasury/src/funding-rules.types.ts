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
  /** Reimbursement funds: months from the later of a filed claim and its proofs to the payment. */
  claimPaymentDelayMonths?: SourcedFigure;
  correctionPct: SourcedFigure;
}

/**
 * How much EU money a claim may bring for the co-financing it proves. `national_paid`: at most
 * `euPerNationalEuro` € of EU money per € of national public co-financing paid (LEADER);
 * `none`: the rate × justified expenses alone caps it.
 */
export interface MatchingRule {
  mode: 'national_paid' | 'none';
  source: string | null;
  confidence: 'sourced' | 'estimate';
  note?: string;
  euPerNationalEuro?: SourcedFigure;
}

/** A bridge product a warning may suggest, with its longest term. */
export interface BridgeProduct {
  key: string;
  label: string;
  maxMonths: SourcedFigure;
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
  /** Reimbursement funds: the matching rule of their claims (required for them). */
  matching?: MatchingRule;
  /** Interreg: months the lead partner takes to pass each payment on to the partners. */
  leadPartnerTransferMonths?: SourcedFigure;
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
  /** Shortest first. */
  bridgeProducts: BridgeProduct[];
}
