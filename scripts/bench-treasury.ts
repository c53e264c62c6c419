// Treasury projection benchmark: 1,000 applications × 5 funding lines over 60 months.
// Times the pure projection against a bare loop over the same months × lines in fresh processes
// that load the treasury library only (bench-treasury-pure.ts), and reports the median of their
// ratios; times what the API adds to it (validation, warnings, movements, JSON) in this process;
// then stores the same portfolio in a fresh database, serves it through the real API and measures
// GET /api/treasury under a few concurrent clients. Writes the figures to stdout
// (docs/benchmarks/treasury.md collects several runs). `--no-api` skips the API part.
import { loadConfig } from '@app/config';
import { Membership } from '@app/persistence';
import { OrganisationService, type Principal } from '@app/tenancy';
import {
  ApplicationService,
  projectTreasury,
  TreasurySettingsService,
  type ApplicationInput,
  type TreasurySettings,
} from '@app/treasury';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getRepositoryToken } from '@nestjs/typeorm';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Repository } from 'typeorm';
import { request } from 'undici';
import { withBenchDatabase } from './bench-database.util';
import {
  APPLICATIONS,
  bareLoop,
  bareLoopAmounts,
  benchInput,
  LINES,
  measure,
  measurePair,
  MONTHS,
  PAIRED_REPEATS,
  percentile,
  REPEATS,
  WARMUP,
  WARMUP_MS,
  type Timing,
} from './bench-treasury-portfolio.util';
import { ApiModule } from '../apps/api/src/api.module';
import { configureApp } from '../apps/api/src/http/configure-app';

const API_CLIENTS = 4;
const API_REQUESTS = 120;
const API_WARMUP = 8;
/** Fresh processes that time the pure projection: a process's JIT and memory layout move it by up to ±15 %. */
const PURE_PROCESSES = 5;

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

/** The pure projection and the bare loop, timed in one fresh process (bench-treasury-pure.js). */
function timeInFreshProcess(): { projection: Timing; bare: Timing } {
  const output = execFileSync(process.execPath, [join(__dirname, 'bench-treasury-pure.js')], {
    encoding: 'utf8',
  });
  return JSON.parse(output) as { projection: Timing; bare: Timing };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function main(): Promise<void> {
  const ms = (x: number) => x.toFixed(2);
  const runs = Array.from({ length: PURE_PROCESSES }, timeInFreshProcess);
  const ratios = runs.map((run) => run.projection.p50 / run.bare.p50);
  const ratio = median(ratios);
  const processTable = [
    '| process | A. projection p50 ms | p95 ms | bare loop p50 ms | p95 ms | A / bare loop |',
    '|---|---:|---:|---:|---:|---:|',
    ...runs.map(
      (run, i) =>
        `| ${i + 1} | ${ms(run.projection.p50)} | ${ms(run.projection.p95)} | ${ms(run.bare.p50)} | ${ms(run.bare.p95)} | ${ratios[i].toFixed(2)}× |`,
    ),
  ].join('\n');
  const verdict = ratio <= 3 ? 'goal met' : 'goal NOT met';
  console.log(
    `A. the projection (sums, schedules, warnings as records; objects and messages on demand) and the bare loop (the same months × lines additions over the same amounts), timed interleaved in ${PURE_PROCESSES} fresh processes that load the treasury library only:`,
  );
  console.log(processTable);
  console.log(
    `ratio projection (A) / bare loop, median of ${PURE_PROCESSES} processes: ${ratio.toFixed(2)}× (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}×; goal ≤ 3×: ${verdict})`,
  );

  // What the API adds to A, timed in this process (which has loaded the API's modules too).
  const input = benchInput();
  const { applications, settings } = input;
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
  const rows = [
    ['A, in this process', ms(pure.p50), ms(pure.p95)],
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
    ['bare loop, timed with A in this process', ms(bare.p50), ms(bare.p95)],
  ];
  console.log(
    "\nThe same projection with what the API adds to it, in this process (the API's modules loaded):",
  );
  console.log(
    [
      '| run | p50 ms | p95 ms |',
      '|---|---:|---:|',
      ...rows.map((r) => `| ${r.join(' | ')} |`),
    ].join('\n'),
  );
  console.log(
    `A / bare loop in this process: ${(pure.p50 / bare.p50).toFixed(2)}×; with the JSON the API sends (C): ${(stringified.p50 / bare.p50).toFixed(1)}×`,
  );
  console.log(`${movements} movements, ${sample.warnings.length} warnings in the projection\n`);

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
    `Node ${process.version}, load average ${loadavg()[0].toFixed(1)}; A and the bare loop: ${PAIRED_REPEATS} interleaved timed runs each per process, the others ${REPEATS}; each after ≥ ${WARMUP} warm-up runs and ≥ ${WARMUP_MS} ms.`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
