// Treasury projection benchmark: 1,000 applications × 5 funding lines over 60 months.
// Prints p50/p95 of the pure projection and its ratio to a bare loop over the same
// months × lines; then stores the same portfolio in a fresh database, serves it through the
// real API and measures GET /api/treasury under a few concurrent clients. Writes the figures to
// stdout (docs/benchmarks/treasury.md collects several runs). `--no-api` skips the API part.
import { loadConfig } from '@app/config';
import { Membership } from '@app/persistence';
import { OrganisationService, type Principal } from '@app/tenancy';
import {
  ApplicationService,
  loadFundingRules,
  projectTreasury,
  TreasurySettingsService,
  type ApplicationInput,
  type FundingKind,
  type FundingLineInput,
  type TreasuryProjection,
  type TreasurySettings,
} from '@app/treasury';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getRepositoryToken } from '@nestjs/typeorm';
import { join, resolve } from 'node:path';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Repository } from 'typeorm';
import { request } from 'undici';
import { withBenchDatabase } from './bench-database.util';
import { ApiModule } from '../apps/api/src/api.module';
import { configureApp } from '../apps/api/src/http/configure-app';

const APPLICATIONS = 1_000;
const LINES = 5;
const MONTHS = 60;
const REPEATS = 40;
/** The projection and the bare loop take ~1 ms: more repeats for the same wall time. */
const PAIRED_REPEATS = 200;
/** Warm-up: at least this many runs and this long, so both sides are optimised before timing. */
const WARMUP = 20;
const WARMUP_MS = 300;
const API_CLIENTS = 4;
const API_REQUESTS = 120;
const API_WARMUP = 8;
const KINDS: FundingKind[] = [
  'FSE_PLUS',
  'FEADER_LEADER',
  'REGION',
  'DEPARTMENT',
  'STATE',
  'FOUNDATION',
  'CAF',
  'INTERREG',
];

/** Deterministic pseudo-random numbers (mulberry32) so every run projects the same portfolio. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function month(index: number): string {
  const year = 2026 + Math.floor(index / 12);
  return `${year}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function portfolio(): ApplicationInput[] {
  const next = random(42);
  return Array.from({ length: APPLICATIONS }, (_, a) => {
    const start = Math.floor(next() * 36);
    const length = 6 + Math.floor(next() * 30);
    const total = 1_000_000 + Math.floor(next() * 50_000_000);
    const share = Math.floor(total / LINES);
    const lines: FundingLineInput[] = Array.from({ length: LINES }, (_, l) => ({
      id: `a${a}-l${l}`,
      funder: `Financeur ${l}`,
      kind: l === LINES - 1 ? 'SELF_FUNDING' : KINDS[Math.floor(next() * KINDS.length)],
      amountCents: l === LINES - 1 ? total - share * (LINES - 1) : share,
      status: 'granted',
    }));
    return {
      id: `a${a}`,
      title: `Dossier ${a}`,
      status: 'in_progress',
      operationStart: month(start),
      operationEnd: month(start + length - 1),
      totalCostCents: total,
      euArea: 'mainland',
      fundingLines: lines,
    };
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function warmUp(run: () => unknown): void {
  const started = performance.now();
  for (let i = 0; i < WARMUP || performance.now() - started < WARMUP_MS; i++) run();
}

function summary(times: number[]): { p50: number; p95: number } {
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

function timed(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

function measure(run: () => unknown): { p50: number; p95: number } {
  warmUp(run);
  return summary(Array.from({ length: REPEATS }, () => timed(run)));
}

/**
 * Two runs timed the same way, interleaved (a b, b a, a b, …) so that both see the same load on
 * a shared machine: their ratio is the figure that matters.
 */
function measurePair(
  a: () => unknown,
  b: () => unknown,
): [{ p50: number; p95: number }, { p50: number; p95: number }] {
  warmUp(a);
  warmUp(b);
  const timesA: number[] = [];
  const timesB: number[] = [];
  for (let i = 0; i < PAIRED_REPEATS; i++) {
    if (i % 2 === 0) {
      timesA.push(timed(a));
      timesB.push(timed(b));
    } else {
      timesB.push(timed(b));
      timesA.push(timed(a));
    }
  }
  return [summary(timesA), summary(timesB)];
}

/**
 * The floor any projection pays: the same month × line additions over the same data, laid out
 * in advance. Row `a × LINES + l` holds the net cash of line l of application a in each month
 * (the application's spending folded into its self-funding line, which moves no cash of its
 * own), taken from the projection itself; one addition per line per month into the month's
 * flow, then the running balance. No schedule, no rule, no object, no string.
 */
function bareLoop(amounts: Int32Array): Float64Array {
  const closing = new Float64Array(MONTHS);
  let balance = 0;
  for (let m = 0; m < MONTHS; m++) {
    let flow = 0;
    for (let l = 0; l < APPLICATIONS * LINES; l++) flow += amounts[l * MONTHS + m];
    balance += flow;
    closing[m] = balance;
  }
  return closing;
}

/** The projection's own movements as the bare loop's matrix, checked against its balances. */
function bareLoopAmounts(
  projection: TreasuryProjection,
  applications: ApplicationInput[],
  settings: TreasurySettings,
): Int32Array {
  const row = new Map<string, number>();
  applications.forEach((app, a) =>
    app.fundingLines.forEach((line, l) => row.set(line.id as string, a * LINES + l)),
  );
  const selfFundingRow = new Map(applications.map((app, a) => [app.id, a * LINES + LINES - 1]));
  const amounts = new Int32Array(APPLICATIONS * LINES * MONTHS);
  const recurring = new Float64Array(MONTHS);
  projection.months.forEach((month, m) => {
    for (const movement of month.lines) {
      const signed = movement.direction === 'in' ? movement.amountCents : -movement.amountCents;
      const line = movement.fundingLineId
        ? row.get(movement.fundingLineId)
        : movement.applicationId
          ? selfFundingRow.get(movement.applicationId)
          : undefined;
      if (line === undefined) recurring[m] += signed;
      else amounts[line * MONTHS + m] += signed;
    }
  });
  // Same data: the bare loop's balances, plus the opening balance and the recurring flows, are
  // the projection's to the cent.
  const closing = bareLoop(amounts);
  let recurringSoFar = 0;
  projection.months.forEach((month, m) => {
    recurringSoFar += recurring[m];
    const bare = settings.openingBalanceCents + closing[m] + recurringSoFar;
    if (bare !== month.closingCents)
      throw new Error(`bare loop ${bare} ≠ projection ${month.closingCents} in ${month.month}`);
  });
  return amounts;
}

interface Latency {
  p50: number;
  p95: number;
  max: number;
}

interface ApiFigures {
  cold: Latency;
  warm: Latency;
  identity: Latency;
  afterWrite: Latency;
  noLines: Latency;
  noLinesBytes: number;
  bytes: number;
  gzipBytes: number;
  seedSeconds: number;
}

/** Stores the portfolio through the real services (validation, transactions), as the API would. */
interface Seeded {
  apiKey: string;
  principal: Principal;
  ids: string[];
}

async function seed(
  app: INestApplication,
  applications: ApplicationInput[],
  settings: TreasurySettings,
): Promise<Seeded> {
  const created = await app
    .get(OrganisationService)
    .create({ name: 'Banc d’essai', kind: 'structure', territory: ['63'] });
  const owner = await app
    .get<Repository<Membership>>(getRepositoryToken(Membership))
    .findOneOrFail({ where: { organisationId: created.organisation.id } });
  const principal: Principal = {
    organisationId: created.organisation.id,
    userId: owner.userId,
    membershipId: owner.id,
    role: 'owner',
  };
  await app.get(TreasurySettingsService).put(principal, { ...settings });
  const service = app.get(ApplicationService);
  const ids: string[] = [];
  for (let i = 0; i < applications.length; i += 8) {
    const views = await Promise.all(
      applications.slice(i, i + 8).map(({ id: _id, fundingLines, ...rest }) =>
        service.create(principal, {
          ...rest,
          fundingLines: fundingLines.map(({ id: _lineId, ...line }) => line),
        }),
      ),
    );
    ids.push(...views.map((v) => v.id));
  }
  return { apiKey: created.apiKey, principal, ids };
}

async function measureApi(
  applications: ApplicationInput[],
  settings: TreasurySettings,
): Promise<ApiFigures> {
  return withBenchDatabase('vigie_bench', async (url) => {
    const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: url });
    const app = configureApp(
      await NestFactory.create(ApiModule.forRoot(config, url), { logger: false, bufferLogs: true }),
    );
    await app.listen(0, '127.0.0.1');
    try {
      const seedStarted = performance.now();
      const { apiKey, principal, ids } = await seed(app, applications, settings);
      const seedSeconds = (performance.now() - seedStarted) / 1000;
      const address = app.getHttpServer().address() as { port: number };
      const target = `http://127.0.0.1:${address.port}/api/treasury?from=2026-01&months=${MONTHS}`;
      let bytes = 0;
      let gzipBytes = 0;
      let noLinesBytes = 0;
      const once = async (asOf: string, encoding: string, extra = ''): Promise<number> => {
        const started = performance.now();
        const response = await request(`${target}&asOf=${asOf}${extra}`, {
          headers: { authorization: `Bearer ${apiKey}`, 'accept-encoding': encoding },
        });
        const body = await response.body.arrayBuffer();
        if (response.statusCode !== 200)
          throw new Error(`GET /api/treasury → ${response.statusCode}`);
        if (extra) noLinesBytes = body.byteLength;
        else if (encoding === 'identity') bytes = body.byteLength;
        else gzipBytes = body.byteLength;
        return performance.now() - started;
      };
      // Cold: a different "today" each time defeats the projection cache (every request computes).
      const day = (i: number) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
      const applicationService = app.get(ApplicationService);
      // Write then read: each request first renames one application (its version moves, so the
      // projection is recomputed), then times the GET alone.
      const writeThen = async (i: number, encoding: string, extra: string) => {
        await applicationService.update(principal, ids[i % ids.length], {
          title: `Dossier ${i} bis`,
        });
        return once('2026-01-05', encoding, extra);
      };
      const run = async (
        asOf: (i: number) => string,
        encoding = 'gzip',
        extra = '',
        write = false,
      ) => {
        const timed = (i: number) =>
          write ? writeThen(i, encoding, extra) : once(asOf(i), encoding, extra);
        for (let i = 0; i < API_WARMUP; i++) await timed(1000 + i);
        const times: number[] = [];
        let next = 0;
        const client = async () => {
          while (next < API_REQUESTS) times.push(await timed(next++));
        };
        await Promise.all(Array.from({ length: API_CLIENTS }, client));
        times.sort((a, b) => a - b);
        return {
          p50: percentile(times, 50),
          p95: percentile(times, 95),
          max: times[times.length - 1],
        };
      };
      const cold = await run(day);
      const warm = await run(() => '2026-01-05');
      const identity = await run(() => '2026-01-05', 'identity');
      const noLines = await run(day, 'gzip', '&lines=false');
      const afterWrite = await run(() => '2026-01-05', 'gzip', '', true);
      return {
        cold,
        warm,
        identity,
        afterWrite,
        noLines,
        noLinesBytes,
        bytes,
        gzipBytes,
        seedSeconds,
      };
    } finally {
      await app.close();
    }
  });
}

async function main(): Promise<void> {
  const root = resolve(__dirname, '..', '..');
  const rules = loadFundingRules(join(root, 'config', 'funding-rules.yaml'));
  const applications = portfolio();
  const settings: TreasurySettings = {
    openingBalanceCents: 50_000_000,
    openingMonth: '2026-01',
    recurring: [{ label: 'Salaires', direction: 'out', amountCents: 2_000_000 }],
    minimumCashCents: 1_000_000,
  };
  const input = {
    settings,
    applications,
    rules,
    from: '2026-01',
    months: MONTHS,
    asOf: '2026-01-05',
  } as const;
  const projectOnly = () => projectTreasury({ ...input, validate: false });
  const amounts = bareLoopAmounts(projectOnly(), applications, settings);
  const [pure, bare] = measurePair(projectOnly, () => bareLoop(amounts));
  const materialised = measure(() => {
    for (const m of projectOnly().months) if (m.lines.length < 0) throw new Error('unreachable');
  });
  const warned = measure(() => {
    for (const w of projectOnly().warnings) if (w.message.length === 0) throw new Error('empty');
  });
  const stringified = measure(() => Buffer.from(JSON.stringify(projectOnly()), 'utf8'));
  const validated = measure(() => projectTreasury(input));
  const stress = measure(() => projectTreasury({ ...input, validate: false, scenario: 'stress' }));
  const sample = projectOnly();
  const movements = sample.months.reduce((n, m) => n + m.lines.length, 0);

  const ms = (x: number) => x.toFixed(2);
  const ratio = pure.p50 / bare.p50;
  const servedRatio = stringified.p50 / bare.p50;
  const rows = [
    [
      'A. projection: sums, schedules, warnings as records (objects and messages on demand)',
      ms(pure.p50),
      ms(pure.p95),
    ],
    ['A, stress scenario', ms(stress.p50), ms(stress.p95)],
    ['A + input validation', ms(validated.p50), ms(validated.p95)],
    ['A + every warning read (objects and French messages)', ms(warned.p50), ms(warned.p95)],
    [
      'B. A + every movement object (derived again on the first read of `months[].lines`)',
      ms(materialised.p50),
      ms(materialised.p95),
    ],
    [
      'C. A + the JSON bytes the API sends (`Buffer.from(JSON.stringify(projection))`)',
      ms(stringified.p50),
      ms(stringified.p95),
    ],
    [
      'bare loop: the same months × lines additions over the same amounts (timed with A)',
      ms(bare.p50),
      ms(bare.p95),
    ],
  ];
  const table = [
    '| run | p50 ms | p95 ms |',
    '|---|---:|---:|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
  const verdict = ratio <= 3 ? 'goal met' : 'goal NOT met';
  const summary = `ratio projection (A) / bare loop (p50): ${ratio.toFixed(1)}× (goal ≤ 3×: ${verdict}); with the JSON the API sends (C): ${servedRatio.toFixed(1)}×`;
  console.log(table);
  console.log(summary);
  console.log(`${movements} movements, ${sample.warnings.length} warnings in the projection`);

  let apiSection = 'API part skipped (`--no-api`).';
  if (!process.argv.includes('--no-api')) {
    const api = await measureApi(applications, settings);
    const apiVerdict = api.warm.p95 < 100 ? 'goal met' : 'goal NOT met';
    const row = (label: string, l: Latency) =>
      `| ${label} | ${ms(l.p50)} | ${ms(l.p95)} | ${ms(l.max)} |`;
    apiSection = [
      `The same ${APPLICATIONS} applications × ${LINES} lines stored in a fresh database through the services`,
      `(${api.seedSeconds.toFixed(1)} s), then \`GET /api/treasury?from=2026-01&months=${MONTHS}\` through the real`,
      `API (auth, database, projection, JSON of ${(api.bytes / 1_048_576).toFixed(1)} MiB, ${(api.gzipBytes / 1_048_576).toFixed(2)} MiB gzipped) by ${API_CLIENTS} concurrent clients,`,
      `${API_REQUESTS} timed requests after ${API_WARMUP} warm-up ones, per run.`,
      '',
      '| run | p50 ms | p95 ms | max ms |',
      '|---|---:|---:|---:|',
      row('1. unchanged data, gzip (projection cache hit: fingerprint query + send)', api.warm),
      row('2. unchanged data, without gzip (`Accept-Encoding: identity`)', api.identity),
      row('3. every request computes, gzip (cache defeated: a new `asOf` each time)', api.cold),
      row(
        '4. write then read: one application renamed before each GET, gzip (GET timed)',
        api.afterWrite,
      ),
      row(
        `5. as 3 with \`&lines=false\` (${(api.noLinesBytes / 1024).toFixed(0)} KiB gzipped)`,
        api.noLines,
      ),
      '',
      `API p95 with unchanged data: ${ms(api.warm.p95)} ms (goal < 100 ms: ${apiVerdict}); computing every time: ${ms(api.cold.p95)} ms; after a write: ${ms(api.afterWrite.p95)} ms.`,
    ].join('\n');
    console.log(apiSection);
  }

  // The figures go to stdout; docs/benchmarks/treasury.md collects several runs by hand.
  console.log(
    `Node ${process.version}, load average ${loadavg()[0].toFixed(1)}; A and the bare loop: ${PAIRED_REPEATS} interleaved timed runs each, the others ${REPEATS}; each after ≥ ${WARMUP} warm-up runs and ≥ ${WARMUP_MS} ms.`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
