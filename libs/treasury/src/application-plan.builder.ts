import type { FundingKindRule, FundingRules } from './funding-rules.types';
import { splitEvenly } from './money.util';
import { fromMonthIndex, toMonthIndex, type MonthIndex } from './month.util';
import type { ApplicationInput, FundingLineInput } from './treasury.types';

export interface PlannedExpense {
  monthIndex: MonthIndex;
  amountCents: number;
  label: string;
  /** False when committed before the filing receipt (incentive rule) or outside the operation. */
  eligible: boolean;
  beforeSubmission: boolean;
}

export interface PlannedLine {
  /** The line's id, or `<applicationId>#<position from 1>` when the client gave none. */
  key: string;
  input: FundingLineInput;
  rule: FundingKindRule;
}

/** An application reduced to what the schedule engine needs, computed once per projection. */
export interface ApplicationPlan {
  id: string;
  input: ApplicationInput;
  startIndex: MonthIndex;
  endIndex: MonthIndex;
  expenses: PlannedExpense[];
  /** cumulativeEligible[i] = eligible spending in months start … start + i. */
  cumulativeEligible: number[];
  lines: PlannedLine[];
}

export function applicationId(app: ApplicationInput, position: number): string {
  return app.id ?? `#${position + 1}`;
}

export function buildApplicationPlan(
  app: ApplicationInput,
  position: number,
  rules: FundingRules,
): ApplicationPlan {
  const id = applicationId(app, position);
  const startIndex = toMonthIndex(app.operationStart);
  const endIndex = toMonthIndex(app.operationEnd);
  const expenses = plannedExpenses(app, startIndex, endIndex);
  return {
    id,
    input: app,
    startIndex,
    endIndex,
    expenses,
    cumulativeEligible: cumulativeEligible(expenses, startIndex, endIndex),
    lines: app.fundingLines.map((line, i) => ({
      key: line.id ?? `${id}#${i + 1}`,
      input: line,
      rule: rules.kinds[line.kind],
    })),
  };
}

/** Eligible spending from the operation start up to and including `monthIndex`. */
export function eligibleThrough(plan: ApplicationPlan, monthIndex: MonthIndex): number {
  if (monthIndex < plan.startIndex) return 0;
  const last = plan.cumulativeEligible.length - 1;
  return plan.cumulativeEligible[Math.min(monthIndex - plan.startIndex, last)];
}

function plannedExpenses(
  app: ApplicationInput,
  startIndex: MonthIndex,
  endIndex: MonthIndex,
): PlannedExpense[] {
  const submittedMonth = app.submittedAt ? toMonthIndex(app.submittedAt) : null;
  if (!app.expenses) {
    const shares = splitEvenly(app.totalCostCents, endIndex - startIndex + 1);
    // One string for every month: the ledger shares movements' labels by identity.
    const label = `Dépenses – ${app.title}`;
    return shares.map((amountCents, i) => {
      const monthIndex = startIndex + i;
      const beforeSubmission = submittedMonth !== null && monthIndex < submittedMonth;
      return { monthIndex, amountCents, label, eligible: !beforeSubmission, beforeSubmission };
    });
  }
  return app.expenses.map((expense) => {
    const monthIndex = toMonthIndex(expense.month);
    // A dated commitment is compared by day; otherwise only a whole month before the receipt counts.
    const beforeSubmission = app.submittedAt
      ? expense.committedOn
        ? expense.committedOn < app.submittedAt
        : monthIndex < (submittedMonth as number)
      : false;
    const inOperation = monthIndex >= startIndex && monthIndex <= endIndex;
    return {
      monthIndex,
      amountCents: expense.amountCents,
      label: expense.label ?? `Dépenses – ${app.title} (${fromMonthIndex(monthIndex)})`,
      eligible: inOperation && !beforeSubmission,
      beforeSubmission,
    };
  });
}

function cumulativeEligible(
  expenses: PlannedExpense[],
  startIndex: MonthIndex,
  endIndex: MonthIndex,
): number[] {
  const cumulative = new Array<number>(endIndex - startIndex + 1).fill(0);
  for (const expense of expenses) {
    if (expense.eligible) cumulative[expense.monthIndex - startIndex] += expense.amountCents;
  }
  for (let i = 1; i < cumulative.length; i++) cumulative[i] += cumulative[i - 1];
  return cumulative;
}
