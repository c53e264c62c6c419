import { buildApplicationPlan } from './application-plan.builder';
import { loadFundingRules } from './funding-rules.loader';
import { fromMonthIndex } from './month.util';
import { buildApplicationSchedules, type LineSchedule } from './payment-schedule.builder';
import type { ApplicationInput, FundingLineInput, TreasuryScenario } from './treasury.types';

const rules = loadFundingRules();

function app(
  overrides: Partial<ApplicationInput> & { fundingLines: FundingLineInput[] },
): ApplicationInput {
  return {
    id: 'app',
    title: 'Ateliers numériques',
    status: 'in_progress',
    operationStart: '2026-01',
    operationEnd: '2026-12',
    totalCostCents: 12_000_000,
    ...overrides,
  };
}

function line(
  kind: FundingLineInput['kind'],
  amountCents: number,
  extra: Partial<FundingLineInput> = {},
): FundingLineInput {
  return { id: kind, funder: `Financeur ${kind}`, kind, amountCents, status: 'granted', ...extra };
}

/** Payments as "YYYY-MM label amount" for readable, exact comparisons. */
function payments(
  application: ApplicationInput,
  scenario: TreasuryScenario = 'expected',
): Record<string, string[]> {
  const plan = buildApplicationPlan(application, 0, rules);
  const schedules: LineSchedule[] = buildApplicationSchedules(plan, scenario);
  return Object.fromEntries(
    schedules.map((s) => [
      s.line.key,
      s.payments.map((p) => `${fromMonthIndex(p.monthIndex)} ${p.label} ${p.amountCents}`),
    ]),
  );
}

describe('buildApplicationSchedules', () => {
  it('FSE+ (rule 1): 30 % advance 2 months after signature, balance = rate × spending − advance, 9 months after the end', () => {
    // 72 000 € of FSE+ on 120 000 € spent evenly over 2026. Advance 30 % = 21 600 € in 2025-12 + 2.
    // Balance 72 000 × 120 000 / 120 000 − 21 600 = 50 400 € in 2026-12 + 9 = 2027-09.
    const result = payments(
      app({ fundingLines: [line('FSE_PLUS', 7_200_000, { signedAt: '2025-12-15' })] }),
    );
    expect(result.FSE_PLUS).toEqual(['2026-02 Avance 2160000', '2027-09 Solde 5040000']);
  });

  it('FSE+ stress: advance 3 months after signature, balance 18 months after the end, 5 % removed by controls', () => {
    // Justified 120 000 × 95 % = 114 000 €; due 72 000 × 114 000 / 120 000 = 68 400 €; balance 68 400 − 21 600 = 46 800 €.
    const result = payments(
      app({ fundingLines: [line('FSE_PLUS', 7_200_000, { signedAt: '2025-12-15' })] }),
      'stress',
    );
    expect(result.FSE_PLUS).toEqual(['2026-03 Avance 2160000', '2028-06 Solde 4680000']);
  });

  it("FSE+ over 24 months gets one interim payment for the first year's justified spending", () => {
    // 14 400 € FSE+ on 24 000 € (1 000 €/month). Advance 4 320 € in 2026-01 + 2.
    // Bilan at 2026-12: due 14 400 × 12 000 / 24 000 = 7 200 € − 4 320 = 2 880 €, paid 2026-12 + 6.
    // Balance 14 400 − 7 200 = 7 200 € in 2027-12 + 9 = 2028-09.
    const result = payments(
      app({
        operationEnd: '2027-12',
        totalCostCents: 2_400_000,
        fundingLines: [line('FSE_PLUS', 1_440_000)],
      }),
    );
    expect(result.FSE_PLUS).toEqual([
      '2026-03 Avance 432000',
      '2027-06 Acompte 288000',
      '2028-09 Solde 720000',
    ]);
  });

  it('FSE+ through an intermediate body caps the advance at 50 000 € (S8)', () => {
    // 30 % of 300 000 € would be 90 000 €; capped at 50 000 €, balance 250 000 €.
    const result = payments(
      app({
        totalCostCents: 50_000_000,
        fundingLines: [line('FSE_PLUS', 30_000_000, { intermediateBody: true })],
      }),
    );
    expect(result.FSE_PLUS).toEqual(['2026-03 Avance 5000000', '2027-09 Solde 25000000']);
  });

  it('reimbursement funds pay back the advance that exceeds what under-spending justifies (rule 4)', () => {
    // Only 2 000 € spent of 12 000 €: due 7 200 × 2 000 / 12 000 = 1 200 €; advance 2 160 € → 960 € to repay.
    const result = payments(
      app({
        totalCostCents: 1_200_000,
        expenses: [
          { month: '2026-01', amountCents: 100_000 },
          { month: '2026-02', amountCents: 100_000 },
        ],
        fundingLines: [line('FSE_PLUS', 720_000)],
      }),
    );
    expect(result.FSE_PLUS).toEqual([
      '2026-03 Avance 216000',
      '2027-09 Reversement du trop-perçu -96000',
    ]);
  });

  it('expenses committed before the filing receipt are not reimbursed (rule 7)', () => {
    // 12 × 1 000 €, filed 2026-03-10: January and February (2 000 €) are ineligible.
    // Due 7 200 × 10 000 / 12 000 = 6 000 €; advance 2 160 €; balance 3 840 €.
    const result = payments(
      app({
        totalCostCents: 1_200_000,
        submittedAt: '2026-03-10',
        fundingLines: [line('FSE_PLUS', 720_000)],
      }),
    );
    expect(result.FSE_PLUS).toEqual(['2026-03 Avance 216000', '2027-09 Solde 384000']);
  });

  it('LEADER pays only after the last national co-financer payment + instruction + ASP (rule 5)', () => {
    // Rule 5 example: 10 000 € = 2 000 self-funding + 1 600 Département + 6 400 FEADER, over 2026-01…04.
    // Département: 80 % = 1 280 € in 2026-01 + 2; balance 320 € in 2026-04 + 4 = 2026-08.
    // FEADER: max(2026-04 + 14 = 2027-06, 2026-08 + 11 = 2027-07) = 2027-07, 6 400 × 10 000 / 10 000.
    const result = payments(
      app({
        operationEnd: '2026-04',
        totalCostCents: 1_000_000,
        fundingLines: [
          line('SELF_FUNDING', 200_000),
          line('DEPARTMENT', 160_000),
          line('FEADER_LEADER', 640_000),
        ],
      }),
    );
    expect(result).toEqual({
      SELF_FUNDING: [],
      DEPARTMENT: ['2026-03 Avance 128000', '2026-08 Solde 32000'],
      FEADER_LEADER: ['2027-07 Solde 640000'],
    });
  });

  it('LEADER waits for a late co-financer paid on explicit dates', () => {
    // Département pays all in 2027-01 (verbatim): FEADER = max(2027-06, 2027-01 + 11 = 2027-12).
    const result = payments(
      app({
        operationEnd: '2026-04',
        totalCostCents: 1_000_000,
        fundingLines: [
          line('DEPARTMENT', 160_000, {
            schedule: { payments: [{ month: '2027-01', amountCents: 160_000 }] },
          }),
          line('FEADER_LEADER', 640_000),
        ],
      }),
    );
    expect(result.FEADER_LEADER).toEqual(['2027-12 Solde 640000']);
  });

  it('LEADER stress: 36 months after the end, co-financer + 30, 5 % controls', () => {
    // Département stress: 1 280 € in 2026-01 + 4; 320 € in 2026-04 + 8 = 2026-12.
    // FEADER: max(2026-04 + 36 = 2029-04, 2026-12 + 30 = 2029-06); 6 400 × 9 500 / 10 000 = 6 080 €.
    const result = payments(
      app({
        operationEnd: '2026-04',
        totalCostCents: 1_000_000,
        fundingLines: [line('DEPARTMENT', 160_000), line('FEADER_LEADER', 640_000)],
      }),
      'stress',
    );
    expect(result.DEPARTMENT).toEqual(['2026-05 Avance 128000', '2026-12 Solde 32000']);
    expect(result.FEADER_LEADER).toEqual(['2029-06 Solde 608000']);
  });

  it('Interreg (rule 8): no advance, a partner report every 6 months paid 5 months later', () => {
    // 9 600 € on 12 000 € (1 000 €/month). Report 2026-06: 9 600 × 6 000 / 12 000 = 4 800 € in 2026-11.
    // The second period ends with the operation: balance 4 800 € in 2026-12 + 5 = 2027-05.
    const result = payments(
      app({ totalCostCents: 1_200_000, fundingLines: [line('INTERREG', 960_000)] }),
    );
    expect(result.INTERREG).toEqual(['2026-11 Acompte 480000', '2027-05 Solde 480000']);
  });

  it('FEDER: no advance, yearly claim, balance 6 months after the end', () => {
    // 24 months, 6 000 € FEDER on 24 000 €: claim for 2026 = 3 000 € in 2026-12 + 4; balance 3 000 € in 2027-12 + 6.
    const result = payments(
      app({
        operationEnd: '2027-12',
        totalCostCents: 2_400_000,
        fundingLines: [line('FEDER', 600_000)],
      }),
    );
    expect(result.FEDER).toEqual(['2027-04 Acompte 300000', '2028-06 Solde 300000']);
  });

  it('Erasmus+ (rule 12): 80 % pre-financing a month after signature, cut to 40 % under stress', () => {
    // 10 000 €, signed 2026-01-20: 8 000 € in 2026-02, 2 000 € in 2026-12 + 3.
    const application = app({
      fundingLines: [line('ERASMUS_PLUS', 1_000_000, { signedAt: '2026-01-20' })],
    });
    expect(payments(application).ERASMUS_PLUS).toEqual([
      '2026-02 Avance 800000',
      '2027-03 Solde 200000',
    ]);
    // Stress: 4 000 € then 6 000 €.
    expect(payments(application, 'stress').ERASMUS_PLUS).toEqual([
      '2026-02 Avance 400000',
      '2027-03 Solde 600000',
    ]);
  });

  it('State grant (rule 9): one payment 4 months after signature, 6 under stress', () => {
    const application = app({
      fundingLines: [line('STATE', 2_300_000, { signedAt: '2026-02-01' })],
    });
    expect(payments(application).STATE).toEqual(['2026-06 Avance 2300000']);
    expect(payments(application, 'stress').STATE).toEqual(['2026-08 Avance 2300000']);
  });

  it('local authorities: 80 % advance, the rounding cent goes to the balance', () => {
    // 1 000,01 €: 80 % = 800,008 € rounded down to 800,00 €; balance 200,01 € so the sum is exact.
    const result = payments(
      app({ fundingLines: [line('REGION', 100_001, { signedAt: '2026-02-10' })] }),
    );
    expect(result.REGION).toEqual(['2026-04 Avance 80000', '2027-04 Solde 20001']);
  });

  it('conseiller numérique (rule 10): half after 3 months, the rest 4 months after the end', () => {
    const result = payments(
      app({ operationEnd: '2028-12', fundingLines: [line('CONSEILLER_NUMERIQUE', 4_400_000)] }),
    );
    expect(result.CONSEILLER_NUMERIQUE).toEqual([
      '2026-04 Avance 2200000',
      '2029-04 Solde 2200000',
    ]);
  });

  it("a line's own schedule overrides the rule; interim shares are paid on their month", () => {
    // 10 000 € from a foundation: 20 % at start, 50 % after 6 months, balance 30 % one month after the end.
    const result = payments(
      app({
        fundingLines: [
          line('FOUNDATION', 1_000_000, {
            schedule: {
              advancePct: 20,
              advanceDelayMonths: 0,
              interim: [{ pct: 50, monthsAfterStart: 6 }],
              balanceDelayMonths: 1,
            },
          }),
        ],
      }),
    );
    expect(result.FOUNDATION).toEqual([
      '2026-01 Avance 200000',
      '2026-07 Acompte 500000',
      '2027-01 Solde 300000',
    ]);
  });

  it('explicit payments are used verbatim, even for a reimbursement fund', () => {
    const result = payments(
      app({
        fundingLines: [
          line('FSE_PLUS', 7_200_000, {
            schedule: {
              payments: [
                { month: '2027-02', amountCents: 5_000_000 },
                { month: '2026-05', amountCents: 2_200_000 },
              ],
            },
          }),
        ],
      }),
    );
    expect(result.FSE_PLUS).toEqual(['2026-05 Versement 2200000', '2027-02 Versement 5000000']);
  });

  it('a bridge loan comes in at signature and is repaid in full in its end month; self-funding moves no cash', () => {
    const result = payments(
      app({
        fundingLines: [
          line('SELF_FUNDING', 4_800_000),
          line('BRIDGE_LOAN', 3_000_000, {
            signedAt: '2026-05-02',
            bridge: { endMonth: '2027-04' },
          }),
        ],
      }),
    );
    expect(result).toEqual({
      SELF_FUNDING: [],
      BRIDGE_LOAN: ['2026-05 Prêt relais 3000000', '2027-04 Remboursement du prêt relais -3000000'],
    });
  });
});
