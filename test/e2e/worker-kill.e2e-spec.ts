import {
  buildDist,
  createTestDatabase,
  repoRoot,
  runVigie,
  startProcess,
  stopProcess,
  TEST_TODAY,
  type TestDatabase,
} from '@app/testing';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { startFixtureServer, type FixtureServer } from '../fixture-server';

const WORKER = join(repoRoot, 'dist', 'apps', 'worker', 'src', 'main.js');
const SOURCE = 'demo-grand-est-html';
const START_TIMEOUT_MS = 120_000;

async function waitFor<T>(check: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Issue 16, faults: a worker killed with kill -9 in the middle of a crawl, another one running. */
describe('a worker killed in the middle of a crawl', () => {
  let database: TestDatabase;
  let server: FixtureServer;
  let folder: string;
  const query = <T>(sql: string, params: unknown[] = []): Promise<T[]> =>
    database.dataSource.query(sql, params);

  beforeAll(async () => {
    buildDist();
    database = await createTestDatabase();
    server = await startFixtureServer({ today: TEST_TODAY });
    folder = mkdtempSync(join(tmpdir(), 'vigie-worker-kill-'));
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  it(
    'has its run re-run by the other worker: no call lost, none twice',
    async () => {
      const env = {
        DATABASE_URL: database.url,
        VIGIE_HOME: join(folder, 'home'),
        FIXTURE_BASE_URL: server.baseUrl,
        CRAWLER_ALLOW_HOSTS: '127.0.0.1',
        // Slow, so the kill lands in the middle of the listing and detail pages.
        CRAWLER_MIN_DELAY_MS: '300',
        INGESTION_TICK_SECONDS: '1',
        LOG_LEVEL: 'warn',
      };
      const workers = await Promise.all(
        [1, 2].map(() => startProcess([WORKER], env, /Vigie worker running/, START_TIMEOUT_MS)),
      );
      try {
        // The source arrives once both workers run: either may take its job.
        const demo = parse(readFileSync(join(repoRoot, 'config', 'sources.demo.yaml'), 'utf8')) as {
          sources: Array<Record<string, unknown>>;
        };
        const file = join(folder, 'grand-est.yaml');
        writeFileSync(
          file,
          stringify({
            sources: demo.sources
              .filter((source) => source.id === SOURCE)
              .map((source) => ({ ...source, schedule: '*/2 * * * * *' })),
          }),
        );
        expect((await runVigie(['sources:import', file], env)).code).toBe(0);
        // Which worker crawls: the one whose connection holds the source's advisory lock.
        const holder = await waitFor(async () => {
          const rows = await query<{ application_name: string }>(
            `SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.classid = 7300 AND l.granted`,
          );
          const [{ n }] = await query<{ n: number }>(
            `SELECT count(*)::int AS n FROM call_source WHERE source_id = $1`,
            [SOURCE],
          );
          return rows.length && n > 0 ? Number(rows[0].application_name.split(':')[1]) : null;
        }, 60_000);
        const victim = workers.find((worker) => worker.child.pid === holder);
        expect(victim).toBeDefined();
        await stopProcess(victim!.child, 'SIGKILL');
        const [interrupted] = await query<{ id: string; started_at: Date }>(
          `SELECT id, started_at FROM source_run WHERE source_id = $1 AND status = 'running'`,
          [SOURCE],
        );
        expect(interrupted).toBeDefined();

        // The survivor sees the lock free and re-runs it, without waiting for the job's expiry.
        await waitFor(async () => {
          const [{ n }] = await query<{ n: number }>(
            `SELECT count(*)::int AS n FROM source_run
            WHERE source_id = $1 AND status = 'succeeded' AND started_at > $2`,
            [SOURCE, interrupted.started_at],
          );
          return n > 0 ? n : null;
        }, 90_000);
        const [closed] = await query<{ status: string; errors: Array<{ code: string }> }>(
          `SELECT status, errors FROM source_run WHERE id = $1`,
          [interrupted.id],
        );
        expect(closed.status).toBe('failed');
        expect(closed.errors.map((error) => error.code)).toContain('INTERRUPTED');
        const titles = (
          await query<{ title: string }>(
            `SELECT c.title FROM call c JOIN call_source cs ON cs.call_id = c.id WHERE cs.source_id = $1`,
            [SOURCE],
          )
        ).map((row) => row.title);
        expect(titles.sort()).toEqual(
          server
            .calls('html')
            .map((call) => call.title)
            .sort(),
        );
        const [{ n: twice }] = await query<{ n: number }>(
          `SELECT count(*)::int AS n FROM (SELECT external_id FROM call_source
          WHERE source_id = $1 GROUP BY external_id HAVING count(*) > 1) d`,
          [SOURCE],
        );
        expect(twice).toBe(0);
      } finally {
        // A child killed by a signal has no exit code: stop only the ones still running.
        await Promise.all(
          workers
            .filter((worker) => worker.child.exitCode === null && worker.child.signalCode === null)
            .map((worker) => stopProcess(worker.child, 'SIGTERM')),
        );
      }
    },
    4 * START_TIMEOUT_MS,
  );
});
