import type { FundingKind } from './funding-kind.constants';
import type { FundingKindRule, FundingRules } from './funding-rules.types';
import * as monthUtil from './month.util';
import type { MonthIndex } from './month.util';
import { doubleArray, integerArray } from './packed-array.util';
import * as ruleTables from './rule-table.builder';
import type { KindFigures, RuleTable, ScenarioFigures } from './rule-table.builder';
import type { ApplicationInput, FundingLineInput, TreasuryScenario } from './treasury.types';

// The inner loops call these through module-level copies: swc's CommonJS output reads an
// imported binding through a getter at every use, which there costs as much as the arithmetic.
const { fromMonthIndex, toMonthIndex } = monthUtil;
const { kindFigures, ruleTable } = ruleTables;

/** "No month" in the month-index buffers (real months are positive). */
export const NO_MONTH = -1;

/**
 * The application being projected, reduced to what the schedule engine and the warnings read:
 * month indices, spending per month and its running eligible total, each line's rule and payment
 * figures, the funding plan's sums. One cursor serves every application of a projection in turn,
 * in buffers it keeps, so that projecting a thousand applications allocates nothing per
 * application; the lines are read in one pass.
 */
export class ApplicationCursor {
  app!: ApplicationInput;
  /** Index in the projection's input, for the `#<n>` id of an application sent without one. */
  position = 0;
  startIndex: MonthIndex = 0;
  endIndex: MonthIndex = 0;
  /** Months of the operation, start and end included. */
  months = 0;
  /** Month of the filing receipt; NO_MONTH when not filed. */
  submittedMonth: MonthIndex = NO_MONTH;
  /** No expense list: the total cost is spread evenly, the rounding cents in the last month. */
  spread = true;
  spreadShareCents = 0;
  spreadLastShareCents = 0;
  /** With an expense list: each expense's month and eligibility (1 or 0), in the list's order. */
  expenseMonths = integerArray(16);
  expenseEligible = integerArray(16);
  /** Spending committed before the filing receipt (incentive rule): count, total, first month. */
  earlyCount = 0;
  earlyCents = 0;
  earlyFirstMonth: MonthIndex = NO_MONTH;
  /** With an expense list: cumulativeEligible[i] = eligible spending in months start … start+i. */
  cumulativeEligible = doubleArray(64);
  lineCount = 0;
  /** `lineRules[i]` is the rule of `app.fundingLines[i]`, `lineFigures[i]` its scenario's payment figures. */
  lineRules: KindFigures[] = [];
  lineFigures: ScenarioFigures[] = [];
  /**
   * What the lines hold, read in the same pass: a loan, an EU fund, LEADER lines, the first FSE+
   * line (−1).
   */
  hasLoan = false;
  hasEuFund = false;
  leaderLines = 0;
  firstFseLine = -1;

  // The funding plan's sums (see funding-plan.checker.ts). Loans are not funding and are left out.
  /** Every line but loans, self-funding included. */
  fundedCents = 0;
  selfFundingCents = 0;
  /** Planned or requested lines. */
  unsecuredCents = 0;
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

  private readonly stress: boolean;

  constructor(
    readonly table: RuleTable,
    scenario: TreasuryScenario = 'expected',
  ) {
    this.stress = scenario === 'stress';
  }

  /** `app.id`, or `#<position from 1>` when the client gave none. */
  get applicationId(): string {
    return this.app.id ?? `#${this.position + 1}`;
  }

  load(app: ApplicationInput, position: number): void {
    this.app = app;
    this.position = position;
    this.startIndex = toMonthIndex(app.operationStart);
    this.endIndex = toMonthIndex(app.operationEnd);
    this.months = this.endIndex - this.startIndex + 1;
    this.submittedMonth = app.submittedAt ? toMonthIndex(app.submittedAt) : NO_MONTH;
    if (app.expenses) this.loadExpenseList(app.expenses);
    else this.loadSpreadSpending();
    this.loadLines(app.fundingLines);
  }

  /** Each line's rule and figures, what the lines hold and the funding plan's sums, in one pass. */
  private loadLines(lines: readonly FundingLineInput[]): void {
    this.lineCount = lines.length;
    this.hasLoan = false;
    this.hasEuFund = false;
    this.leaderLines = 0;
    this.firstFseLine = -1;
    this.fundedCents = 0;
    this.selfFundingCents = 0;
    this.unsecuredCents = 0;
    this.euCount = 0;
    this.leaderCents = 0;
    this.firstLeaderLine = -1;
    this.nationalCents = 0;
    this.publicAidCents = 0;
    let kindsSeen = 0;
    let repeatedKind = false;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const rule = kindFigures(this.table, line.kind);
      this.lineRules[i] = rule;
      this.lineFigures[i] = this.stress ? rule.stress : rule.expected;
      this.hasEuFund ||= rule.euFund;
      if (rule.isLeader) this.leaderLines++;
      else if (rule.isFse && this.firstFseLine < 0) this.firstFseLine = i;
      if (rule.isLoan) {
        this.hasLoan = true;
        continue;
      }
      const amount = line.amountCents;
      const kindBit = 1 << rule.index;
      repeatedKind ||= (kindsSeen & kindBit) !== 0;
      kindsSeen |= kindBit;
      this.fundedCents += amount;
      if (rule.isSelfFunding) this.selfFundingCents += amount;
      else if (line.status === 'planned' || line.status === 'requested')
        this.unsecuredCents += amount;
      if (rule.euFund) this.addEuLine(line, rule, i);
      if (rule.isLeader) {
        this.leaderCents += amount;
        if (this.firstLeaderLine < 0) this.firstLeaderLine = i;
      }
      if (rule.nationalPublicCofinancer) this.nationalCents += amount;
      if (rule.euFund || rule.nationalPublicCofinancer) this.publicAidCents += amount;
    }
    this.repeatedKind = repeatedKind;
  }

  private addEuLine(line: FundingLineInput, rule: KindFigures, index: number): void {
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

  /** Eligible spending from the operation start up to and including `monthIndex`. */
  eligibleThrough(monthIndex: MonthIndex): number {
    if (monthIndex < this.startIndex) return 0;
    const offset = Math.min(monthIndex - this.startIndex, this.months - 1);
    return this.spread ? this.spreadEligibleThrough(offset) : this.cumulativeEligible[offset];
  }

  /**
   * Spread evenly, the running total needs no table: months before the filing receipt count for
   * nothing, the last one carries the rounding cents.
   */
  private spreadEligibleThrough(offset: number): number {
    const early = this.earlyCount;
    if (offset < early) return 0;
    if (offset < this.months - 1) return this.spreadShareCents * (offset + 1 - early);
    if (early === this.months) return 0;
    return this.spreadShareCents * (this.months - 1 - early) + this.spreadLastShareCents;
  }

  /** The line's id, or `<applicationId>#<position from 1>` when the client gave none. */
  lineKey(line: number): string {
    return lineKey(this.app, this.position, line);
  }

  private loadSpreadSpending(): void {
    const months = this.months;
    const share = Math.floor(this.app.totalCostCents / months);
    const last = share + (this.app.totalCostCents - share * months);
    this.spread = true;
    this.spreadShareCents = share;
    this.spreadLastShareCents = last;
    // Months before the filing receipt are ineligible (rules 6–7).
    const early =
      this.submittedMonth === NO_MONTH
        ? 0
        : Math.min(months, Math.max(0, this.submittedMonth - this.startIndex));
    this.earlyCount = early;
    this.earlyCents = early === months ? share * (months - 1) + last : share * early;
    this.earlyFirstMonth = early > 0 ? this.startIndex : NO_MONTH;
  }

  private loadExpenseList(expenses: NonNullable<ApplicationInput['expenses']>): void {
    this.spread = false;
    if (this.expenseMonths.length < expenses.length) {
      this.expenseMonths = integerArray(expenses.length * 2);
      this.expenseEligible = integerArray(expenses.length * 2);
    }
    const submittedAt = this.app.submittedAt;
    if (this.cumulativeEligible.length < this.months)
      this.cumulativeEligible = doubleArray(this.months * 2);
    const cumulative = this.cumulativeEligible;
    cumulative.fill(0, 0, this.months);
    this.earlyCount = 0;
    this.earlyCents = 0;
    this.earlyFirstMonth = NO_MONTH;
    for (let i = 0; i < expenses.length; i++) {
      const expense = expenses[i];
      const monthIndex = toMonthIndex(expense.month);
      // A dated commitment is compared by day; otherwise only a whole month before the receipt counts.
      const beforeSubmission = submittedAt
        ? expense.committedOn
          ? expense.committedOn < submittedAt
          : monthIndex < this.submittedMonth
        : false;
      const eligible =
        !beforeSubmission && monthIndex >= this.startIndex && monthIndex <= this.endIndex;
      this.expenseMonths[i] = monthIndex;
      this.expenseEligible[i] = eligible ? 1 : 0;
      if (eligible) cumulative[monthIndex - this.startIndex] += expense.amountCents;
      if (beforeSubmission) {
        if (this.earlyCount === 0) this.earlyFirstMonth = monthIndex;
        this.earlyCount++;
        this.earlyCents += expense.amountCents;
      }
    }
    for (let i = 1; i < this.months; i++) cumulative[i] += cumulative[i - 1];
  }
}

export function applicationId(app: ApplicationInput, position: number): string {
  return app.id ?? `#${position + 1}`;
}

export function lineKey(app: ApplicationInput, position: number, line: number): string {
  return app.fundingLines[line].id ?? `${applicationId(app, position)}#${line + 1}`;
}

/** One expense of the plan, for reading a plan in tests and tools. */
export interface PlannedExpense {
  monthIndex: MonthIndex;
  amountCents: number;
  label: string;
  /** False when committed before the filing receipt (incentive rule) or outside the operation. */
  eligible: boolean;
}

export interface PlannedLine {
  /** The line's id, or `<applicationId>#<position from 1>` when the client gave none. */
  key: string;
  input: FundingLineInput;
  rule: FundingKindRule;
}

/** An application's plan as objects: the cursor's content, for tests and tools. */
export interface ApplicationPlan {
  id: string;
  input: ApplicationInput;
  position: number;
  rules: FundingRules;
  startIndex: MonthIndex;
  endIndex: MonthIndex;
  expenses: PlannedExpense[];
  cumulativeEligible: number[];
  lines: PlannedLine[];
}

export function buildApplicationPlan(
  app: ApplicationInput,
  position: number,
  rules: FundingRules,
): ApplicationPlan {
  const cursor = new ApplicationCursor(ruleTable(rules));
  cursor.load(app, position);
  return {
    id: cursor.applicationId,
    input: app,
    position,
    rules,
    startIndex: cursor.startIndex,
    endIndex: cursor.endIndex,
    expenses: plannedExpenses(cursor),
    cumulativeEligible: Array.from({ length: cursor.months }, (_, i) =>
      cursor.eligibleThrough(cursor.startIndex + i),
    ),
    lines: app.fundingLines.map((line, i) => ({
      key: cursor.lineKey(i),
      input: line,
      rule: rules.kinds[line.kind],
    })),
  };
}

function plannedExpenses(cursor: ApplicationCursor): PlannedExpense[] {
  const app = cursor.app;
  if (cursor.spread) {
    return Array.from({ length: cursor.months }, (_, i) => ({
      monthIndex: cursor.startIndex + i,
      amountCents: i === cursor.months - 1 ? cursor.spreadLastShareCents : cursor.spreadShareCents,
      label: spreadSpendingLabel(app),
      eligible: i >= cursor.earlyCount,
    }));
  }
  return (app.expenses ?? []).map((expense, i) => ({
    monthIndex: cursor.expenseMonths[i],
    amountCents: expense.amountCents,
    label: listedSpendingLabel(app, i, cursor.expenseMonths[i]),
    eligible: cursor.expenseEligible[i] === 1,
  }));
}

/** The label of every month of spending spread over the operation. */
export function spreadSpendingLabel(app: ApplicationInput): string {
  return `Dépenses – ${app.title}`;
}

export function listedSpendingLabel(
  app: ApplicationInput,
  expense: number,
  monthIndex: MonthIndex,
): string {
  return app.expenses?.[expense].label ?? `Dépenses – ${app.title} (${fromMonthIndex(monthIndex)})`;
}
