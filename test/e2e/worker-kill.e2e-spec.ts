import {
  runVigie,
  startWorker,
  stopProcess,
  TEST_TODAY,
  useCrawlSandbox,
  waitFor,
  writeDemoSources,
} from '@app/testing';
import { join } from 'node:path';

const SOURCE = 'demo-grand-est-html';
const START_TIMEOUT_MS = 120_000;

/** Issue 16, faults: a worker killed with kill -9 in the middle of a crawl, another one running. */
describe('a worker killed in the middle of a crawl', () => {
  const sandbox = useCrawlSandbox('vigie-worker-kill-', { today: TEST_TODAY });
  const query = <T>(sql: string, params: unknown[] = []): Promise<T[]> =>
    sandbox.database.dataSource.query(sql, params);

  it(
    'has its run re-run by the other worker: no call lost, none twice',
    async () => {
      // Slow, so the kill lands in the middle of the listing and detail pages.
      const env = { ...sandbox.env, CRAWLER_MIN_DELAY_MS: '300', INGESTION_TICK_SECONDS: '1' };
      const workers = await Promise.all([1, 2].map(() => startWorker(env, START_TIMEOUT_MS)));
      try {
        // The source arrives once both workers run: either may take its job.
        const file = join(sandbox.folder, 'grand-est.yaml');
        writeDemoSources(file, [SOURCE]);
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
          sandbox.server
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
