// npm run bench:national [-- --scale 0.1 --workers 1,2,4 --seconds 10 --connections 50 --profile-api DIR
//                            --legs matching,crawl,digests,api]
//
// Vigie at the size of its national use (issue 16, item 7), on a database of its own (DATABASE_URL's
// server, dropped at the end): 200,000 calls with their classification, 20,000 organisations
// with an owner each, 50,000 watch profiles (20,000 of them with a weekly digest), 2,000
// collectifs, 1,500 RSS sources on 100 local hosts (127.0.0.1 … 127.0.0.100, bench-sites.util)
// whose 30,000 live calls are crawled for real by the workers, the rest seeded by SQL;
// `--scale` multiplies every count (0.05 runs in a few minutes). Then:
//  1. matching only: with 1, 2 and 4 real worker processes, 1,000 calls change in the database
//     (territory and change time, as ingestion writes them); time from the change to the last
//     matching job completed;
//  2. crawl: with 1, 2 and 4 workers, 1,000 live calls change on the local sites (half close,
//     half move their deadline), every source is queued for a crawl as the schedule does; time
//     from the change to the last source run finished and to the last match written;
//  3. a digest tick with nothing due (mean of 50, and its number of queries);
//  4. the weekly digest wave, every subject due, to a local SMTP server (mails/s, queries per
//     subject, counted on the data source);
//  5. the API's p95 under 50 concurrent connections (autocannon) on the main routes and pages;
//  6. the database's size per 100,000 calls.
// It prints a table with the goal beside each figure, and fails (exit 1) when a leg measures
// nothing rather than print a figure that means nothing.
import 'reflect-metadata';
import { SESSION_COOKIE, WebSessionService } from '@app/account';
import { Classifier } from '@app/classifier';
import { Clock } from '@app/common';
import { loadConfig, VigieConfig } from '@app/config';
import { SourceService, type RunSourceJob, type SourceDefinition } from '@app/ingestion';
import {
  BackgroundJobService,
  connectDataSource,
  countQueries,
  JobName,
  Membership,
  User,
} from '@app/persistence';
import { OrganisationService } from '@app/tenancy';
import { DigestConsentService, DigestService, FeedQuery, FeedTokenService } from '@app/watch';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { ApiModule } from '../apps/api/src/api.module';
import { withBenchDatabase } from './bench-database.util';
import { SiteProcess } from './bench-sites.util';
import { startApiProcess, type ApiProcess } from './bench-api.util';

const argument = (name: string, fallback: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const SCALE = Number(argument('scale', '1'));
const scaled = (count: number) => Math.max(1, Math.round(count * SCALE));
const WORKER_COUNTS = argument('workers', '1,2,4').split(',').map(Number);
const CHANGED = 1000;
const LEGS = new Set(argument('legs', 'matching,crawl,digests,api').split(','));

const THEMES = [
  'mediation_numerique',
  'inclusion_numerique',
  'fse',
  'tiers_lieux',
  'accessibilite',
];
const REGIONS = [
  'R11',
  'R24',
  'R27',
  'R28',
  'R32',
  'R44',
  'R52',
  'R53',
  'R75',
  'R76',
  'R84',
  'R93',
  'R94',
];
const DEPARTEMENTS = [
  ...Array.from({ length: 95 }, (_, i) => String(i + 1).padStart(2, '0')).filter((d) => d !== '20'),
  '2A',
  '2B',
];

interface Row {
  figure: string;
  value: string;
  goal: string;
  met: string;
}
const rows: Row[] = [];
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
/** Keeps a figure for the table, and prints it at once: a long run cut short keeps what it measured. */
const record = (figure: string, value: string, goal: string, met: boolean | null) => {
  rows.push({ figure, value, goal, met: met === null ? '—' : met ? 'met' : 'missed' });
  log(`${figure}: ${value}`);
};

async function seed(db: DataSource): Promise<void> {
  // The live calls of the sources are crawled for real later; the rest (most of them old or
  // closed) are stored as ingestion left them.
  const calls = scaled(200_000) - (LEGS.has('crawl') ? scaled(1_500) * LIVE_PER_SOURCE : 0);
  const organisations = scaled(20_000);
  const profiles = scaled(50_000);
  const subjects = scaled(20_000);
  const version = (await Classifier.load()).version;
  log(`seeding ${calls} calls, ${organisations} organisations, ${profiles} profiles…`);
  // A call for everyone (1 in 5), for a région (1 in 4), or for a département.
  await db.query(
    `INSERT INTO call (fingerprint, title, url, funders, description_text, deadlines,
                       next_deadline, territory, status, content_hash, audiences,
                       amount_max_cents, first_seen_at, last_seen_at, last_changed_at,
                       updated_at)
     SELECT 'nat-' || n, 'Appel à projets ' || ($2::text[])[1 + n % 5] || ' n° ' || n,
            'https://financeur-' || (n % 100) || '.test/appels/' || n, ARRAY['Financeur ' || (n % 300)],
            repeat('Accompagnement des publics éloignés du numérique dans les territoires. ', 20),
            jsonb_build_array(jsonb_build_object('date', (date '2026-12-01' + n % 400)::text)),
            date '2026-12-01' + n % 400,
            CASE WHEN n % 5 = 0 THEN '{}'::text[]
                 WHEN n % 4 = 1 THEN ARRAY[($3::text[])[1 + n % 13]]
                 ELSE ARRAY[($4::text[])[1 + n % 96]] END,
            CASE WHEN n % 10 = 7 THEN 'closed' ELSE 'open' END, md5('nat' || n),
            ARRAY['associations'], 1000000 + (n % 10) * 500000, now(), now(), now(),
            now() - interval '1 day'
       FROM generate_series(1, $1::int) n`,
    [calls, THEMES, REGIONS, DEPARTEMENTS],
  );
  // Scores spread within each of the seven bands, as the classifier's are: with seven values
  // only, the lists sorted 28,000 tied calls by deadline on every request (p95 7.3 s at
  // 200,000 calls), a cost of the seed, not of real data.
  await db.query(
    `INSERT INTO call_classification (call_id, version, score, relevant, themes, eu_fund,
                                      explanation, content_hash, classified_at, feedback_terms)
     SELECT c.id, $2, 0.3 + (n % 7) / 10.0 + ((n * 7919) % 997) / 99700.0, n % 7 >= 2,
            jsonb_build_array(jsonb_build_object('id', ($1::text[])[1 + n % 5], 'score', 0.7)),
            NULL, '[]'::jsonb, c.content_hash, now() - interval '1 day', ''
       FROM call c, LATERAL (SELECT substr(c.fingerprint, 5)::int AS n) k`,
    [THEMES, version],
  );
  await db.query(
    `INSERT INTO organisation (name, kind, territory)
     SELECT 'Structure ' || k, 'structure', ARRAY[($2::text[])[1 + k % 96]]
       FROM generate_series(1, $1::int) k`,
    [organisations, DEPARTEMENTS],
  );
  await db.query(
    `INSERT INTO organisation (name, kind, territory)
     SELECT 'Collectif ' || k, 'collectif', ARRAY[($2::text[])[1 + k % 13]]
       FROM generate_series(1, $1::int) k`,
    [scaled(2_000), REGIONS],
  );
  await db.query(
    `WITH users AS (
       INSERT INTO user_account (email, display_name)
       SELECT 'direction-' || substr(o.id::text, 1, 13) || '@structure.test', o.name
         FROM organisation o WHERE o.kind = 'structure'
       RETURNING id, display_name)
     INSERT INTO membership (user_id, organisation_id, role)
     SELECT u.id, o.id, 'owner' FROM users u JOIN organisation o ON o.name = u.display_name`,
  );
  // Profiles: a département (9 in 10) or anywhere, one theme, sometimes keywords.
  await db.query(
    `WITH orgs AS (SELECT id, row_number() OVER (ORDER BY id) AS k FROM organisation
                    WHERE kind = 'structure')
     INSERT INTO watch_profile (organisation_id, name, themes, include_keywords, territories,
                                min_score, digest_frequency)
     SELECT o.id, 'Veille ' || g, ARRAY[($2::text[])[1 + g % 5]],
            CASE WHEN g % 5 = 0 THEN ARRAY['tiers-lieu'] ELSE '{}'::text[] END,
            CASE WHEN g % 10 = 0 THEN '{}'::text[] ELSE ARRAY[($3::text[])[1 + g % 96]] END,
            0.3, CASE WHEN g <= $4::int THEN 'weekly' ELSE 'none' END
       FROM generate_series(1, $1::int) g JOIN orgs o ON o.k = 1 + g % $5::int`,
    [profiles, THEMES, DEPARTEMENTS, subjects, organisations],
  );
  // What the digests will show: a few recent matches per subject.
  await db.query(
    `INSERT INTO watch_match (profile_id, organisation_id, call_id, score, reasons, matched_at)
     SELECT p.id, p.organisation_id, c.id, 0.6, '["thème"]'::jsonb, now() - j * interval '1 hour'
       FROM watch_profile p CROSS JOIN generate_series(0, 4) j
       JOIN call c ON c.fingerprint = 'nat-' || (1 + (abs(hashtext(p.id::text)::bigint) + j * 331) % $1::int)
      WHERE p.digest_frequency = 'weekly'
     ON CONFLICT DO NOTHING`,
    [calls],
  );
  await db.query(
    `INSERT INTO digest_schedule (subject_key, next_due_at)
     SELECT 'profile:' || id, '2999-01-01' FROM watch_profile WHERE digest_frequency <> 'none'`,
  );
  // The seed is not news: matching starts from an empty change log.
  await db.query(`TRUNCATE watch_call_change`);
  await db.query('ANALYZE');
}

const CRAWLER_MIN_DELAY_MS = 100;
const CRAWLER_ALLOW_HOSTS = '127.0.0.0/8';

function startWorker(url: string, home: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [resolve(__dirname, '../apps/worker/src/main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      VIGIE_HOME: home,
      WATCH_TICK_SECONDS: '1',
      CRAWLER_ALLOW_HOSTS,
      CRAWLER_MIN_DELAY_MS: String(CRAWLER_MIN_DELAY_MS),
      CRAWLER_CONTACT: 'bench@vigie.test',
      LOG_LEVEL: 'warn',
      SMTP_URL: '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((done, fail) => {
    child.once('exit', (code) => fail(new Error(`a worker stopped (code ${code})`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Vigie worker running')) done(child);
    });
  });
}

async function stopWorkers(workers: ChildProcess[]): Promise<void> {
  await Promise.all(
    workers.map(
      (child) =>
        new Promise<void>((done) => {
          child.removeAllListeners('exit');
          child.once('exit', () => done());
          child.kill('SIGTERM');
        }),
    ),
  );
}

/** Runs `work` with `count` fresh worker processes, stopped afterwards. */
async function withWorkers<T>(
  url: string,
  count: number,
  work: (workers: ChildProcess[]) => Promise<T>,
): Promise<T> {
  const home = mkdtempSync(join(tmpdir(), 'vigie-bench-national-'));
  const workers = await Promise.all(Array.from({ length: count }, () => startWorker(url, home)));
  try {
    // Their first ticks (queues created, start-up jobs) pass before anything is measured.
    await new Promise((done) => setTimeout(done, 3000));
    return await work(workers);
  } finally {
    await stopWorkers(workers);
  }
}

const count = async (db: DataSource, sql: string, parameters: unknown[] = []) =>
  Number((await db.query(sql, parameters))[0].n);

/**
 * Waits until the workers have nothing left of what `since` started: every crawl job of the
 * round done, every changed call scored, the change log empty and no matching batch waiting.
 * The log empties only once its batches are queued, so reading it before the batches is safe;
 * the fan-out job itself is not waited for (with 1 s ticks one is nearly always queued, and with
 * an empty log it has nothing to do).
 */
async function settle(db: DataSource, since: Date, what: string, matching = true): Promise<void> {
  const deadline = Date.now() + 30 * 60_000;
  const checks = [
    () =>
      count(
        db,
        `SELECT count(*) AS n FROM pgboss.job
          WHERE name = $1 AND created_on >= $2 AND state IN ('created', 'retry', 'active')`,
        [JobName.INGESTION_RUN_SOURCE, since],
      ),
    () =>
      count(
        db,
        `SELECT count(*) AS n FROM call c LEFT JOIN call_classification cc ON cc.call_id = c.id
          WHERE cc.call_id IS NULL OR cc.content_hash <> c.content_hash`,
      ),
    () => count(db, `SELECT count(*) AS n FROM watch_call_change`),
    () =>
      count(
        db,
        `SELECT count(*) AS n FROM pgboss.job
          WHERE name IN ('watch-match-calls', 'watch-rematch-profiles')
            AND state IN ('created', 'retry', 'active')`,
      ),
  ].slice(0, matching ? 4 : 2);
  for (;;) {
    let busy = false;
    for (const check of checks) if ((busy = (await check()) > 0)) break;
    if (!busy) return;
    if (Date.now() > deadline) throw new Error(`${what}: not done in 30 minutes`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

/**
 * Seconds from `since` to the last matching job completed (pg-boss's clock, the database's),
 * looking in the archive too; a round that measured no job throws rather than print 0 s.
 */
async function lastMatch(db: DataSource, since: Date, what: string) {
  const [{ seconds, jobs, calls }] = await db.query(
    `SELECT extract(epoch FROM max(completed_on) - $1::timestamptz)::float8 AS seconds,
            count(*)::int AS jobs,
            coalesce(sum(jsonb_array_length(data -> 'callIds')), 0)::int AS calls
       FROM (SELECT completed_on, data FROM pgboss.job
              WHERE name IN ('watch-match-calls', 'watch-rematch-profiles')
                AND state = 'completed' AND created_on >= $1::timestamptz
             UNION ALL
             SELECT completed_on, data FROM pgboss.archive
              WHERE name IN ('watch-match-calls', 'watch-rematch-profiles')
                AND state = 'completed' AND created_on >= $1::timestamptz) j`,
    [since],
  );
  if (!(Number(jobs) > 0))
    throw new Error(`${what}: no matching job completed since ${since.toISOString()}`);
  // Calls matched, counted in the batches' payloads: more than changed when the log takes more.
  return { seconds: Number(seconds), jobs: Number(jobs), calls: Number(calls) };
}

/** CPU seconds (user + system) of a process, from /proc; 0 when it is gone or unreadable. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** CPU seconds of each PostgreSQL backend serving `database` (named in its process title). */
function backendCpu(database: string): Map<number, number> {
  const backends = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(` ${database} `))
        backends.set(Number(entry), cpuSeconds(Number(entry)));
    } catch {
      // gone meanwhile
    }
  }
  return backends;
}

interface CpuSplit {
  workers: number;
  postgres: number;
  sites: number;
}

/**
 * Starts counting the CPU of the workers, of the PostgreSQL backends of the bench's database
 * (a backend that ends before `stop` is not counted: a lower bound) and of the sites.
 */
function cpuMeter(workers: ChildProcess[], url: string, sitesPid = 0): () => CpuSplit {
  const database = new URL(url).pathname.slice(1);
  const ownCpu = () => workers.reduce((total, child) => total + cpuSeconds(child.pid ?? 0), 0);
  const before = { workers: ownCpu(), backends: backendCpu(database), sites: cpuSeconds(sitesPid) };
  return () => {
    let postgres = 0;
    for (const [pid, seconds] of backendCpu(database))
      postgres += seconds - (before.backends.get(pid) ?? 0);
    return {
      workers: ownCpu() - before.workers,
      postgres,
      sites: sitesPid ? cpuSeconds(sitesPid) - before.sites : 0,
    };
  };
}

const cpuText = (cpu: CpuSplit) =>
  `CPU s: workers ${cpu.workers.toFixed(0)}, postgres ≥ ${cpu.postgres.toFixed(0)}` +
  (cpu.sites ? `, sites ${cpu.sites.toFixed(0)}` : '');

/** 1,000 calls change in the database; workers match them; seconds from the change to the last batch done. */
async function matching(db: DataSource, url: string, round: number, workerCount: number) {
  return withWorkers(url, workerCount, async (workers) => {
    const cpu = cpuMeter(workers, url);
    // One statement whose command is SELECT: TypeORM returns [rows, count] for a bare UPDATE …
    // RETURNING, which once made the window start undefined and every round count 0 jobs.
    const [{ changed_at, changed }]: Array<{ changed_at: Date; changed: number }> = await db.query(
      `WITH picked AS (
           SELECT id FROM call WHERE status = 'open' AND fingerprint LIKE 'nat-%'
            ORDER BY md5(id::text || $1) LIMIT $2),
         updated AS (
           UPDATE call c SET territory = CASE WHEN array_length(c.territory, 1) IS NULL
                                              THEN ARRAY['R84'] ELSE '{}'::text[] END,
                             updated_at = now()
             FROM picked WHERE c.id = picked.id RETURNING c.id)
         SELECT now() AS changed_at, (SELECT count(*)::int FROM updated) AS changed`,
      [`matching-${round}`, CHANGED],
    );
    if (changed !== CHANGED) throw new Error(`matching: ${changed} calls changed, not ${CHANGED}`);
    const what = `matching with ${workerCount} worker(s)`;
    await settle(db, changed_at, what);
    return { ...(await lastMatch(db, changed_at, what)), cpu: cpu() };
  });
}

// ---------------------------------------------------------------- the crawl leg

const LIVE_PER_SOURCE = 20;
const SOURCES_PER_HOST = 15;

const nationalSource = (url: string, index: number): SourceDefinition => ({
  id: `national-${index}`,
  name: `Financeur national n° ${index}`,
  kind: 'rss',
  url,
  // One funder per source: the calls of two sources are never the same call.
  funder: `Financeur national n° ${index}`,
  territory: [index % 4 === 1 ? REGIONS[index % 13] : DEPARTEMENTS[index % 96]],
  // Never due by itself during the bench: only the crawls it queues run.
  schedule: '0 6 1 1 *',
  follow: false,
  listing: null,
  detail: null,
  mapping: null,
  pagination: null,
  enabled: true,
  maxPages: 10,
  query: null,
});

interface CrawlFigures {
  crawlSeconds: number;
  matchSeconds: number;
  jobs: number;
  matchedCalls: number;
  runs: number;
  failedRuns: number;
  changedCalls: number;
  requests: number;
  notModified: number;
  cpu: CpuSplit;
  peakLoad: number;
  /** Matching jobs of the first crawl dropped unrun. */
  dropped: number;
}

class CrawlLeg {
  private constructor(
    private readonly db: DataSource,
    private readonly url: string,
    private readonly sites: SiteProcess,
    private readonly jobs: BackgroundJobService,
    private readonly sourceIds: string[],
    readonly liveCalls: number,
  ) {}

  /** Starts the sites and registers their feeds as sources, the way a sources file does. */
  static async start(db: DataSource, url: string, sourceCount: number): Promise<CrawlLeg> {
    const hosts = Math.max(1, Math.round(sourceCount / SOURCES_PER_HOST));
    const liveCalls = sourceCount * LIVE_PER_SOURCE;
    const { sites, feeds } = await SiteProcess.start({
      calls: liveCalls,
      hosts,
      feedsPerHost: Math.ceil(sourceCount / hosts),
    });
    const definitions = feeds.map(nationalSource);
    await new SourceService(db).importDefinitions(definitions);
    // A producer, like the api: it enqueues, the worker processes crawl.
    const jobs = new BackgroundJobService(url, 'producer');
    log(
      `${definitions.length} RSS sources on ${hosts} local hosts, ${liveCalls} live calls; ` +
        `workers crawl with CRAWLER_MIN_DELAY_MS=${CRAWLER_MIN_DELAY_MS}, CRAWLER_ALLOW_HOSTS=${CRAWLER_ALLOW_HOSTS}`,
    );
    return new CrawlLeg(
      db,
      url,
      sites,
      jobs,
      definitions.map((d) => d.id),
      liveCalls,
    );
  }

  /**
   * Every source queued for a crawl at once, as the ingestion-schedule job queues a due window
   * (same queue, payload and retry); returns when everything it caused is done.
   */
  async crawl(workerCount: number, changedIds: number[]): Promise<CrawlFigures> {
    const what = `crawl with ${workerCount} worker(s)`;
    return withWorkers(this.url, workerCount, async (workers) => {
      const before = await this.sites.counters();
      const cpu = cpuMeter(workers, this.url, this.sites.pid);
      const [{ now: since }]: Array<{ now: Date }> = await this.db.query(`SELECT now()`);
      const changedCalls = changedIds.length ? await this.sites.change(changedIds) : 0;
      const window = since.toISOString();
      await this.jobs.enqueueMany(
        JobName.INGESTION_RUN_SOURCE,
        this.sourceIds.map(
          (sourceId) => ({ sourceId, trigger: 'schedule', window }) satisfies RunSourceJob,
        ),
        { retryLimit: 1 },
      );
      let peakLoad = loadavg()[0];
      const sampler = setInterval(() => (peakLoad = Math.max(peakLoad, loadavg()[0])), 1000);
      let dropped = 0;
      try {
        if (changedIds.length === 0) {
          // The first crawl is not news, like the seed: matching its thousands of new calls
          // (each twice: stored, then scored) would take longer than the whole bench on this
          // machine. Once crawled and scored, its matching backlog is dropped.
          await settle(this.db, since, what, false);
          dropped = await this.dropMatchingBacklog();
        }
        await settle(this.db, since, what);
      } finally {
        clearInterval(sampler);
      }
      const cpuSplit = cpu();
      const after = await this.sites.counters();
      const [runs]: Array<{ runs: number; failed: number; seconds: number }> = await this.db.query(
        `SELECT count(*)::int AS runs,
                count(*) FILTER (WHERE status <> 'succeeded')::int AS failed,
                extract(epoch FROM max(finished_at) - $1::timestamptz)::float8 AS seconds
           FROM source_run WHERE started_at >= $1::timestamptz`,
        [since],
      );
      if (runs.runs < this.sourceIds.length)
        throw new Error(`${what}: ${runs.runs} source runs for ${this.sourceIds.length} sources`);
      const match = changedIds.length
        ? await lastMatch(this.db, since, what)
        : { seconds: NaN, jobs: 0, calls: 0 };
      return {
        crawlSeconds: Number(runs.seconds),
        matchSeconds: match.seconds,
        jobs: match.jobs,
        matchedCalls: match.calls,
        runs: runs.runs,
        failedRuns: runs.failed,
        changedCalls,
        requests: after.requests - before.requests,
        notModified: after.notModified - before.notModified,
        cpu: cpuSplit,
        peakLoad,
        dropped,
      };
    });
  }

  /** Empties the change log and deletes the matching jobs not started; returns how many. */
  private async dropMatchingBacklog(): Promise<number> {
    await this.db.query(`TRUNCATE watch_call_change`);
    const [, deleted]: [unknown, number] = await this.db.query(
      `DELETE FROM pgboss.job
        WHERE name IN ('watch-match-calls', 'watch-rematch-profiles') AND state IN ('created', 'retry')`,
    );
    return deleted;
  }

  /** A different set of live calls for each round, spread over every host. */
  changedIds(round: number, perRound: number): number[] {
    const random = (seed: number) => ((seed * 2654435761) >>> 0) / 0x100000000;
    const ids = Array.from({ length: this.liveCalls }, (_, i) => i + 1).sort(
      (a, b) => random(a) - random(b),
    );
    return ids.slice(round * perRound, (round + 1) * perRound);
  }

  async stop(): Promise<void> {
    await this.jobs.onApplicationShutdown();
    await this.sites.stop();
  }
}

async function crawlLeg(db: DataSource, url: string): Promise<void> {
  const leg = await CrawlLeg.start(db, url, scaled(1_500));
  try {
    const first = Math.max(...WORKER_COUNTS);
    log(`first crawl of ${leg.liveCalls} live calls with ${first} worker(s)…`);
    const start = performance.now();
    const initial = await leg.crawl(first, []);
    const [{ n: crawled }] = await db.query(
      `SELECT count(*)::int AS n FROM call WHERE fingerprint NOT LIKE 'nat-%'`,
    );
    if (crawled < leg.liveCalls * 0.99)
      throw new Error(`first crawl: ${crawled} calls stored for ${leg.liveCalls} served`);
    record(
      `first crawl of ${leg.liveCalls} live calls (${initial.runs} sources), ${first} workers`,
      `${initial.crawlSeconds.toFixed(1)} s crawled, ${((performance.now() - start) / 1000).toFixed(0)} s until scored ` +
        `(${crawled} calls stored, ${initial.requests} requests; its matching not measured: ${initial.dropped} batch jobs dropped)`,
      '—',
      null,
    );
    const perRound = Math.min(CHANGED, Math.floor(leg.liveCalls / WORKER_COUNTS.length));
    const timings: Array<{ workers: number; seconds: number }> = [];
    for (const [round, workers] of WORKER_COUNTS.entries()) {
      log(`crawl: ${perRound} live calls change on the sites, ${workers} worker(s)…`);
      const figures = await leg.crawl(workers, leg.changedIds(round, perRound));
      timings.push({ workers, seconds: figures.matchSeconds });
      const base = timings[0];
      const cpu = figures.cpu;
      record(
        `crawl: ${figures.changedCalls} changed calls on the sites → last source run finished, ${workers} worker(s)`,
        `${figures.crawlSeconds.toFixed(1)} s (${figures.runs} runs, ${figures.failedRuns} failed; ${figures.requests} requests, ${figures.notModified} × 304)`,
        '—',
        null,
      );
      record(
        `crawl: ${figures.changedCalls} changed calls on the sites → last match written, ${workers} worker(s)`,
        `${figures.matchSeconds.toFixed(1)} s (${figures.jobs} batch jobs, ${figures.matchedCalls} calls matched; ×${(base.seconds / figures.matchSeconds).toFixed(2)} vs ${base.workers}; ` +
          `${cpuText(cpu)}; peak load ${figures.peakLoad.toFixed(1)})`,
        workers === 4 ? '< 60 s' : '—',
        workers === 4 ? figures.matchSeconds < 60 : null,
      );
    }
  } finally {
    await leg.stop();
  }
}

/**
 * The database's size per 100,000 calls once the legs ran (their updates, runs and history
 * included), with pg-boss's tables apart: finished jobs are archived and purged, not data.
 */
async function databaseSize(db: DataSource): Promise<void> {
  const [{ bytes, queue, calls }] = await db.query(
    `SELECT pg_database_size(current_database()) AS bytes,
            (SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c
               JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = 'pgboss' AND c.relkind = 'r') AS queue,
            (SELECT count(*) FROM call) AS calls`,
  );
  const largest: Array<{ name: string; bytes: string }> = await db.query(
    `SELECT c.relname AS name, pg_total_relation_size(c.oid) AS bytes FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 2 DESC LIMIT 4`,
  );
  const mb = (value: number) => `${(value / 1024 ** 2).toFixed(0)} MB`;
  const data = Number(bytes) - Number(queue);
  record(
    'database size per 100,000 calls (all but the job queue)',
    `${mb((data / Number(calls)) * 100_000)} (${mb(data)} for ${calls} calls, plus ${mb(Number(queue))} of pg-boss; ` +
      `largest: ${largest.map((table) => `${table.name} ${mb(Number(table.bytes))}`).join(', ')})`,
    '—',
    null,
  );
}

async function startSmtp(): Promise<{
  port: number;
  received: () => number;
  close(): Promise<void>;
}> {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, _session, callback) {
      stream.resume();
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    received: () => received,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

async function digests(app: INestApplication, db: DataSource): Promise<void> {
  const smtp = await startSmtp();
  const config = app.get(VigieConfig);
  const service = new DigestService(
    db,
    app.get(FeedQuery),
    app.get(DigestConsentService),
    { ...config, SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'Vigie <v@vigie.test>' },
    app.get(Clock),
  );
  try {
    const subjects = scaled(20_000);
    await db.query(`UPDATE digest_schedule SET next_due_at = '1970-01-01'`);
    log(`digest wave: ${subjects} subjects…`);
    const counter = countQueries(db);
    const start = performance.now();
    const outcome = await service.runDue();
    const seconds = (performance.now() - start) / 1000;
    counter.stop();
    const perSubject = counter.count / subjects;
    record(
      `weekly digest wave, ${subjects} subjects (one process)`,
      `${(outcome.sent / seconds).toFixed(0)} mails/s (${outcome.sent} sent, ${outcome.failed} failed, ${seconds.toFixed(0)} s)`,
      '—',
      null,
    );
    record('queries per digest subject', perSubject.toFixed(2), '≤ 3', perSubject <= 3);

    const tickCounter = countQueries(db);
    const rounds = 50;
    const tickStart = performance.now();
    for (let i = 0; i < rounds; i++) await service.claimDue(new Date(), 1000);
    const tickMs = (performance.now() - tickStart) / rounds;
    tickCounter.stop();
    record(
      'digest tick with nothing due',
      `${tickMs.toFixed(2)} ms, ${tickCounter.count / rounds} query`,
      '< 50 ms, 1 query',
      tickMs < 50 && tickCounter.count === rounds,
    );
  } finally {
    await smtp.close();
  }
}

function startApi(url: string): Promise<ApiProcess> {
  // `--profile-api DIR`: the API writes a V8 CPU profile there when it stops (open it in
  // Chrome's DevTools) — where its time goes under load.
  const profileDir = argument('profile-api', '');
  return startApiProcess(url, {
    nodeArgs: profileDir ? ['--cpu-prof', '--cpu-prof-dir', resolve(profileDir)] : [],
  });
}

async function apiLoad(app: INestApplication, db: DataSource, url: string): Promise<void> {
  const { apiKey, organisation } = await app
    .get(OrganisationService)
    .create({ name: 'EPN du banc national', kind: 'structure', territory: ['63'] });
  const [profile]: Array<{ id: string }> = await db.query(
    `INSERT INTO watch_profile (organisation_id, name, themes, territories, min_score)
     VALUES ($1, 'Veille nationale', ARRAY['mediation_numerique'], ARRAY['63'], 0.3) RETURNING id`,
    [organisation.id],
  );
  await db.query(
    `INSERT INTO watch_match (profile_id, organisation_id, call_id, score, reasons, matched_at)
     SELECT $1, $2, id, 0.6, '["thème"]'::jsonb, now() FROM call ORDER BY id LIMIT 300`,
    [profile.id, organisation.id],
  );
  const { token } = await app.get(FeedTokenService).issue(organisation.id, profile.id);
  // The pages are for signed-in members: a session of the structure's own, as after sign-in
  // (without it /appels answers a redirect to /connexion, which measures nothing).
  const user = await db
    .getRepository(User)
    .save({ email: 'banc@national.test', displayName: 'Banc' });
  await db
    .getRepository(Membership)
    .save({ userId: user.id, organisationId: organisation.id, role: 'owner' });
  const session = await app.get(WebSessionService).startForUser(user.id, organisation.id);
  const server = await startApi(url);
  const headers = { authorization: `Bearer ${apiKey}` };
  const page = { cookie: `${SESSION_COOKIE}=${session.token}` };
  const targets = [
    { label: 'GET /api/calls', path: '/api/calls', headers },
    { label: 'GET /api/watches/:id/matches', path: `/api/watches/${profile.id}/matches`, headers },
    { label: 'GET /feeds/:token.rss', path: `/feeds/${token}.rss` },
    { label: 'page /appels (signed in)', path: '/appels', headers: page },
    { label: 'GET /health', path: '/health' },
  ];
  const connections = Number(argument('connections', '50'));
  try {
    for (const target of targets) {
      const times: number[] = [];
      let wrong = 0;
      const result = await autocannon({
        url: `${server.base}${target.path}`,
        headers: target.headers,
        connections,
        duration: Number(argument('seconds', '10')),
        setupClient: (client) =>
          client.on('response', (status: number, _bytes: number, time: number) => {
            // Every target answers 200 when it works; a redirect or an error is not a figure.
            if (status !== 200) wrong++;
            times.push(time);
          }),
      });
      times.sort((a, b) => a - b);
      const p95 = times[Math.min(times.length - 1, Math.floor(0.95 * times.length))] ?? NaN;
      record(
        `${target.label}, p95 at ${connections} connections`,
        `${p95.toFixed(0)} ms (${Math.round(result.requests.average)} req/s${wrong ? `, ${wrong} errors` : ''}, load ${loadavg()[0].toFixed(1)})`,
        '< 200 ms',
        p95 < 200 && wrong === 0,
      );
    }
  } finally {
    // Waits for the exit: the API closes its pool (and writes its profile) before the bench
    // database is dropped.
    const exited = new Promise((done) => server.child.once('exit', done));
    server.child.kill('SIGTERM');
    await exited;
  }
}

async function main(): Promise<void> {
  console.log(`bench:national at scale ${SCALE} (load ${loadavg()[0].toFixed(1)} on this machine)`);
  await withBenchDatabase('vigie_bench_national', async (url) => {
    const db = await connectDataSource(url);
    let app: INestApplication | null = null;
    try {
      const start = performance.now();
      await seed(db);
      log(`seeded in ${((performance.now() - start) / 1000).toFixed(0)} s`);
      if (LEGS.has('matching')) {
        const timings: Array<{ workers: number; seconds: number }> = [];
        for (const [round, workers] of WORKER_COUNTS.entries()) {
          log(`matching only: ${CHANGED} calls change in the database, ${workers} worker(s)…`);
          const outcome = await matching(db, url, round, workers);
          timings.push({ workers, seconds: outcome.seconds });
          const base = timings[0];
          record(
            `matching only: ${CHANGED} changed calls → last match written, ${workers} worker(s)`,
            `${outcome.seconds.toFixed(1)} s (${outcome.jobs} batch jobs; ×${(base.seconds / outcome.seconds).toFixed(2)} vs ${base.workers}; ${cpuText(outcome.cpu)}; load ${loadavg()[0].toFixed(1)})`,
            '—',
            null,
          );
        }
      }
      if (LEGS.has('crawl')) await crawlLeg(db, url);
      await databaseSize(db);

      const config = loadConfig({
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: url,
        LOG_LEVEL: 'silent',
      });
      app = await NestFactory.create(ApiModule.forRoot(config, url), { logger: false });
      await app.init();
      if (LEGS.has('digests')) await digests(app, db);
      if (LEGS.has('api')) {
        log('API under load…');
        await apiLoad(app, db, url);
      }
    } finally {
      await app?.close();
      await db.destroy();
    }
  });
  const width = (key: keyof Row) => Math.max(...rows.map((row) => row[key].length), key.length);
  const line = (row: Row) =>
    `${row.figure.padEnd(width('figure'))} | ${row.value.padEnd(width('value'))} | ${row.goal.padEnd(width('goal'))} | ${row.met}`;
  console.log(`\n${line({ figure: 'figure', value: 'value', goal: 'goal', met: 'met' })}`);
  console.log('-'.repeat(width('figure') + width('value') + width('goal') + 16));
  for (const row of rows) console.log(line(row));
  console.log(
    `(scale ${SCALE}; load average at the end ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
