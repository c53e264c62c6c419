// node scripts/build.mjs && node dist/scripts/bench-personal-score.js [--calls 20000] [--marks 5]
//
// GET /api/calls for an organisation right after it marks a call, on real PostgreSQL
// (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test): a database of its own,
// created, filled with the dev set repeated, scored, then dropped. The API runs in-process and
// is asked over HTTP on loopback, as a browser would.
import 'reflect-metadata';
import { CallClassificationService } from '@app/classifier';
import { loadConfig } from '@app/config';
import { connectDataSource, runMigrations } from '@app/persistence';
import { OrganisationService } from '@app/tenancy';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { ApiModule } from '../apps/api/src/api.module';
import { configureApp } from '../apps/api/src/http/configure-app';

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

async function timed(label: string, work: () => Promise<Response>): Promise<number> {
  const start = performance.now();
  const response = await work();
  await response.text();
  const ms = performance.now() - start;
  if (!response.ok) throw new Error(`${label}: HTTP ${response.status}`);
  console.log(`${label.padEnd(58)} ${ms.toFixed(0).padStart(6)} ms`);
  return ms;
}

async function main(): Promise<void> {
  const count = arg('calls', 20_000);
  const marks = arg('marks', 5);
  const name = `vigie_bench_personal_${randomBytes(4).toString('hex')}`;
  const url = withDatabase(SERVER, name);
  await admin(`CREATE DATABASE ${name}`);
  let app: INestApplication | null = null;
  try {
    let start = performance.now();
    await fillCalls(url, count);
    console.log(`${count} calls stored in ${((performance.now() - start) / 1000).toFixed(1)} s`);
    let booted = await boot(url);
    app = booted.app;
    start = performance.now();
    const scored = await app.get(CallClassificationService).scorePending(1000);
    console.log(`${scored} calls scored in ${((performance.now() - start) / 1000).toFixed(1)} s`);
    const { apiKey } = await app.get(OrganisationService).create({
      name: 'EPN du banc d’essai',
      kind: 'structure',
      territory: ['63'],
    });
    const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
    const list = (base: string) => () =>
      fetch(`${base}/api/calls?relevant=all&limit=20`, { headers });
    const ids = (
      (await (await list(booted.base)()).json()) as { items: Array<{ id: string }> }
    ).items.map((i) => i.id);
    const mark = (base: string, id: string, relevant: boolean) =>
      fetch(`${base}/api/calls/${id}/feedback`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ relevant }),
      });
    await timed('GET /api/calls, no marks (first request)', list(booted.base));
    await timed('GET /api/calls, no marks, again', list(booted.base));
    for (let i = 0; i < marks - 1; i++) await mark(booted.base, ids[i], i % 2 === 0);
    await timed(`first GET after ${marks - 1} marks (cold process caches)`, list(booted.base));
    await timed('same GET again (cached personal scores)', list(booted.base));
    await mark(booted.base, ids[marks - 1], true);
    await timed(`first GET after mark n° ${marks} (warm process)`, list(booted.base));
    await timed('same GET again (cached personal scores)', list(booted.base));

    await app.close();
    booted = await boot(url);
    app = booted.app;
    await mark(booted.base, ids[marks], false);
    await timed('restarted API: first GET after a mark (terms read from db)', list(booted.base));

    // The old path: every candidate re-classified from its text (what the API did before).
    await app.close();
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query('UPDATE call_classification SET feedback_terms = NULL');
    await client.end();
    booted = await boot(url);
    app = booted.app;
    await mark(booted.base, ids[marks + 1], true);
    await timed('restarted API, no stored terms: re-classify from text', list(booted.base));
  } finally {
    if (app) await app.close();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
