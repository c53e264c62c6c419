import {
  APPLICATION_STATUSES,
  EU_AREAS,
  FUNDING_KINDS,
  FUNDING_LINE_STATUSES,
  MAX_RECURRING_FLOWS,
  TASK_KINDS,
} from './funding-kind.constants';
import type { FundingRules } from './funding-rules.types';
import { InputChecker, type InputRecord } from './input-checker.util';
import { fromMonthIndex, toMonthIndex } from './month.util';
import { formatEuros } from '@app/common';
import type { ApplicationInput, TreasurySettings } from './treasury.types';
import { TreasuryException, TreasuryExceptionCode } from './treasury.exception';
import type { ValidationIssue } from './validation-issue.types';

/** Longest delay we accept in a schedule: ten years is already a typo. */
const MAX_DELAY_MONTHS = 120;
/** Claims of one line: a monthly claim over ten years is already far beyond practice. */
const MAX_CLAIMS = 120;

/**
 * Field-level check of an application and its funding plan, as received from a client (unknown
 * shape). Returns every issue; an empty list means the input is a valid ApplicationInput.
 */
export function validateApplication(
  input: unknown,
  path = '',
  rules?: FundingRules,
): ValidationIssue[] {
  const check = new InputChecker();
  if (!check.record(path || '(application)', input)) return check.issues;
  checkApplication(check, input, path ? `${path}.` : '', rules);
  return check.issues;
}

export function validateTreasurySettings(input: unknown): ValidationIssue[] {
  const check = new InputChecker();
  if (!check.record('(settings)', input)) return check.issues;
  signedAmount(check, 'openingBalanceCents', input.openingBalanceCents);
  check.month('openingMonth', input.openingMonth);
  check.amount('minimumCashCents', input.minimumCashCents);
  if (check.list('recurring', input.recurring) && input.recurring.length > MAX_RECURRING_FLOWS) {
    check.add(
      'recurring',
      'TOO_LARGE',
      `Au plus ${MAX_RECURRING_FLOWS} flux récurrents : regroupez les lignes proches.`,
      `At most ${MAX_RECURRING_FLOWS} recurring flows: group similar lines.`,
    );
  } else if (Array.isArray(input.recurring)) {
    input.recurring.forEach((flow, i) => {
      const at = `recurring[${i}]`;
      if (!check.record(at, flow)) return;
      check.text(`${at}.label`, flow.label);
      check.oneOf(`${at}.direction`, flow.direction, ['in', 'out'] as const);
      check.amount(`${at}.amountCents`, flow.amountCents);
      const from = flow.fromMonth === undefined || check.month(`${at}.fromMonth`, flow.fromMonth);
      const to = flow.toMonth === undefined || check.month(`${at}.toMonth`, flow.toMonth);
      if (from && to && flow.fromMonth && flow.toMonth && flow.toMonth < flow.fromMonth) {
        check.add(
          `${at}.toMonth`,
          'END_BEFORE_START',
          'Le mois de fin précède le mois de début.',
          'The end month is before the start month.',
        );
      }
    });
  }
  return check.issues;
}

/** Throws a 400 TreasuryException listing every field at fault. */
export function assertValidApplication(
  input: unknown,
  path = '',
  rules?: FundingRules,
): asserts input is ApplicationInput {
  throwIfIssues(validateApplication(input, path, rules));
}

export function assertValidTreasurySettings(input: unknown): asserts input is TreasurySettings {
  throwIfIssues(validateTreasurySettings(input));
}

function throwIfIssues(issues: ValidationIssue[]): void {
  if (issues.length === 0) return;
  const first = issues[0];
  const more = issues.length > 1 ? ` (+${issues.length - 1} other issue(s))` : '';
  throw new TreasuryException(
    TreasuryExceptionCode.INVALID_INPUT,
    `${first.path}: ${first.messageEn}${more}`,
    {
      issues,
    },
  );
}

function checkApplication(
  check: InputChecker,
  app: InputRecord,
  p: string,
  rules: FundingRules | undefined,
): void {
  if (app.id !== undefined) check.text(`${p}id`, app.id);
  check.text(`${p}title`, app.title);
  check.oneOf(`${p}status`, app.status, APPLICATION_STATUSES);
  check.amount(`${p}totalCostCents`, app.totalCostCents);
  const start = check.monthOrDate(`${p}operationStart`, app.operationStart);
  const end = check.monthOrDate(`${p}operationEnd`, app.operationEnd);
  if (start && end && endsBeforeStart(app.operationStart as string, app.operationEnd as string)) {
    check.add(
      `${p}operationEnd`,
      'END_BEFORE_START',
      'L’opération se termine avant de commencer.',
      'The operation ends before it starts.',
    );
  }
  for (const field of ['submissionDeadline', 'submittedAt', 'notifiedAt'] as const) {
    if (app[field] !== undefined) check.date(`${p}${field}`, app[field]);
  }
  if (app.euArea !== undefined) check.oneOf(`${p}euArea`, app.euArea, EU_AREAS);
  if (app.expenses !== undefined) checkExpenses(check, app.expenses, `${p}expenses`);
  if (app.tasks !== undefined) checkTasks(check, app.tasks, `${p}tasks`);
  if (check.list(`${p}fundingLines`, app.fundingLines)) {
    checkLines(check, app.fundingLines, `${p}fundingLines`);
    // Claims read the operation's dates and expenses: only worth checking once those are sound.
    const sound = start && end && check.issues.length === 0;
    app.fundingLines.forEach((line, i) => {
      if (isRecordLike(line) && line.claims !== undefined)
        checkClaims(check, app, line, i, `${p}fundingLines[${i}]`, rules, !!sound);
    });
  }
}

function isRecordLike(value: unknown): value is InputRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A line's claims: filed on or after the operation's start, for a period of the operation, for at
 * most the expenses of that period, relying on other lines' payments; and only on a fund whose
 * matching rule the rules file gives (without it a claim could not be capped).
 */
function checkClaims(
  check: InputChecker,
  app: InputRecord,
  line: InputRecord,
  index: number,
  p: string,
  rules: FundingRules | undefined,
  sound: boolean,
): void {
  const at = `${p}.claims`;
  if (!check.list(at, line.claims)) return;
  if (line.claims.length > MAX_CLAIMS) {
    check.add(
      at,
      'TOO_LARGE',
      `Au plus ${MAX_CLAIMS} demandes de paiement par ligne.`,
      `At most ${MAX_CLAIMS} claims per line.`,
    );
    return;
  }
  if (line.claims.length === 0) return;
  const kind = typeof line.kind === 'string' ? line.kind : null;
  const rule = kind && rules ? rules.kinds[kind as 'OTHER'] : undefined;
  if (rules && kind && (!rule || !rule.reimbursementBased || !rule.matching)) {
    check.add(
      at,
      'NO_MATCHING_RULE',
      `Aucune règle d’appariement pour ce fonds (${rule?.label ?? kind}) dans config/funding-rules.yaml : seules les lignes d’un fonds remboursé sur justificatifs (FSE+, FEADER – LEADER, FEDER, Interreg) ont des demandes de paiement.`,
      `No matching rule for this fund (${kind}) in config/funding-rules.yaml: only reimbursement funds take claims.`,
    );
    return;
  }
  if (isRecordLike(line.schedule) && line.schedule.interim !== undefined) {
    check.add(
      at,
      'UNKNOWN_VALUE',
      'Saisissez soit des demandes de paiement, soit des acomptes en pourcentage (schedule.interim), pas les deux.',
      'Give either claims or schedule.interim, not both.',
    );
  }
  const lineCount = Array.isArray(app.fundingLines) ? app.fundingLines.length : 0;
  line.claims.forEach((claim, k) => {
    const c = `${at}[${k}]`;
    if (!check.record(c, claim)) return;
    const filedOk = check.date(`${c}.filedOn`, claim.filedOn);
    if (claim.planned !== undefined && typeof claim.planned !== 'boolean')
      check.add(`${c}.planned`, 'UNKNOWN_VALUE', 'Oui ou non attendu.', 'Expected true or false.');
    const fromOk = check.month(`${c}.periodStart`, claim.periodStart);
    const toOk = check.month(`${c}.periodEnd`, claim.periodEnd);
    const expensesOk =
      claim.expensesCents === undefined || check.amount(`${c}.expensesCents`, claim.expensesCents);
    checkClaimProofs(check, claim.cofinancing, `${c}.cofinancing`, index, lineCount);
    if (rule?.matching?.mode === 'national_paid' && rules && Array.isArray(claim.cofinancing))
      checkNationalProofs(check, app, claim.cofinancing, `${c}.cofinancing`, rules);
    if (!sound) return;
    const start = toMonthIndex(app.operationStart as string);
    const end = toMonthIndex(app.operationEnd as string);
    const startDay =
      (app.operationStart as string).length === 10 ? (app.operationStart as string) : null;
    let filedLate = filedOk;
    if (filedOk) {
      const filed = claim.filedOn as string;
      if (startDay ? filed < startDay : toMonthIndex(filed) < start) {
        filedLate = false;
        check.add(
          `${c}.filedOn`,
          'CLAIM_BEFORE_START',
          'La demande de paiement est datée d’avant le début de l’opération.',
          'The claim is dated before the operation starts.',
        );
      }
    }
    if (!fromOk || !toOk) return;
    const from = toMonthIndex(claim.periodStart as string);
    const to = toMonthIndex(claim.periodEnd as string);
    if (to < from) {
      check.add(
        `${c}.periodEnd`,
        'END_BEFORE_START',
        'La période de la demande se termine avant de commencer.',
        'The claim’s period ends before it starts.',
      );
      return;
    }
    if (from < start || to > end) {
      check.add(
        from < start ? `${c}.periodStart` : `${c}.periodEnd`,
        'OUT_OF_RANGE',
        `La période de la demande doit être comprise dans l’opération (${fromMonthIndex(start)} à ${fromMonthIndex(end)}).`,
        `The claim’s period must lie within the operation (${fromMonthIndex(start)} to ${fromMonthIndex(end)}).`,
      );
      return;
    }
    if (filedLate && toMonthIndex(claim.filedOn as string) < to) {
      check.add(
        `${c}.filedOn`,
        'CLAIM_BEFORE_PERIOD_END',
        'Une demande de paiement se dépose après la fin de la période qu’elle couvre.',
        'A claim is filed after the end of the period it covers.',
      );
    }
    if (expensesOk && typeof claim.expensesCents === 'number') {
      const available = expensesOfPeriod(app as unknown as ApplicationInput, from, to, start, end);
      if (claim.expensesCents > available) {
        check.add(
          `${c}.expensesCents`,
          'CLAIM_ABOVE_EXPENSES',
          `La demande présente ${formatEuros(claim.expensesCents)} de dépenses, plus que celles de sa période (${formatEuros(available)}).`,
          `The claim presents ${claim.expensesCents} cents of expenses, more than its period's ${available}.`,
        );
      }
    }
  });
}

function checkClaimProofs(
  check: InputChecker,
  proofs: unknown,
  at: string,
  ownLine: number,
  lineCount: number,
): void {
  if (proofs === undefined || proofs === 'received_by_claim') return;
  if (!Array.isArray(proofs)) {
    check.add(
      at,
      'UNKNOWN_VALUE',
      '« received_by_claim » ou une liste de versements de cofinanceurs attendu.',
      'Expected "received_by_claim" or a list of co-financer payments.',
    );
    return;
  }
  proofs.forEach((proof, k) => {
    const p = `${at}[${k}]`;
    if (!check.record(p, proof)) return;
    if (
      check.integerBetween(`${p}.line`, proof.line, 0, Math.max(0, lineCount - 1)) &&
      proof.line === ownLine
    ) {
      check.add(
        `${p}.line`,
        'UNKNOWN_VALUE',
        'Une demande s’appuie sur le versement d’un autre financeur, pas sur sa propre ligne.',
        'A claim relies on another line’s payment, not on its own line.',
      );
    }
    check.month(`${p}.month`, proof.month);
  });
}

/** LEADER is matched on national public money: a proof must be a national co-financer's payment. */
function checkNationalProofs(
  check: InputChecker,
  app: InputRecord,
  proofs: unknown[],
  at: string,
  rules: FundingRules,
): void {
  const lines = Array.isArray(app.fundingLines) ? app.fundingLines : [];
  proofs.forEach((proof, k) => {
    if (!isRecordLike(proof) || typeof proof.line !== 'number') return;
    const line = lines[proof.line] as InputRecord | undefined;
    const kind = line && typeof line.kind === 'string' ? rules.kinds[line.kind as 'OTHER'] : null;
    if (kind && !kind.nationalPublicCofinancer)
      check.add(
        `${at}[${k}].line`,
        'UNKNOWN_VALUE',
        `Cette ligne (${kind.label}) n’est pas un cofinanceur public national : son versement ne débloque pas de FEADER.`,
        'This line is not a national public co-financer: its payment unlocks no FEADER.',
      );
  });
}

/** Expenses of months [from, to], as the cash plan spreads or lists them. */
function expensesOfPeriod(
  app: ApplicationInput,
  from: number,
  to: number,
  start: number,
  end: number,
): number {
  if (app.expenses) {
    let total = 0;
    for (const expense of app.expenses) {
      const m = toMonthIndex(expense.month);
      if (m >= from && m <= to) total += expense.amountCents;
    }
    return total;
  }
  const months = end - start + 1;
  const share = Math.floor(app.totalCostCents / months);
  const last = app.totalCostCents - share * (months - 1);
  return share * (to - from + 1) + (to === end ? last - share : 0);
}

function endsBeforeStart(start: string, end: string): boolean {
  // Two full dates compare by day; otherwise by month (a month-only end covers its whole month).
  if (start.length === 10 && end.length === 10) return end < start;
  return toMonthIndex(end) < toMonthIndex(start);
}

function checkExpenses(check: InputChecker, expenses: unknown, at: string): void {
  if (!check.list(at, expenses)) return;
  expenses.forEach((expense, i) => {
    const p = `${at}[${i}]`;
    if (!check.record(p, expense)) return;
    check.month(`${p}.month`, expense.month);
    check.amount(`${p}.amountCents`, expense.amountCents);
    if (expense.committedOn !== undefined) check.date(`${p}.committedOn`, expense.committedOn);
  });
}

function checkTasks(check: InputChecker, tasks: unknown, at: string): void {
  if (!check.list(at, tasks)) return;
  tasks.forEach((task, i) => {
    const p = `${at}[${i}]`;
    if (!check.record(p, task)) return;
    check.text(`${p}.label`, task.label);
    check.oneOf(`${p}.kind`, task.kind, TASK_KINDS);
    check.date(`${p}.dueDate`, task.dueDate);
  });
}

function checkLines(check: InputChecker, lines: unknown[], at: string): void {
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    const p = `${at}[${i}]`;
    if (!check.record(p, line)) return;
    if (line.id !== undefined && check.text(`${p}.id`, line.id)) {
      if (seen.has(line.id))
        check.add(
          `${p}.id`,
          'DUPLICATE_ID',
          'Cet identifiant de ligne est déjà utilisé.',
          'This line id is already used.',
        );
      seen.add(line.id);
    }
    check.text(`${p}.funder`, line.funder);
    const kindOk = check.oneOf(`${p}.kind`, line.kind, FUNDING_KINDS);
    const amountOk = check.amount(`${p}.amountCents`, line.amountCents);
    check.oneOf(`${p}.status`, line.status, FUNDING_LINE_STATUSES);
    if (line.signedAt !== undefined) check.date(`${p}.signedAt`, line.signedAt);
    if (line.schedule !== undefined)
      checkSchedule(
        check,
        line.schedule,
        `${p}.schedule`,
        amountOk ? (line.amountCents as number) : null,
      );
    if (kindOk && line.kind === 'BRIDGE_LOAN') {
      if (check.record(`${p}.bridge`, line.bridge))
        check.month(`${p}.bridge.endMonth`, line.bridge.endMonth);
    }
  });
}

function checkSchedule(
  check: InputChecker,
  schedule: unknown,
  p: string,
  amountCents: number | null,
): void {
  if (!check.record(p, schedule)) return;
  let sharePct = 0;
  if (
    schedule.advancePct !== undefined &&
    check.numberBetween(`${p}.advancePct`, schedule.advancePct, 0, 100)
  ) {
    sharePct += schedule.advancePct;
  }
  for (const field of ['advanceDelayMonths', 'balanceDelayMonths', 'claimDelayMonths'] as const) {
    if (schedule[field] !== undefined)
      check.integerBetween(`${p}.${field}`, schedule[field], 0, MAX_DELAY_MONTHS);
  }
  if (schedule.interim !== undefined && check.list(`${p}.interim`, schedule.interim)) {
    schedule.interim.forEach((interim, i) => {
      const at = `${p}.interim[${i}]`;
      if (!check.record(at, interim)) return;
      if (check.numberBetween(`${at}.pct`, interim.pct, 0, 100)) sharePct += interim.pct;
      check.integerBetween(`${at}.monthsAfterStart`, interim.monthsAfterStart, 0, MAX_DELAY_MONTHS);
    });
  }
  if (sharePct > 100) {
    check.add(
      `${p}.interim`,
      'SHARES_EXCEED_100',
      `Avance et acomptes totalisent ${sharePct} % du montant, plus de 100 %.`,
      `Advance and interim payments add up to ${sharePct}% of the amount, over 100%.`,
    );
  }
  if (schedule.payments !== undefined)
    checkPayments(check, schedule.payments, `${p}.payments`, amountCents);
}

function checkPayments(
  check: InputChecker,
  payments: unknown,
  at: string,
  amountCents: number | null,
): void {
  if (!check.list(at, payments)) return;
  let total = 0;
  payments.forEach((payment, i) => {
    const p = `${at}[${i}]`;
    if (!check.record(p, payment)) return;
    check.month(`${p}.month`, payment.month);
    if (check.amount(`${p}.amountCents`, payment.amountCents)) total += payment.amountCents;
  });
  if (amountCents !== null && total > amountCents) {
    check.add(
      at,
      'PAYMENTS_EXCEED_AMOUNT',
      `Les versements (${total} centimes) dépassent le montant de la ligne (${amountCents} centimes).`,
      `Payments (${total} cents) exceed the line amount (${amountCents} cents).`,
    );
  }
}

function signedAmount(check: InputChecker, path: string, value: unknown): void {
  // An opening balance may be negative (an overdraft), unlike every other amount.
  if (typeof value === 'number' && Number.isInteger(value) && value < 0) {
    check.amount(path, -value);
    return;
  }
  check.amount(path, value);
}
