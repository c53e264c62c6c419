import * as applicationPlans from './application-plan.builder';
import type { FundingKind } from './funding-kind.constants';
import type { FundingRules } from './funding-rules.types';
import * as monthUtil from './month.util';
import type { MonthIndex } from './month.util';
import * as ruleTables from './rule-table.builder';
import type { KindFigures, RuleTable } from './rule-table.builder';
import type { TreasuryWarning } from './treasury-projection.types';
import type { ApplicationInput, FundingLineInput } from './treasury.types';
import * as warningCodes from './treasury-warning-code.enum';
import { TreasuryWarningLog } from './treasury-warning.log';
import * as warningMessages from './warning-message.builder';

// The inner loops call these through module-level copies: swc's CommonJS output reads an
// imported binding through a getter at every use, which there costs as much as the arithmetic.
const { applicationId } = applicationPlans;
const { toMonthIndex } = monthUtil;
const { kindFigures, maxEuRate, ruleTable } = ruleTables;
const { TreasuryWarningCode } = warningCodes;
const { WarningVariant } = warningMessages;

export interface EuShare {
  kind: FundingKind;
  amountCents: number;
  /** Share of the total cost, in % with two decimals. */
  ratePct: number;
  /** Maximum for the application's area; with no area, the highest of all areas. Null when none applies. */
  maxRatePct: number | null;
}

export interface FundingPlanCheck {
  applicationId: string;
  totalCostCents: number;
  /** Every funding line except loans, self-funding included. */
  fundedCents: number;
  selfFundingCents: number;
  /** Granted or received lines plus self-funding. */
  securedCents: number;
  /** Planned or requested lines. */
  unsecuredCents: number;
  /** Total cost not covered by any line (0 when covered). */
  gapCents: number;
  /** Lines above the total cost (0 when not). */
  surplusCents: number;
  euShares: EuShare[];
  issues: TreasuryWarning[];
}

/**
 * The funding-plan checks an accountant runs before filing, usable without a projection:
 * the gap, EU shares above their maximum, LEADER's national counterpart, money counted twice.
 */
export function checkFundingPlan(
  app: ApplicationInput,
  rules: FundingRules,
  position = 0,
): FundingPlanCheck {
  const table = ruleTable(rules);
  const lineRules = app.fundingLines.map((line) => kindFigures(table, line.kind));
  const totals = new FundingPlanTotals();
  totals.measure(app, lineRules);
  const log = new TreasuryWarningLog();
  const startMonth = toMonthIndex(app.operationStart);
  recordFundingPlanIssues(totals, app, position, lineRules, table, startMonth, log);
  const total = app.totalCostCents;
  return {
    applicationId: applicationId(app, position),
    totalCostCents: total,
    fundedCents: totals.fundedCents,
    selfFundingCents: totals.selfFundingCents,
    securedCents: totals.fundedCents - totals.unsecuredCents,
    unsecuredCents: totals.unsecuredCents,
    gapCents: Math.max(0, total - totals.fundedCents),
    surplusCents: Math.max(0, totals.fundedCents - total),
    euShares: Array.from({ length: totals.euCount }, (_, k) => ({
      kind: totals.euKinds[k],
      amountCents: totals.euCents[k],
      ratePct: ratePct(totals.euCents[k], total),
      maxRatePct: maxEuRate(totals.euRules[k], app.euArea),
    })),
    issues: log.toWarnings(table),
  };
}

/**
 * The sums the checks read, measured in one pass over the lines. Loans are not funding and are
 * left out. The projection keeps one instance for all its applications.
 */
export class FundingPlanTotals {
  fundedCents = 0;
  selfFundingCents = 0;
  unsecuredCents = 0;
  hasEuLine = false;
  /** EU funds by kind, in order of first appearance, with the index of their first line. */
  euCount = 0;
  readonly euKinds: FundingKind[] = [];
  readonly euRules: KindFigures[] = [];
  readonly euCents: number[] = [];
  readonly euFirstLines: number[] = [];
  leaderCents = 0;
  /** Index of the first LEADER line, −1 when there is none. */
  firstLeaderLine = -1;
  nationalCents = 0;
  publicAidCents = 0;
  /** Two lines of one kind: only then can a line repeat another. */
  repeatedKind = false;

  measure(app: ApplicationInput, lineRules: readonly KindFigures[]): void {
    this.fundedCents = 0;
    this.selfFundingCents = 0;
    this.unsecuredCents = 0;
    this.hasEuLine = false;
    this.euCount = 0;
    this.leaderCents = 0;
    this.firstLeaderLine = -1;
    this.nationalCents = 0;
    this.publicAidCents = 0;
    this.repeatedKind = false;
    let kindsSeen = 0;
    const lines = app.fundingLines;
    for (let i = 0; i < lines.length; i++) {
      const rule = lineRules[i];
      if (rule.isLoan) continue;
      const line = lines[i];
      const amount = line.amountCents;
      const kindBit = 1 << rule.index;
      this.repeatedKind ||= (kindsSeen & kindBit) !== 0;
      kindsSeen |= kindBit;
      this.fundedCents += amount;
      if (rule.kind === 'SELF_FUNDING') this.selfFundingCents += amount;
      else if (line.status === 'planned' || line.status === 'requested')
        this.unsecuredCents += amount;
      if (rule.euFund) this.addEuLine(line, rule, i);
      if (rule.kind === 'FEADER_LEADER') {
        this.leaderCents += amount;
        if (this.firstLeaderLine < 0) this.firstLeaderLine = i;
      }
      if (rule.nationalPublicCofinancer) this.nationalCents += amount;
      if (rule.euFund || rule.nationalPublicCofinancer) this.publicAidCents += amount;
    }
  }

  private addEuLine(line: FundingLineInput, rule: KindFigures, index: number): void {
    this.hasEuLine = true;
    for (let k = 0; k < this.euCount; k++) {
      if (this.euKinds[k] === line.kind) {
        this.euCents[k] += line.amountCents;
        return;
      }
    }
    this.euKinds[this.euCount] = line.kind;
    this.euRules[this.euCount] = rule;
    this.euCents[this.euCount] = line.amountCents;
    this.euFirstLines[this.euCount] = index;
    this.euCount++;
  }
}

/** Records the plan's issues in `log`, all dated the operation's first month. */
export function recordFundingPlanIssues(
  totals: FundingPlanTotals,
  app: ApplicationInput,
  position: number,
  lineRules: readonly KindFigures[],
  table: RuleTable,
  startMonth: MonthIndex,
  log: TreasuryWarningLog,
): void {
  log.about(app, position, startMonth);

  const total = app.totalCostCents;
  const gap = Math.max(0, total - totals.fundedCents);
  if (gap > 0) {
    const severity = totals.hasEuLine ? 'critical' : 'warning';
    const hasEu = totals.hasEuLine ? 1 : 0;
    log.issue(
      TreasuryWarningCode.COFINANCING_GAP,
      severity,
      -1,
      gap,
      WarningVariant.Default,
      total,
      hasEu,
    );
  }
  if (totals.unsecuredCents > 0) {
    const unsecured = totals.unsecuredCents;
    log.issue(TreasuryWarningCode.COFINANCING_GAP, 'info', -1, unsecured, WarningVariant.Unsecured);
  }
  for (let k = 0; k < totals.euCount; k++) {
    const amount = totals.euCents[k];
    const maxRate = maxEuRate(totals.euRules[k], app.euArea);
    if (maxRate === null || amount * 100 <= maxRate * total) continue;
    const allowed = Math.floor((maxRate * total) / 100);
    log.issue(
      TreasuryWarningCode.EU_RATE_ABOVE_MAX,
      'critical',
      totals.euFirstLines[k],
      amount - allowed,
      WarningVariant.Default,
      ratePct(amount, total),
      maxRate,
      allowed,
    );
  }
  if (totals.firstLeaderLine >= 0) recordLeaderIssues(totals, total, table, log);
  if (totals.repeatedKind) recordDoubleFunding(app, lineRules, log);
  const surplus = Math.max(0, totals.fundedCents - total);
  if (surplus > 0)
    log.issue(TreasuryWarningCode.DOUBLE_FUNDING, 'warning', -1, surplus, WarningVariant.Surplus);
}

/** LEADER: FEADER ≤ 80 % of the public aid (1 € national calls 4 €), public aid ≤ 80 % of the cost. */
function recordLeaderIssues(
  totals: FundingPlanTotals,
  total: number,
  table: RuleTable,
  log: TreasuryWarningLog,
): void {
  const leaderLine = totals.firstLeaderLine;
  const national = totals.nationalCents;
  const maxShare = table.leaderMaxShareOfPublicAidPct;
  // national ≥ feader × (100 − maxShare) / maxShare, rounded up to the cent.
  const requiredNational = Math.ceil((totals.leaderCents * (100 - maxShare)) / maxShare);
  if (national < requiredNational) {
    log.issue(
      TreasuryWarningCode.LEADER_COFINANCER_MISSING,
      'critical',
      leaderLine,
      requiredNational - national,
      WarningVariant.Default,
      national,
      requiredNational,
      maxShare,
    );
  }
  const publicAid = totals.publicAidCents;
  const maxPublic = table.leaderMaxPublicAidPct;
  if (publicAid * 100 > maxPublic * total) {
    const allowed = Math.floor((maxPublic * total) / 100);
    log.issue(
      TreasuryWarningCode.EU_RATE_ABOVE_MAX,
      'critical',
      leaderLine,
      publicAid - allowed,
      WarningVariant.LeaderPublicAid,
      publicAid,
      maxPublic,
    );
  }
}

/** A line that repeats an earlier one: same kind, amount and funder (case and spaces aside). */
function recordDoubleFunding(
  app: ApplicationInput,
  lineRules: readonly KindFigures[],
  log: TreasuryWarningLog,
): void {
  const lines = app.fundingLines;
  for (let j = 1; j < lines.length; j++) {
    if (lineRules[j].isLoan) continue;
    const twin = firstTwin(lines, lineRules, j);
    if (twin < 0) continue;
    const amount = lines[j].amountCents;
    log.issue(
      TreasuryWarningCode.DOUBLE_FUNDING,
      'warning',
      j,
      amount,
      WarningVariant.Default,
      twin,
    );
  }
}

/** Index of the first earlier line identical to line `j`, or −1. */
function firstTwin(
  lines: readonly FundingLineInput[],
  lineRules: readonly KindFigures[],
  j: number,
): number {
  // Each kind has one rule object: comparing rules compares kinds without reading the lines.
  const rule = lineRules[j];
  const { amountCents, funder } = lines[j];
  for (let i = 0; i < j; i++) {
    if (lineRules[i] !== rule || lines[i].amountCents !== amountCents) continue;
    if (sameFunder(lines[i].funder, funder)) return i;
  }
  return -1;
}

/** Equal once trimmed and lower-cased; compares in place, without building the normalised texts. */
export function sameFunder(a: string, b: string): boolean {
  if (a === b) return true;
  let i = 0;
  let j = 0;
  let aEnd = a.length;
  let bEnd = b.length;
  while (i < aEnd && isTrimmed(a.charCodeAt(i))) i++;
  while (aEnd > i && isTrimmed(a.charCodeAt(aEnd - 1))) aEnd--;
  while (j < bEnd && isTrimmed(b.charCodeAt(j))) j++;
  while (bEnd > j && isTrimmed(b.charCodeAt(bEnd - 1))) bEnd--;
  if (aEnd - i !== bEnd - j) return slowSameFunder(a, b);
  // From the end: names of one funder usually differ there ("Financeur 1", "Financeur 2").
  for (let k = aEnd - i - 1; k >= 0; k--) {
    const x = a.charCodeAt(i + k);
    const y = b.charCodeAt(j + k);
    if (x === y) continue;
    // Beyond ASCII, case folding can change lengths: let the library decide.
    if (x >= 128 || y >= 128) return slowSameFunder(a, b);
    if ((x | 32) !== (y | 32) || !isAsciiLetter(x | 32)) return false;
  }
  return true;
}

function slowSameFunder(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** ASCII white space and line ends; whatever else `trim` removes is beyond ASCII: the slow way. */
function isTrimmed(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

function isAsciiLetter(lowerCode: number): boolean {
  return lowerCode >= 97 && lowerCode <= 122;
}

function ratePct(amount: number, total: number): number {
  return total === 0 ? 0 : Math.round((amount * 10_000) / total) / 100;
}
