import { frenchMonth } from '@app/common';
import { frenchAmount } from '../french-format.util';
import { compactEuros, shortFrenchMonth } from './treasury-format.util';

/** One month's closing balance of a scenario. */
export interface ChartMonth {
  month: string;
  closingCents: number;
}

export interface ChartLayout {
  /** The SVG's viewBox; the SVG itself scales to the width of its container. */
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  /** At most this many month labels on the x axis. */
  maxMonthLabels: number;
  /** Short tick labels (« 20 k€ ») where the chart is narrow. */
  compactAmounts: boolean;
  fontSize: number;
}

/** A desktop chart; its text stays about 13 px from 900 px wide down to 700 px. */
export const WIDE_CHART_LAYOUT: ChartLayout = {
  width: 880,
  height: 360,
  margin: { top: 20, right: 16, bottom: 48, left: 96 },
  maxMonthLabels: 12,
  compactAmounts: false,
  fontSize: 13,
};

/** A phone chart: drawn at about its own size on a 390 px screen, so its text stays readable. */
export const NARROW_CHART_LAYOUT: ChartLayout = {
  width: 360,
  height: 300,
  margin: { top: 20, right: 10, bottom: 44, left: 52 },
  maxMonthLabels: 5,
  compactAmounts: true,
  fontSize: 12,
};

export interface TreasuryChartInput {
  /** Months in order; `stress` covers the same months. */
  expected: ChartMonth[];
  stress: ChartMonth[];
  /** The alert threshold; 0 means none (it would sit on the zero line). */
  thresholdCents: number;
}

export interface ChartPoint {
  x: number;
  y: number;
  month: string;
  closingCents: number;
}

export interface MonthTick {
  x: number;
  month: string;
  label: string;
  /** Shown under the month at the first tick and at each change of year. */
  year: string | null;
}

export interface AmountTick {
  y: number;
  cents: number;
  label: string;
}

export interface NegativeBand {
  x: number;
  width: number;
  fromMonth: string;
  toMonth: string;
}

export interface NegativeMarker {
  /** The month whose closing balance is first below zero, and its point on the line. */
  month: string;
  x: number;
  y: number;
  label: string;
  labelX: number;
  labelY: number;
  anchor: 'start' | 'end';
  /** Approximate width of the label, for the white box behind it. */
  labelWidth: number;
}

export interface TreasuryChart {
  width: number;
  height: number;
  fontSize: number;
  plot: { left: number; top: number; right: number; bottom: number };
  monthTicks: MonthTick[];
  amountTicks: AmountTick[];
  expected: { points: ChartPoint[]; path: string };
  stress: { points: ChartPoint[]; path: string };
  zeroY: number;
  thresholdY: number | null;
  /** Runs of months whose expected closing balance is below zero. */
  negativeBands: NegativeBand[];
  negativeMarker: NegativeMarker | null;
}

/** A 1-2-2.5-5 progression keeps ticks on round euros. */
const NICE_FACTORS = [1, 2, 2.5, 5, 10];
const TARGET_AMOUNT_TICKS = 6;
/** Month steps that keep labels on the same months every year. */
const MONTH_STEPS = [1, 2, 3, 4, 6, 12, 24];
/** 1 000 €: the smallest axis span, so a flat or empty plan still gets a readable axis. */
const MIN_SPAN_CENTS = 100_000;

/** The geometry of the cash chart: scales, ticks, lines and negative months, in viewBox units. */
export function buildTreasuryChart(
  input: TreasuryChartInput,
  layout: ChartLayout = WIDE_CHART_LAYOUT,
): TreasuryChart {
  const plot = {
    left: layout.margin.left,
    top: layout.margin.top,
    right: layout.width - layout.margin.right,
    bottom: layout.height - layout.margin.bottom,
  };
  const count = input.expected.length;
  const slot = count > 0 ? (plot.right - plot.left) / count : 0;
  const xOf = (index: number) => round(plot.left + (index + 0.5) * slot);
  const values = [
    0,
    input.thresholdCents,
    ...input.expected.map((m) => m.closingCents),
    ...input.stress.map((m) => m.closingCents),
  ];
  const ticks = niceTicks(Math.min(...values), Math.max(...values));
  const low = ticks[0];
  const high = ticks[ticks.length - 1];
  const yOf = (cents: number) =>
    round(plot.bottom - ((cents - low) / (high - low)) * (plot.bottom - plot.top));
  const seriesOf = (months: ChartMonth[]) => {
    const points = months.map((m, i) => ({
      x: xOf(i),
      y: yOf(m.closingCents),
      month: m.month,
      closingCents: m.closingCents,
    }));
    return { points, path: pathThrough(points) };
  };
  const expected = seriesOf(input.expected);
  const stress = seriesOf(input.stress);
  const negativeBands = negativeRuns(input.expected).map(([from, to]) => ({
    x: round(plot.left + from * slot),
    width: round((to - from + 1) * slot),
    fromMonth: input.expected[from].month,
    toMonth: input.expected[to].month,
  }));
  return {
    width: layout.width,
    height: layout.height,
    fontSize: layout.fontSize,
    plot,
    monthTicks: monthTicks(input.expected, layout.maxMonthLabels, xOf),
    amountTicks: ticks.map((cents) => ({
      y: yOf(cents),
      cents,
      label: layout.compactAmounts ? compactEuros(cents) : frenchAmount(cents),
    })),
    expected,
    stress,
    zeroY: yOf(0),
    thresholdY: input.thresholdCents > 0 ? yOf(input.thresholdCents) : null,
    negativeBands,
    negativeMarker: negativeMarker(expected.points, stress.points, plot, layout.fontSize),
  };
}

/** Round ticks covering [min, max], always including 0 (the domain does). */
export function niceTicks(min: number, max: number, target = TARGET_AMOUNT_TICKS): number[] {
  let low = min;
  let high = max;
  if (high - low < MIN_SPAN_CENTS) {
    if (low < 0 && high <= 0) low = Math.min(low, high - MIN_SPAN_CENTS);
    else high = Math.max(high, low + MIN_SPAN_CENTS);
  }
  const raw = (high - low) / (target - 1);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  // Whole euros at least: a tick of 2,50 € says nothing to an accountant.
  const step = Math.max(100, NICE_FACTORS.map((f) => f * magnitude).find((s) => s >= raw) ?? raw);
  const first = Math.floor(low / step) * step;
  const last = Math.ceil(high / step) * step;
  const ticks: number[] = [];
  for (let value = first; value <= last + step / 2; value += step) ticks.push(Math.round(value));
  return ticks;
}

function monthTicks(
  months: ChartMonth[],
  maxLabels: number,
  xOf: (index: number) => number,
): MonthTick[] {
  const needed = Math.ceil(months.length / Math.max(1, maxLabels));
  const step = MONTH_STEPS.find((s) => s >= needed) ?? needed;
  const ticks: MonthTick[] = [];
  let lastYear = '';
  months.forEach((m, i) => {
    if (i % step !== 0) return;
    const year = m.month.slice(0, 4);
    ticks.push({
      x: xOf(i),
      month: m.month,
      label: shortFrenchMonth(m.month),
      year: year === lastYear ? null : year,
    });
    lastYear = year;
  });
  return ticks;
}

/** [first, last] month indices of each run of negative closing balances. */
function negativeRuns(months: ChartMonth[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  months.forEach((m, i) => {
    if (m.closingCents >= 0) return;
    const current = runs[runs.length - 1];
    if (current && current[1] === i - 1) current[1] = i;
    else runs.push([i, i]);
  });
  return runs;
}

/**
 * The month the expected cash first goes below zero, labelled in words; when only the stress
 * scenario goes negative, that one, said so.
 */
function negativeMarker(
  expected: ChartPoint[],
  stress: ChartPoint[],
  plot: TreasuryChart['plot'],
  fontSize: number,
): NegativeMarker | null {
  const inExpected = expected.find((p) => p.closingCents < 0);
  const point = inExpected ?? stress.find((p) => p.closingCents < 0);
  if (!point) return null;
  const label = inExpected
    ? `Trésorerie négative en ${frenchMonth(point.month)}`
    : `Scénario dégradé : négative en ${frenchMonth(point.month)}`;
  // Average glyph width of a sans-serif face is a little over half its size.
  const labelWidth = round(label.length * fontSize * 0.56);
  const roomOnRight = plot.right - point.x;
  const anchor =
    roomOnRight >= labelWidth + 8 || point.x - plot.left < labelWidth ? 'start' : 'end';
  return {
    month: point.month,
    x: point.x,
    y: point.y,
    label,
    labelX: anchor === 'start' ? point.x + 6 : point.x - 6,
    labelY: round(plot.top + fontSize + 2),
    anchor,
    labelWidth,
  };
}

function pathThrough(points: ChartPoint[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ');
}

/** One decimal: sharp enough on any screen, and a small SVG. */
function round(value: number): number {
  return Math.round(value * 10) / 10;
}
