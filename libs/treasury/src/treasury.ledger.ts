import type { FundingKind } from './funding-kind.constants';
import { fromMonthIndex, type MonthIndex } from './month.util';
import type { TreasuryMonth, TreasuryMovement } from './treasury-projection.types';

/** Who a movement belongs to: one per expense list, funding line or recurring flow. */
interface MovementSource {
  applicationId: string | null;
  fundingLineId: string | null;
  kind: FundingKind | null;
  /** A funding line's rule label and funder, appended to its payments' labels ("Avance" → "Avance FSE+ – Département"). */
  line: { ruleLabel: string; funder: string } | null;
}

/** A (source, label) pair shared by every movement that has both; the full label is built once, on first read. */
interface MovementEntry {
  source: MovementSource;
  ownLabel: string;
  label: string | null;
}

const INITIAL_CAPACITY = 1024;

/**
 * Month-indexed sums from the opening month to the end of the window, in typed arrays. Movements
 * inside the window are kept as numbers (month, signed amount, entry) and become the
 * `TreasuryMovement` objects of `months[].lines` only when a caller reads them (a curve, a CSV of
 * the structure's totals never builds them). Months before the window only roll the balance forward.
 */
export class TreasuryLedger {
  private readonly inflows: Float64Array;
  private readonly outflows: Float64Array;
  private readonly sources: MovementSource[] = [];
  private readonly entries: MovementEntry[] = [];
  private count = 0;
  private slots = new Int32Array(INITIAL_CAPACITY);
  private amounts = new Float64Array(INITIAL_CAPACITY);
  private entryOf = new Int32Array(INITIAL_CAPACITY);
  // Movements of one source are added together: its few labels are looked up linearly.
  private currentSource = -1;
  private currentLabels: string[] = [];
  private currentEntries: number[] = [];
  private details: TreasuryMovement[][] | null = null;

  constructor(
    readonly firstIndex: MonthIndex,
    private readonly windowStart: MonthIndex,
    readonly lastIndex: MonthIndex,
  ) {
    const size = lastIndex - firstIndex + 1;
    this.inflows = new Float64Array(size);
    this.outflows = new Float64Array(size);
  }

  /** Registers who the next movements belong to; pass the returned id to `add`. */
  source(
    applicationId: string | null,
    fundingLineId: string | null,
    kind: FundingKind | null,
    line: MovementSource['line'] = null,
  ): number {
    this.sources.push({ applicationId, fundingLineId, kind, line });
    return this.sources.length - 1;
  }

  /** A movement; positive amounts come in. Zero amounts and months outside the ledger are ignored. */
  add(monthIndex: MonthIndex, signedCents: number, source: number, label: string): void {
    if (signedCents === 0 || monthIndex < this.firstIndex || monthIndex > this.lastIndex) return;
    const slot = monthIndex - this.firstIndex;
    if (signedCents > 0) this.inflows[slot] += signedCents;
    else this.outflows[slot] -= signedCents;
    if (monthIndex < this.windowStart) return;
    if (this.count === this.slots.length) this.grow();
    this.slots[this.count] = monthIndex - this.windowStart;
    this.amounts[this.count] = signedCents;
    this.entryOf[this.count] = this.entry(source, label);
    this.count++;
  }

  /** The window's months; `lines` is built on first read. */
  months(openingBalanceCents: number): TreasuryMonth[] {
    const result: TreasuryMonth[] = [];
    const linesOf = (windowSlot: number) => this.lines(windowSlot);
    let balance = openingBalanceCents;
    for (let slot = 0; slot < this.inflows.length; slot++) {
      const monthIndex = this.firstIndex + slot;
      const opening = balance;
      balance = opening + this.inflows[slot] - this.outflows[slot];
      if (monthIndex < this.windowStart) continue;
      const windowSlot = monthIndex - this.windowStart;
      const month: TreasuryMonth = {
        month: fromMonthIndex(monthIndex),
        openingCents: opening,
        inflowsCents: this.inflows[slot],
        outflowsCents: this.outflows[slot],
        closingCents: balance,
        get lines() {
          return linesOf(windowSlot);
        },
      };
      result.push(month);
    }
    return result;
  }

  private lines(windowSlot: number): TreasuryMovement[] {
    this.details ??= this.materialise();
    return this.details[windowSlot];
  }

  private materialise(): TreasuryMovement[][] {
    const details: TreasuryMovement[][] = Array.from(
      { length: this.lastIndex - this.windowStart + 1 },
      () => [],
    );
    for (let i = 0; i < this.count; i++) {
      const entry = this.entries[this.entryOf[i]];
      const signed = this.amounts[i];
      // One literal shape for every movement keeps readers monomorphic.
      details[this.slots[i]].push({
        applicationId: entry.source.applicationId,
        fundingLineId: entry.source.fundingLineId,
        kind: entry.source.kind,
        label: (entry.label ??= fullLabel(entry)),
        direction: signed > 0 ? 'in' : 'out',
        amountCents: signed > 0 ? signed : -signed,
      });
    }
    return details;
  }

  private entry(source: number, label: string): number {
    if (source !== this.currentSource) {
      this.currentSource = source;
      this.currentLabels = [];
      this.currentEntries = [];
    }
    for (let i = 0; i < this.currentLabels.length; i++)
      if (this.currentLabels[i] === label) return this.currentEntries[i];
    this.entries.push({ source: this.sources[source], ownLabel: label, label: null });
    this.currentLabels.push(label);
    this.currentEntries.push(this.entries.length - 1);
    return this.entries.length - 1;
  }

  private grow(): void {
    const size = this.slots.length * 2;
    const slots = new Int32Array(size);
    const amounts = new Float64Array(size);
    const entryOf = new Int32Array(size);
    slots.set(this.slots);
    amounts.set(this.amounts);
    entryOf.set(this.entryOf);
    this.slots = slots;
    this.amounts = amounts;
    this.entryOf = entryOf;
  }
}

function fullLabel(entry: MovementEntry): string {
  const line = entry.source.line;
  return line ? `${entry.ownLabel} ${line.ruleLabel} – ${line.funder}` : entry.ownLabel;
}
