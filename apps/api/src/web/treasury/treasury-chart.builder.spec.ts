import {
  buildTreasuryChart,
  ChartLayout,
  NARROW_CHART_LAYOUT,
  niceTicks,
  WIDE_CHART_LAYOUT,
} from './treasury-chart.builder';

/** A plot of 120 × 100 units from (10, 10): every coordinate below is computed by hand. */
const SMALL: ChartLayout = {
  width: 140,
  height: 120,
  margin: { top: 10, right: 10, bottom: 10, left: 10 },
  maxMonthLabels: 2,
  compactAmounts: true,
  fontSize: 10,
};

const months = ['2027-01', '2027-02', '2027-03', '2027-04'];
const series = (cents: number[]) =>
  cents.map((closingCents, i) => ({ month: months[i], closingCents }));

describe('buildTreasuryChart', () => {
  const chart = buildTreasuryChart(
    {
      // 5 000 €, 1 000 €, −3 000 €, −1 000 €
      expected: series([500_000, 100_000, -300_000, -100_000]),
      stress: series([500_000, -100_000, -500_000, -500_000]),
      thresholdCents: 200_000,
    },
    SMALL,
  );

  it('puts each month at the middle of its slot and scales amounts to round ticks', () => {
    // Domain [−5 000 €, 5 000 €] → step 2 000 €, ticks from −6 000 € to 6 000 €.
    expect(chart.amountTicks.map((t) => t.cents)).toEqual([
      -600_000, -400_000, -200_000, 0, 200_000, 400_000, 600_000,
    ]);
    expect(chart.amountTicks.map((t) => t.label)).toEqual([
      '−6 k€',
      '−4 k€',
      '−2 k€',
      '0 €',
      '2 k€',
      '4 k€',
      '6 k€',
    ]);
    expect(chart.amountTicks[0].y).toBe(110);
    expect(chart.amountTicks[6].y).toBe(10);
    expect(chart.expected.points.map((p) => [p.x, p.y])).toEqual([
      [25, 18.3],
      [55, 51.7],
      [85, 85],
      [115, 68.3],
    ]);
    expect(chart.expected.path).toBe('M25 18.3 L55 51.7 L85 85 L115 68.3');
    expect(chart.stress.path).toBe('M25 18.3 L55 68.3 L85 101.7 L115 101.7');
  });

  it('draws the zero and threshold lines', () => {
    expect(chart.zeroY).toBe(60);
    expect(chart.thresholdY).toBe(43.3);
  });

  it('bands the months whose expected balance is negative and labels the first one', () => {
    expect(chart.negativeBands).toEqual([
      { x: 70, width: 60, fromMonth: '2027-03', toMonth: '2027-04' },
    ]);
    expect(chart.negativeMarker).toMatchObject({
      month: '2027-03',
      x: 85,
      y: 85,
      label: 'Trésorerie négative en mars 2027',
    });
  });

  it('labels months in French, the year at the first label and at each new year', () => {
    expect(chart.monthTicks).toEqual([
      { x: 25, month: '2027-01', label: 'janv.', year: '2027' },
      { x: 85, month: '2027-03', label: 'mars', year: null },
    ]);
    const overNewYear = buildTreasuryChart(
      {
        expected: ['2027-11', '2027-12', '2028-01', '2028-02'].map((month) => ({
          month,
          closingCents: 0,
        })),
        stress: [],
        thresholdCents: 0,
      },
      { ...SMALL, maxMonthLabels: 4 },
    );
    expect(overNewYear.monthTicks.map((t) => [t.label, t.year])).toEqual([
      ['nov.', '2027'],
      ['déc.', null],
      ['janv.', '2028'],
      ['févr.', null],
    ]);
  });

  it('keeps month labels on a regular step that fits the layout', () => {
    const twoYears = Array.from({ length: 24 }, (_, i) => ({
      month: `${2027 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
      closingCents: 1_000_000 - i * 100_000,
    }));
    const wide = buildTreasuryChart(
      { expected: twoYears, stress: twoYears, thresholdCents: 0 },
      WIDE_CHART_LAYOUT,
    );
    const narrow = buildTreasuryChart(
      { expected: twoYears, stress: twoYears, thresholdCents: 0 },
      NARROW_CHART_LAYOUT,
    );
    expect(wide.monthTicks.map((t) => t.month)).toEqual([
      '2027-01',
      '2027-03',
      '2027-05',
      '2027-07',
      '2027-09',
      '2027-11',
      '2028-01',
      '2028-03',
      '2028-05',
      '2028-07',
      '2028-09',
      '2028-11',
    ]);
    expect(narrow.monthTicks.map((t) => t.month)).toEqual([
      '2027-01',
      '2027-07',
      '2028-01',
      '2028-07',
    ]);
    expect(wide.amountTicks[0].label).toMatch(/^−15\s000\s€$/);
    expect(wide.thresholdY).toBeNull();
    // Every point stays inside the plot.
    for (const p of narrow.expected.points) {
      expect(p.x).toBeGreaterThan(narrow.plot.left);
      expect(p.x).toBeLessThan(narrow.plot.right);
      expect(p.y).toBeGreaterThanOrEqual(narrow.plot.top);
      expect(p.y).toBeLessThanOrEqual(narrow.plot.bottom);
    }
  });

  it('labels the stress scenario when only it goes negative, and nothing when neither does', () => {
    const stressOnly = buildTreasuryChart(
      {
        expected: series([100_000, 100_000, 100_000, 100_000]),
        stress: series([100_000, -50_000, 100_000, 100_000]),
        thresholdCents: 0,
      },
      SMALL,
    );
    expect(stressOnly.negativeBands).toEqual([]);
    expect(stressOnly.negativeMarker?.label).toBe('Scénario dégradé : négative en février 2027');
    const healthy = buildTreasuryChart(
      { expected: series([1, 2, 3, 4]), stress: series([1, 2, 3, 4]), thresholdCents: 0 },
      SMALL,
    );
    expect(healthy.negativeMarker).toBeNull();
  });

  it('anchors the label to the left of the point when there is no room on its right', () => {
    const late = buildTreasuryChart(
      {
        expected: series([500_000, 400_000, 300_000, -100_000]),
        stress: series([500_000, 400_000, 300_000, -100_000]),
        thresholdCents: 0,
      },
      WIDE_CHART_LAYOUT,
    );
    expect(late.negativeMarker?.anchor).toBe('end');
    expect(late.negativeMarker?.labelX).toBeLessThan(late.negativeMarker?.x ?? 0);
  });
});

describe('niceTicks', () => {
  it('gives a readable axis for an empty plan', () => {
    expect(niceTicks(0, 0)).toEqual([0, 20_000, 40_000, 60_000, 80_000, 100_000]);
  });

  it('covers an all-negative range down to a round amount', () => {
    expect(niceTicks(-8_200_000, 0)).toEqual([
      -10_000_000, -8_000_000, -6_000_000, -4_000_000, -2_000_000, 0,
    ]);
  });

  it('spans at least 1 000 € so a tiny balance is not drawn as a cliff', () => {
    expect(niceTicks(-3, 0)).toEqual([-100_000, -80_000, -60_000, -40_000, -20_000, 0]);
  });
});
