import * as applicationPlans from './application-plan.builder';
import type { ApplicationCursor } from './application-plan.builder';
import * as money from './money.util';
import * as monthUtil from './month.util';
import type { MonthIndex } from './month.util';
import type { LineSchedules } from './payment-schedule.builder';
import type { RuleTable } from './rule-table.builder';
import type { IsoDate } from './treasury.types';
import * as warningCodes from './treasury-warning-code.enum';
import type { TreasuryWarningLog } from './treasury-warning.log';
import * as warningMessages from './warning-message.builder';

// The inner loops call these through module-level copies: swc's CommonJS output reads an
// imported binding through a getter at every use, which there costs as much as the arithmetic.
const { NO_MONTH } = applicationPlans;
const { mulDivFloor } = money;
const { addDays, lastDayNumber, toDateNumber, toMonthIndex } = monthUtil;
const { TreasuryWarningCode } = warningCodes;
const { WarningVariant } = warningMessages;

/** Warnings that follow from the computed payment schedules of a funded application. */
export function recordScheduleWarnings(
  plan: ApplicationCursor,
  schedules: LineSchedules,
  table: RuleTable,
  log: TreasuryWarningLog,
): void {
  for (let i = 0; i < plan.lineCount; i++) {
    const rule = plan.lineRules[i];
    if (!rule.reimbursementBased) continue;
    if (schedules.lastMonth[i] !== NO_MONTH)
      recordReceiptWarnings(plan, schedules, i, table.singleFinalPaymentSharePct, log);
    recordRepayment(plan, schedules, i, log);
  }
  if (plan.hasLoan) recordShortBridges(plan, schedules, log);
  for (const claim of schedules.unmatched) {
    log.add(
      TreasuryWarningCode.CLAIM_UNMATCHED,
      'warning',
      plan.app,
      plan.position,
      claim.line,
      claim.month,
      claim.cents,
      WarningVariant.Default,
      claim.claim,
      claim.unlockLine,
      claim.unlockMonth,
    );
  }
}

/**
 * Rules 1 and 2 for an EU fund that pays something, in one pass over its receipts.
 *
 * Rule 1: what the structure carries, rate × eligible spending so far minus what the fund has
 * paid so far, month by month until its last payment. Records the peak and its month, and the
 * months carried (p1) with the first (p2) and last (p3) of them. Between two receipts the amount
 * carried can only grow (spending only accumulates), so the months are taken a stretch at a time:
 * the stretch's last month gives its largest amount, and the first month above a level is found
 * by arithmetic (spread spending) or by halving.
 *
 * Rule 2: most of the EU share arrives only after the operation ends (p1: its share, in %).
 */
function recordReceiptWarnings(
  plan: ApplicationCursor,
  schedules: LineSchedules,
  i: number,
  singleFinalSharePct: number,
  log: TreasuryWarningLog,
): void {
  const last = schedules.lastMonth[i];
  const owed = OWED.reset(plan, plan.app.fundingLines[i].amountCents);
  const { month: payMonth, amount: payAmount, label: payLabel } = schedules;
  const to = schedules.from[i] + schedules.count[i];
  const end = plan.endIndex;
  // Receipts are taken in the month they fall in; one paid before the operation starts (an
  // advance on a line signed well before it) is already in hand at the start.
  let next = schedules.from[i];
  let received = 0;
  // What the line already has: an advance, interim payments (rule 2's advice names only the rest).
  let advanceSeen = false;
  let interimSeen = false;
  while (next < to && payMonth[next] < plan.startIndex) {
    if (payAmount[next] > 0 && payLabel[next] === 0) advanceSeen = true;
    received += payAmount[next++];
  }
  let peak = 0;
  let peakMonth = plan.startIndex;
  let carriedMonths = 0;
  let firstMonth = NO_MONTH;
  let lastMonth = plan.startIndex;
  let afterEndCents = 0;
  let lastAfterEnd = NO_MONTH;

  for (let m = plan.startIndex; m <= last;) {
    for (; next < to && payMonth[next] === m; next++) {
      const cents = payAmount[next];
      received += cents;
      if (cents > 0 && payLabel[next] === 0) advanceSeen = true;
      else if (cents > 0 && payLabel[next] === 1) interimSeen = true;
      if (m > end && cents > 0) {
        afterEndCents += cents;
        lastAfterEnd = m;
      }
    }
    const stretchEnd = next < to ? payMonth[next] - 1 : last;
    const owedAtEnd = owed.through(stretchEnd);
    const carriedAtEnd = owedAtEnd - received;
    if (carriedAtEnd > 0) {
      const firstCarried = owed.firstMonthReaching(received + 1, m, stretchEnd);
      carriedMonths += stretchEnd - firstCarried + 1;
      if (firstMonth === NO_MONTH) firstMonth = firstCarried;
      lastMonth = stretchEnd;
      if (carriedAtEnd > peak) {
        peak = carriedAtEnd;
        peakMonth = owed.firstMonthOwing(owedAtEnd, m, stretchEnd);
      }
    }
    m = stretchEnd + 1;
  }
  const { app, position } = plan;
  if (peak > 0) {
    const code = TreasuryWarningCode.EU_PREFINANCING;
    const variant = WarningVariant.Default;
    log.add(
      code,
      'warning',
      app,
      position,
      i,
      peakMonth,
      peak,
      variant,
      carriedMonths,
      firstMonth,
      lastMonth,
    );
  }
  const due = schedules.dueCents[i];
  if (due <= 0 || lastAfterEnd === NO_MONTH || afterEndCents * 100 < singleFinalSharePct * due)
    return;
  // A plan that already has an interim claim (or an advance) is not told to ask for one: p2 and p3
  // say what it has (1) and the message advises only what is missing.
  const line = plan.app.fundingLines[i];
  const interimPlanned =
    interimSeen || (line.claims?.length ?? 0) > 0 || (line.schedule?.interim?.length ?? 0) > 0;
  log.add(
    TreasuryWarningCode.SINGLE_FINAL_PAYMENT,
    'warning',
    app,
    position,
    i,
    lastAfterEnd,
    afterEndCents,
    WarningVariant.Default,
    Math.round((afterEndCents * 100) / due),
    advanceSeen ? 1 : 0,
    interimPlanned ? 1 : 0,
  );
}

/**
 * What a reimbursement line owes through a month: rate × eligible spending so far (no control
 * haircut), never above its amount. Never decreases from one month to the next.
 */
class OwedSoFar {
  private plan!: ApplicationCursor;
  private amount = 0;
  /** Spread spending: amount × monthly share, when exact (else 0 and the general way is taken). */
  private step = 0;
  /** What is owed from the end of the operation on (spending stops); −1 until computed. */
  private atEnd = -1;

  reset(plan: ApplicationCursor, amount: number): this {
    this.plan = plan;
    this.amount = amount;
    const step = plan.spread ? amount * plan.spreadShareCents : 0;
    this.step = step <= Number.MAX_SAFE_INTEGER ? step : 0;
    this.atEnd = -1;
    return this;
  }

  through(month: MonthIndex): number {
    if (month < this.plan.endIndex) return this.owed(month);
    if (this.atEnd < 0) this.atEnd = this.owed(this.plan.endIndex);
    return this.atEnd;
  }

  /** The first month of [from, to] owing at least `level`; `through(to)` must reach it. */
  firstMonthReaching(level: number, from: MonthIndex, to: MonthIndex): MonthIndex {
    const plan = this.plan;
    // From the end on, every month owes what `to` owes.
    if (level <= 0 || from >= plan.endIndex) return from;
    const need = level * plan.app.totalCostCents;
    if (this.step > 0 && need <= Number.MAX_SAFE_INTEGER) {
      // Before the last month, spread spending owes floor(step × k / total) after k eligible
      // months: the first k with step × k ≥ level × total. The last month owes at least as much.
      const months = ceilDiv(need, this.step);
      const month = plan.startIndex + plan.earlyCount - 1 + months;
      return Math.max(from, Math.min(month, plan.endIndex));
    }
    return this.searchFirstMonthReaching(level, from, to);
  }

  /**
   * The first month of [from, to] owing `level`, what `to` owes. While every month adds a cent or
   * more (spread spending, before the last month, below the amount) the amount owed grows each
   * month, so that is `to` itself; the arithmetic of `firstMonthReaching` gives the same.
   */
  firstMonthOwing(level: number, from: MonthIndex, to: MonthIndex): MonthIndex {
    const plan = this.plan;
    const total = plan.app.totalCostCents;
    const growsEachMonth = total > 0 && this.step >= total && level < this.amount;
    if (growsEachMonth && to < plan.endIndex && to - plan.startIndex >= plan.earlyCount) return to;
    return this.firstMonthReaching(level, from, to);
  }

  /** By halving: listed expenses, or figures too large for exact products. */
  private searchFirstMonthReaching(level: number, from: MonthIndex, to: MonthIndex): MonthIndex {
    let low = from;
    let high = to;
    while (low < high) {
      const middle = low + ((high - low) >> 1);
      if (this.through(middle) >= level) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  private owed(month: MonthIndex): number {
    const total = this.plan.app.totalCostCents;
    if (total === 0) return 0;
    return Math.min(this.amount, mulDivFloor(this.amount, this.plan.eligibleThrough(month), total));
  }
}

// One for all lines: the scan is synchronous and starts each line with `reset`.
const OWED = new OwedSoFar();

/** ⌈a / b⌉ for positive integers below 2^53 (the floor of the quotient is exact there). */
function ceilDiv(a: number, b: number): number {
  const quotient = Math.floor(a / b);
  return quotient * b < a ? quotient + 1 : quotient;
}

/** Rule 4: under-spending (or the stress scenario's control haircut) makes the advance exceed what is due. */
function recordRepayment(
  plan: ApplicationCursor,
  schedules: LineSchedules,
  i: number,
  log: TreasuryWarningLog,
): void {
  const repayment = schedules.repaymentCents[i];
  if (repayment === 0) return;
  const month = schedules.lastMonth[i];
  const { app, position } = plan;
  const code = TreasuryWarningCode.ADVANCE_REPAYMENT_RISK;
  log.add(code, 'critical', app, position, i, month, repayment, WarningVariant.Default, 0, 0, 0);
}

/** Rule 11: a bridge loan repaid before the grant it pre-finances has arrived (p1: that month). */
function recordShortBridges(
  plan: ApplicationCursor,
  schedules: LineSchedules,
  log: TreasuryWarningLog,
): void {
  let lastGrantMonth = -Infinity;
  for (let i = 0; i < plan.lineCount; i++) {
    if (plan.lineRules[i].isLoan) continue;
    const to = schedules.from[i] + schedules.count[i];
    for (let k = schedules.from[i]; k < to; k++)
      if (schedules.amount[k] > 0) lastGrantMonth = Math.max(lastGrantMonth, schedules.month[k]);
  }
  for (let i = 0; i < plan.lineCount; i++) {
    const repaid = schedules.lastMonth[i];
    if (!plan.lineRules[i].isLoan || repaid === NO_MONTH || repaid >= lastGrantMonth) continue;
    log.add(
      TreasuryWarningCode.BRIDGE_TOO_SHORT,
      'critical',
      plan.app,
      plan.position,
      i,
      repaid,
      plan.app.fundingLines[i].amountCents,
      WarningVariant.Default,
      lastGrantMonth,
      0,
      0,
    );
  }
}

/** What the calendar warnings compare against, computed once per projection. */
export interface CalendarContext {
  table: RuleTable;
  asOf: IsoDate;
  asOfNumber: number;
  /** Last day a submission deadline counts as "soon". */
  deadlineHorizon: IsoDate;
  /** Last day a report counts as due. */
  reportHorizon: IsoDate;
  reportHorizonNumber: number;
  yearAgoNumber: number;
}

export function calendarContext(table: RuleTable, asOf: IsoDate): CalendarContext {
  const reportHorizon = addDays(asOf, table.reportDueDays);
  return {
    table,
    asOf,
    asOfNumber: toDateNumber(asOf),
    deadlineHorizon: addDays(asOf, table.deadlineSoonDays),
    reportHorizon,
    reportHorizonNumber: toDateNumber(reportHorizon),
    yearAgoNumber: toDateNumber(addDays(asOf, -365)),
  };
}

/** Warnings that need no schedule: the incentive rule, the State's legal delay, deadlines and reports. */
export function recordCalendarWarnings(
  plan: ApplicationCursor,
  ctx: CalendarContext,
  funded: boolean,
  log: TreasuryWarningLog,
): void {
  if (plan.earlyCount > 0) recordExpenseBeforeSubmission(plan, log);
  if (plan.app.notifiedAt) recordStatePaymentLate(plan, ctx, log);
  if (plan.app.submissionDeadline) recordDeadlineSoon(plan, ctx, log);
  recordReportsDue(plan, ctx, funded, log);
}

/** Rules 6–7: spending committed before the filing receipt is ineligible, whoever funds it. */
function recordExpenseBeforeSubmission(plan: ApplicationCursor, log: TreasuryWarningLog): void {
  log.add(
    TreasuryWarningCode.EXPENSE_BEFORE_SUBMISSION,
    plan.hasEuFund ? 'critical' : 'warning',
    plan.app,
    plan.position,
    -1,
    plan.earlyFirstMonth,
    plan.earlyCents,
    WarningVariant.Default,
    0,
    0,
    0,
  );
}

/** Rule 9: a State grant is legally due 60 days after notification (loi 2021-875). */
function recordStatePaymentLate(
  plan: ApplicationCursor,
  ctx: CalendarContext,
  log: TreasuryWarningLog,
): void {
  const dueDate = addDays(plan.app.notifiedAt as IsoDate, ctx.table.statePaymentLegalDays);
  const dueMonth = toMonthIndex(dueDate);
  const overdue = ctx.asOf > dueDate;
  const lines = plan.app.fundingLines;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.kind !== 'STATE' || line.status === 'received') continue;
    if (!overdue && !paidOnlyAfter(line.schedule?.payments, dueMonth)) continue;
    log.add(
      TreasuryWarningCode.STATE_PAYMENT_LATE,
      'warning',
      plan.app,
      plan.position,
      i,
      dueMonth,
      line.amountCents,
      WarningVariant.Default,
      0,
      0,
      0,
    );
  }
}

/** True when the client's own payment dates all fall after the legal due month. */
function paidOnlyAfter(payments: { month: string }[] | undefined, dueMonth: MonthIndex): boolean {
  if (!payments || payments.length === 0) return false;
  for (const payment of payments) if (toMonthIndex(payment.month) <= dueMonth) return false;
  return true;
}

function recordDeadlineSoon(
  plan: ApplicationCursor,
  ctx: CalendarContext,
  log: TreasuryWarningLog,
): void {
  const deadline = plan.app.submissionDeadline as IsoDate;
  const status = plan.app.status;
  if (status !== 'idea' && status !== 'preparing') return;
  if (deadline < ctx.asOf || deadline > ctx.deadlineHorizon) return;
  log.add(
    TreasuryWarningCode.DEADLINE_SOON,
    'warning',
    plan.app,
    plan.position,
    -1,
    toMonthIndex(deadline),
    NaN,
    WarningVariant.Default,
    0,
    0,
    0,
  );
}

/**
 * Rules 1 and 10: interim and final reports (p1: the task's index); FSE+ always needs its final
 * bilan within 6 months of the end (p1 = −1 when no task mentions it).
 */
function recordReportsDue(
  plan: ApplicationCursor,
  ctx: CalendarContext,
  funded: boolean,
  log: TreasuryWarningLog,
): void {
  const tasks = plan.app.tasks;
  let finalReportPlanned = false;
  for (let k = 0; tasks && k < tasks.length; k++) {
    const task = tasks[k];
    if (task.done || task.kind === 'other') continue;
    if (task.kind === 'final_report') finalReportPlanned = true;
    if (task.dueDate <= ctx.reportHorizon)
      recordReportDue(plan, task.dueDate < ctx.asOf, toMonthIndex(task.dueDate), k, log);
  }
  if (!funded || finalReportPlanned) return;
  const fse = plan.firstFseLine;
  const delay = fse < 0 ? null : plan.lineRules[fse].finalReportDelayMonths;
  if (delay === null) return;
  const month = plan.endIndex + delay;
  const dueDay = lastDayNumber(month);
  // Only a bilan due within the horizon and at most a year late is still worth a reminder.
  if (dueDay <= ctx.reportHorizonNumber && dueDay >= ctx.yearAgoNumber)
    recordReportDue(plan, dueDay < ctx.asOfNumber, month, -1, log);
}

function recordReportDue(
  plan: ApplicationCursor,
  late: boolean,
  month: MonthIndex,
  task: number,
  log: TreasuryWarningLog,
): void {
  log.add(
    TreasuryWarningCode.REPORT_DUE,
    late ? 'critical' : 'warning',
    plan.app,
    plan.position,
    -1,
    month,
    NaN,
    WarningVariant.Default,
    task,
    0,
    0,
  );
}
