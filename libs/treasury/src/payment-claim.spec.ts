import { buildApplicationPlan } from './application-plan.builder';
import { validateApplication } from './application.validator';
import { loadFundingRules } from './funding-rules.loader';
import { fromMonthIndex } from './month.util';
import { buildApplicationSchedules } from './payment-schedule.builder';
import { projectTreasury } from './treasury.projector';
import type {
  ApplicationInput,
  ClaimInput,
  FundingLineInput,
  TreasuryScenario,
} from './treasury.types';

const rules = loadFundingRules();

/**
 * The issue's LEADER operation: 60 000 € spent evenly March–December 2026 (6 000 €/month);
 * FEADER 38 400 € (64 %), Département 9 600 € (1 € for 4 € of FEADER), self-funding 12 000 €.
 * The Département paid 1 000 € in June 2026 and pays 8 600 € in June 2027.
 */
function leader(claims: ClaimInput[], schedule?: FundingLineInput['schedule']): ApplicationInput {
  return {
    id: 'leader',
    title: 'Tiers-lieu numérique rural',
    status: 'in_progress',
    operationStart: '2026-03',
    operationEnd: '2026-12',
    totalCostCents: 6_000_000,
    fundingLines: [
      {
        id: 'feader',
        funder: 'GAL Livradois-Forez',
        kind: 'FEADER_LEADER',
        amountCents: 3_840_000,
        status: 'granted',
        claims,
        ...(schedule ? { schedule } : {}),
      },
      {
        id: 'departement',
        funder: 'Département du Puy-de-Dôme',
        kind: 'DEPARTMENT',
        amountCents: 960_000,
        status: 'granted',
        schedule: {
          payments: [
            { month: '2026-06', amountCents: 100_000 },
            { month: '2027-06', amountCents: 860_000 },
          ],
        },
      },
      {
        id: 'fonds-propres',
        funder: 'Fonds propres',
        kind: 'SELF_FUNDING',
        amountCents: 1_200_000,
        status: 'granted',
      },
    ],
  };
}

const interim: ClaimInput = { filedOn: '2026-10-15', periodStart: '2026-03', periodEnd: '2026-09' };

function payments(application: ApplicationInput, scenario: TreasuryScenario = 'expected') {
  const plan = buildApplicationPlan(application, 0, rules);
  return Object.fromEntries(
    buildApplicationSchedules(plan, scenario).map((s) => [
      s.line.key,
      s.payments.map((p) => `${fromMonthIndex(p.monthIndex)} ${p.label} ${p.amountCents}`),
    ]),
  );
}

describe('payment claims of a reimbursement fund', () => {
  it('LEADER: an interim claim brings at most 4 € of FEADER per € of national co-financing paid', () => {
    // Asked: 38 400 × 42 000 / 60 000 = 26 880 €. Proved: the Département's 1 000 € of June
    // (paid by the claim's month) → at most 4 000 €, paid 2026-10 + 11 = 2027-09.
    // Balance 38 400 − 4 000 = 34 400 € in max(2026-12 + 14, 2027-06 + 11) = 2028-05.
    expect(payments(leader([interim])).feader).toEqual([
      '2027-09 Acompte 400000',
      '2028-05 Solde 3440000',
    ]);
  });

  it('LEADER: the unmatched part moves to the next claim, dated from its later proof', () => {
    // Second claim filed 2027-02-10 for Oct–Dec (18 000 € → 11 520 €) plus the 22 880 € carried:
    // 34 400 €. It proves the June 2027 payment too: 9 600 € national → 38 400 € − 4 000 € drawn.
    // Paid from the later of filing and proof, 2027-06, + 11 = 2028-05; nothing left for a balance.
    const second: ClaimInput = {
      filedOn: '2027-02-10',
      periodStart: '2026-10',
      periodEnd: '2026-12',
      cofinancing: [{ line: 1, month: '2027-06' }],
    };
    expect(payments(leader([interim, second])).feader).toEqual([
      '2027-09 Acompte 400000',
      '2028-05 Acompte 3440000',
    ]);
    // Stress: 30 months of instruction, 5 % of the expenses removed by the controls; the
    // Département's payments are the client's, the same in both scenarios.
    // First: asked 38 400 × 39 900 / 60 000 = 25 536 €, matched 4 000 € → 2026-10 + 30 = 2029-04.
    // Second: 38 400 × 17 100 / 60 000 = 10 944 € + 21 536 € carried = 32 480 €, within the cap
    // (38 400 × 57 000 / 60 000 − 4 000 = 32 480 €) and the match (38 400 − 4 000) → 2027-06 + 30.
    expect(payments(leader([interim, second]), 'stress').feader).toEqual([
      '2029-04 Acompte 400000',
      '2029-12 Acompte 3248000',
    ]);
  });

  it('takes the convention’s instruction delay when the line gives one', () => {
    expect(payments(leader([interim], { claimDelayMonths: 6 })).feader).toEqual([
      '2027-04 Acompte 400000',
      // max(2026-12 + 14 = 2028-02, 2027-06 + 6 = 2027-12)
      '2028-02 Solde 3440000',
    ]);
  });

  it('warns which co-financer payment unlocks the unmatched part, in French', () => {
    const projection = projectTreasury({
      settings: {
        openingBalanceCents: 0,
        openingMonth: '2026-01',
        recurring: [],
        minimumCashCents: 0,
      },
      applications: [leader([interim])],
      rules,
      from: '2026-01',
      months: 36,
      asOf: '2026-11-23',
    });
    const warning = projection.warnings.find((w) => w.code === 'CLAIM_UNMATCHED');
    expect(warning).toMatchObject({
      fundingLineId: 'feader',
      month: '2026-10',
      amountCents: 2_288_000,
    });
    // formatEuros separates thousands with a narrow no-break space: read as plain spaces here.
    const text = warning?.message.replace(/[\u00a0\u202f]/g, ' ');
    expect(text).toContain('déposée le 15 octobre 2026 ne peut pas appeler 22 880 €');
    expect(text).toContain(
      'Le versement de « Département du Puy-de-Dôme » attendu en juin 2027 la débloque (5 720 € de cofinancement national payé nécessaires)',
    );
    // A plan with an interim claim is never told to ask for one.
    for (const w of projection.warnings.filter((w) => w.code === 'SINGLE_FINAL_PAYMENT'))
      expect(w.message).not.toContain('bilan intermédiaire');
  });

  it('FEDER: an interim claim pays rate × the expenses presented, 3 months after filing', () => {
    // 100 000 € over 2026, FEDER 60 000 € (60 %). Claim filed 2026-07-10 presenting 45 000 € of
    // January–June: 27 000 € in 2026-10. Balance 60 000 − 27 000 = 33 000 € in 2026-12 + 6.
    const feder: ApplicationInput = {
      title: 'Fablab',
      status: 'in_progress',
      operationStart: '2026-01',
      operationEnd: '2026-12',
      totalCostCents: 10_000_000,
      fundingLines: [
        {
          id: 'feder',
          funder: 'Région (FEDER)',
          kind: 'FEDER',
          amountCents: 6_000_000,
          status: 'granted',
          claims: [
            {
              filedOn: '2026-07-10',
              periodStart: '2026-01',
              periodEnd: '2026-06',
              expensesCents: 4_500_000,
            },
          ],
        },
      ],
    };
    expect(payments(feder).feder).toEqual(['2026-10 Acompte 2700000', '2027-06 Solde 3300000']);
  });

  it('refuses a claim before the start, above its period’s expenses, or on a fund with no matching rule', () => {
    const bad = leader([
      { filedOn: '2026-02-10', periodStart: '2026-03', periodEnd: '2026-03' },
      {
        filedOn: '2026-10-15',
        periodStart: '2026-03',
        periodEnd: '2026-09',
        expensesCents: 4_200_001,
      },
    ]);
    bad.fundingLines[1].claims = [interim];
    const paths = validateApplication(bad, '', rules).map((issue) => [issue.path, issue.code]);
    expect(paths).toEqual([
      ['fundingLines[0].claims[0].filedOn', 'CLAIM_BEFORE_START'],
      ['fundingLines[0].claims[1].expensesCents', 'CLAIM_ABOVE_EXPENSES'],
      ['fundingLines[1].claims', 'NO_MATCHING_RULE'],
    ]);
  });

  it('with no national co-financer payment planned, says nothing unlocks the FEADER', () => {
    const alone = leader([interim]);
    alone.fundingLines.splice(1, 1);
    alone.fundingLines[1].amountCents = 2_160_000;
    // Nothing matched: the whole claim moves on, and the balance carries the 38 400 €.
    expect(payments(alone).feader).toEqual(['2028-02 Solde 3840000']);
    const projection = projectTreasury({
      settings: {
        openingBalanceCents: 0,
        openingMonth: '2026-01',
        recurring: [],
        minimumCashCents: 0,
      },
      applications: [alone],
      rules,
      from: '2026-01',
      months: 36,
      asOf: '2026-11-23',
    });
    const warning = projection.warnings.find((w) => w.code === 'CLAIM_UNMATCHED');
    expect(warning?.amountCents).toBe(2_688_000);
    expect(warning?.message).toContain(
      'Aucun versement de cofinanceur national prévu ne la débloque',
    );
  });

  it('refuses a LEADER proof that is not a national co-financer’s payment', () => {
    const app = leader([{ ...interim, cofinancing: [{ line: 2, month: '2026-06' }] }]);
    expect(validateApplication(app, '', rules).map((issue) => issue.path)).toEqual([
      'fundingLines[0].claims[0].cofinancing[0].line',
    ]);
  });
});
