// npm run bench:feeds [-- --profiles 1000 --calls 2000 --stored 100000 --seconds 10 --connections 10
//                        --log-level warn|info]
//
// 1. Matching cost per new call against N compiled profiles, in memory (what the worker does
//    per changed call once profiles are compiled).
// 2. Under load, on real PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test;
//    a database of its own, dropped at the end): `--stored` calls with their classification,
//    `--profiles` profiles with their matches, the API in-process on loopback, autocannon on a
//    feed (RSS, iCal), on a 304 and on /api/watches/:id/matches; then the matching pass with the
//    database, per new call. `--skip-load` runs part 1 only. Each load line also gives the
//    API process's CPU time per request and the load average (the machine is shared).
//    `--log-level info` has the API write its request log lines (to a pipe read here).
import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { connectDataSource, runMigrations } from '@app/persistence';
import { OrganisationService } from '@app/tenancy';
import {
  compileProfile,
  FeedQuery,
  FeedService,
  FeedTokenService,
  matchCall,
  PreparedCall,
  WatchMatchService,
  type MatchableCall,
  type ProfileCriteria,
} from '@app/watch';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import autocannon from 'autocannon';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ApiModule } from '../apps/api/src/api.module';
import { startApiProcess } from './bench-api.util';

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};

const THEMES = [
  'mediation_numerique',
  'inclusion_numerique',
  'fse',
  'tiers_lieux',
  'accessibilite',
];
const PLACES = ['63', '03', '15', '43', 'R84', '75', 'R11', '29', 'FR', '2A'];
const WORDS = ['illectronisme', 'tiers-lieu', 'démarches en ligne', 'aidants', 'fablab', 'voirie'];
const FILLER =
  'accompagnement des publics éloignés du numérique dans les territoires ruraux '.repeat(40);

function profile(i: number): ProfileCriteria {
  return {
    id: `p${i}`,
    organisationId: `o${i}`,
    themes: i % 3 === 0 ? [] : [THEMES[i % THEMES.length]],
    includeKeywords: i % 4 === 0 ? [WORDS[i % WORDS.length]] : [],
    excludeKeywords: ['machinisme agricole', WORDS[(i + 3) % WORDS.length]],
    territories: [PLACES[i % PLACES.length]],
    audiences: i % 5 === 0 ? ['associations'] : [],
    euFunds: [],
    minAmountCents: i % 7 === 0 ? 500_000 : null,
    minScore: i % 2 === 0 ? 0.3 : null,
    deadlineHorizonDays: i % 6 === 0 ? 120 : null,
  };
}

function call(i: number): MatchableCall {
  return {
    id: `c${i}`,
    title: `Appel à projets ${WORDS[i % WORDS.length]} ${i}`,
    descriptionText: `${FILLER} ${WORDS[(i * 7) % WORDS.length]}`,
    funders: ['Région Auvergne-Rhône-Alpes'],
    status: 'open',
    nextDeadline: '2027-03-01',
    rolling: false,
    amountMinCents: null,
    amountMaxCents: 1_000_000 + (i % 10) * 500_000,
    euFund: null,
    audiences: ['associations'],
    territory: [PLACES[(i * 3) % PLACES.length]],
    classification: {
      score: (i % 10) / 10,
      themes: [{ id: THEMES[i % THEMES.length], score: 0.7 }],
      euFund: null,
    },
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

function matchingInMemory(): void {
  const profiles = Array.from({ length: arg('profiles', 1000) }, (_, i) =>
    compileProfile(profile(i)),
  );
  const calls = Array.from({ length: arg('calls', 2000) }, (_, i) => call(i));
  const timings: number[] = [];
  let matched = 0;
  for (const [index, item] of calls.entries()) {
    const start = performance.now();
    const prepared = new PreparedCall(item);
    for (const compiled of profiles) if (matchCall(compiled, prepared, '2026-11-23')) matched++;
    if (index >= 50) timings.push(performance.now() - start); // the first calls warm the JIT
  }
  timings.sort((a, b) => a - b);
  const mean = timings.reduce((sum, value) => sum + value, 0) / timings.length;
  console.log(
    `matching in memory: ${profiles.length} profiles × ${timings.length} calls, ${matched} matches`,
  );
  console.log(
    `per call: mean ${mean.toFixed(3)} ms, p50 ${percentile(timings, 0.5).toFixed(3)} ms, p95 ${percentile(timings, 0.95).toFixed(3)} ms (goal < 5 ms)`,
  );
}

const SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const MATCHES_PER_PROFILE = 300;

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

/** `count` calls numbered from `from` (fingerprint `bench-<n>`), with their classification. */
async function insertCalls(db: DataSource, from: number, count: number): Promise<void> {
  await db.query(
    `INSERT INTO call (fingerprint, title, url, funders, description_text, deadlines,
                       next_deadline, territory, status, content_hash, audiences,
                       amount_max_cents, first_seen_at, last_seen_at, last_changed_at)
     SELECT 'bench-' || n, 'Appel à projets ' || ($3::text[])[1 + n % 6] || ' n° ' || n,
            'https://financeur.test/appels/' || n, ARRAY['Région Auvergne-Rhône-Alpes'],
            repeat('Accompagnement des publics éloignés du numérique dans les territoires ruraux. ', 40)
              || ($3::text[])[1 + (n * 7) % 6],
            jsonb_build_array(jsonb_build_object('date', (date '2026-12-01' + n % 400)::text)),
            date '2026-12-01' + n % 400, ARRAY[($4::text[])[1 + (n * 3) % 10]],
            CASE WHEN n % 10 = 7 THEN 'closed' ELSE 'open' END, md5('bench' || n),
            ARRAY['associations'], 1000000 + (n % 10) * 500000, now(), now(), now()
       FROM generate_series($1::int, $1::int + $2::int - 1) n`,
    [from, count, WORDS, PLACES],
  );
  await db.query(
    `INSERT INTO call_classification (call_id, version, score, relevant, themes, eu_fund,
                                      explanation, content_hash, classified_at)
     SELECT c.id, 'bench', 0.3 + (n % 7) / 10.0, n % 7 >= 2,
            jsonb_build_array(jsonb_build_object('id', ($3::text[])[1 + n % 5], 'score', 0.7)),
            NULL, '[]'::jsonb, c.content_hash, now()
       FROM generate_series($1::int, $1::int + $2::int - 1) n
       JOIN call c ON c.fingerprint = 'bench-' || n`,
    [from, count, THEMES],
  );
}

/** Profiles in organisations of their own, each with its matches already computed. */
async function insertProfiles(db: DataSource, count: number, stored: number): Promise<void> {
  await db.query(
    `WITH orgs AS (
       INSERT INTO organisation (name, kind, territory)
       SELECT 'Structure ' || k, 'structure', ARRAY['63'] FROM generate_series(1, $1::int) k
       RETURNING id, name)
     INSERT INTO watch_profile (organisation_id, name, themes, territories, min_score)
     SELECT id, 'Veille ' || name, ARRAY['mediation_numerique'], ARRAY['63'], 0.3 FROM orgs`,
    [count],
  );
  await insertMatches(db, `SELECT id, organisation_id FROM watch_profile`, stored);
}

async function insertMatches(db: DataSource, profiles: string, stored: number): Promise<void> {
  await db.query(
    `INSERT INTO watch_match (profile_id, organisation_id, call_id, score, reasons, matched_at)
     SELECT p.id, p.organisation_id, c.id, 0.5 + (j % 50) / 100.0,
            '["Thème : médiation numérique", "Territoire : Puy-de-Dôme"]'::jsonb,
            now() - j * interval '1 hour'
       FROM (${profiles}) p
       CROSS JOIN generate_series(0, $1::int - 1) j
       JOIN call c ON c.fingerprint = 'bench-' || ((abs(hashtext(p.id::text)::bigint) + j * 331) % $2::int)
     ON CONFLICT DO NOTHING`,
    [MATCHES_PER_PROFILE, stored],
  );
}

interface Load {
  label: string;
  path: string;
  headers?: Record<string, string>;
  status: number;
  connections?: number;
}

/** user + system CPU time of a process, in ms (Linux: /proc/<pid>/stat, in clock ticks). */
function cpuMs(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function load(base: string, target: Load, api?: ChildProcess): Promise<void> {
  const seconds = arg('seconds', 10);
  const cpuBefore = cpuMs(api?.pid);
  const connections = target.connections ?? arg('connections', 10);
  const times: number[] = [];
  let wrong = 0;
  const result = await autocannon({
    url: `${base}${target.path}`,
    headers: target.headers,
    connections,
    duration: seconds,
    setupClient: (client) =>
      client.on('response', (status: number, _bytes: number, time: number) => {
        if (status !== target.status) wrong++;
        times.push(time);
      }),
  });
  // autocannon's summary has no p95: every response time is kept instead.
  times.sort((x, y) => x - y);
  const ms = (p: number) => percentile(times, p).toFixed(1);
  const cpu = ((cpuMs(api?.pid) - cpuBefore) / result.requests.total).toFixed(3);
  console.log(
    `${target.label.padEnd(34)} ${result.requests.total} req (${Math.round(result.requests.average)}/s) × ${connections} conn: p50 ${ms(0.5)} ms, p95 ${ms(0.95)} ms, p99 ${ms(0.99)} ms, API CPU ${cpu} ms/req, load ${loadavg()[0].toFixed(1)}${wrong ? `, ${wrong} not ${target.status}` : ''}`,
  );
}

const logLevel = () => {
  const index = process.argv.indexOf('--log-level');
  return index > 0 ? process.argv[index + 1] : 'warn';
};

async function timedRequest(url: string, headers: Record<string, string> = {}): Promise<string> {
  const start = performance.now();
  const response = await fetch(url, { headers });
  await response.text();
  return `${response.status} in ${(performance.now() - start).toFixed(1)} ms`;
}

/** The database side alone, one request at a time: what the HTTP figures are made of. */
async function queryCosts(
  app: INestApplication,
  token: string,
  organisationId: string,
  profileId: string,
): Promise<void> {
  const rounds = 200;
  const feeds = app.get(FeedService);
  const query = app.get(FeedQuery);
  const mean = async (work: () => Promise<unknown>): Promise<string> => {
    for (let i = 0; i < 20; i++) await work();
    const start = performance.now();
    for (let i = 0; i < rounds; i++) await work();
    return ((performance.now() - start) / rounds).toFixed(2);
  };
  if (process.argv.includes('--explain')) await explainMatches(app, organisationId, profileId);
  console.log(
    `one at a time, in-process: feed version (the 304 query) ${await mean(() => feeds.version(token, 'rss'))} ms, matches page (50 items) ${await mean(() => query.profileMatches(organisationId, profileId))} ms, feed page (100 items) ${await mean(() => query.profileMatches(organisationId, profileId, { sort: 'recent', limit: 100 }))} ms`,
  );
}

/** `--explain`: the plan of the matches page, by running the real query under EXPLAIN. */
async function explainMatches(
  app: INestApplication,
  organisationId: string,
  profileId: string,
): Promise<void> {
  const dataSource = app.get(DataSource);
  const query = dataSource.query.bind(dataSource);
  let plan: Array<Record<string, string>> = [];
  dataSource.query = (async (sql: string, params?: unknown[]) => {
    plan = await query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    return [];
  }) as typeof dataSource.query;
  try {
    await app.get(FeedQuery).profileMatches(organisationId, profileId);
  } finally {
    dataSource.query = query;
  }
  console.log(plan.map((row) => Object.values(row)[0]).join('\n'));
}

async function underLoad(): Promise<void> {
  const stored = arg('stored', 100_000);
  const profileCount = arg('profiles', 1000);
  const name = `vigie_bench_feeds_${randomBytes(4).toString('hex')}`;
  const url = withDatabase(SERVER, name);
  await admin(`CREATE DATABASE ${name}`);
  let app: INestApplication | null = null;
  let server: { child: ChildProcess; base: string } | null = null;
  try {
    let start = performance.now();
    const db = await connectDataSource(url);
    await runMigrations(db);
    await insertCalls(db, 0, stored);
    await insertProfiles(db, profileCount, stored);
    await db.query('ANALYZE');
    await db.destroy();
    console.log(
      `\n${stored} calls, ${profileCount} profiles × ${MATCHES_PER_PROFILE} matches stored in ${((performance.now() - start) / 1000).toFixed(1)} s`,
    );

    const config = loadConfig({
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: url,
      LOG_LEVEL: 'silent',
    });
    // Setup and the matching pass run here; the load goes to a separate API process, so the
    // load generator and the server do not share one event loop.
    app = await NestFactory.create(ApiModule.forRoot(config, url), { logger: false });
    await app.init();

    const { apiKey, organisation } = await app
      .get(OrganisationService)
      .create({ name: 'EPN du banc d’essai', kind: 'structure', territory: ['63'] });
    const headers = { authorization: `Bearer ${apiKey}` };
    const api = app.get(DataSource);
    const [profile]: Array<{ id: string }> = await api.query(
      `INSERT INTO watch_profile (organisation_id, name, themes, territories, min_score)
       VALUES ($1, 'Veille du banc d’essai', ARRAY['mediation_numerique'], ARRAY['63'], 0.3)
       RETURNING id`,
      [organisation.id],
    );
    await insertMatches(
      api,
      `SELECT id, organisation_id FROM watch_profile WHERE id = '${profile.id}'`,
      stored,
    );
    const { token } = await app.get(FeedTokenService).issue(organisation.id, profile.id);
    await queryCosts(app, token, organisation.id, profile.id);
    server = await startApiProcess(url, { logLevel: logLevel() });
    const base = server.base;
    const etag = (await fetch(`${base}/feeds/${token}.rss`)).headers.get('etag') ?? '';
    console.log(`first RSS render (cold): ${await timedRequest(`${base}/feeds/${token}.rss`)}`);
    console.log(`first iCal render (cold): ${await timedRequest(`${base}/feeds/${token}.ics`)}`);

    const apiProcess = server.child;
    const measure = (target: Load) => load(base, target, apiProcess);
    await measure({ label: 'feed RSS (200)', path: `/feeds/${token}.rss`, status: 200 });
    await measure({ label: 'feed iCal (200)', path: `/feeds/${token}.ics`, status: 200 });
    await measure({
      label: 'feed RSS, If-None-Match (304)',
      path: `/feeds/${token}.rss`,
      headers: { 'if-none-match': etag },
      status: 304,
    });
    await measure({
      label: 'feed RSS (200), 1 connection',
      path: `/feeds/${token}.rss`,
      status: 200,
      connections: 1,
    });
    await measure({
      label: '304, 1 connection',
      path: `/feeds/${token}.rss`,
      headers: { 'if-none-match': etag },
      status: 304,
      connections: 1,
    });
    // A change must end the 304s at once: the fast path's cache hears of it by NOTIFY.
    await api.query(
      `INSERT INTO organisation_call_state (organisation_id, call_id, status)
       SELECT $1, call_id, 'shortlisted' FROM watch_match WHERE profile_id = $2 LIMIT 1
       ON CONFLICT (organisation_id, call_id) DO UPDATE SET status = 'shortlisted', updated_at = now()`,
      [organisation.id, profile.id],
    );
    const revalidation = await timedRequest(`${base}/feeds/${token}.rss`, {
      'if-none-match': etag,
    });
    console.log(`revalidation right after a change: ${revalidation} (must be 200)`);
    await measure({
      label: 'GET /api/watches/:id/matches',
      path: `/api/watches/${profile.id}/matches`,
      headers,
      status: 200,
    });

    // The matching pass with the database: new calls against every profile, written back.
    const fresh = 500;
    await insertCalls(api, stored, fresh);
    const ids: Array<{ id: string }> = await api.query(
      `SELECT id FROM call WHERE fingerprint = ANY($1::text[])`,
      [Array.from({ length: fresh }, (_, i) => `bench-${stored + i}`)],
    );
    const matcher = app.get(WatchMatchService);
    await matcher.compiledProfiles();
    start = performance.now();
    const outcome = await matcher.refresh(ids.map((row) => row.id));
    const elapsed = performance.now() - start;
    console.log(
      `matching pass with the database: ${outcome.calls} new calls × ${profileCount + 1} profiles, ${outcome.upserted} matches written, ${(elapsed / outcome.calls).toFixed(2)} ms per call`,
    );
  } finally {
    server?.child.kill('SIGTERM');
    if (app) await app.close();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

async function main(): Promise<void> {
  matchingInMemory();
  if (!process.argv.includes('--skip-load')) await underLoad();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
