import type { ApplicationCursor } from './application-plan.builder';
import { fromMonthIndex, type MonthIndex } from './month.util';
import { doubleArray } from './packed-array.util';
import type { LineSchedules } from './payment-schedule.builder';
import type { TreasuryMonth, TreasuryMovement } from './treasury-projection.types';
import type { Month, RecurringFlowInput } from './treasury.types';

/** What the cash of an application and of the recurring flows is written into. */
export interface CashRecorder {
  /** The application's spending, spread evenly or as listed; it leaves the structure. */
  addSpending(plan: ApplicationCursor): void;
  /** Every line's payments, as scheduled; positive amounts come in. */
  addPayments(plan: ApplicationCursor, schedules: LineSchedules): void;
  /** The same signed amount every month from `first` to `last`. */
  addRecurring(flow: RecurringFlowInput, first: MonthIndex, last: MonthIndex): void;
}

/**
 * Month-indexed sums from the opening month to the end of the window, in typed arrays: all the
 * projection keeps of the movements. Their `TreasuryMovement` objects (`months[].lines`) are
 * derived again from the inputs when a caller first reads them (`movements`); a curve, a CSV of
 * the structure's totals never needs them. Months before the window only roll the balance forward.
 */
export class TreasuryLedger implements CashRecorder {
  // Plain arrays rather than typed ones: see packed-array.util.ts.
  private readonly inflows: number[];
  private readonly outflows: number[];
  /**
   * Spread spending as steps: a share starts in one slot and stops in another, and `months` adds
   * the running total to the outflows; two writes an application instead of one a month.
   */
  private readonly spreadSteps: number[];
  /** Closing balance of each month of the window, once `months` has run. */
  closing: number[] = [];
  private details: TreasuryMovement[][] | null = null;

  /** `movements()` gives the movements of each month of the window, in order. */
  constructor(
    readonly firstIndex: MonthIndex,
    private readonly windowStart: MonthIndex,
    readonly lastIndex: MonthIndex,
    private readonly movements: () => TreasuryMovement[][],
  ) {
    const size = lastIndex - firstIndex + 1;
    this.inflows = doubleArray(size);
    this.outflows = doubleArray(size);
    this.spreadSteps = doubleArray(size + 1);
  }

  addSpending(plan: ApplicationCursor): void {
    if (plan.spread) {
      const last = plan.startIndex + plan.months - 1;
      // Every month but the last takes the same share: the range is clipped once.
      const from = Math.max(plan.startIndex, this.firstIndex);
      const to = Math.min(last - 1, this.lastIndex);
      const share = plan.spreadShareCents;
      if (share > 0 && from <= to) {
        this.spreadSteps[from - this.firstIndex] += share;
        this.spreadSteps[to - this.firstIndex + 1] -= share;
      } else if (share <= 0) for (let m = from; m <= to; m++) this.add(m, -share);
      this.add(last, -plan.spreadLastShareCents);
      return;
    }
    const expenses = plan.app.expenses ?? [];
    for (let i = 0; i < expenses.length; i++)
      this.add(plan.expenseMonths[i], -expenses[i].amountCents);
  }

  addPayments(_plan: ApplicationCursor, schedules: LineSchedules): void {
    // The sums do not care which line a payment belongs to: one pass over them all.
    for (let k = 0; k < schedules.size; k++) this.add(schedules.month[k], schedules.amount[k]);
  }

  addRecurring(flow: RecurringFlowInput, first: MonthIndex, last: MonthIndex): void {
    const signed = flow.direction === 'in' ? flow.amountCents : -flow.amountCents;
    const from = Math.max(first, this.firstIndex);
    const to = Math.min(last, this.lastIndex);
    for (let m = from; m <= to; m++) this.add(m, signed);
  }

  /** The window's months; `lines` is built on first read. Fills `closing`. */
  months(openingBalanceCents: number): TreasuryMonth[] {
    const result: TreasuryMonth[] = [];
    this.closing = doubleArray(this.lastIndex - this.windowStart + 1);
    let balance = openingBalanceCents;
    // Whole cents well below 2^53: the sums are exact in any order.
    let spreadShares = 0;
    for (let slot = 0; slot < this.inflows.length; slot++) {
      spreadShares += this.spreadSteps[slot];
      const monthIndex = this.firstIndex + slot;
      const opening = balance;
      const inflows = this.inflows[slot];
      const outflows = this.outflows[slot] + spreadShares;
      balance = opening + inflows - outflows;
      if (monthIndex < this.windowStart) continue;
      const windowSlot = monthIndex - this.windowStart;
      this.closing[windowSlot] = balance;
      result.push(
        new LedgerMonth(monthIndex, opening, inflows, outflows, balance, this, windowSlot),
      );
    }
    return result;
  }

  /** The movements of a month of the window, all months' built on the first call. */
  linesOf(windowSlot: number): TreasuryMovement[] {
    this.details ??= this.movements();
    return this.details[windowSlot];
  }

  /** Zero amounts and months outside the ledger move nothing. */
  private add(monthIndex: MonthIndex, signedCents: number): void {
    if (monthIndex < this.firstIndex || monthIndex > this.lastIndex) return;
    if (signedCents > 0) this.inflows[monthIndex - this.firstIndex] += signedCents;
    else this.outflows[monthIndex - this.firstIndex] -= signedCents;
  }
}

/**
 * A month of the projection. `lines` is an own, enumerable property (JSON and spreading see it)
 * whose getter, shared by every month, asks the ledger on first read.
 */
class LedgerMonth implements TreasuryMonth {
  month: Month;
  openingCents: number;
  inflowsCents: number;
  outflowsCents: number;
  closingCents: number;
  declare readonly lines: TreasuryMovement[];
  readonly #ledger: TreasuryLedger;
  readonly #windowSlot: number;

  static readonly #lines: PropertyDescriptor = {
    enumerable: true,
    configurable: true,
    get(this: LedgerMonth) {
      return this.#ledger.linesOf(this.#windowSlot);
    },
  };

  constructor(
    monthIndex: MonthIndex,
    openingCents: number,
    inflowsCents: number,
    outflowsCents: number,
    closingCents: number,
    ledger: TreasuryLedger,
    windowSlot: number,
  ) {
    this.month = fromMonthIndex(monthIndex);
    this.openingCents = openingCents;
    this.inflowsCents = inflowsCents;
    this.outflowsCents = outflowsCents;
    this.closingCents = closingCents;
    this.#ledger = ledger;
    this.#windowSlot = windowSlot;
    Object.defineProperty(this, 'lines', LedgerMonth.#lines);
  }
}
