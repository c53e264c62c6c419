import { assertValidApplication, assertValidTreasurySettings } from './application.validator';
import { buildApplicationPlan, type ApplicationPlan } from './application-plan.builder';
import { cashWarnings } from './cash-warning.builder';
import { checkFundingPlan } from './funding-plan.checker';
import { ACTIVE_APPLICATION_STATUSES, FUNDED_APPLICATION_STATUSES } from './funding-kind.constants';
import type { FundingRules } from './funding-rules.types';
import { isIsoDate, isMonth, toMonthIndex } from './month.util';
import { buildApplicationSchedules } from './payment-schedule.builder';
import { calendarContext, calendarWarnings, scheduleWarnings } from './schedule-warning.builder';
import type {
  TreasuryMonth,
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
import { TreasuryLedger } from './treasury.ledger';

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
  const ledger = new TreasuryLedger(openingIndex, fromIndex, fromIndex + input.months - 1);
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
  ledger: TreasuryLedger,
  plan: ApplicationPlan,
  schedules: ReturnType<typeof buildApplicationSchedules>,
): void {
  const spending = ledger.source(plan.id, null, null);
  for (const expense of plan.expenses) {
    ledger.add(expense.monthIndex, -expense.amountCents, spending, expense.label);
  }
  for (const schedule of schedules) {
    const { key, input, rule } = schedule.line;
    if (schedule.payments.length === 0) continue;
    const line = ledger.source(plan.id, key, input.kind, {
      ruleLabel: rule.label,
      funder: input.funder,
    });
    for (const payment of schedule.payments) {
      ledger.add(payment.monthIndex, payment.amountCents, line, payment.label);
    }
  }
}

function recordRecurring(ledger: TreasuryLedger, settings: TreasurySettings): void {
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
    const source = ledger.source(null, null, null);
    for (let m = first; m <= last; m++) ledger.add(m, signed, source, flow.label);
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

// Built once: creating an Intl formatter costs far more than formatting with it.
const PARIS_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' });

function todayInParis(): IsoDate {
  return PARIS_DATE.format(new Date());
}
