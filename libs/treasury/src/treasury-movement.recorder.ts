import {
  listedSpendingLabel,
  spreadSpendingLabel,
  type ApplicationCursor,
} from './application-plan.builder';
import { lineTitle } from './line-title.util';
import type { MonthIndex } from './month.util';
import { PAYMENT_LABELS, type LineSchedules } from './payment-schedule.builder';
import type { RuleTable } from './rule-table.builder';
import type { TreasuryMovement } from './treasury-projection.types';
import type { RecurringFlowInput } from './treasury.types';
import type { CashRecorder } from './treasury.ledger';

/** The movement objects of each month of the window, in the order they are recorded. */
export class TreasuryMovementRecorder implements CashRecorder {
  readonly byMonth: TreasuryMovement[][];

  constructor(
    private readonly windowStart: MonthIndex,
    private readonly lastIndex: MonthIndex,
    private readonly table: RuleTable,
  ) {
    this.byMonth = Array.from({ length: lastIndex - windowStart + 1 }, () => []);
  }

  addSpending(plan: ApplicationCursor): void {
    const app = plan.applicationId;
    if (plan.spread) {
      // One label for every month.
      const label = spreadSpendingLabel(plan.app);
      const last = plan.startIndex + plan.months - 1;
      for (let m = plan.startIndex; m < last; m++)
        this.add(m, -plan.spreadShareCents, app, null, null, label);
      this.add(last, -plan.spreadLastShareCents, app, null, null, label);
      return;
    }
    const expenses = plan.app.expenses ?? [];
    for (let i = 0; i < expenses.length; i++) {
      const month = plan.expenseMonths[i];
      const label = listedSpendingLabel(plan.app, i, month);
      this.add(month, -expenses[i].amountCents, plan.applicationId, null, null, label);
    }
  }

  addPayments(plan: ApplicationCursor, schedules: LineSchedules): void {
    for (let line = 0; line < plan.lineCount; line++) this.addLinePayments(plan, schedules, line);
  }

  private addLinePayments(plan: ApplicationCursor, schedules: LineSchedules, line: number): void {
    const count = schedules.count[line];
    if (count === 0) return;
    const input = plan.app.fundingLines[line];
    const app = plan.applicationId;
    const key = plan.lineKey(line);
    // "Avance" → "Avance FSE+ – Département du Puy-de-Dôme" (the dossier page's `lineTitle`, so a
    // funder named after its fund is not prefixed twice), built once per label of the line.
    const suffix = ` ${lineTitle(this.table.kinds[input.kind].label, input.funder)}`;
    const labels: string[] = [];
    for (let k = schedules.from[line]; k < schedules.from[line] + count; k++) {
      const code = schedules.label[k];
      labels[code] ??= `${PAYMENT_LABELS[code]}${suffix}`;
      this.add(schedules.month[k], schedules.amount[k], app, key, input.kind, labels[code]);
    }
  }

  addRecurring(flow: RecurringFlowInput, first: MonthIndex, last: MonthIndex): void {
    const signed = flow.direction === 'in' ? flow.amountCents : -flow.amountCents;
    const from = Math.max(first, this.windowStart);
    const to = Math.min(last, this.lastIndex);
    for (let m = from; m <= to; m++) this.add(m, signed, null, null, null, flow.label);
  }

  /** Zero amounts and months outside the window are not shown. */
  private add(
    monthIndex: MonthIndex,
    signed: number,
    applicationId: string | null,
    fundingLineId: string | null,
    kind: TreasuryMovement['kind'],
    label: string,
  ): void {
    if (signed === 0 || monthIndex < this.windowStart || monthIndex > this.lastIndex) return;
    // One literal shape for every movement keeps readers monomorphic.
    this.byMonth[monthIndex - this.windowStart].push({
      applicationId,
      fundingLineId,
      kind,
      label,
      direction: signed > 0 ? 'in' : 'out',
      amountCents: signed > 0 ? signed : -signed,
    });
  }
}
