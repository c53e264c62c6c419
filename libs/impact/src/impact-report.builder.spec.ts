import { buildImpactReport } from './impact-report.builder';
import type { ImpactReference, IndicatorDefinition } from './impact.types';

const people: IndicatorDefinition = {
  key: 'people_accompanied',
  label: 'Personnes accompagnées',
  unit: 'personnes',
  definition: '',
  role: 'people',
  askedBy: [],
  origin: 'catalogue',
};
const employed: IndicatorDefinition = {
  ...people,
  key: 'employed',
  label: 'En emploi',
  role: undefined,
};
const allowance: ImpactReference = {
  id: 'allowance',
  label: 'Allocation',
  value: 1250,
  unit: 'euros par mois',
  money: true,
  date: '2020-06-30',
  population: 'Indemnisés',
  source: { title: 'T', publisher: 'P', published: '2021' },
};
const months: ImpactReference = {
  ...allowance,
  id: 'months',
  value: 3.5,
  unit: 'mois',
  money: false,
};

describe(buildImpactReport.name, () => {
  const app = {
    id: 'a',
    title: 'Dossier',
    operationStart: '2026-01',
    operationEnd: '2026-04',
    totalCostCents: 1_000_000,
    targets: [{ key: 'people_accompanied', planned: 10 }],
    entries: [
      { indicator: 'people_accompanied', from: '2026-01', to: '2026-02', count: 3 },
      { indicator: 'employed', from: '2026-04', to: '2026-04', count: 1 },
    ],
    lines: [{ id: 'l1', funder: 'Ville', kind: 'MUNICIPALITY', amountCents: 333_333 }],
    payments: [
      { fundingLineId: 'l1', month: '2026-02', amountCents: 200_000 },
      { fundingLineId: 'l1', month: '2026-06', amountCents: 133_333 },
    ],
  };
  const report = buildImpactReport({
    scope: { kind: 'application' },
    title: 'Dossier',
    applications: [app],
    asOfMonth: '2026-03',
    indicators: [people, employed],
    references: [allowance, months],
    estimates: [
      {
        id: 'e',
        label: 'Évité',
        beneficiary: 'Unédic',
        indicator: 'employed',
        factors: ['months', 'allowance'],
        words: 'w',
      },
    ],
  });

  it('rounds each ratio once, to the cent, as the spreadsheet’s ROUND does', () => {
    expect(report.funders[0]).toEqual({
      funder: 'Ville',
      amountCents: 333_333,
      paidCents: 200_000,
      owedCents: 133_333,
      shareBasisPoints: 3333,
      costPerPersonCents: 111_111, // 3 333,33 € / 3
      costPerHourCents: null, // no hours counted: no cost per hour rather than a division by zero
    });
    // 1 × 3,5 × 1 250 € = 4 375 €; the funder's 33,3333 %: 1 458,33 €.
    expect(report.estimates[0].totalCents).toBe(437_500);
    expect(report.estimates[0].byFunder).toEqual([{ funder: 'Ville', attributedCents: 145_833 }]);
  });

  it('spreads the target over the months and counts an entry in the month it ends', () => {
    const p = report.indicators.find((i) => i.key === 'people_accompanied');
    expect(p?.months.map((m) => [m.plannedCumulative, m.achievedCumulative])).toEqual([
      [3, 0],
      [5, 3],
      [8, 3],
      [10, 3],
    ]);
  });

  it('says why an estimate is missing instead of showing zero', () => {
    const none = buildImpactReport({
      scope: { kind: 'application' },
      title: 'Dossier',
      applications: [{ ...app, entries: [] }],
      asOfMonth: '2026-03',
      indicators: [people, employed],
      references: [allowance, months],
      estimates: [
        {
          id: 'e',
          label: 'Évité',
          beneficiary: 'Unédic',
          indicator: 'employed',
          factors: ['months', 'allowance'],
          words: 'w',
        },
      ],
    });
    expect(none.estimates).toEqual([]);
    expect(none.notes).toEqual([
      '« Évité » n’est pas estimé : aucun résultat « En emploi » n’est saisi sur la période.',
    ]);
  });
});
