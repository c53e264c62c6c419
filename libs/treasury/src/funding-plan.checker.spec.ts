import { checkFundingPlan, sameFunder } from './funding-plan.checker';
import { loadFundingRules } from './funding-rules.loader';
import type { ApplicationInput, FundingLineInput } from './treasury.types';
import { TreasuryWarningCode } from './treasury-warning-code.enum';

const rules = loadFundingRules();

function line(
  kind: FundingLineInput['kind'],
  amountCents: number,
  extra: Partial<FundingLineInput> = {},
): FundingLineInput {
  return { id: kind, funder: `Financeur ${kind}`, kind, amountCents, status: 'granted', ...extra };
}

function app(
  fundingLines: FundingLineInput[],
  extra: Partial<ApplicationInput> = {},
): ApplicationInput {
  return {
    id: 'a',
    title: 'EPN mobile',
    status: 'preparing',
    operationStart: '2026-01',
    operationEnd: '2026-12',
    totalCostCents: 1_000_000,
    fundingLines,
    ...extra,
  };
}

describe(checkFundingPlan.name, () => {
  it('computes the gap between the lines and the total cost, and what is not yet secured (rule 3)', () => {
    // 10 000 € cost: 6 000 FSE+ granted + 1 000 Région requested + 1 500 self-funding → gap 1 500 €, unsecured 1 000 €.
    const check = checkFundingPlan(
      app(
        [
          line('FSE_PLUS', 600_000),
          line('REGION', 100_000, { status: 'requested' }),
          line('SELF_FUNDING', 150_000),
        ],
        { euArea: 'mainland' },
      ),
      rules,
    );
    expect(check).toMatchObject({
      fundedCents: 850_000,
      selfFundingCents: 150_000,
      securedCents: 750_000,
      unsecuredCents: 100_000,
      gapCents: 150_000,
      surplusCents: 0,
    });
    expect(check.issues.map((i) => [i.code, i.severity, i.amountCents])).toEqual([
      [TreasuryWarningCode.COFINANCING_GAP, 'critical', 150_000],
      [TreasuryWarningCode.COFINANCING_GAP, 'info', 100_000],
    ]);
  });

  it("flags an FSE+ share above the area's maximum rate (S3)", () => {
    // Île-de-France: 40 % max. 5 000 € of 10 000 € = 50 %; allowed 4 000 € → 1 000 € over.
    const check = checkFundingPlan(
      app([line('FSE_PLUS', 500_000), line('SELF_FUNDING', 500_000)], {
        euArea: 'ile_de_france_rhone_alpes',
      }),
      rules,
    );
    expect(check.euShares).toEqual([
      { kind: 'FSE_PLUS', amountCents: 500_000, ratePct: 50, maxRatePct: 40 },
    ]);
    expect(check.issues).toEqual([
      expect.objectContaining({
        code: TreasuryWarningCode.EU_RATE_ABOVE_MAX,
        amountCents: 100_000,
        fundingLineId: 'FSE_PLUS',
      }),
    ]);
    // The same 50 % is fine in the rest of mainland France (60 %).
    expect(
      checkFundingPlan(
        app([line('FSE_PLUS', 500_000), line('SELF_FUNDING', 500_000)], { euArea: 'mainland' }),
        rules,
      ).issues,
    ).toEqual([]);
  });

  it("with no area, only flags a share above every area's maximum", () => {
    expect(
      checkFundingPlan(app([line('FSE_PLUS', 850_000), line('SELF_FUNDING', 150_000)]), rules)
        .issues,
    ).toEqual([]);
    expect(
      checkFundingPlan(
        app([line('FSE_PLUS', 850_001), line('SELF_FUNDING', 149_999)]),
        rules,
      ).issues.map((i) => i.code),
    ).toEqual([TreasuryWarningCode.EU_RATE_ABOVE_MAX]);
  });

  it('accepts the rule 5 LEADER example and flags a missing or short national counterpart', () => {
    // 10 000 € = 2 000 self-funding + 1 600 Département + 6 400 FEADER: FEADER = 80 % of 8 000 € public aid.
    expect(
      checkFundingPlan(
        app([
          line('SELF_FUNDING', 200_000),
          line('DEPARTMENT', 160_000),
          line('FEADER_LEADER', 640_000),
        ]),
        rules,
      ).issues,
    ).toEqual([]);
    // No counterpart: at least 6 400 / 4 = 1 600 € needed.
    const missing = checkFundingPlan(
      app([line('SELF_FUNDING', 360_000), line('FEADER_LEADER', 640_000)]),
      rules,
    );
    expect(missing.issues).toEqual([
      expect.objectContaining({
        code: TreasuryWarningCode.LEADER_COFINANCER_MISSING,
        amountCents: 160_000,
        severity: 'critical',
      }),
    ]);
    // A foundation is not a public counterpart; 1 000 € from a commune is 600 € short.
    const short = checkFundingPlan(
      app([
        line('SELF_FUNDING', 200_000),
        line('FOUNDATION', 60_000),
        line('MUNICIPALITY', 100_000),
        line('FEADER_LEADER', 640_000),
      ]),
      rules,
    );
    expect(short.issues).toEqual([
      expect.objectContaining({
        code: TreasuryWarningCode.LEADER_COFINANCER_MISSING,
        amountCents: 60_000,
      }),
    ]);
  });

  it('flags LEADER public aid above 80 % of the cost (at least 20 % self-funding)', () => {
    // 1 000 self-funding, 2 000 Région, 7 000 FEADER: public 9 000 € > 8 000 € allowed.
    const check = checkFundingPlan(
      app([line('SELF_FUNDING', 100_000), line('REGION', 200_000), line('FEADER_LEADER', 700_000)]),
      rules,
    );
    expect(check.issues).toEqual([
      expect.objectContaining({
        code: TreasuryWarningCode.EU_RATE_ABOVE_MAX,
        amountCents: 100_000,
        fundingLineId: 'FEADER_LEADER',
      }),
    ]);
  });

  it('flags money counted twice: a duplicated line and lines above the cost', () => {
    const check = checkFundingPlan(
      app([
        line('REGION', 500_000, { id: 'r1', funder: 'Région Auvergne-Rhône-Alpes' }),
        line('REGION', 500_000, { id: 'r2', funder: ' région auvergne-rhône-alpes ' }),
        line('SELF_FUNDING', 100_000),
      ]),
      rules,
    );
    expect(check.surplusCents).toBe(100_000);
    expect(check.issues.map((i) => [i.code, i.fundingLineId, i.amountCents])).toEqual([
      [TreasuryWarningCode.DOUBLE_FUNDING, 'r2', 500_000],
      [TreasuryWarningCode.DOUBLE_FUNDING, null, 100_000],
    ]);
  });

  it('does not count a bridge loan as funding', () => {
    const check = checkFundingPlan(
      app([
        line('SELF_FUNDING', 1_000_000),
        line('BRIDGE_LOAN', 500_000, { bridge: { endMonth: '2027-01' } }),
      ]),
      rules,
    );
    expect(check).toMatchObject({
      fundedCents: 1_000_000,
      gapCents: 0,
      surplusCents: 0,
      issues: [],
    });
  });
});

describe('sameFunder', () => {
  it.each([
    ['Région Auvergne-Rhône-Alpes', ' région auvergne-rhône-alpes ', true],
    ['Région Auvergne', 'RÉGION AUVERGNE', true],
    ['\u00a0Fondation Orange', 'fondation orange\t', true],
    ['Financeur 1', 'Financeur 2', false],
    ['CAF du Puy-de-Dôme', 'CAF du Puy-de-Dome', false],
    ['A@', 'a`', false],
    ['', '  ', true],
  ])('« %s » and « %s »: %s', (a, b, same) => {
    expect(sameFunder(a, b)).toBe(same);
    expect(sameFunder(b, a)).toBe(same);
    // The reference: what the check means.
    expect(a.trim().toLowerCase() === b.trim().toLowerCase()).toBe(same);
  });
});
