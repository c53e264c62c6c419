import { assertValidApplication, assertValidTreasurySettings } from './application.validator';
import { buildApplicationPlan, type ApplicationPlan } from './application-plan.builder';
import { cashWarnings } from './cash-warning.builder';
import { checkFundingPlan } from './funding-plan.checker';
import {
  ACTIVE_APPLICATION_STATUSES,
  FUNDED_APPLICATION_STATUSES,
  type FundingKind,
} from './funding-kind.constants';
import type { FundingRules } from './funding-rules.types';
import { fromMonthIndex, isIsoDate, isMonth, toMonthIndex, type MonthIndex } from './month.util';
import { buildApplicationSchedules } from './payment-schedule.builder';
import { calendarContext, calendarWarnings, scheduleWarnings } from './schedule-warning.builder';
import type {
  TreasuryMonth,
  TreasuryMovement,
  TreasuryProjection,
  TreasuryWarning,
} from './treasury-projection.types';
import type {
  ApplicationInput,
  IsoDate,
  Month,
  TreasuryScenario,
  TreasurySettings,
} from './treasury.types';
import { TreasuryException, TreasuryExceptionCode } from './treasury.exception';

/** Ten years: the longest horizon a monthly cash plan makes sense for. */
const MAX_MONTHS = 120;

export interface ProjectTreasuryInput {
  settings: TreasurySettings;
  applications: ApplicationInput[];
  rules: FundingRules;
  from: Month;
  months: number;
  scenario?: TreasuryScenario;
  /** Count `submitted` applications as if granted ("if granted" view). Default false. */
  includeSubmitted?: boolean;
  /** Today, for deadlines, reports and the State's legal delay. Default: today in Europe/Paris. */
  asOf?: IsoDate;
  /** Skip validating settings and applications when the caller already did (the API does on write). Default true. The range (from, months, scenario, asOf) is always checked. */
  validate?: boolean;
}

/**
 * The monthly cash plan of a structure. Movements before `settings.openingMonth` are taken as
 * already in the opening balance; those between the opening month and `from` roll it forward.
 */
export function projectTreasury(input: ProjectTreasuryInput): TreasuryProjection {
  if (input.validate !== false) validateProjectionInput(input);
  else assertValidRange(input);
  const scenario = input.scenario ?? 'expected';
  const asOf = input.asOf ?? todayInParis();
  const openingIndex = toMonthIndex(input.settings.openingMonth);
  const fromIndex = toMonthIndex(input.from);
  const ledger = new Ledger(openingIndex, fromIndex, fromIndex + input.months - 1);
  const warnings: TreasuryWarning[] = [];
  const planWarnings: TreasuryWarning[] = [];
  const calendar = calendarContext(input.rules, asOf);

  input.applications.forEach((app, position) => {
    if (!ACTIVE_APPLICATION_STATUSES.includes(app.status) && app.status !== 'closed') return;
    const plan = buildApplicationPlan(app, position, input.rules);
    const funded = isFunded(app, input.includeSubmitted ?? false);
    if (app.status !== 'closed')
      planWarnings.push(...checkFundingPlan(app, input.rules, position).issues);
    if (funded) {
      const schedules = buildApplicationSchedules(plan, scenario);
      recordApplication(ledger, plan, schedules);
      planWarnings.push(...scheduleWarnings(plan, schedules, input.rules));
    }
    if (app.status !== 'closed') planWarnings.push(...calendarWarnings(plan, calendar, funded));
  });
  recordRecurring(ledger, input.settings);

  const months = ledger.months(input.settings.openingBalanceCents);
  warnings.push(...cashWarnings(months, input.settings), ...planWarnings);
  return { months, warnings, peakNeed: peakNeed(months) };
}

function isFunded(app: ApplicationInput, includeSubmitted: boolean): boolean {
  return (
    FUNDED_APPLICATION_STATUSES.includes(app.status) ||
    (includeSubmitted && app.status === 'submitted')
  );
}

function validateProjectionInput(input: ProjectTreasuryInput): void {
  assertValidTreasurySettings(input.settings);
  input.applications.forEach((app, i) => assertValidApplication(app, `applications[${i}]`));
  assertValidRange(input);
}

function assertValidRange(input: ProjectTreasuryInput): void {
  const rangeError = (field: string, message: string) =>
    new TreasuryException(TreasuryExceptionCode.INVALID_RANGE, `${field}: ${message}`, { field });
  if (!isMonth(input.from)) throw rangeError('from', 'expected a month as YYYY-MM');
  if (!Number.isInteger(input.months) || input.months < 1 || input.months > MAX_MONTHS) {
    throw rangeError('months', `expected a whole number between 1 and ${MAX_MONTHS}`);
  }
  if (input.from < input.settings.openingMonth) {
    throw rangeError(
      'from',
      `the projection cannot start before the opening month ${input.settings.openingMonth}`,
    );
  }
  if (
    input.scenario !== undefined &&
    input.scenario !== 'expected' &&
    input.scenario !== 'stress'
  ) {
    throw rangeError('scenario', 'expected "expected" or "stress"');
  }
  if (input.asOf !== undefined && !isIsoDate(input.asOf))
    throw rangeError('asOf', 'expected a date as YYYY-MM-DD');
}

function recordApplication(
  ledger: Ledger,
  plan: ApplicationPlan,
  schedules: ReturnType<typeof buildApplicationSchedules>,
): void {
  for (const expense of plan.expenses) {
    ledger.add(expense.monthIndex, -expense.amountCents, plan.id, null, null, expense.label);
  }
  for (const schedule of schedules) {
    const { key, input, rule } = schedule.line;
    for (const payment of schedule.payments) {
      if (!ledger.covers(payment.monthIndex)) continue;
      const label = ledger.inWindow(payment.monthIndex)
        ? `${payment.label} ${rule.label} – ${input.funder}`
        : '';
      ledger.add(payment.monthIndex, payment.amountCents, plan.id, key, input.kind, label);
    }
  }
}

function recordRecurring(ledger: Ledger, settings: TreasurySettings): void {
  for (const flow of settings.recurring) {
    const first = Math.max(
      ledger.firstIndex,
      flow.fromMonth ? toMonthIndex(flow.fromMonth) : ledger.firstIndex,
    );
    const last = Math.min(
      ledger.lastIndex,
      flow.toMonth ? toMonthIndex(flow.toMonth) : ledger.lastIndex,
    );
    const signed = flow.direction === 'in' ? flow.amountCents : -flow.amountCents;
    for (let m = first; m <= last; m++) ledger.add(m, signed, null, null, null, flow.label);
  }
}

/** Most negative closing balance; none when the cash never goes below zero. */
function peakNeed(months: TreasuryMonth[]): TreasuryProjection['peakNeed'] {
  let lowest: TreasuryMonth | null = null;
  for (const month of months)
    if (month.closingCents < 0 && (!lowest || month.closingCents < lowest.closingCents))
      lowest = month;
  return lowest
    ? { month: lowest.month, amountCents: -lowest.closingCents }
    : { month: null, amountCents: 0 };
}

function todayInParis(): IsoDate {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(new Date());
}

/**
 * Month-indexed sums from the opening month to the end of the window. Movement details are built
 * only for months inside the window; months before it only roll the balance forward.
 */
class Ledger {
  private readonly inflows: number[];
  private readonly outflows: number[];
  private readonly details: TreasuryMovement[][];

  constructor(
    readonly firstIndex: MonthIndex,
    private readonly windowStart: MonthIndex,
    readonly lastIndex: MonthIndex,
  ) {
    const size = lastIndex - firstIndex + 1;
    this.inflows = new Array<number>(size).fill(0);
    this.outflows = new Array<number>(size).fill(0);
    this.details = Array.from({ length: lastIndex - windowStart + 1 }, () => []);
  }

  covers(monthIndex: MonthIndex): boolean {
    return monthIndex >= this.firstIndex && monthIndex <= this.lastIndex;
  }

  inWindow(monthIndex: MonthIndex): boolean {
    return monthIndex >= this.windowStart && monthIndex <= this.lastIndex;
  }

  add(
    monthIndex: MonthIndex,
    signedCents: number,
    applicationId: string | null,
    fundingLineId: string | null,
    kind: FundingKind | null,
    label: string,
  ): void {
    if (!this.covers(monthIndex) || signedCents === 0) return;
    const slot = monthIndex - this.firstIndex;
    const amountCents = signedCents > 0 ? signedCents : -signedCents;
    const direction = signedCents > 0 ? 'in' : 'out';
    if (direction === 'in') this.inflows[slot] += amountCents;
    else this.outflows[slot] += amountCents;
    // One literal shape for every movement keeps this hot path monomorphic.
    if (monthIndex >= this.windowStart) {
      this.details[monthIndex - this.windowStart].push({
        applicationId,
        fundingLineId,
        kind,
        label,
        direction,
        amountCents,
      });
    }
  }

  months(openingBalanceCents: number): TreasuryMonth[] {
    const result: TreasuryMonth[] = [];
    let balance = openingBalanceCents;
    for (let slot = 0; slot < this.inflows.length; slot++) {
      const monthIndex = this.firstIndex + slot;
      const opening = balance;
      balance = opening + this.inflows[slot] - this.outflows[slot];
      if (monthIndex < this.windowStart) continue;
      result.push({
        month: fromMonthIndex(monthIndex),
        openingCents: opening,
        inflowsCents: this.inflows[slot],
        outflowsCents: this.outflows[slot],
        closingCents: balance,
        lines: this.details[monthIndex - this.windowStart],
      });
    }
    return result;
  }
}
