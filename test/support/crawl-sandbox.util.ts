import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { startFixtureServer, type FixtureServer } from '../fixture-server';
import { buildDist } from './process.util';
import { repoRoot } from './shared-data';
import { createTestDatabase, type TestDatabase } from './test-database';

/** The demo's sources, served by the fixture server at FIXTURE_BASE_URL. */
export const DEMO_SOURCES = join(repoRoot, 'config', 'sources.demo.yaml');

/**
 * The environment that points CLI, worker and API processes at a database, a home folder and
 * the fixture feeds (the only host they may crawl, without delay unless `more` says otherwise).
 */
export function crawlEnv(
  databaseUrl: string,
  folder: string,
  fixtureBaseUrl: string,
  more: NodeJS.ProcessEnv = {},
): NodeJS.ProcessEnv {
  return {
    DATABASE_URL: databaseUrl,
    VIGIE_HOME: join(folder, 'home'),
    FIXTURE_BASE_URL: fixtureBaseUrl,
    CRAWLER_ALLOW_HOSTS: '127.0.0.1',
    CRAWLER_MIN_DELAY_MS: '0',
    LOG_LEVEL: 'warn',
    ...more,
  };
}

/** What a test of the real processes crawls against; its fields are set once beforeAll ran. */
export interface CrawlSandbox {
  database: TestDatabase;
  server: FixtureServer;
  /** A scratch folder of the test's own (sources files, VIGIE_HOME). */
  folder: string;
  env: NodeJS.ProcessEnv;
}

/**
 * Registers the set-up and tear-down of a process test: dist/ built, a database of its own,
 * the fixture server, a scratch folder named `<prefix>…`, and the env pointing at them.
 */
export function useCrawlSandbox(
  prefix: string,
  options: { today?: string; env?: NodeJS.ProcessEnv } = {},
): CrawlSandbox {
  const sandbox = {} as CrawlSandbox;
  beforeAll(async () => {
    buildDist();
    sandbox.database = await createTestDatabase();
    sandbox.server = await startFixtureServer(
      options.today === undefined ? {} : { today: options.today },
    );
    sandbox.folder = mkdtempSync(join(tmpdir(), prefix));
    sandbox.env = crawlEnv(
      sandbox.database.url,
      sandbox.folder,
      sandbox.server.baseUrl,
      options.env,
    );
  });
  afterAll(async () => {
    await sandbox.server?.close();
    await sandbox.database?.drop();
    if (sandbox.folder) rmSync(sandbox.folder, { recursive: true, force: true });
  });
  return sandbox;
}

/** Writes a sources file of some demo sources, each due every two seconds (a worker's tick). */
export function writeDemoSources(file: string, ids: readonly string[]): void {
  const demo = parse(readFileSync(DEMO_SOURCES, 'utf8')) as {
    sources: Array<Record<string, unknown>>;
  };
  writeFileSync(
    file,
    stringify({
      sources: demo.sources
        .filter((source) => ids.includes(source.id as string))
        .map((source) => ({ ...source, schedule: '*/2 * * * * *' })),
    }),
  );
}
