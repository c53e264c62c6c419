import type { IndicatorFigures } from '@app/impact';
import { buildActivityChart } from './activity-chart.builder';

function indicator(planned: (number | null)[], achieved: number[]): IndicatorFigures {
  return {
    key: 'people_accompanied',
    label: 'Personnes accompagnées',
    unit: 'personnes',
    planned: planned[planned.length - 1],
    achieved: achieved[achieved.length - 1],
    months: achieved.map((a, i) => ({
      month: `2026-${String(i + 1).padStart(2, '0')}`,
      plannedCumulative: planned[i],
      achievedCumulative: a,
    })),
  };
}

describe(buildActivityChart.name, () => {
  it('draws both lines on whole-number ticks that reach above the highest value', () => {
    const chart = buildActivityChart(indicator([17, 33, 50, 67], [0, 12, 40, 70]));
    expect(chart.countTicks.map((t) => t.label)).toEqual(['0', '20', '40', '60', '80']);
    expect(chart.achieved.split(' L').length).toBe(4);
    expect(chart.planned).not.toBeNull();
    // The last achieved point sits on the last month, at 70 of 80.
    expect(chart.lastAchieved.x).toBe(chart.plot.right);
    expect(chart.lastAchieved.y).toBeCloseTo(
      chart.plot.bottom - (70 / 80) * (chart.plot.bottom - chart.plot.top),
      0,
    );
  });

  it('draws no planned line without a target, and still a scale when nothing is counted', () => {
    const chart = buildActivityChart(indicator([null, null], [0, 0]));
    expect(chart.planned).toBeNull();
    expect(chart.countTicks.map((t) => t.label)).toEqual(['0', '1', '2', '3', '4']);
    expect(chart.monthTicks.map((t) => [t.label, t.year])).toEqual([
      ['janv.', '2026'],
      ['févr.', null],
    ]);
  });
});
