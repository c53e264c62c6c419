import type { CallField } from '../classifier.types';
import type { TokenStream } from '../text/french-tokenizer';
import type { PhraseIndex, Slot } from './phrase-index';

/** Where a rule fired with the most weight, and how often it fired overall. */
export interface RuleFiring {
  count: number;
  fieldWeight: number;
  field: CallField;
  text: string;
  start: number;
  end: number;
}

/** Same, for a proximity rule: the two words found near each other. */
export interface ProximityFiring extends RuleFiring {
  anchorStart: number;
  anchorEnd: number;
  nearStart: number;
  nearEnd: number;
}

const MAX_SPAN_QUOTED = 90;

/**
 * Collects what the thesaurus finds in each field of one call. Only the strongest firing of each
 * rule is kept (title beats description); repeats are counted for the repeat bonus.
 */
export class EvidenceCollector {
  readonly rules: (RuleFiring | undefined)[];
  readonly proximity: (ProximityFiring | undefined)[];
  readonly funds: Float64Array;
  // Per field, per proximity rule: token ranges of anchor and near words (flat [first, last] pairs).
  private anchors: number[][] = [];
  private nears: number[][] = [];
  private touched: number[] = [];
  private current!: { field: CallField; weight: number; stream: TokenStream };

  constructor(
    ruleCount: number,
    private readonly proximityWindows: readonly number[],
    fundCount: number,
  ) {
    this.rules = new Array<RuleFiring | undefined>(ruleCount);
    this.proximity = new Array<ProximityFiring | undefined>(proximityWindows.length);
    this.funds = new Float64Array(fundCount);
    for (let i = 0; i < proximityWindows.length; i++) {
      this.anchors.push([]);
      this.nears.push([]);
    }
  }

  collect(index: PhraseIndex, field: CallField, weight: number, stream: TokenStream): void {
    if (weight <= 0 || stream.stems.length === 0) return;
    this.current = { field, weight, stream };
    index.match(stream, this.onHit);
    for (const p of this.touched) {
      this.resolveProximity(p);
      this.anchors[p].length = 0;
      this.nears[p].length = 0;
    }
    this.touched.length = 0;
  }

  private readonly onHit = (slot: Slot, first: number, last: number): void => {
    const { field, weight, stream } = this.current;
    switch (slot.kind) {
      case 'rule':
        this.recordRule(slot.index, field, weight, stream, first, last);
        break;
      case 'fund':
        this.funds[slot.index] += weight;
        break;
      default: {
        const list = slot.kind === 'anchor' ? this.anchors[slot.index] : this.nears[slot.index];
        if (this.anchors[slot.index].length === 0 && this.nears[slot.index].length === 0) {
          this.touched.push(slot.index);
        }
        list.push(first, last);
      }
    }
  };

  private recordRule(
    index: number,
    field: CallField,
    weight: number,
    stream: TokenStream,
    first: number,
    last: number,
  ): void {
    const existing = this.rules[index];
    if (existing && existing.fieldWeight >= weight) {
      existing.count++;
      return;
    }
    this.rules[index] = {
      count: (existing?.count ?? 0) + 1,
      fieldWeight: weight,
      field,
      text: stream.text,
      start: stream.starts[first],
      end: stream.ends[last],
    };
  }

  private resolveProximity(p: number): void {
    const anchors = this.anchors[p];
    const nears = this.nears[p];
    if (anchors.length === 0 || nears.length === 0) return;
    const { field, weight, stream } = this.current;
    const window = this.proximityWindows[p];
    let best: [number, number, number] | null = null; // distance, anchor pos, near pos
    for (let a = 0; a < anchors.length; a += 2) {
      for (let b = 0; b < nears.length; b += 2) {
        const gap =
          nears[b] > anchors[a + 1] ? nears[b] - anchors[a + 1] : anchors[a] - nears[b + 1];
        if (gap < 1 || gap > window) continue;
        if (!best || gap < best[0]) best = [gap, a, b];
      }
    }
    if (!best) return;
    const [, a, b] = best;
    const existing = this.proximity[p];
    if (existing && existing.fieldWeight >= weight) {
      existing.count++;
      return;
    }
    const anchorStart = stream.starts[anchors[a]];
    const anchorEnd = stream.ends[anchors[a + 1]];
    const nearStart = stream.starts[nears[b]];
    const nearEnd = stream.ends[nears[b + 1]];
    this.proximity[p] = {
      count: (existing?.count ?? 0) + 1,
      fieldWeight: weight,
      field,
      text: stream.text,
      start: Math.min(anchorStart, nearStart),
      end: Math.max(anchorEnd, nearEnd),
      anchorStart,
      anchorEnd,
      nearStart,
      nearEnd,
    };
  }
}

/** The matched words of a proximity firing: the whole span if short, else both ends. */
export function proximityQuote(
  firing: ProximityFiring,
  quote: (s: number, e: number) => string,
): string {
  if (firing.end - firing.start <= MAX_SPAN_QUOTED) return quote(firing.start, firing.end);
  const [first, second] =
    firing.anchorStart < firing.nearStart
      ? [quote(firing.anchorStart, firing.anchorEnd), quote(firing.nearStart, firing.nearEnd)]
      : [quote(firing.nearStart, firing.nearEnd), quote(firing.anchorStart, firing.anchorEnd)];
  return `${first} … ${second}`;
}
