// node scripts/build.mjs && node dist/scripts/bench-personal-score.js [--calls 20000] [--marks 50] [--runs 40]
//   [--keep] [--database NAME] (keep the filled database; reuse one kept)
//   [--matches 300] [--connections 50 --seconds 10] (the watch routes; autocannon, 0: skip)
//   [--list 0] (skip the per-query table of GET /api/calls)
//
// GET /api/calls for an organisation with marks, side by side with one without (issue 15
// item 4), after the worker's pass has stored the organisation's figures; on real PostgreSQL
// (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test): a database of its own,
// created, filled with the dev set repeated, scored, then dropped. The API runs in-process and
// is asked over HTTP on loopback, as a browser would.
import 'reflect-metadata';
import { CallClassificationService, OrganisationScoreService } from '@app/classifier';
import { loadConfig } from '@app/config';
import { connectDataSource, runMigrations } from '@app/persistence';
import { OrganisationService } from '@app/tenancy';
import { FeedTokenService } from '@app/watch';
import { INestApplication } from '@nestjs/common';
import autocannon from 'autocannon';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ApiModule } from '../apps/api/src/api.module';
import { configureApp } from '../apps/api/src/http/configure-app';
import { startApiProcess } from './bench-api.util';

const arg = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};

const SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const DEV_SET = resolve(__dirname, '../../../shared/data/calls-dev.jsonl');

interface DevCall {
  title: string;
  description: string;
  funder: string | null;
}

const withDatabase = (url: string, name: string): string => {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
};

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: SERVER });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The dev set repeated up to `count` calls, each copy with its own title and content hash. */
async function fillCalls(url: string, count: number): Promise<void> {
  const dev: DevCall[] = readFileSync(DEV_SET, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as DevCall);
  const rows = dev.map((c, i) => ({
    i,
    title: c.title,
    description: c.description,
    funder: c.funder ?? '',
  }));
  const dataSource = await connectDataSource(url);
  await runMigrations(dataSource);
  await dataSource.query(
    `INSERT INTO call (fingerprint, title, url, funders, description_text, deadlines, next_deadline,
                       territory, status, content_hash, first_seen_at, last_seen_at, last_changed_at)
     SELECT 'bench-' || g || '-' || d.i, d.title || ' (' || g || ')', 'https://bench.test/' || g || '/' || d.i,
            ARRAY[d.funder], d.description, jsonb_build_array(jsonb_build_object('date', date '2027-01-01' + g % 300)),
            date '2027-01-01' + g % 300, ARRAY['FR'], 'open', md5(d.title || g || d.description), now(), now(), now()
     FROM generate_series(0, $2::int) g
     CROSS JOIN json_to_recordset($1::json) AS d(i int, title text, description text, funder text)
     ORDER BY g, d.i
     LIMIT $3`,
    [JSON.stringify(rows), Math.ceil(count / rows.length), count],
  );
  await dataSource.destroy();
}

async function boot(url: string): Promise<{ app: INestApplication; base: string }> {
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: url,
    LOG_LEVEL: 'silent',
  });
  const app = configureApp(
    await NestFactory.create(ApiModule.forRoot(config, url), { logger: false }),
  );
  await app.listen(0, '127.0.0.1');
  return { app, base: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** p50 and p95 of `runs` requests, after `warm` unmeasured ones. */
async function measure(
  work: () => Promise<Response>,
  runs: number,
  warm = 3,
): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < warm + runs; i++) {
    const start = performance.now();
    const response = await work();
    await response.text();
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    if (i >= warm) times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** p50 and p95 of every response during `seconds` at `connections` concurrent connections. */
async function underLoad(
  url: string,
  headers: Record<string, string>,
  connections: number,
  seconds: number,
): Promise<{ p50: number; p95: number; rate: number; errors: number; timeouts: number }> {
  const times: number[] = [];
  let errors = 0;
  const result = await autocannon({
    url,
    headers,
    connections,
    duration: seconds,
    setupClient: (client) =>
      client.on('response', (status: number, _bytes: number, time: number) => {
        if (status >= 400) errors++;
        times.push(time);
      }),
  });
  times.sort((a, b) => a - b);
  return {
    p50: times.length ? percentile(times, 50) : NaN,
    p95: times.length ? percentile(times, 95) : NaN,
    rate: result.requests.average,
    errors,
    // autocannon gives up on a request after 10 s: those are in no percentile.
    timeouts: result.timeouts,
  };
}

async function main(): Promise<void> {
  const count = arg('calls', 20_000);
  const marks = arg('marks', 50);
  const runs = arg('runs', 40);
  // --database NAME: reuse a database a previous run kept (filled and scored), and keep it.
  const reused = process.argv.includes('--database')
    ? process.argv[process.argv.indexOf('--database') + 1]
    : null;
  const name = reused ?? `vigie_bench_personal_${randomBytes(4).toString('hex')}`;
  const url = withDatabase(SERVER, name);
  if (!reused) await admin(`CREATE DATABASE ${name}`);
  let app: INestApplication | null = null;
  try {
    let start = performance.now();
    if (!reused) {
      await fillCalls(url, count);
      console.log(`${count} calls stored in ${((performance.now() - start) / 1000).toFixed(1)} s`);
    }
    const booted = await boot(url);
    app = booted.app;
    if (!reused) {
      start = performance.now();
      const scored = await app.get(CallClassificationService).scorePending(1000);
      console.log(`${scored} calls scored in ${((performance.now() - start) / 1000).toFixed(1)} s`);
    }
    // What autovacuum does after a bulk load; without statistics the plans are guesses.
    await app.get(DataSource).query('ANALYZE');
    const organisations = app.get(OrganisationService);
    const plain = await organisations.create({
      name: 'EPN sans marques',
      kind: 'structure',
      territory: ['63'],
    });
    const marking = await organisations.create({
      name: 'EPN du banc d’essai',
      kind: 'structure',
      territory: ['63'],
    });
    const headersOf = (apiKey: string) => ({
      authorization: `Bearer ${apiKey}`,
      'content-type': 'application/json',
    });
    const get = (apiKey: string, query: string) => () =>
      fetch(`${booted.base}/api/calls?${query}`, { headers: headersOf(apiKey) });
    // Marks spread over the ranking: the best calls, and calls further down.
    const listed = (await (
      await get(plain.apiKey, `relevant=all&limit=100&offset=0`)()
    ).json()) as { items: Array<{ id: string }> };
    const deeper = (await (
      await get(plain.apiKey, `relevant=all&limit=100&offset=5000`)()
    ).json()) as { items: Array<{ id: string }> };
    const picked = [...listed.items, ...deeper.items].filter((_, i) => i % 4 === 0).slice(0, marks);
    start = performance.now();
    for (const [i, item] of picked.entries()) {
      const response = await fetch(`${booted.base}/api/calls/${item.id}/feedback`, {
        method: 'POST',
        headers: headersOf(marking.apiKey),
        body: JSON.stringify({ relevant: i % 2 === 0 }),
      });
      if (!response.ok) throw new Error(`mark: HTTP ${response.status}`);
    }
    const markMs = (performance.now() - start) / picked.length;
    console.log(
      `${picked.length} marks posted, ${markMs.toFixed(0)} ms each (the marked call moves at once)`,
    );
    start = performance.now();
    const pass = await app.get(OrganisationScoreService).refreshStale();
    const [{ rows }] = await app
      .get(DataSource)
      .query(
        `SELECT count(*)::int AS rows FROM organisation_call_score WHERE organisation_id = $1`,
        [marking.organisation.id],
      );
    console.log(
      `worker pass: organisation figures in ${((performance.now() - start) / 1000).toFixed(1)} s ` +
        `(${pass.changedCallIds.length} calls moved; ${rows} stored rows for ${marks} marks)`,
    );
    console.log('');
    console.log(
      `${'GET /api/calls?…'.padEnd(44)} ${'no marks p50/p95'.padStart(18)} ${`${marks} marks p50/p95`.padStart(18)}  ratio p95`,
    );
    // --list 0: skip this table (to measure only the watch routes and the load).
    for (const query of arg('list', 1) === 0
      ? []
      : [
          'relevant=true&limit=20',
          'relevant=all&limit=20',
          'relevant=true&limit=20&offset=200',
          'relevant=true&limit=20&sort=deadline',
          'relevant=true&limit=20&territory=63',
          'relevant=true&limit=20&q=numérique',
        ]) {
      const without = await measure(get(plain.apiKey, query), runs);
      const withMarks = await measure(get(marking.apiKey, query), runs);
      const cell = (m: { p50: number; p95: number }) =>
        `${m.p50.toFixed(0)} / ${m.p95.toFixed(0)} ms`.padStart(18);
      console.log(
        `${query.padEnd(44)} ${cell(without)} ${cell(withMarks)}  ${(withMarks.p95 / without.p95).toFixed(2)}×`,
      );
    }
    // The watch routes, seeded like bench:national: a profile of the organisation without
    // marks with --matches matched calls (some set aside), and a feed token.
    const matches = arg('matches', 300);
    const db = app.get(DataSource);
    const [profile]: Array<{ id: string }> = await db.query(
      `INSERT INTO watch_profile (organisation_id, name, themes, territories, min_score)
       VALUES ($1, 'Veille du banc d’essai', ARRAY['mediation_numerique'], ARRAY['63'], 0.3)
       RETURNING id`,
      [plain.organisation.id],
    );
    await db.query(
      `INSERT INTO watch_match (profile_id, organisation_id, call_id, score, reasons, matched_at)
       SELECT $1, $2, id, 0.6, '["thème"]'::jsonb, now() - (row_number() OVER ()) * interval '1 minute'
         FROM (SELECT id FROM call ORDER BY id LIMIT $3) c`,
      [profile.id, plain.organisation.id, matches],
    );
    await db.query(
      `INSERT INTO organisation_call_state (organisation_id, call_id, status)
       SELECT organisation_id, call_id, 'dismissed' FROM watch_match
        WHERE profile_id = $1 ORDER BY call_id LIMIT 10`,
      [profile.id],
    );
    await db.query('ANALYZE watch_match');
    const { token } = await app.get(FeedTokenService).issue(plain.organisation.id, profile.id);
    const routes: Array<{ label: string; path: string; headers: Record<string, string> }> = [
      { label: 'GET /api/calls', path: '/api/calls', headers: headersOf(plain.apiKey) },
      {
        label: 'GET /api/calls (50 marks)',
        path: '/api/calls',
        headers: headersOf(marking.apiKey),
      },
      {
        label: `GET /api/watches/:id/matches (${matches})`,
        path: `/api/watches/${profile.id}/matches`,
        headers: headersOf(plain.apiKey),
      },
      { label: 'GET /feeds/:token.rss', path: `/feeds/${token}.rss`, headers: {} },
      { label: 'GET /health', path: '/health', headers: {} },
    ];
    console.log('');
    for (const route of routes.slice(2, 4)) {
      const m = await measure(
        () => fetch(`${booted.base}${route.path}`, { headers: route.headers }),
        runs,
      );
      console.log(
        `${route.label.padEnd(44)} ${`${m.p50.toFixed(0)} / ${m.p95.toFixed(0)} ms`.padStart(18)}`,
      );
    }
    const connections = arg('connections', 0);
    if (connections > 0) {
      const seconds = arg('seconds', 10);
      const server = await startApiProcess(url);
      try {
        console.log('');
        console.log(
          `${connections} connections, ${seconds} s each (autocannon, API in its own process):`,
        );
        for (const route of routes) {
          // The previous route's requests still queued in the API (autocannon stops sending,
          // the API still runs what it accepted) would load this one: wait until they are done.
          for (let waited = 0, idle = 0; waited < 120 && idle < 2; waited++) {
            const [{ busy }] = await db.query(
              `SELECT count(*)::int AS busy FROM pg_stat_activity
                WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`,
            );
            idle = busy === 0 ? idle + 1 : 0;
            await new Promise((done) => setTimeout(done, 500));
          }
          const load = await underLoad(
            `${server.base}${route.path}`,
            route.headers,
            connections,
            seconds,
          );
          console.log(
            `${route.label.padEnd(44)} p50 ${load.p50.toFixed(0)} ms, p95 ${load.p95.toFixed(0)} ms, ` +
              `${load.rate.toFixed(0)} req/s${load.errors ? `, ${load.errors} errors` : ''}${load.timeouts ? `, ${load.timeouts} timeouts (10 s)` : ''} (load ${loadavg()[0].toFixed(1)})`,
          );
        }
      } finally {
        server.child.kill('SIGTERM');
      }
    }
  } finally {
    if (app) await app.close();
    if (!reused && !process.argv.includes('--keep')) {
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
