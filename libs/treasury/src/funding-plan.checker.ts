import { ApplicationCursor, applicationId } from './application-plan.builder';
import type { FundingKind } from './funding-kind.constants';
import type { FundingRules } from './funding-rules.types';
import * as ruleTables from './rule-table.builder';
import type { KindFigures, RuleTable } from './rule-table.builder';
import type { TreasuryWarning } from './treasury-projection.types';
import type { ApplicationInput, FundingLineInput } from './treasury.types';
import * as warningCodes from './treasury-warning-code.enum';
import { TreasuryWarningLog } from './treasury-warning.log';
import * as warningMessages from './warning-message.builder';

// The inner loops call these through module-level copies: swc's CommonJS output reads an
// imported binding through a getter at every use, which there costs as much as the arithmetic.
const { maxEuRate, ruleTable } = ruleTables;
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
  const plan = new ApplicationCursor(table);
  plan.load(app, position);
  const log = new TreasuryWarningLog();
  recordFundingPlanIssues(plan, table, log);
  const total = app.totalCostCents;
  return {
    applicationId: applicationId(app, position),
    totalCostCents: total,
    fundedCents: plan.fundedCents,
    selfFundingCents: plan.selfFundingCents,
    securedCents: plan.fundedCents - plan.unsecuredCents,
    unsecuredCents: plan.unsecuredCents,
    gapCents: Math.max(0, total - plan.fundedCents),
    surplusCents: Math.max(0, plan.fundedCents - total),
    euShares: Array.from({ length: plan.euCount }, (_, k) => ({
      kind: plan.euKinds[k],
      amountCents: plan.euCents[k],
      ratePct: ratePct(plan.euCents[k], total),
      maxRatePct: maxEuRate(plan.euRules[k], app.euArea),
    })),
    issues: log.toWarnings(table),
  };
}

/**
 * Records the issues of the funding plan under the cursor (its sums are measured as it loads)
 * in `log`, all dated the operation's first month.
 */
export function recordFundingPlanIssues(
  plan: ApplicationCursor,
  table: RuleTable,
  log: TreasuryWarningLog,
): void {
  const app = plan.app;
  log.about(app, plan.position, plan.startIndex);

  const total = app.totalCostCents;
  const gap = Math.max(0, total - plan.fundedCents);
  if (gap > 0) {
    const hasEuLine = plan.euCount > 0;
    const severity = hasEuLine ? 'critical' : 'warning';
    log.issue(
      TreasuryWarningCode.COFINANCING_GAP,
      severity,
      -1,
      gap,
      WarningVariant.Default,
      total,
      hasEuLine ? 1 : 0,
    );
  }
  if (plan.unsecuredCents > 0) {
    const unsecured = plan.unsecuredCents;
    log.issue(TreasuryWarningCode.COFINANCING_GAP, 'info', -1, unsecured, WarningVariant.Unsecured);
  }
  for (let k = 0; k < plan.euCount; k++) {
    const amount = plan.euCents[k];
    const maxRate = maxEuRate(plan.euRules[k], app.euArea);
    if (maxRate === null || amount * 100 <= maxRate * total) continue;
    const allowed = Math.floor((maxRate * total) / 100);
    log.issue(
      TreasuryWarningCode.EU_RATE_ABOVE_MAX,
      'critical',
      plan.euFirstLines[k],
      amount - allowed,
      WarningVariant.Default,
      ratePct(amount, total),
      maxRate,
      allowed,
    );
  }
  if (plan.firstLeaderLine >= 0) recordLeaderIssues(plan, total, table, log);
  if (plan.repeatedKind) recordDoubleFunding(app, plan.lineRules, log);
  const surplus = Math.max(0, plan.fundedCents - total);
  if (surplus > 0)
    log.issue(TreasuryWarningCode.DOUBLE_FUNDING, 'warning', -1, surplus, WarningVariant.Surplus);
}

/** LEADER: FEADER ≤ 80 % of the public aid (1 € national calls 4 €), public aid ≤ 80 % of the cost. */
function recordLeaderIssues(
  plan: ApplicationCursor,
  total: number,
  table: RuleTable,
  log: TreasuryWarningLog,
): void {
  const leaderLine = plan.firstLeaderLine;
  const national = plan.nationalCents;
  const maxShare = table.leaderMaxShareOfPublicAidPct;
  // national ≥ feader × (100 − maxShare) / maxShare, rounded up to the cent.
  const requiredNational = Math.ceil((plan.leaderCents * (100 - maxShare)) / maxShare);
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
  const publicAid = plan.publicAidCents;
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
