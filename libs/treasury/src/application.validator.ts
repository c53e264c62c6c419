import {
  APPLICATION_STATUSES,
  EU_AREAS,
  FUNDING_KINDS,
  FUNDING_LINE_STATUSES,
  MAX_RECURRING_FLOWS,
  TASK_KINDS,
} from './funding-kind.constants';
import { InputChecker, type InputRecord } from './input-checker.util';
import { toMonthIndex } from './month.util';
import type { ApplicationInput, TreasurySettings } from './treasury.types';
import { TreasuryException, TreasuryExceptionCode } from './treasury.exception';
import type { ValidationIssue } from './validation-issue.types';

/** Longest delay we accept in a schedule: ten years is already a typo. */
const MAX_DELAY_MONTHS = 120;

/**
 * Field-level check of an application and its funding plan, as received from a client (unknown
 * shape). Returns every issue; an empty list means the input is a valid ApplicationInput.
 */
export function validateApplication(input: unknown, path = ''): ValidationIssue[] {
  const check = new InputChecker();
  if (!check.record(path || '(application)', input)) return check.issues;
  checkApplication(check, input, path ? `${path}.` : '');
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
): asserts input is ApplicationInput {
  throwIfIssues(validateApplication(input, path));
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

function checkApplication(check: InputChecker, app: InputRecord, p: string): void {
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
  if (check.list(`${p}fundingLines`, app.fundingLines))
    checkLines(check, app.fundingLines, `${p}fundingLines`);
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
  for (const field of ['advanceDelayMonths', 'balanceDelayMonths'] as const) {
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
