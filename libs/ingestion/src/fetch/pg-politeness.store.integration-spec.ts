import { connectDataSource } from '@app/persistence';
import { createTestDatabase, TestDatabase } from '@app/testing';
import { DataSource } from 'typeorm';
import { LocalHttpServer } from './local-http-server.testing';
import { PgPolitenessStore } from './pg-politeness.store';
import { PoliteFetcher } from './polite-fetcher';

const DELAY_MS = 150;
/** The longest pause of this process's event loop the timing checks forgive. */
const STALL_ALLOWANCE_MS = 400;

/** Gaps between consecutive arrivals at the server, in ms, in arrival order. */
function gaps(server: LocalHttpServer, path?: string): number[] {
  const times = server.requests
    .filter((request) => !path || request.path.split('?')[0] === path)
    .map((request) => request.startedAt)
    .sort((a, b) => a - b);
  return times.slice(1).map((time, index) => time - times[index]);
}

/**
 * Requests a delay apart. Arrival times are read by this process's event loop, which a loaded
 * machine stalls now and then, handing it two requests at once: so rather than every gap, the
 * span of the whole series (n requests span (n - 1) delays, less one stall) and most gaps.
 * Without the shared turn three fetchers send at once: a third of the span, gaps near 0 ms.
 */
function expectSpaced(server: LocalHttpServer): void {
  const all = gaps(server);
  const span = all.reduce((total, gap) => total + gap, 0);
  expect(span).toBeGreaterThanOrEqual(all.length * DELAY_MS - STALL_ALLOWANCE_MS);
  expect(all.filter((gap) => gap >= DELAY_MS).length / all.length).toBeGreaterThanOrEqual(0.8);
}

describe(PgPolitenessStore.name, () => {
  let database: TestDatabase;
  let server: LocalHttpServer;
  /** One DataSource per simulated worker: separate pools, as separate processes have. */
  const workers: Array<{ dataSource: DataSource; fetcher: PoliteFetcher }> = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await LocalHttpServer.start();
    let retryAfterSent = false;
    server
      .route('/robots.txt', (_request, response) =>
        response.end('User-agent: *\nDisallow: /prive\n'),
      )
      .route('/page', (_request, response) => response.end('ok'))
      .route('/busy', (_request, response) => {
        if (!retryAfterSent) {
          retryAfterSent = true;
          response.writeHead(503, { 'retry-after': '1' });
          return response.end();
        }
        response.end('ok');
      });
    for (let index = 0; index < 3; index++) {
      const dataSource = await connectDataSource(database.url);
      const fetcher = new PoliteFetcher(
        { contact: 'tests@vigie.invalid', minDelayMs: DELAY_MS, allowHosts: ['127.0.0.1'] },
        new PgPolitenessStore(dataSource),
      );
      workers.push({ dataSource, fetcher });
    }
  });

  afterAll(async () => {
    for (const worker of workers) {
      await worker.fetcher.close();
      await worker.dataSource.destroy();
    }
    await server?.close();
    await database.drop();
  });

  it('three workers, four requests each at once: no two reach the host closer than the delay, robots.txt read once', async () => {
    await Promise.all(
      workers.flatMap(({ fetcher }, index) =>
        [0, 1, 2, 3].map((n) => fetcher.fetch({ url: server.url(`/page?w=${index}&n=${n}`) })),
      ),
    );
    expect(server.hits('/page')).toHaveLength(12);
    expectSpaced(server);
    expect(server.hits('/robots.txt')).toHaveLength(1);
    // The rules read by one worker bind the others.
    await expect(workers[2].fetcher.fetch({ url: server.url('/prive/x') })).rejects.toThrow(
      /robots.txt disallows/,
    );
  });

  it("a host's Retry-After holds every worker back, not only the one it answered", async () => {
    server.requests.length = 0;
    const first = workers[0].fetcher.fetch({ url: server.url('/busy') });
    // Let worker 0 get its 503 before the others ask.
    const deadline = Date.now() + 5_000;
    while (server.hits('/busy').length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    const others = [
      workers[1].fetcher.fetch({ url: server.url('/page?after=1') }),
      workers[2].fetcher.fetch({ url: server.url('/page?after=2') }),
    ];
    await Promise.all([first, ...others]);
    const busyAt = server.hits('/busy')[0].startedAt;
    for (const request of server.hits('/page')) {
      expect(request.startedAt - busyAt).toBeGreaterThanOrEqual(1_000);
    }
    expectSpaced(server);
  });
});
