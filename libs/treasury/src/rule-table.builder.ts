import * as fundingKinds from './funding-kind.constants';
import type { EuArea, FundingKind } from './funding-kind.constants';
import type { FundingKindRule, FundingRules, ScenarioPaymentRule } from './funding-rules.types';
import * as money from './money.util';
import type { TreasuryScenario } from './treasury.types';

// The inner loops call these through module-level copies: swc's CommonJS output reads an
// imported binding through a getter at every use, which there costs as much as the arithmetic.
const { EU_AREAS, FUNDING_KINDS, fundingKindIndex } = fundingKinds;
const { pctInHundredths } = money;

/** A scenario's payment figures as plain numbers, read in the projection's inner loops. */
export interface ScenarioFigures {
  /** In hundredths of a point (see `pctInHundredths`). */
  advanceHundredths: number;
  advanceDelayMonths: number;
  /** 0 when the kind files no periodic claims. */
  claimsEveryMonths: number;
  claimsDelayMonths: number;
  balanceDelayMonths: number;
  /** LEADER only: months from the last national co-financer payment; null elsewhere. */
  afterCofinancersMonths: number | null;
  /** Reimbursement funds: months from the later of a filed claim and its proofs to the payment. */
  claimPaymentDelayMonths: number;
  correctionPct: number;
}

/** What the projection needs of one funding kind, without the sources. */
export interface KindFigures {
  kind: FundingKind;
  /** Position in FUNDING_KINDS. */
  index: number;
  label: string;
  reimbursementBased: boolean;
  euFund: boolean;
  nationalPublicCofinancer: boolean;
  cashMovement: boolean;
  isLoan: boolean;
  // The kinds the engine treats apart, as flags: cheaper than comparing texts in the inner loops.
  isLeader: boolean;
  isFse: boolean;
  isSelfFunding: boolean;
  expected: ScenarioFigures;
  stress: ScenarioFigures;
  /** Maximum EU rate per area, in the order of EU_AREAS (null: none for that area); null when the kind has none. */
  maxEuRatePct: (number | null)[] | null;
  /** The highest rate of all areas, for an application that gives none; null when there is none. */
  maxEuRateAnyAreaPct: number | null;
  finalReportDelayMonths: number | null;
  intermediateBodyAdvanceCapCents: number | null;
  /** A matching rule is in the rules file: only then may the kind's lines carry claims. */
  hasMatching: boolean;
  /** EU cents per cent of national co-financing paid (LEADER: 4); 0 when claims are not matched. */
  euPerNationalEuro: number;
  /** Interreg: the lead partner's transfer, added to every payment; 0 elsewhere. */
  leadPartnerTransferMonths: number;
}

export interface BridgeProductFigures {
  label: string;
  maxMonths: number;
}

export interface RuleTable {
  kinds: Record<FundingKind, KindFigures>;
  /** The same, in the order of FUNDING_KINDS (see `kindFigures`). */
  byIndex: KindFigures[];
  deadlineSoonDays: number;
  reportDueDays: number;
  singleFinalPaymentSharePct: number;
  statePaymentLegalDays: number;
  /** LEADER: FEADER's maximum share of the public aid, and the public aid's maximum share of the cost. */
  leaderMaxShareOfPublicAidPct: number;
  leaderMaxPublicAidPct: number;
  /** The Dailly-type bridge the cash warnings suggest: its longest term. */
  bridgeMaxTermMonths: number;
  /** Shortest first. */
  bridgeProducts: BridgeProductFigures[];
}

// The rules are loaded once and never change: each rules object is flattened once.
const TABLES = new WeakMap<FundingRules, RuleTable>();

export function ruleTable(rules: FundingRules): RuleTable {
  let table = TABLES.get(rules);
  if (!table) {
    table = buildRuleTable(rules);
    TABLES.set(rules, table);
  }
  return table;
}

/** The rule of a line's kind; undefined for an unknown kind. */
export function kindFigures(table: RuleTable, kind: string): KindFigures {
  const index = fundingKindIndex(kind);
  return index >= 0 ? table.byIndex[index] : table.kinds[kind as FundingKind];
}

/** Maximum EU rate for an application's area; with no area, the highest of all areas; null when none applies. */
export function maxEuRate(rule: KindFigures, area: EuArea | undefined): number | null {
  if (!rule.maxEuRatePct) return null;
  if (!area) return rule.maxEuRateAnyAreaPct;
  const index = EU_AREAS.indexOf(area);
  return index < 0 ? null : rule.maxEuRatePct[index];
}

export function scenarioFigures(rule: KindFigures, scenario: TreasuryScenario): ScenarioFigures {
  return scenario === 'stress' ? rule.stress : rule.expected;
}

function buildRuleTable(rules: FundingRules): RuleTable {
  const kinds = {} as Record<FundingKind, KindFigures>;
  for (const kind of FUNDING_KINDS) {
    const rule = rules.kinds[kind];
    if (rule) kinds[kind] = flatten(rule);
  }
  const leader = rules.kinds.FEADER_LEADER;
  return {
    kinds,
    byIndex: FUNDING_KINDS.map((kind) => kinds[kind]),
    deadlineSoonDays: rules.warnings.deadlineSoonDays.value,
    reportDueDays: rules.warnings.reportDueDays.value,
    singleFinalPaymentSharePct: rules.warnings.singleFinalPaymentSharePct.value,
    statePaymentLegalDays: rules.warnings.statePaymentLegalDays.value,
    leaderMaxShareOfPublicAidPct: leader?.leaderMaxShareOfPublicAidPct?.value ?? 80,
    leaderMaxPublicAidPct: leader?.leaderMaxPublicAidPct?.value ?? 80,
    bridgeMaxTermMonths: rules.warnings.bridgeMaxTermMonths.value,
    bridgeProducts: (rules.bridgeProducts ?? []).map((product) => ({
      label: product.label,
      maxMonths: product.maxMonths.value,
    })),
  };
}

function flatten(rule: FundingKindRule): KindFigures {
  const rates = rule.maxEuRatePct;
  let maxEuRatePct: KindFigures['maxEuRatePct'] = null;
  let maxEuRateAnyAreaPct: number | null = null;
  if (rates) {
    maxEuRatePct = EU_AREAS.map((area) => rates[area]?.value ?? null);
    for (const figure of Object.values(rates))
      maxEuRateAnyAreaPct = Math.max(maxEuRateAnyAreaPct ?? -Infinity, figure.value);
  }
  return {
    kind: rule.kind,
    index: FUNDING_KINDS.indexOf(rule.kind),
    label: rule.label,
    reimbursementBased: rule.reimbursementBased,
    euFund: rule.euFund,
    nationalPublicCofinancer: rule.nationalPublicCofinancer,
    cashMovement: rule.cashMovement,
    isLoan: rule.isLoan,
    isLeader: rule.kind === 'FEADER_LEADER',
    isFse: rule.kind === 'FSE_PLUS',
    isSelfFunding: rule.kind === 'SELF_FUNDING',
    expected: scenario(rule.expected),
    stress: scenario(rule.stress ?? rule.expected),
    maxEuRatePct,
    maxEuRateAnyAreaPct,
    finalReportDelayMonths: rule.finalReportDelayMonths?.value ?? null,
    intermediateBodyAdvanceCapCents: rule.intermediateBodyAdvanceCapCents?.value ?? null,
    hasMatching: rule.matching !== undefined,
    euPerNationalEuro:
      rule.matching?.mode === 'national_paid' ? (rule.matching.euPerNationalEuro?.value ?? 0) : 0,
    leadPartnerTransferMonths: rule.leadPartnerTransferMonths?.value ?? 0,
  };
}

function scenario(rule: ScenarioPaymentRule): ScenarioFigures {
  return {
    advanceHundredths: pctInHundredths(rule.advancePct.value),
    advanceDelayMonths: rule.advanceDelayMonths.value,
    claimsEveryMonths: rule.claims?.everyMonths.value ?? 0,
    claimsDelayMonths: rule.claims?.paymentDelayMonths.value ?? 0,
    balanceDelayMonths: rule.balanceDelayMonths.value,
    afterCofinancersMonths: rule.afterCofinancersMonths?.value ?? null,
    claimPaymentDelayMonths: rule.claimPaymentDelayMonths?.value ?? 0,
    correctionPct: rule.correctionPct.value,
  };
}
