import { assertValidApplication, assertValidTreasurySettings } from './application.validator';
import { ApplicationCursor } from './application-plan.builder';
import { recordCashWarnings } from './cash-warning.builder';
import { MAX_YEAR, MIN_YEAR } from './funding-kind.constants';
import * as fundingPlans from './funding-plan.checker';
import type { FundingRules } from './funding-rules.types';
import { isYearInRange } from './input-checker.util';
import { isIsoDate, isMonth, toMonthIndex } from './month.util';
import { LineSchedules } from './payment-schedule.builder';
import { ruleTable, type RuleTable } from './rule-table.builder';
import * as scheduleWarnings from './schedule-warning.builder';
import type { CalendarContext } from './schedule-warning.builder';
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
import { TreasuryLedger, type CashRecorder } from './treasury.ledger';
import { TreasuryMovementRecorder } from './treasury-movement.recorder';
import { TreasuryWarningLog } from './treasury-warning.log';

// The inner loops call these through module-level copies: swc's CommonJS output reads an
// imported binding through a getter at every use, which there costs as much as the arithmetic.
const { recordFundingPlanIssues } = fundingPlans;
const { calendarContext, recordCalendarWarnings, recordScheduleWarnings } = scheduleWarnings;

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
  /** Today (the caller's clock), for deadlines, reports and the State's legal delay. */
  asOf: IsoDate;
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
  const table = ruleTable(input.rules);
  const calendar = calendarContext(table, input.asOf);
  const fromIndex = toMonthIndex(input.from);
  const lastIndex = fromIndex + input.months - 1;
  const openingIndex = toMonthIndex(input.settings.openingMonth);
  const ledger = new TreasuryLedger(openingIndex, fromIndex, lastIndex, () => {
    // The movements are derived again, by the same engine, only when someone reads them.
    const recorder = new TreasuryMovementRecorder(fromIndex, lastIndex, table);
    recordCash(input, table, recorder, null);
    return recorder.byMonth;
  });
  // A few warnings an application at most, in a large portfolio; more only cost a copy.
  const planWarnings = new TreasuryWarningLog(3 * input.applications.length);
  recordCash(input, table, ledger, { calendar, log: planWarnings });
  const months = ledger.months(input.settings.openingBalanceCents);
  const cashWarnings = new TreasuryWarningLog();
  recordCashWarnings(
    ledger.closing,
    fromIndex,
    input.settings.minimumCashCents,
    cashWarnings,
    table.bridgeMaxTermMonths,
  );
  let warnings: TreasuryWarning[] | null = null;
  return {
    months,
    // Written on first read (the API's JSON reads it): French messages for thousands of records.
    get warnings(): TreasuryWarning[] {
      return (warnings ??= [...cashWarnings.toWarnings(table), ...planWarnings.toWarnings(table)]);
    },
    set warnings(value: TreasuryWarning[]) {
      warnings = value;
    },
    peakNeed: peakNeed(months),
  };
}

/** How the projection reads an application. */
export enum Reading {
  Skipped,
  /** Warnings and reminders, no cash: not granted (yet). */
  Open,
  /** Cash, warnings and reminders. */
  OpenFunded,
  /** Cash only: its past flows are in the balance, nothing is left to remind. */
  Closed,
}

/**
 * By status: FUNDED_APPLICATION_STATUSES bring cash, ACTIVE_APPLICATION_STATUSES reminders,
 * `submitted` counts as granted in the "if granted" view (a spec keeps this switch in step with
 * the lists; comparing interned strings is cheaper than a set lookup, a thousand times over).
 */
export function readingOf(status: string, includeSubmitted: boolean): Reading {
  switch (status) {
    case 'granted':
    case 'agreement_signed':
    case 'in_progress':
    case 'reporting':
      return Reading.OpenFunded;
    case 'closed':
      return Reading.Closed;
    case 'submitted':
      return includeSubmitted ? Reading.OpenFunded : Reading.Open;
    case 'idea':
    case 'preparing':
      return Reading.Open;
    default:
      return Reading.Skipped;
  }
}

/**
 * Every application's cash, then the recurring flows, into `recorder`; with `warnings`, the plan,
 * schedule and calendar warnings too. One cursor and one set of schedule buffers serve every
 * application.
 */
function recordCash(
  input: ProjectTreasuryInput,
  table: RuleTable,
  recorder: CashRecorder,
  warnings: { calendar: CalendarContext; log: TreasuryWarningLog } | null,
): void {
  const scenario = input.scenario ?? 'expected';
  const includeSubmitted = input.includeSubmitted ?? false;
  const plan = new ApplicationCursor(table, scenario);
  const schedules = new LineSchedules();
  const applications = input.applications;
  for (let position = 0; position < applications.length; position++) {
    const app = applications[position];
    const reading = readingOf(app.status, includeSubmitted);
    const funded = reading !== Reading.Open;
    if (reading === Reading.Skipped || (!funded && !warnings)) continue;
    plan.load(app, position);
    const open = reading !== Reading.Closed;
    if (open && warnings) recordFundingPlanIssues(plan, table, warnings.log);
    if (funded) {
      schedules.build(plan);
      recorder.addSpending(plan);
      recorder.addPayments(plan, schedules);
      if (warnings) recordScheduleWarnings(plan, schedules, table, warnings.log);
    }
    if (open && warnings) recordCalendarWarnings(plan, warnings.calendar, funded, warnings.log);
  }
  for (const flow of input.settings.recurring) {
    const first = flow.fromMonth ? toMonthIndex(flow.fromMonth) : -Infinity;
    const last = flow.toMonth ? toMonthIndex(flow.toMonth) : Infinity;
    recorder.addRecurring(flow, first, last);
  }
}

function validateProjectionInput(input: ProjectTreasuryInput): void {
  assertValidTreasurySettings(input.settings);
  input.applications.forEach((app, i) =>
    assertValidApplication(app, `applications[${i}]`, input.rules),
  );
  assertValidRange(input);
}

function assertValidRange(input: ProjectTreasuryInput): void {
  const rangeError = (field: string, message: string) =>
    new TreasuryException(TreasuryExceptionCode.INVALID_RANGE, `${field}: ${message}`, { field });
  if (!isMonth(input.from)) throw rangeError('from', 'expected a month as YYYY-MM');
  if (!isYearInRange(input.from)) {
    throw rangeError('from', `expected a year between ${MIN_YEAR} and ${MAX_YEAR}`);
  }
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
  if (input.asOf !== undefined && !(isIsoDate(input.asOf) && isYearInRange(input.asOf)))
    throw rangeError('asOf', `expected a date as YYYY-MM-DD, year ${MIN_YEAR} to ${MAX_YEAR}`);
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
