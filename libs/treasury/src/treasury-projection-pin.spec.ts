import { createHash } from 'node:crypto';
import { FUNDING_KINDS } from './funding-kind.constants';
import { loadFundingRules } from './funding-rules.loader';
import { projectTreasury, type ProjectTreasuryInput } from './treasury.projector';
import type { ApplicationInput, FundingLineInput, TreasurySettings } from './treasury.types';
import { TreasuryWarningCode } from './treasury-warning-code.enum';

// Pins the serialised projection (what the API sends) so that a change of the engine's
// internals cannot change a cent, a warning or a word unnoticed.
const rules = loadFundingRules();

const settings: TreasurySettings = {
  openingBalanceCents: 3_000_000,
  openingMonth: '2026-01',
  recurring: [
    { label: 'Adhésions', direction: 'in', amountCents: 250_000 },
    { label: 'Salaires', direction: 'out', amountCents: 400_000, fromMonth: '2026-03' },
    { label: 'Loyer', direction: 'out', amountCents: 90_000, toMonth: '2027-06' },
    { label: 'Mécénat', direction: 'in', amountCents: 1_500_000, fromMonth: '2028-01' },
  ],
  minimumCashCents: 1_000_000,
};

function line(
  id: string | undefined,
  kind: FundingLineInput['kind'],
  amountCents: number,
  extra: Partial<FundingLineInput> = {},
): FundingLineInput {
  return { id, funder: `Financeur ${kind}`, kind, amountCents, status: 'granted', ...extra };
}

function app(id: string | undefined, extra: Partial<ApplicationInput>): ApplicationInput {
  return {
    id,
    title: `Dossier ${id ?? 'sans identifiant'}`,
    status: 'in_progress',
    operationStart: '2026-01',
    operationEnd: '2026-12',
    totalCostCents: 12_000_000,
    euArea: 'mainland',
    fundingLines: [],
    ...extra,
  };
}

/** Every warning code, every schedule shape, ids given and missing. */
const applications: ApplicationInput[] = [
  app('fse', {
    operationStart: '2026-01-15',
    fundingLines: [
      line('fse-1', 'FSE_PLUS', 7_200_000, { signedAt: '2025-12-15' }),
      line('fse-2', 'SELF_FUNDING', 4_800_000),
    ],
    tasks: [
      { label: 'Bilan intermédiaire', kind: 'interim_report', dueDate: '2026-04-10' },
      { label: 'Pièces du dépôt', kind: 'submission', dueDate: '2026-03-01' },
      { label: 'Réunion', kind: 'other', dueDate: '2026-03-25' },
      { label: 'Déjà fait', kind: 'interim_report', dueDate: '2026-03-02', done: true },
    ],
  }),
  app('underspent', {
    totalCostCents: 1_200_000,
    expenses: [
      { month: '2026-01', amountCents: 150_000, label: 'Matériel' },
      { month: '2026-03', amountCents: 50_000 },
    ],
    fundingLines: [
      line('u-1', 'FSE_PLUS', 720_000, { intermediateBody: true }),
      line('u-2', 'SELF_FUNDING', 480_000),
    ],
  }),
  app('leader-alone', {
    operationStart: '2026-04',
    operationEnd: '2027-03',
    totalCostCents: 10_000_000,
    fundingLines: [line('l-1', 'FEADER_LEADER', 9_000_000), line('l-2', 'SELF_FUNDING', 500_000)],
  }),
  app('leader-small', {
    operationStart: '2026-02',
    operationEnd: '2027-01',
    totalCostCents: 10_000_000,
    fundingLines: [
      line('ls-1', 'FEADER_LEADER', 6_000_000),
      line('ls-2', 'REGION', 500_000, { signedAt: '2026-01-20' }),
      line('ls-3', 'DEPARTMENT', 300_000, {
        schedule: { advancePct: 0, balanceDelayMonths: 9 },
      }),
      line('ls-4', 'SELF_FUNDING', 3_200_000),
    ],
  }),
  app('feder', {
    euArea: undefined,
    operationStart: '2026-03',
    operationEnd: '2027-08',
    totalCostCents: 20_000_000,
    fundingLines: [
      line('fe-1', 'FEDER', 17_000_000, {
        schedule: {
          advancePct: 10,
          interim: [
            { pct: 20, monthsAfterStart: 8 },
            { pct: 15, monthsAfterStart: 4 },
          ],
        },
      }),
      line('fe-2', 'INTERREG', 1_000_000, { status: 'requested' }),
      line('fe-3', 'SELF_FUNDING', 1_000_000),
    ],
  }),
  app('bridge', {
    fundingLines: [
      line('b-1', 'FSE_PLUS', 7_200_000, { signedAt: '2025-12-15' }),
      line('b-2', 'SELF_FUNDING', 4_800_000),
      line('b-3', 'BRIDGE_LOAN', 3_000_000, {
        funder: 'Banque coopérative',
        signedAt: '2026-07-01',
        bridge: { endMonth: '2027-06' },
      }),
      line('b-4', 'BRIDGE_LOAN', 1_000_000, {
        funder: 'Fonds de trésorerie',
        bridge: { endMonth: '2028-01' },
      }),
    ],
  }),
  app('early-eu', {
    submittedAt: '2026-02-15',
    expenses: [
      { month: '2026-01', amountCents: 200_000 },
      { month: '2026-02', amountCents: 300_000, committedOn: '2026-02-01' },
      {
        month: '2026-02',
        amountCents: 11_500_000,
        committedOn: '2026-02-20',
        label: 'Prestations',
      },
    ],
    fundingLines: [line('e-1', 'FSE_PLUS', 6_000_000), line('e-2', 'SELF_FUNDING', 6_000_000)],
  }),
  app('early-local', {
    submittedAt: '2026-03-10',
    operationStart: '2026-01',
    operationEnd: '2026-06',
    totalCostCents: 600_000,
    fundingLines: [line('el-1', 'MUNICIPALITY', 400_000), line('el-2', 'SELF_FUNDING', 200_000)],
  }),
  app('state', {
    notifiedAt: '2026-01-10',
    totalCostCents: 3_000_000,
    fundingLines: [
      line('s-1', 'STATE', 1_000_000),
      line('s-2', 'STATE', 800_000, {
        schedule: {
          payments: [
            { month: '2026-09', amountCents: 500_000 },
            { month: '2026-06', amountCents: 300_000 },
          ],
        },
      }),
      line('s-3', 'STATE', 200_000, { status: 'received' }),
      line('s-4', 'SELF_FUNDING', 1_000_000),
    ],
  }),
  app('state-later', {
    notifiedAt: '2026-03-01',
    totalCostCents: 1_000_000,
    fundingLines: [
      line('sl-1', 'STATE', 600_000, {
        schedule: { payments: [{ month: '2026-08', amountCents: 600_000 }] },
      }),
      line('sl-2', 'STATE', 400_000, {
        schedule: { payments: [{ month: '2026-04', amountCents: 400_000 }] },
      }),
    ],
  }),
  app('preparing', {
    status: 'preparing',
    submissionDeadline: '2026-03-30',
    operationStart: '2026-09',
    operationEnd: '2027-08',
    fundingLines: [line('p-1', 'REGION', 6_000_000, { status: 'planned' })],
  }),
  app('idea-far', {
    status: 'idea',
    submissionDeadline: '2026-06-30',
    fundingLines: [line('i-1', 'FOUNDATION', 1_000_000, { status: 'planned' })],
  }),
  app('submitted', {
    status: 'submitted',
    submittedAt: '2026-02-01',
    operationStart: '2026-05',
    operationEnd: '2027-04',
    fundingLines: [
      line('sub-1', 'CAF', 4_000_000, { status: 'requested' }),
      line('sub-2', 'ERASMUS_PLUS', 6_000_000, { status: 'requested' }),
      line('sub-3', 'SELF_FUNDING', 2_000_000),
    ],
  }),
  app('twins', {
    totalCostCents: 5_000_000,
    fundingLines: [
      line('t-1', 'REGION', 2_000_000, { funder: 'Région Auvergne' }),
      line('t-2', 'REGION', 2_000_000, { funder: ' région auvergne ' }),
      line('t-3', 'CONSEILLER_NUMERIQUE', 1_500_000),
      line('t-4', 'OTHER', 500_000, {
        schedule: {
          advancePct: 25,
          advanceDelayMonths: 2,
          interim: [{ pct: 33.33, monthsAfterStart: 5 }],
        },
      }),
    ],
  }),
  app(undefined, {
    title: 'Sans identifiants',
    operationStart: '2027-01',
    operationEnd: '2028-06',
    totalCostCents: 9_000_000,
    fundingLines: [
      line(undefined, 'FSE_PLUS', 5_000_000, {
        funder: 'Département du Puy-de-Dôme',
        intermediateBody: true,
      }),
      line(undefined, 'FSE_PLUS', 500_000, { funder: 'Département du Puy-de-Dôme' }),
      line(undefined, 'FOUNDATION', 2_000_000),
    ],
  }),
  app('ended', {
    operationStart: '2025-02',
    operationEnd: '2025-07',
    totalCostCents: 6_000_000,
    fundingLines: [line('en-1', 'FSE_PLUS', 3_600_000), line('en-2', 'SELF_FUNDING', 2_400_000)],
  }),
  app('closed', {
    status: 'closed',
    operationStart: '2025-01',
    operationEnd: '2026-02',
    totalCostCents: 1_000_000,
    fundingLines: [line('c-1', 'REGION', 2_000_000)],
  }),
  app('rejected', {
    status: 'rejected',
    fundingLines: [line('r-1', 'FSE_PLUS', 12_000_000)],
  }),
  app('long', {
    operationStart: '2027-06',
    operationEnd: '2029-11',
    totalCostCents: 30_000_000,
    fundingLines: [
      line('lg-1', 'INTERREG', 18_000_000),
      line('lg-2', 'FEADER_LEADER', 4_000_000),
      line('lg-3', 'STATE', 2_000_000),
      line('lg-4', 'SELF_FUNDING', 6_000_000),
    ],
  }),
  // Issue 21: an interim LEADER claim matched on the co-financing paid, the rest moved on.
  app('leader-claims', {
    operationStart: '2026-03',
    operationEnd: '2026-12',
    totalCostCents: 6_000_000,
    fundingLines: [
      line('lc-1', 'FEADER_LEADER', 3_840_000, {
        claims: [{ filedOn: '2026-10-15', periodStart: '2026-03', periodEnd: '2026-09' }],
      }),
      line('lc-2', 'DEPARTMENT', 960_000, {
        schedule: {
          payments: [
            { month: '2026-06', amountCents: 100_000 },
            { month: '2027-06', amountCents: 860_000 },
          ],
        },
      }),
      line('lc-3', 'SELF_FUNDING', 1_200_000),
    ],
  }),
];

function serialised(overrides: Partial<ProjectTreasuryInput> = {}): unknown {
  const projection = projectTreasury({
    settings,
    applications,
    rules,
    from: '2026-01',
    months: 36,
    asOf: '2026-03-20',
    ...overrides,
  });
  return JSON.parse(JSON.stringify(projection));
}

describe('the serialised projection of a rich portfolio', () => {
  it('raises every warning code', () => {
    const expected = serialised() as { warnings: { code: string }[] };
    const stress = serialised({ scenario: 'stress' }) as { warnings: { code: string }[] };
    const raised = new Set([...expected.warnings, ...stress.warnings].map((w) => w.code));
    expect([...raised].sort()).toEqual(Object.values(TreasuryWarningCode).sort());
  });

  it('is unchanged in the expected scenario', () => {
    expect(serialised()).toMatchSnapshot();
  });

  it('is unchanged in the stress scenario, "if granted", from a later month', () => {
    expect(
      serialised({ scenario: 'stress', includeSubmitted: true, from: '2026-04', months: 48 }),
    ).toMatchSnapshot();
  });
});

/** Deterministic pseudo-random numbers (mulberry32), as in the benchmark. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// Every kind but self-funding (the generator adds that line itself), in FUNDING_KINDS' order.
const KINDS = FUNDING_KINDS.filter((kind) => kind !== 'SELF_FUNDING');

function month(index: number): string {
  return `${2025 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** 300 applications drawn like the benchmark's, with more kinds, statuses and dates. */
function generated(): ApplicationInput[] {
  const next = random(2027);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)];
  return Array.from({ length: 300 }, (_, a) => {
    const start = Math.floor(next() * 48);
    const length = 1 + Math.floor(next() * 36);
    const total = Math.floor(next() * 80_000_000);
    const count = 1 + Math.floor(next() * 5);
    const lines: FundingLineInput[] = Array.from({ length: count }, (_, l) => ({
      id: next() < 0.8 ? `g${a}-${l}` : undefined,
      funder: `Financeur ${Math.floor(next() * 4)}`,
      kind: l === count - 1 && next() < 0.5 ? 'SELF_FUNDING' : pick(KINDS),
      amountCents: Math.floor((total / count) * (0.5 + next())),
      status: pick(['planned', 'requested', 'granted', 'received'] as const),
      signedAt:
        next() < 0.3
          ? `${month(start + Math.floor(next() * 4) - 2)}-1${Math.floor(next() * 9)}`
          : undefined,
      intermediateBody: next() < 0.2 ? true : undefined,
      bridge: next() < 0.5 ? { endMonth: month(start + Math.floor(next() * 40)) } : undefined,
    }));
    return {
      id: `g${a}`,
      title: `Dossier généré ${a}`,
      status: pick([
        'idea',
        'preparing',
        'submitted',
        'granted',
        'agreement_signed',
        'in_progress',
        'reporting',
        'closed',
        'rejected',
      ] as const),
      operationStart: month(start),
      operationEnd: month(start + length - 1),
      submissionDeadline:
        next() < 0.3
          ? `${month(12 + Math.floor(next() * 3))}-0${1 + Math.floor(next() * 9)}`
          : undefined,
      submittedAt:
        next() < 0.3
          ? `${month(start + Math.floor(next() * 3) - 1)}-1${Math.floor(next() * 9)}`
          : undefined,
      notifiedAt:
        next() < 0.3
          ? `${month(start + Math.floor(next() * 3) - 1)}-2${Math.floor(next() * 9)}`
          : undefined,
      totalCostCents: total,
      euArea:
        next() < 0.8
          ? pick(['mainland', 'overseas', 'national', 'ile_de_france_rhone_alpes'] as const)
          : undefined,
      fundingLines: lines,
    };
  });
}

describe('the serialised projection of 300 generated applications', () => {
  const portfolio = generated();
  const digest = (overrides: Partial<ProjectTreasuryInput>) => {
    const projection = projectTreasury({
      settings: { ...settings, openingMonth: '2025-06' },
      applications: portfolio,
      rules,
      from: '2025-06',
      months: 72,
      asOf: '2026-01-05',
      validate: false,
      ...overrides,
    });
    const json = JSON.stringify(projection);
    return {
      bytes: json.length,
      warnings: projection.warnings.length,
      movements: projection.months.reduce((n, m) => n + m.lines.length, 0),
      sha256: createHash('sha256').update(json).digest('hex'),
    };
  };

  it('is unchanged in both scenarios', () => {
    expect({
      expected: digest({}),
      stress: digest({ scenario: 'stress', includeSubmitted: true, from: '2026-02', months: 120 }),
    }).toMatchSnapshot();
  });
});
