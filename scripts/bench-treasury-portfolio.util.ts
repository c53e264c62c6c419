// The treasury benchmark's portfolio, timing helpers and bare loop, shared by the parent script
// (bench-treasury.ts) and the processes that time the pure projection (bench-treasury-pure.ts).
import {
  loadFundingRules,
  type ApplicationInput,
  type FundingKind,
  type FundingLineInput,
  type FundingRules,
  type TreasuryProjection,
  type TreasurySettings,
} from '@app/treasury';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface Timing {
  p50: number;
  p95: number;
}

export const APPLICATIONS = 1_000;
export const LINES = 5;
export const MONTHS = 60;
export const REPEATS = 40;
/** The projection and the bare loop take ~1 ms: more repeats for the same wall time. */
export const PAIRED_REPEATS = 200;
/** Warm-up: at least this many runs and this long, so both sides are optimised before timing. */
export const WARMUP = 20;
export const WARMUP_MS = 300;
const KINDS: FundingKind[] = [
  'FSE_PLUS',
  'FEADER_LEADER',
  'REGION',
  'DEPARTMENT',
  'STATE',
  'FOUNDATION',
  'CAF',
  'INTERREG',
];

/** Deterministic pseudo-random numbers (mulberry32) so every run projects the same portfolio. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function month(index: number): string {
  const year = 2026 + Math.floor(index / 12);
  return `${year}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function portfolio(): ApplicationInput[] {
  const next = random(42);
  return Array.from({ length: APPLICATIONS }, (_, a) => {
    const start = Math.floor(next() * 36);
    const length = 6 + Math.floor(next() * 30);
    const total = 1_000_000 + Math.floor(next() * 50_000_000);
    const share = Math.floor(total / LINES);
    const lines: FundingLineInput[] = Array.from({ length: LINES }, (_, l) => ({
      id: `a${a}-l${l}`,
      funder: `Financeur ${l}`,
      kind: l === LINES - 1 ? 'SELF_FUNDING' : KINDS[Math.floor(next() * KINDS.length)],
      amountCents: l === LINES - 1 ? total - share * (LINES - 1) : share,
      status: 'granted',
    }));
    return {
      id: `a${a}`,
      title: `Dossier ${a}`,
      status: 'in_progress',
      operationStart: month(start),
      operationEnd: month(start + length - 1),
      totalCostCents: total,
      euArea: 'mainland',
      fundingLines: lines,
    };
  });
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function warmUp(run: () => unknown): void {
  const started = performance.now();
  for (let i = 0; i < WARMUP || performance.now() - started < WARMUP_MS; i++) run();
}

export function summary(times: number[]): Timing {
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

export function timed(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

export function measure(run: () => unknown): Timing {
  warmUp(run);
  return summary(Array.from({ length: REPEATS }, () => timed(run)));
}

/**
 * Two runs timed the same way, interleaved (a b, b a, a b, …) so that both see the same load on
 * a shared machine: their ratio is the figure that matters.
 */
export function measurePair(a: () => unknown, b: () => unknown): [Timing, Timing] {
  warmUp(a);
  warmUp(b);
  const timesA: number[] = [];
  const timesB: number[] = [];
  for (let i = 0; i < PAIRED_REPEATS; i++) {
    if (i % 2 === 0) {
      timesA.push(timed(a));
      timesB.push(timed(b));
    } else {
      timesB.push(timed(b));
      timesA.push(timed(a));
    }
  }
  return [summary(timesA), summary(timesB)];
}

/**
 * The floor any projection pays: the same month × line additions over the same data, laid out
 * in advance. Row `a × LINES + l` holds the net cash of line l of application a in each month
 * (the application's spending folded into its self-funding line, which moves no cash of its
 * own), taken from the projection itself; one addition per line per month into the month's
 * flow, then the running balance. No schedule, no rule, no object, no string.
 */
export function bareLoop(amounts: Int32Array): Float64Array {
  const closing = new Float64Array(MONTHS);
  let balance = 0;
  for (let m = 0; m < MONTHS; m++) {
    let flow = 0;
    for (let l = 0; l < APPLICATIONS * LINES; l++) flow += amounts[l * MONTHS + m];
    balance += flow;
    closing[m] = balance;
  }
  return closing;
}

/** The projection's own movements as the bare loop's matrix, checked against its balances. */
export function bareLoopAmounts(
  projection: TreasuryProjection,
  applications: ApplicationInput[],
  settings: TreasurySettings,
): Int32Array {
  const row = new Map<string, number>();
  applications.forEach((app, a) =>
    app.fundingLines.forEach((line, l) => row.set(line.id as string, a * LINES + l)),
  );
  const selfFundingRow = new Map(applications.map((app, a) => [app.id, a * LINES + LINES - 1]));
  const amounts = new Int32Array(APPLICATIONS * LINES * MONTHS);
  const recurring = new Float64Array(MONTHS);
  projection.months.forEach((month, m) => {
    for (const movement of month.lines) {
      const signed = movement.direction === 'in' ? movement.amountCents : -movement.amountCents;
      const line = movement.fundingLineId
        ? row.get(movement.fundingLineId)
        : movement.applicationId
          ? selfFundingRow.get(movement.applicationId)
          : undefined;
      if (line === undefined) recurring[m] += signed;
      else amounts[line * MONTHS + m] += signed;
    }
  });
  // Same data: the bare loop's balances, plus the opening balance and the recurring flows, are
  // the projection's to the cent.
  const closing = bareLoop(amounts);
  let recurringSoFar = 0;
  projection.months.forEach((month, m) => {
    recurringSoFar += recurring[m];
    const bare = settings.openingBalanceCents + closing[m] + recurringSoFar;
    if (bare !== month.closingCents)
      throw new Error(`bare loop ${bare} ≠ projection ${month.closingCents} in ${month.month}`);
  });
  return amounts;
}

/** The benchmark's settings: an opening balance and one recurring outflow. */
export const BENCH_SETTINGS: TreasurySettings = {
  openingBalanceCents: 50_000_000,
  openingMonth: '2026-01',
  recurring: [{ label: 'Salaires', direction: 'out', amountCents: 2_000_000 }],
  minimumCashCents: 1_000_000,
};

/** The projection's input over the benchmark's portfolio, `dist/scripts` being this file's folder. */
export function benchInput(): {
  settings: TreasurySettings;
  applications: ApplicationInput[];
  rules: FundingRules;
  from: string;
  months: number;
  asOf: string;
} {
  const root = resolve(__dirname, '..', '..');
  return {
    settings: BENCH_SETTINGS,
    applications: portfolio(),
    rules: loadFundingRules(join(root, 'config', 'funding-rules.yaml')),
    from: '2026-01',
    months: MONTHS,
    asOf: '2026-01-05',
  };
}
