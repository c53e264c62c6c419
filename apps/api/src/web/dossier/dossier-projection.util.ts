import {
  projectTreasury,
  TreasuryWarningCode,
  type ApplicationInput,
  type ApplicationStatus,
  type FundingLineInput,
  type FundingRules,
  type IsoDate,
  type Month,
  type TreasuryProjection,
  type TreasuryScenario,
  type TreasuryWarning,
} from '@app/treasury';

/** A dossier as stored (entity + lines, or the service's view): what the cash plan reads. */
export interface StoredDossier {
  id: string;
  title: string;
  status: string;
  submissionDeadline: string | null;
  operationStart: string;
  operationEnd: string;
  totalCostCents: number;
  expenses: ApplicationInput['expenses'] | null;
  submittedAt: string | null;
  notifiedAt: string | null;
  euArea: string | null;
  tasks: ApplicationInput['tasks'];
  fundingLines: StoredLine[];
}

export interface StoredLine {
  id: string;
  funder: string;
  kind: string;
  amountCents: number;
  status: string;
  signedAt: string | null;
  schedule: FundingLineInput['schedule'] | null;
  bridge: { endMonth: string } | null;
  intermediateBody: boolean;
  /** Payment claims (issue 21): null or empty when none. */
  claims?: FundingLineInput['claims'] | null;
}

/** The months a dossier's own cash plan covers: from its first movement to long after its end. */
export interface DossierWindow {
  from: Month;
  months: number;
  /** Today on the app's clock: which deadlines are close, which reports are late. */
  asOf: IsoDate;
}

/** One expected movement of a funding line (a bridge loan's repayment is negative). */
export interface PaymentRow {
  lineId: string;
  month: Month;
  label: string;
  amountCents: number;
}

/** Statuses shown « as if granted » in the dossier's own plan, as the treasury service does. */
const NOT_YET_FUNDED: readonly ApplicationStatus[] = ['idea', 'preparing', 'submitted'];
/** Stress balances come up to three years after the end (LEADER); a margin covers their claims. */
const MONTHS_AFTER_END = 48;
const MAX_MONTHS = 120;
const SCHEDULE_CODES: ReadonlySet<TreasuryWarningCode> = new Set([
  TreasuryWarningCode.EU_PREFINANCING,
  TreasuryWarningCode.SINGLE_FINAL_PAYMENT,
  TreasuryWarningCode.ADVANCE_REPAYMENT_RISK,
  TreasuryWarningCode.BRIDGE_TOO_SHORT,
  TreasuryWarningCode.CLAIM_UNMATCHED,
]);
/** The checks the funding plan editor shows next to the lines. */
export const PLAN_CHECK_CODES: ReadonlySet<TreasuryWarningCode> = new Set([
  TreasuryWarningCode.COFINANCING_GAP,
  TreasuryWarningCode.EU_RATE_ABOVE_MAX,
  TreasuryWarningCode.LEADER_COFINANCER_MISSING,
  TreasuryWarningCode.DOUBLE_FUNDING,
]);

/**
 * The stored dossier as the treasury library reads it, ids kept so that movements and warnings
 * name their dossier and line (the library's own mapper is internal to it).
 */
export function toApplicationInput(dossier: StoredDossier): ApplicationInput {
  return withoutEmpty({
    id: dossier.id,
    title: dossier.title,
    status: dossier.status,
    submissionDeadline: dossier.submissionDeadline,
    operationStart: dossier.operationStart,
    operationEnd: dossier.operationEnd,
    totalCostCents: dossier.totalCostCents,
    expenses: dossier.expenses,
    submittedAt: dossier.submittedAt,
    notifiedAt: dossier.notifiedAt,
    euArea: dossier.euArea,
    tasks: dossier.tasks,
    fundingLines: dossier.fundingLines.map((line) =>
      withoutEmpty({
        id: line.id,
        funder: line.funder,
        kind: line.kind,
        amountCents: line.amountCents,
        status: line.status,
        signedAt: line.signedAt,
        schedule: line.schedule,
        bridge: line.bridge,
        intermediateBody: line.intermediateBody || undefined,
        claims: line.claims?.length ? line.claims : undefined,
      }),
    ),
  }) as unknown as ApplicationInput;
}

export function isFundedYet(status: string): boolean {
  return !NOT_YET_FUNDED.includes(status as ApplicationStatus);
}

export function dossierWindow(app: ApplicationInput, asOf: IsoDate): DossierWindow {
  const starts = [monthIndex(app.operationStart)];
  const ends = [monthIndex(app.operationEnd) + MONTHS_AFTER_END];
  for (const expense of app.expenses ?? []) starts.push(monthIndex(expense.month));
  for (const line of app.fundingLines) {
    if (line.signedAt) starts.push(monthIndex(line.signedAt));
    for (const payment of line.schedule?.payments ?? []) {
      starts.push(monthIndex(payment.month));
      ends.push(monthIndex(payment.month));
    }
    if (line.bridge) ends.push(monthIndex(line.bridge.endMonth));
  }
  const first = Math.min(...starts);
  const months = Math.min(MAX_MONTHS, Math.max(...ends) - first + 1);
  return { from: monthOf(first), months, asOf };
}

/**
 * The window cut after the dossier's last movement in any of the projections (and never before
 * its end): the generous window keeps a late stress balance, this one keeps an export short.
 */
export function trimmedWindow(
  app: ApplicationInput,
  window: DossierWindow,
  projections: TreasuryProjection[],
): DossierWindow {
  let last = monthIndex(app.operationEnd);
  for (const projection of projections)
    for (const month of projection.months)
      if (month.lines.some((movement) => movement.applicationId === app.id))
        last = Math.max(last, monthIndex(month.month));
  const first = monthIndex(window.from);
  return {
    from: window.from,
    months: Math.min(window.months, last - first + 1),
    asOf: window.asOf,
  };
}

/** The window of the dossier's page and exports: both scenarios, up to the last payment. */
export function exportWindow(
  app: ApplicationInput,
  rules: FundingRules,
  asOf: IsoDate,
): DossierWindow {
  const wide = dossierWindow(app, asOf);
  const scenarios = (['expected', 'stress'] as const).map((s) =>
    projectDossier(app, rules, s, wide),
  );
  return trimmedWindow(app, wide, scenarios);
}

/**
 * The dossier alone, from a zero balance, as if granted when it is not yet: what the treasury
 * service's per-application projection (and its exports) compute over the same window.
 */
export function projectDossier(
  app: ApplicationInput,
  rules: FundingRules,
  scenario: TreasuryScenario,
  window: DossierWindow,
  openingMonth: Month = window.from,
): TreasuryProjection {
  const status = isFundedYet(app.status) ? app.status : 'granted';
  return project({ ...app, status }, rules, scenario, window, openingMonth);
}

/**
 * The dossier as it stands, alone, from a zero balance: its deadlines, reports and plan checks,
 * and its payment schedule once funded (then the same as `projectDossier`).
 */
export function projectAsItIs(
  app: ApplicationInput,
  rules: FundingRules,
  window: DossierWindow,
): TreasuryProjection {
  return project(app, rules, 'expected', window);
}

/** Warnings about this dossier itself (not the cash of its zero-balance plan). */
export function ownWarnings(
  projection: TreasuryProjection,
  app: ApplicationInput,
): TreasuryWarning[] {
  return projection.warnings.filter((w) => w.applicationId === app.id);
}

/** What its payment schedule would raise once granted (nothing more while it is granted already). */
export function ifGrantedWarnings(
  asGranted: TreasuryProjection,
  app: ApplicationInput,
): TreasuryWarning[] {
  if (isFundedYet(app.status)) return [];
  return ownWarnings(asGranted, app).filter((w) => SCHEDULE_CODES.has(w.code));
}

/** Warnings that call for action: info lines (« not granted yet ») are not counted. */
export function alertCount(warnings: TreasuryWarning[]): number {
  return warnings.filter((w) => w.severity !== 'info').length;
}

export function paymentRows(projection: TreasuryProjection, applicationId: string): PaymentRow[] {
  const rows: PaymentRow[] = [];
  for (const month of projection.months) {
    for (const movement of month.lines) {
      if (movement.applicationId !== applicationId || movement.fundingLineId === null) continue;
      rows.push({
        lineId: movement.fundingLineId,
        month: month.month,
        label: movement.label,
        amountCents: movement.direction === 'in' ? movement.amountCents : -movement.amountCents,
      });
    }
  }
  return rows;
}

/** The first payment due this month or later; null when none is left. */
export function nextPayment(rows: PaymentRow[], currentMonth: Month): PaymentRow | null {
  return rows.find((row) => row.amountCents > 0 && row.month >= currentMonth) ?? null;
}

/** From a zero balance at `openingMonth`; movements before `window.from` roll into its opening. */
function project(
  app: ApplicationInput,
  rules: FundingRules,
  scenario: TreasuryScenario,
  window: DossierWindow,
  openingMonth: Month = window.from,
): TreasuryProjection {
  return projectTreasury({
    settings: {
      openingBalanceCents: 0,
      openingMonth,
      recurring: [],
      minimumCashCents: 0,
    },
    applications: [app],
    rules,
    from: window.from,
    asOf: window.asOf,
    months: window.months,
    scenario,
    // Stored dossiers were validated when written.
    validate: false,
  });
}

export function monthIndex(value: string): number {
  return Number(value.slice(0, 4)) * 12 + Number(value.slice(5, 7)) - 1;
}

export function monthOf(index: number): Month {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Drops null and undefined fields: the library reads an absent field as « not given ». */
function withoutEmpty<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, field]) => field !== null && field !== undefined),
  ) as T;
}
