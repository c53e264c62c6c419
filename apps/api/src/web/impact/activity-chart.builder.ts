import type { IndicatorFigures } from '@app/impact';
import { shortFrenchMonth } from '../treasury/treasury-format.util';

/** Drawn geometry of one indicator's planned-vs-achieved chart (cumulative counts by month). */
export interface ActivityChart {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  fontSize: number;
  planned: string | null;
  achieved: string;
  /** The last point of the achieved line, marked so a flat line is still seen. */
  lastAchieved: { x: number; y: number };
  countTicks: { y: number; label: string }[];
  monthTicks: { x: number; label: string; year: string | null }[];
}

const WIDTH = 640;
const HEIGHT = 240;
const MARGIN = { top: 14, right: 14, bottom: 44, left: 56 };
const MAX_MONTH_LABELS = 12;
const INTEGER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

/**
 * Planned (the target spread evenly, dashed) against achieved (entries cumulated, solid), month by
 * month. The page prints the same figures as a table: the chart is a picture of that table.
 */
export function buildActivityChart(indicator: IndicatorFigures): ActivityChart {
  const plot = {
    left: MARGIN.left,
    right: WIDTH - MARGIN.right,
    top: MARGIN.top,
    bottom: HEIGHT - MARGIN.bottom,
  };
  const months = indicator.months;
  const top = niceCeiling(
    Math.max(1, ...months.map((m) => Math.max(m.plannedCumulative ?? 0, m.achievedCumulative))),
  );
  const step = months.length > 1 ? (plot.right - plot.left) / (months.length - 1) : 0;
  const x = (i: number) =>
    round(months.length > 1 ? plot.left + i * step : (plot.left + plot.right) / 2);
  const y = (count: number) => round(plot.bottom - (count / top) * (plot.bottom - plot.top));
  const path = (values: number[]) =>
    values.map((v, i) => `${i === 0 ? 'M' : 'L'}${x(i)} ${y(v)}`).join(' ');
  const every = Math.max(1, Math.ceil(months.length / MAX_MONTH_LABELS));
  const last = months.length - 1;
  return {
    width: WIDTH,
    height: HEIGHT,
    plot,
    fontSize: 12,
    planned:
      months[0]?.plannedCumulative === null
        ? null
        : path(months.map((m) => m.plannedCumulative ?? 0)),
    achieved: path(months.map((m) => m.achievedCumulative)),
    lastAchieved: { x: x(last), y: y(months[last]?.achievedCumulative ?? 0) },
    countTicks: [0, 0.25, 0.5, 0.75, 1].map((f) => ({
      y: y(top * f),
      label: INTEGER.format(top * f),
    })),
    monthTicks: months
      .map((m, i) => ({ m, i }))
      .filter(({ i }) => i % every === 0)
      .map(({ m, i }) => ({
        x: x(i),
        label: shortFrenchMonth(m.month),
        year: i === 0 || m.month.endsWith('-01') ? m.month.slice(0, 4) : null,
      })),
  };
}

/** Four whole ticks: the step is 1, 2 or 5 × a power of ten, the top four steps. */
function niceCeiling(value: number): number {
  const raw = Math.max(1, value / 4);
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return 4 * m * power;
  return 40 * power;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
