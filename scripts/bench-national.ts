// npm run bench:national [-- --scale 0.1 --workers 1,2,4 --seconds 10 --connections 50]
//
// Vigie at the size of its national use (issue 16, item 7), on a database of its own (DATABASE_URL's
// server, dropped at the end): 200,000 calls with their classification, 20,000 organisations
// with an owner each, 50,000 watch profiles (20,000 of them with a weekly digest), 2,000
// collectifs; `--scale` multiplies every count (0.1 runs in a few minutes). Then:
//  1. matching: with 1, 2 and 4 real worker processes, 1,000 calls change (territory and change
//     time, as ingestion writes them); time from the change to the last matching job completed;
//  2. a digest tick with nothing due (mean of 50, and its number of queries);
//  3. the weekly digest wave, every subject due, to a local SMTP server (mails/s, queries per
//     subject, counted on the data source);
//  4. the API's p95 under 50 concurrent connections (autocannon) on the main routes and pages;
//  5. the database's size per 100,000 calls.
// It prints a table with the goal beside each figure. The crawl leg (1,500 sources on ~100
// local hosts) is not built here: the changed calls are written as ingestion writes them.
import 'reflect-metadata';
import { Classifier } from '@app/classifier';
import { Clock } from '@app/common';
import { loadConfig, VigieConfig } from '@app/config';
import { connectDataSource, countQueries } from '@app/persistence';
import { OrganisationService } from '@app/tenancy';
import { DigestConsentService, DigestService, FeedQuery, FeedTokenService } from '@app/watch';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { ApiModule } from '../apps/api/src/api.module';
import { withBenchDatabase } from './bench-database.util';

const argument = (name: string, fallback: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const SCALE = Number(argument('scale', '1'));
const scaled = (count: number) => Math.max(1, Math.round(count * SCALE));
const WORKER_COUNTS = argument('workers', '1,2,4').split(',').map(Number);
const CHANGED = 1000;

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
const record = (figure: string, value: string, goal: string, met: boolean | null) =>
  rows.push({ figure, value, goal, met: met === null ? '—' : met ? 'met' : 'missed' });
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

async function seed(db: DataSource): Promise<void> {
  const calls = scaled(200_000);
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
  await db.query(
    `INSERT INTO call_classification (call_id, version, score, relevant, themes, eu_fund,
                                      explanation, content_hash, classified_at, feedback_terms)
     SELECT c.id, $2, 0.3 + (n % 7) / 10.0, n % 7 >= 2,
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

function startWorker(url: string, home: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [resolve(__dirname, '../apps/worker/src/main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      VIGIE_HOME: home,
      WATCH_TICK_SECONDS: '1',
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

/** 1,000 calls change; workers match them; seconds from the change to the last batch done. */
async function matching(db: DataSource, url: string, round: number, workerCount: number) {
  const home = mkdtempSync(join(tmpdir(), 'vigie-bench-national-'));
  const workers = await Promise.all(
    Array.from({ length: workerCount }, () => startWorker(url, home)),
  );
  try {
    await new Promise((done) => setTimeout(done, 3000));
    const [{ changed_at }] = await db.query(
      `WITH picked AS (
         SELECT id FROM call WHERE status = 'open' ORDER BY md5(id::text || $1) LIMIT $2)
       UPDATE call c SET territory = CASE WHEN array_length(c.territory, 1) IS NULL
                                          THEN ARRAY['R84'] ELSE '{}'::text[] END,
                         updated_at = now()
         FROM picked WHERE c.id = picked.id
       RETURNING now() AS changed_at`,
      [String(round), CHANGED],
    );
    const busy = async () =>
      Number(
        (
          await db.query(
            `SELECT count(*) AS n FROM pgboss.job
              WHERE name = 'watch-match-calls' AND state IN ('created', 'retry', 'active')`,
          )
        )[0].n,
      );
    // The log empties only once its batches are queued: empty log and no batch left = done.
    const passed = async () =>
      Number((await db.query(`SELECT count(*) AS n FROM watch_call_change`))[0].n) === 0;
    const deadline = Date.now() + 15 * 60_000;
    while (!((await passed()) && (await busy()) === 0)) {
      if (Date.now() > deadline) throw new Error('matching did not finish in 15 minutes');
      await new Promise((done) => setTimeout(done, 200));
    }
    const [{ seconds, jobs }] = await db.query(
      `SELECT extract(epoch FROM max(completed_on) - $1) AS seconds, count(*)::int AS jobs
         FROM pgboss.job WHERE name = 'watch-match-calls' AND created_on > $1`,
      [changed_at],
    );
    return { seconds: Number(seconds), jobs: Number(jobs) };
  } finally {
    await stopWorkers(workers);
  }
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

async function startApi(url: string): Promise<{ child: ChildProcess; base: string }> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, [resolve(__dirname, '../apps/api/src/main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((done, fail) => {
    child.once('exit', (code) => fail(new Error(`the API stopped (code ${code})`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('listening')) done();
    });
  });
  return { child, base: `http://127.0.0.1:${port}` };
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
  const server = await startApi(url);
  const headers = { authorization: `Bearer ${apiKey}` };
  const targets = [
    { label: 'GET /api/calls', path: '/api/calls', headers },
    { label: 'GET /api/watches/:id/matches', path: `/api/watches/${profile.id}/matches`, headers },
    { label: 'GET /feeds/:token.rss', path: `/feeds/${token}.rss` },
    { label: 'page /appels', path: '/appels' },
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
            if (status >= 400) wrong++;
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
    server.child.kill('SIGTERM');
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
      const [{ bytes, calls }] = await db.query(
        `SELECT pg_database_size(current_database()) AS bytes, (SELECT count(*) FROM call) AS calls`,
      );
      const perHundredK = (Number(bytes) / Number(calls)) * 100_000;
      record(
        'database size per 100,000 calls (everything included)',
        `${(perHundredK / 1024 ** 2).toFixed(0)} MB (${(Number(bytes) / 1024 ** 2).toFixed(0)} MB for ${calls} calls)`,
        '—',
        null,
      );

      const timings: Array<{ workers: number; seconds: number }> = [];
      for (const [round, workers] of WORKER_COUNTS.entries()) {
        log(`matching ${CHANGED} changed calls with ${workers} worker(s)…`);
        const outcome = await matching(db, url, round, workers);
        timings.push({ workers, seconds: outcome.seconds });
        const base = timings[0];
        const speedUp = base.seconds / outcome.seconds;
        record(
          `${CHANGED} changed calls → last match written, ${workers} worker(s)`,
          `${outcome.seconds.toFixed(1)} s (${outcome.jobs} batch jobs; ×${speedUp.toFixed(2)} vs ${base.workers})`,
          workers === 4 ? '< 60 s' : '—',
          workers === 4 ? outcome.seconds < 60 : null,
        );
      }

      const config = loadConfig({
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: url,
        LOG_LEVEL: 'silent',
      });
      app = await NestFactory.create(ApiModule.forRoot(config, url), { logger: false });
      await app.init();
      await digests(app, db);
      log('API under load…');
      await apiLoad(app, db, url);
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
