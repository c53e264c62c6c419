import {
  assertValidApplication,
  validateApplication,
  validateTreasurySettings,
} from './application.validator';
import { TreasuryException } from './treasury.exception';

const valid = {
  title: 'Atelier',
  status: 'granted',
  operationStart: '2026-01-15',
  operationEnd: '2026-12',
  totalCostCents: 1_000_000,
  fundingLines: [{ funder: 'DREETS', kind: 'FSE_PLUS', amountCents: 600_000, status: 'granted' }],
};

function paths(input: unknown): string[] {
  return validateApplication(input).map((i) => `${i.path} ${i.code}`);
}

describe(validateApplication.name, () => {
  it('accepts a well-formed application', () => {
    expect(validateApplication(valid)).toEqual([]);
  });

  it('refuses negative, non-integer and absurd amounts, naming the field', () => {
    expect(paths({ ...valid, totalCostCents: -1 })).toEqual(['totalCostCents NEGATIVE']);
    expect(paths({ ...valid, totalCostCents: 10.5 })).toEqual(['totalCostCents NOT_AN_INTEGER']);
    expect(paths({ ...valid, totalCostCents: '1000' })).toEqual(['totalCostCents NOT_AN_INTEGER']);
    expect(paths({ ...valid, totalCostCents: 10_000_000_001 })).toEqual([
      'totalCostCents TOO_LARGE',
    ]);
    expect(paths({ ...valid, totalCostCents: 10_000_000_000 })).toEqual([]);
  });

  it('refuses explicit payments above the line amount', () => {
    const line = {
      ...valid.fundingLines[0],
      schedule: {
        payments: [
          { month: '2026-03', amountCents: 400_000 },
          { month: '2027-03', amountCents: 200_001 },
        ],
      },
    };
    const issues = validateApplication({ ...valid, fundingLines: [line] });
    expect(issues).toEqual([
      expect.objectContaining({
        path: 'fundingLines[0].schedule.payments',
        code: 'PAYMENTS_EXCEED_AMOUNT',
      }),
    ]);
    expect(issues[0].message).toContain('dépassent');
    expect(issues[0].messageEn).toContain('exceed');
  });

  it('refuses an operation ending before it starts', () => {
    expect(paths({ ...valid, operationEnd: '2025-12' })).toEqual(['operationEnd END_BEFORE_START']);
    expect(paths({ ...valid, operationEnd: '2026-01-14' })).toEqual([
      'operationEnd END_BEFORE_START',
    ]);
    expect(paths({ ...valid, operationEnd: '2026-01' })).toEqual([]);
  });

  it('refuses an unknown kind and bad months or dates', () => {
    expect(
      paths({ ...valid, fundingLines: [{ ...valid.fundingLines[0], kind: 'LOTTERY' }] }),
    ).toEqual(['fundingLines[0].kind UNKNOWN_VALUE']);
    expect(paths({ ...valid, expenses: [{ month: '2026-13', amountCents: 1 }] })).toEqual([
      'expenses[0].month BAD_MONTH',
    ]);
    expect(paths({ ...valid, submittedAt: '2026-02-30' })).toEqual(['submittedAt BAD_DATE']);
    expect(paths({ ...valid, operationStart: '01/2026' })).toEqual(['operationStart BAD_MONTH']);
  });

  it('checks schedules: shares above 100 %, delays, a bridge loan without its end month, duplicate ids', () => {
    const line = valid.fundingLines[0];
    expect(
      paths({
        ...valid,
        fundingLines: [
          { ...line, schedule: { advancePct: 60, interim: [{ pct: 50, monthsAfterStart: 6 }] } },
        ],
      }),
    ).toEqual(['fundingLines[0].schedule.interim SHARES_EXCEED_100']);
    expect(
      paths({ ...valid, fundingLines: [{ ...line, schedule: { balanceDelayMonths: -1 } }] }),
    ).toEqual(['fundingLines[0].schedule.balanceDelayMonths OUT_OF_RANGE']);
    expect(paths({ ...valid, fundingLines: [{ ...line, kind: 'BRIDGE_LOAN' }] })).toEqual([
      'fundingLines[0].bridge REQUIRED',
    ]);
    expect(
      paths({
        ...valid,
        fundingLines: [
          { ...line, id: 'x' },
          { ...line, id: 'x' },
        ],
      }),
    ).toEqual(['fundingLines[1].id DUPLICATE_ID']);
  });

  it('lists every issue at once and throws a 400 naming the first field', () => {
    const input = { ...valid, title: '', status: 'won' };
    expect(paths(input)).toEqual(['title NOT_A_TEXT', 'status UNKNOWN_VALUE']);
    try {
      assertValidApplication(input);
      throw new Error('expected a TreasuryException');
    } catch (error) {
      expect(error).toBeInstanceOf(TreasuryException);
      expect((error as TreasuryException).httpStatus).toBe(400);
      expect((error as TreasuryException).message).toMatch(/^title: /);
      expect((error as TreasuryException).details?.issues).toHaveLength(2);
    }
  });
});

describe(validateTreasurySettings.name, () => {
  it('accepts an overdraft as opening balance but refuses other negative amounts and reversed months', () => {
    const settings = {
      openingBalanceCents: -50_000,
      openingMonth: '2026-01',
      minimumCashCents: 0,
      recurring: [],
    };
    expect(validateTreasurySettings(settings)).toEqual([]);
    const bad = {
      ...settings,
      minimumCashCents: -1,
      recurring: [
        {
          label: 'Loyer',
          direction: 'out',
          amountCents: 1,
          fromMonth: '2026-05',
          toMonth: '2026-04',
        },
      ],
    };
    expect(validateTreasurySettings(bad).map((i) => i.path)).toEqual([
      'minimumCashCents',
      'recurring[0].toMonth',
    ]);
  });

  it('finding 5: takes years 2000 to 2100 and at most 200 recurring flows', () => {
    const settings = { openingBalanceCents: 0, minimumCashCents: 0, recurring: [] };
    const flow = { label: 'Loyer', direction: 'out', amountCents: 1 };
    const issues = (input: Record<string, unknown>) =>
      validateTreasurySettings({ ...settings, ...input }).map((i) => `${i.path} ${i.code}`);
    expect(issues({ openingMonth: '2000-01' })).toEqual([]);
    expect(issues({ openingMonth: '1999-12' })).toEqual(['openingMonth OUT_OF_RANGE']);
    expect(issues({ openingMonth: '0001-01' })).toEqual(['openingMonth OUT_OF_RANGE']);
    expect(
      issues({ openingMonth: '2026-01', recurring: [{ ...flow, toMonth: '2100-12' }] }),
    ).toEqual([]);
    expect(
      issues({ openingMonth: '2026-01', recurring: [{ ...flow, toMonth: '2101-01' }] }),
    ).toEqual(['recurring[0].toMonth OUT_OF_RANGE']);
    expect(issues({ openingMonth: '2026-01', recurring: Array(200).fill(flow) })).toEqual([]);
    expect(issues({ openingMonth: '2026-01', recurring: Array(201).fill(flow) })).toEqual([
      'recurring TOO_LARGE',
    ]);
    expect(paths({ ...valid, operationStart: '1999-12-31', operationEnd: '2101-01' })).toEqual([
      'operationStart OUT_OF_RANGE',
      'operationEnd OUT_OF_RANGE',
    ]);
  });
});
