import {
  ACTIVE_APPLICATION_STATUSES,
  APPLICATION_STATUSES,
  FUNDED_APPLICATION_STATUSES,
} from './funding-kind.constants';
import { loadFundingRules } from './funding-rules.loader';
import {
  projectTreasury,
  Reading,
  readingOf,
  type ProjectTreasuryInput,
} from './treasury.projector';
import type { ApplicationInput, FundingLineInput, TreasurySettings } from './treasury.types';
import { TreasuryException } from './treasury.exception';
import { TreasuryWarningCode } from './treasury-warning-code.enum';
import type { TreasuryProjection } from './treasury-projection.types';

const rules = loadFundingRules();

const settings: TreasurySettings = {
  openingBalanceCents: 5_000_000,
  openingMonth: '2026-01',
  recurring: [],
  minimumCashCents: 0,
};

function line(
  kind: FundingLineInput['kind'],
  amountCents: number,
  extra: Partial<FundingLineInput> = {},
): FundingLineInput {
  return { id: kind, funder: `Financeur ${kind}`, kind, amountCents, status: 'granted', ...extra };
}

/** 120 000 € over 2026 (10 000 €/month): 72 000 € FSE+ (60 %, mainland) + 48 000 € self-funding. */
function fseOperation(overrides: Partial<ApplicationInput> = {}): ApplicationInput {
  return {
    id: 'fse',
    title: 'Parcours numériques vers l’emploi',
    status: 'in_progress',
    operationStart: '2026-01',
    operationEnd: '2026-12',
    totalCostCents: 12_000_000,
    euArea: 'mainland',
    fundingLines: [
      line('FSE_PLUS', 7_200_000, { signedAt: '2025-12-15' }),
      line('SELF_FUNDING', 4_800_000),
    ],
    ...overrides,
  };
}

function project(overrides: Partial<ProjectTreasuryInput> = {}): TreasuryProjection {
  return projectTreasury({
    settings,
    applications: [fseOperation()],
    rules,
    from: '2026-01',
    months: 24,
    asOf: '2026-01-05',
    ...overrides,
  });
}

function closings(projection: TreasuryProjection): Record<string, number> {
  return Object.fromEntries(projection.months.map((m) => [m.month, m.closingCents]));
}

function codes(projection: TreasuryProjection): string[] {
  return projection.warnings.map((w) => w.code);
}

describe('projectTreasury', () => {
  describe('an FSE+ operation of 120 000 € over 12 months with the 30 % advance', () => {
    // Opening 50 000 €. Spending 10 000 €/month; advance 21 600 € in 2026-02; balance 50 400 € in 2027-09.
    // Jan 40 000 · Feb 40 000 + 21 600 − 10 000 = 51 600 · Mar 41 600 · Apr 31 600 · May 21 600 · Jun 11 600
    // Jul 1 600 · Aug −8 400 · Sep −18 400 · Oct −28 400 · Nov −38 400 · Dec −48 400 (peak need)
    // 2027-01 … 2027-08 −48 400 · 2027-09 −48 400 + 50 400 = 2 000.
    const projection = project();

    it('gives the month-by-month balance to the cent', () => {
      expect(closings(projection)).toMatchObject({
        '2026-01': 4_000_000,
        '2026-02': 5_160_000,
        '2026-07': 160_000,
        '2026-08': -840_000,
        '2026-12': -4_840_000,
        '2027-08': -4_840_000,
        '2027-09': 200_000,
        '2027-12': 200_000,
      });
      expect(projection.months).toHaveLength(24);
      expect(projection.months[1]).toMatchObject({
        openingCents: 4_000_000,
        inflowsCents: 2_160_000,
        outflowsCents: 1_000_000,
      });
    });

    it('shows the month the cash turns negative and the peak need', () => {
      expect(projection.peakNeed).toEqual({ month: '2026-12', amountCents: 4_840_000 });
      const negative = projection.warnings.find(
        (w) => w.code === TreasuryWarningCode.CASH_NEGATIVE,
      );
      expect(negative).toMatchObject({
        month: '2026-08',
        amountCents: 4_840_000,
        severity: 'critical',
      });
      expect(negative?.message).toContain('négative en août 2026 pendant 13 mois');
      expect(negative?.message).toContain('en décembre 2026');
      expect(negative?.message).toMatch(/Dailly|France Active/);
    });

    it('says how much and how long the structure pre-finances the FSE+ (rule 1)', () => {
      // Carried = 60 % × spending so far − received: Jan 6 000; Feb–Mar covered by the advance;
      // Apr 24 000 − 21 600 = 2 400 … Dec 72 000 − 21 600 = 50 400 until 2027-08 → 1 + 17 = 18 months.
      const prefinancing = projection.warnings.find(
        (w) => w.code === TreasuryWarningCode.EU_PREFINANCING,
      );
      expect(prefinancing).toMatchObject({
        month: '2026-12',
        amountCents: 5_040_000,
        applicationId: 'fse',
        fundingLineId: 'FSE_PLUS',
      });
      expect(prefinancing?.message).toContain('18 mois');
    });

    it('flags the single final payment: 70 % of the FSE+ arrives after the end (rule 2)', () => {
      const single = projection.warnings.find(
        (w) => w.code === TreasuryWarningCode.SINGLE_FINAL_PAYMENT,
      );
      expect(single).toMatchObject({ month: '2027-09', amountCents: 5_040_000 });
    });

    it("lists each month's movements with their application and funding line", () => {
      expect(projection.months[1].lines).toEqual([
        {
          applicationId: 'fse',
          fundingLineId: null,
          kind: null,
          label: 'Dépenses – Parcours numériques vers l’emploi',
          direction: 'out',
          amountCents: 1_000_000,
        },
        {
          applicationId: 'fse',
          fundingLineId: 'FSE_PLUS',
          kind: 'FSE_PLUS',
          label: 'Avance FSE+ – Financeur FSE_PLUS',
          direction: 'in',
          amountCents: 2_160_000,
        },
      ]);
    });
  });

  it('counts an FSE+ advance paid before the operation starts as received (rule 1)', () => {
    // Signed 2026-01-10, operation 2026-06 → 2027-05: advance 21 600 € in 2026-03 (signature + 2),
    // before the start; no interim claim (12 months); balance 50 400 € in 2027-05 + 9 = 2028-02.
    // Carried = 60 % × spending so far − 21 600: Jun 6 000, Jul 12 000, Aug 18 000 → covered;
    // Sep 24 000 − 21 600 = 2 400 … 2027-05 72 000 − 21 600 = 50 400 (peak), held until 2028-01;
    // 2028-02 the balance settles it. Sep 2026 → Jan 2028: 4 + 12 + 1 = 17 months.
    const projection = project({
      applications: [
        fseOperation({
          operationStart: '2026-06',
          operationEnd: '2027-05',
          fundingLines: [
            line('FSE_PLUS', 7_200_000, { signedAt: '2026-01-10' }),
            line('SELF_FUNDING', 4_800_000),
          ],
        }),
      ],
    });
    const prefinancing = projection.warnings.find(
      (w) => w.code === TreasuryWarningCode.EU_PREFINANCING,
    );
    expect(prefinancing).toMatchObject({ month: '2027-05', amountCents: 5_040_000 });
    expect(prefinancing?.message).toContain(
      'jusqu’à 50\u202f400\u00a0€ de dépenses non encore remboursées, pendant 17 mois entre septembre 2026 et janvier 2028',
    );
  });

  it('stress scenario: later advance, balance 18 months after the end, 5 % cut', () => {
    // Feb 30 000 · Mar 30 000 + 21 600 − 10 000 = 41 600 · … · Dec −48 400 · 2028-06 −48 400 + 46 800 = −1 600.
    const projection = project({ scenario: 'stress', months: 30 });
    expect(closings(projection)).toMatchObject({
      '2026-02': 3_000_000,
      '2026-03': 4_160_000,
      '2026-12': -4_840_000,
      '2028-05': -4_840_000,
      '2028-06': -160_000,
    });
    expect(projection.peakNeed).toEqual({ month: '2026-12', amountCents: 4_840_000 });
  });

  describe('item 10: cash warnings say what is true', () => {
    // The FSE+ operation above with a 20 000 € threshold: below it from June 2026 (11 600 €),
    // negative from August 2026, lowest −48 400 € in December 2026, back to 2 000 € (still below
    // the threshold) in September 2027.
    const message = (projection: TreasuryProjection, code: TreasuryWarningCode) =>
      projection.warnings.find((w) => w.code === code)?.message.replace(/[\u00a0\u202f]/g, ' ');
    const withThreshold = { settings: { ...settings, minimumCashCents: 2_000_000 } };

    it('item 10: gives the lowest point of the whole episode below the threshold, negative months included', () => {
      const below = message(project(withThreshold), TreasuryWarningCode.CASH_BELOW_THRESHOLD);
      expect(below).toContain(
        'passe sous le seuil de sécurité de 20 000 € en juin 2026 et y reste jusqu’à la fin de la projection (point bas −48 400 € en décembre 2026)',
      );
    });

    it('item 10: says a negative episode lasts until the end of the projection rather than counting its months', () => {
      const recovering = message(project(withThreshold), TreasuryWarningCode.CASH_NEGATIVE);
      expect(recovering).toContain(
        'devient négative en août 2026 pendant 13 mois et descend à −48 400 € en décembre 2026',
      );
      const toTheEnd = message(
        project({ ...withThreshold, months: 12 }),
        TreasuryWarningCode.CASH_NEGATIVE,
      );
      expect(toTheEnd).toContain(
        'devient négative en août 2026 et le reste jusqu’à la fin de la projection ; elle descend à −48 400 € en décembre 2026',
      );
      expect(toTheEnd).not.toContain('pendant');
    });
  });

  it('adds recurring flows within their months and warns below the safety threshold', () => {
    // Only recurring flows: +3 000 €/month in, −4 000 €/month out from 2026-03, threshold 45 000 €.
    // Jan 53 000 · Feb 56 000 · Mar 55 000 · Apr 54 000 · … · Dec 46 000 · 2027-01 45 000 · 2027-02 44 000 (below)
    // · 2027-03 43 000: one episode from 2027-02, shortfall 45 000 − 43 000 = 2 000 €.
    const projection = projectTreasury({
      settings: {
        ...settings,
        minimumCashCents: 4_500_000,
        recurring: [
          { label: 'Adhésions', direction: 'in', amountCents: 300_000 },
          { label: 'Salaires', direction: 'out', amountCents: 400_000, fromMonth: '2026-03' },
        ],
      },
      applications: [],
      rules,
      from: '2026-01',
      months: 15,
      asOf: '2026-01-05',
    });
    expect(closings(projection)).toMatchObject({
      '2026-01': 5_300_000,
      '2026-02': 5_600_000,
      '2026-03': 5_500_000,
      '2027-01': 4_500_000,
      '2027-02': 4_400_000,
    });
    expect(projection.warnings).toEqual([
      expect.objectContaining({
        code: TreasuryWarningCode.CASH_BELOW_THRESHOLD,
        month: '2027-02',
        amountCents: 200_000,
      }),
    ]);
    expect(projection.peakNeed).toEqual({ month: null, amountCents: 0 });
  });

  it('rolls the opening balance forward when the projection starts after the opening month', () => {
    const projection = project({ from: '2026-03', months: 2 });
    expect(projection.months.map((m) => [m.month, m.openingCents, m.closingCents])).toEqual([
      ['2026-03', 5_160_000, 4_160_000],
      ['2026-04', 4_160_000, 3_160_000],
    ]);
  });

  it('leaves submitted applications out unless the "if granted" view is asked for', () => {
    const submitted = fseOperation({ status: 'submitted' });
    expect(project({ applications: [submitted] }).months[0].closingCents).toBe(5_000_000);
    expect(
      project({ applications: [submitted], includeSubmitted: true }).months[0].closingCents,
    ).toBe(4_000_000);
    expect(project({ applications: [fseOperation({ status: 'rejected' })] }).warnings).toEqual([]);
  });

  it('warns about an advance to repay when spending falls short (rule 4)', () => {
    const underspent = fseOperation({
      totalCostCents: 1_200_000,
      expenses: [{ month: '2026-01', amountCents: 200_000 }],
      fundingLines: [line('FSE_PLUS', 720_000), line('SELF_FUNDING', 480_000)],
    });
    // Due 7 200 × 2 000 / 12 000 = 1 200 €; advance 2 160 € → 960 € paid back in 2027-09.
    const projection = project({ applications: [underspent] });
    expect(
      projection.warnings.find((w) => w.code === TreasuryWarningCode.ADVANCE_REPAYMENT_RISK),
    ).toMatchObject({ month: '2027-09', amountCents: 96_000 });
    expect(projection.months.find((m) => m.month === '2027-09')?.outflowsCents).toBe(96_000);
  });

  it('warns when a bridge loan is repaid before the FSE+ balance arrives (rule 11)', () => {
    const bridged = fseOperation({
      fundingLines: [
        ...fseOperation().fundingLines,
        line('BRIDGE_LOAN', 5_000_000, {
          funder: 'Banque coopérative',
          signedAt: '2026-07-01',
          bridge: { endMonth: '2027-06' },
        }),
      ],
    });
    const projection = project({ applications: [bridged] });
    // The loan keeps the cash positive until its repayment in 2027-06; the balance only comes in 2027-09.
    expect(
      projection.warnings.find((w) => w.code === TreasuryWarningCode.BRIDGE_TOO_SHORT),
    ).toMatchObject({
      month: '2027-06',
      amountCents: 5_000_000,
      fundingLineId: 'BRIDGE_LOAN',
    });
    expect(closings(projection)['2026-12']).toBe(160_000);
    expect(closings(projection)['2027-06']).toBe(-4_840_000);
  });

  it('flags expenses committed before the filing receipt (rule 7)', () => {
    const early = fseOperation({
      submittedAt: '2026-02-15',
      expenses: [
        { month: '2026-02', amountCents: 300_000, committedOn: '2026-02-01' },
        { month: '2026-02', amountCents: 11_700_000, committedOn: '2026-02-20' },
      ],
    });
    const warning = project({ applications: [early] }).warnings.find(
      (w) => w.code === TreasuryWarningCode.EXPENSE_BEFORE_SUBMISSION,
    );
    expect(warning).toMatchObject({ amountCents: 300_000, severity: 'critical', month: '2026-02' });
  });

  it('flags a State grant unpaid 60 days after notification (rule 9)', () => {
    const state = fseOperation({
      id: 'etat',
      notifiedAt: '2026-01-10',
      fundingLines: [line('STATE', 2_000_000), line('SELF_FUNDING', 10_000_000)],
    });
    // Legal limit 2026-01-10 + 60 days = 2026-03-11.
    expect(
      project({ applications: [state], asOf: '2026-03-11' }).warnings.map((w) => w.code),
    ).not.toContain(TreasuryWarningCode.STATE_PAYMENT_LATE);
    const late = project({ applications: [state], asOf: '2026-03-12' }).warnings.find(
      (w) => w.code === TreasuryWarningCode.STATE_PAYMENT_LATE,
    );
    expect(late).toMatchObject({ month: '2026-03', applicationId: 'etat', amountCents: 2_000_000 });
    expect(late?.message).toContain('notifiée le 10 janvier 2026');
    expect(late?.message).toContain('avant le 11 mars 2026');
  });

  it('reminds of a submission deadline within 14 days and of reports due within 30 days', () => {
    const preparing = fseOperation({
      id: 'prep',
      status: 'preparing',
      submissionDeadline: '2026-01-19',
    });
    const reporting = fseOperation({
      id: 'rep',
      tasks: [
        { label: 'Bilan intermédiaire', kind: 'interim_report', dueDate: '2026-02-04' },
        { label: 'Bilan final', kind: 'final_report', dueDate: '2026-02-05' },
        { label: 'Rapport déjà envoyé', kind: 'interim_report', dueDate: '2026-01-10', done: true },
      ],
    });
    const projection = project({ applications: [preparing, reporting], asOf: '2026-01-05' });
    expect(
      projection.warnings
        .filter((w) => w.code === TreasuryWarningCode.DEADLINE_SOON)
        .map((w) => w.applicationId),
    ).toEqual(['prep']);
    expect(
      projection.warnings
        .filter((w) => w.code === TreasuryWarningCode.REPORT_DUE)
        .map((w) => w.message),
    ).toEqual([expect.stringContaining('Bilan intermédiaire')]);
    expect(codes(project({ applications: [preparing], asOf: '2026-01-04' }))).not.toContain(
      TreasuryWarningCode.DEADLINE_SOON,
    );
  });

  it('reminds of the FSE+ final bilan 6 months after the end when no task says so', () => {
    // End 2026-12 → bilan due 2027-06-30.
    const warning = project({ asOf: '2027-06-10' }).warnings.find(
      (w) => w.code === TreasuryWarningCode.REPORT_DUE,
    );
    expect(warning).toMatchObject({ month: '2027-06', severity: 'warning' });
    expect(warning?.message).toContain('attendu pour le 30 juin 2027');
  });

  it('refuses bad input with the field at fault, and a start before the opening month', () => {
    const bad = fseOperation({ totalCostCents: -5 });
    expect(() => project({ applications: [bad] })).toThrow(
      expect.objectContaining({
        message: expect.stringContaining('applications[0].totalCostCents'),
      }),
    );
    expect(() => project({ from: '2025-12' })).toThrow(TreasuryException);
    expect(() => project({ months: 0 })).toThrow(/months/);
  });
});

describe('readingOf: how the projection reads an application of each status', () => {
  it.each(APPLICATION_STATUSES.map((status) => [status]))('%s', (status) => {
    const funded = FUNDED_APPLICATION_STATUSES.includes(status);
    const active = ACTIVE_APPLICATION_STATUSES.includes(status);
    const expected = (includeSubmitted: boolean) =>
      funded || (includeSubmitted && status === 'submitted')
        ? active
          ? Reading.OpenFunded
          : Reading.Closed
        : active
          ? Reading.Open
          : Reading.Skipped;
    expect(readingOf(status, false)).toBe(expected(false));
    expect(readingOf(status, true)).toBe(expected(true));
  });
});
