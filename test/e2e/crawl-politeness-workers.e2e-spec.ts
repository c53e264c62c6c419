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

const DELAY_MS = 300;
/** Three sources the fixture server publishes on one host (127.0.0.1:port). */
const SOURCES = ['demo-occitanie-ods', 'demo-ile-de-france-json', 'demo-eu-sedia'];
const START_TIMEOUT_MS = 120_000;
/** The longest pause of this process's event loop the timing check forgives. */
const STALL_ALLOWANCE_MS = 1_000;

/** Issue 16, faults: politeness holds across worker processes, not only inside one. */
describe('three workers crawling three sources of one host', () => {
  const sandbox = useCrawlSandbox('vigie-politeness-', { today: TEST_TODAY });

  it(
    'never send that host two requests closer than CRAWLER_MIN_DELAY_MS',
    async () => {
      const file = join(sandbox.folder, 'one-host.yaml');
      writeDemoSources(file, SOURCES);
      const env = {
        ...sandbox.env,
        CRAWLER_MIN_DELAY_MS: String(DELAY_MS),
        INGESTION_TICK_SECONDS: '1',
      };
      expect((await runVigie(['sources:import', file], env)).code).toBe(0);
      const workers = await Promise.all([1, 2, 3].map(() => startWorker(env, START_TIMEOUT_MS)));
      try {
        await waitFor(async () => {
          const [{ n }] = await sandbox.database.dataSource.query(
            `SELECT count(DISTINCT source_id)::int AS n FROM source_run WHERE status = 'succeeded'`,
          );
          return n === SOURCES.length;
        }, 90_000);
      } finally {
        await Promise.all(workers.map((worker) => stopProcess(worker.child, 'SIGTERM')));
      }
      const times = sandbox.server.requests
        .map((request) => request.receivedAt)
        .sort((a, b) => a - b);
      const gaps = times.slice(1).map((time, index) => time - times[index]);
      // Enough requests that three unco-ordinated workers would have collided.
      expect(times.length).toBeGreaterThanOrEqual(6);
      // Arrival times are taken by this (jest) process's event loop: on a loaded machine a stall
      // hands it several requests at once, so one gap can look short although the requests
      // left the workers DELAY_MS apart. What a stall cannot do is compress the whole crawl:
      // n requests a delay apart span at least (n - 1) delays, less one stall's worth. Three
      // unco-ordinated workers would span about a third of that.
      const span = times[times.length - 1] - times[0];
      expect(span).toBeGreaterThanOrEqual((times.length - 1) * DELAY_MS - STALL_ALLOWANCE_MS);
      expect(gaps.filter((gap) => gap >= DELAY_MS).length / gaps.length).toBeGreaterThanOrEqual(
        0.8,
      );
      // And the crawls stored what they read.
      const [{ n: calls }] = await sandbox.database.dataSource.query(
        `SELECT count(*)::int AS n FROM call`,
      );
      expect(calls).toBeGreaterThan(0);
    },
    4 * START_TIMEOUT_MS,
  );
});
