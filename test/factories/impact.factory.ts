type Body = Record<string, unknown>;

/**
 * A year of digital-skills workshops for job seekers, 120 000 €, with two funders whose payments
 * are recorded (explicit, used verbatim by the treasury): France Travail 30 000 € (15 000 € paid
 * in February 2026, 15 000 € due in February 2027) and the Région 60 000 € (36 000 € in March,
 * 12 000 € in October 2026, 12 000 € in March 2027); 30 000 € self-funding.
 */
export function twoFunderApplicationBody(overrides: Body = {}): Body {
  return {
    title: 'Numérique vers l’emploi 2026',
    status: 'in_progress',
    operationStart: '2026-01',
    operationEnd: '2026-12',
    totalCostCents: 12_000_000,
    indicators: [
      { key: 'people_accompanied', label: 'Personnes accompagnées', planned: 200 },
      { key: 'job_seekers_employed_6m', planned: 10 },
    ],
    fundingLines: [
      {
        funder: 'France Travail',
        kind: 'OTHER',
        amountCents: 3_000_000,
        status: 'granted',
        schedule: {
          payments: [
            { month: '2026-02', amountCents: 1_500_000 },
            { month: '2027-02', amountCents: 1_500_000 },
          ],
        },
      },
      {
        funder: 'Région Auvergne-Rhône-Alpes',
        kind: 'REGION',
        amountCents: 6_000_000,
        status: 'granted',
        schedule: {
          payments: [
            { month: '2026-03', amountCents: 3_600_000 },
            { month: '2026-10', amountCents: 1_200_000 },
            { month: '2027-03', amountCents: 1_200_000 },
          ],
        },
      },
      { funder: 'Fonds propres', kind: 'SELF_FUNDING', amountCents: 3_000_000, status: 'granted' },
    ],
    ...overrides,
  };
}

/** 163 people, 1 235 hours, 7 job seekers back at work within 6 months. */
export const TWO_FUNDER_ACTIVITY = [
  { indicator: 'people_accompanied', from: '2026-01', to: '2026-03', count: 40 },
  { indicator: 'people_accompanied', from: '2026-04', count: 25 },
  { indicator: 'people_accompanied', from: '2026-05', to: '2026-10', count: 98 },
  { indicator: 'accompaniment_hours', from: '2026-01', to: '2026-06', count: 700 },
  { indicator: 'accompaniment_hours', from: '2026-07', to: '2026-10', count: 535 },
  { indicator: 'job_seekers_employed_6m', from: '2026-10', count: 7 },
];
