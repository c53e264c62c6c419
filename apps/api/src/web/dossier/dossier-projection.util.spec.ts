import { loadFundingRules, TreasuryWarningCode, type TreasuryProjection } from '@app/treasury';
import {
  dossierWindow,
  nextPayment,
  toApplicationInput,
  trimmedWindow,
  type StoredDossier,
} from './dossier-projection.util';
import { cashSeries, cashWarnings, combine } from './dossier-structure-cash.util';

const STORED: StoredDossier = {
  id: 'd1',
  title: 'Parcours numériques',
  status: 'idea',
  submissionDeadline: null,
  operationStart: '2027-01',
  operationEnd: '2027-12',
  totalCostCents: 12_000_000,
  expenses: null,
  submittedAt: null,
  notifiedAt: null,
  euArea: null,
  tasks: [],
  fundingLines: [
    {
      id: 'l1',
      funder: 'Département',
      kind: 'FSE_PLUS',
      amountCents: 7_200_000,
      status: 'requested',
      signedAt: '2026-11-15',
      schedule: null,
      bridge: null,
      intermediateBody: false,
    },
  ],
};

/** A projection with only what the helpers read. */
function projection(months: [string, number, number, string[]][]): TreasuryProjection {
  let balance = 0;
  return {
    warnings: [],
    peakNeed: { month: null, amountCents: 0 },
    months: months.map(([month, inflowsCents, outflowsCents, owners]) => {
      const openingCents = balance;
      balance += inflowsCents - outflowsCents;
      return {
        month,
        openingCents,
        inflowsCents,
        outflowsCents,
        closingCents: balance,
        lines: owners.map((owner) => ({
          applicationId: owner,
          fundingLineId: null,
          kind: null,
          label: 'x',
          direction: 'out' as const,
          amountCents: 1,
        })),
      };
    }),
  };
}

describe('dossier-projection.util', () => {
  it('reads a stored dossier as the library does: ids kept, empty fields left out', () => {
    const input = toApplicationInput(STORED);
    expect(input).not.toHaveProperty('submissionDeadline');
    expect(input).not.toHaveProperty('euArea');
    expect(input.fundingLines[0]).toEqual({
      id: 'l1',
      funder: 'Département',
      kind: 'FSE_PLUS',
      amountCents: 7_200_000,
      status: 'requested',
      signedAt: '2026-11-15',
    });
  });

  it('opens the window at the signature (the advance may come before the start)', () => {
    expect(dossierWindow(toApplicationInput(STORED), '2026-11-23')).toEqual({
      from: '2026-11',
      months: 62,
      asOf: '2026-11-23',
    });
  });

  it('reaches an explicit payment set far after the end, within ten years', () => {
    const late = toApplicationInput({
      ...STORED,
      fundingLines: [
        {
          ...STORED.fundingLines[0],
          schedule: { payments: [{ month: '2040-01', amountCents: 100 }] },
        },
      ],
    });
    expect(dossierWindow(late, '2026-11-23')).toEqual({
      from: '2026-11',
      months: 120,
      asOf: '2026-11-23',
    });
  });

  it('cuts the window after the last month the dossier moves, never before its end', () => {
    const input = toApplicationInput(STORED);
    const wide = { from: '2027-01', months: 30, asOf: '2026-11-23' };
    const quiet = projection([
      ['2027-01', 0, 10, ['d1']],
      ['2027-02', 0, 0, []],
    ]);
    expect(trimmedWindow(input, wide, [quiet])).toEqual({ ...wide, months: 12 });
    const late = projection(
      Array.from({ length: 30 }, (_, i) => [
        `${2027 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
        0,
        0,
        i === 20 ? ['d1'] : ['autre'],
      ]),
    );
    expect(trimmedWindow(input, wide, [quiet, late])).toEqual({ ...wide, months: 21 });
  });

  it('finds the next payment from this month on', () => {
    const rows = [
      { lineId: 'l1', month: '2027-03', label: 'Avance', amountCents: 2_160_000 },
      { lineId: 'l2', month: '2027-12', label: 'Remboursement du prêt relais', amountCents: -500 },
      { lineId: 'l1', month: '2028-09', label: 'Solde', amountCents: 5_040_000 },
    ];
    expect(nextPayment(rows, '2027-03')?.label).toBe('Avance');
    expect(nextPayment(rows, '2027-04')?.label).toBe('Solde');
    expect(nextPayment(rows, '2028-10')).toBeNull();
  });
});

describe('dossier-structure-cash.util', () => {
  const rules = loadFundingRules();

  it('adds a dossier’s plan to the structure’s, or takes it away, month by month', () => {
    const structure = { from: '2027-01', openingCents: 1_500_000, netCents: [0, -200_000, 0] };
    const dossier = { from: '2027-01', openingCents: -100, netCents: [-1_000_000, -1_000_000] };
    expect(combine(structure, dossier, 1)).toEqual({
      from: '2027-01',
      openingCents: 1_499_900,
      netCents: [-1_000_000, -1_200_000, 0],
    });
    expect(combine(combine(structure, dossier, 1), dossier, -1)).toEqual(structure);
  });

  it('words the cash warnings of a combined curve as the treasury library does', () => {
    const curve = {
      from: '2027-01',
      openingCents: 1_500_000,
      netCents: [-1_000_000, -1_000_000, 900_000, 0],
    };
    const { warnings, peakNeed } = cashWarnings(curve, 500_000, rules, '2026-11-23');
    expect(warnings.map((w) => [w.code, w.month])).toEqual([
      [TreasuryWarningCode.CASH_NEGATIVE, '2027-02'],
      // Item 10: negative months are below the threshold too, so that episode starts in February.
      [TreasuryWarningCode.CASH_BELOW_THRESHOLD, '2027-02'],
    ]);
    expect(peakNeed).toEqual({ month: '2027-02', amountCents: 500_000 });
    const replayed = cashSeries(
      projection([
        ['2027-01', 0, 1_000_000, []],
        ['2027-02', 2_000_000, 0, []],
      ]),
    );
    expect(replayed).toEqual({
      from: '2027-01',
      openingCents: 0,
      netCents: [-1_000_000, 2_000_000],
    });
  });
});
