import { createTestDatabase, TestDatabase } from '@app/testing';
import { BackgroundJobService } from './background-job.service';
import { JobName } from './job-name.constants';

interface JobRow {
  id: string;
  retry_limit: number;
  retry_delay: number;
  retry_backoff: boolean;
  expire_seconds: number;
  singleton_key: string | null;
}

/** The options the domain queues rely on, as pg-boss stores them (issue 16, item 1). */
describe(BackgroundJobService.name, () => {
  let database: TestDatabase;
  let jobs: BackgroundJobService;
  const stored = (queue: string): Promise<JobRow[]> =>
    database.dataSource.query(
      `SELECT id, retry_limit, retry_delay, retry_backoff, singleton_key,
              extract(epoch FROM expire_in)::int AS expire_seconds
         FROM pgboss.job WHERE name = $1 ORDER BY created_on, id`,
      [queue],
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    jobs = new BackgroundJobService(database.url, 'worker');
  });
  afterAll(async () => {
    await jobs.onApplicationShutdown();
    await database.drop();
  });

  it('keeps one job per explicit id, whoever enqueues it again', async () => {
    const id = '2f1c6a3e-8d4b-5c7a-9e0f-1a2b3c4d5e6f';
    expect(await jobs.enqueue(JobName.INGESTION_RUN_SOURCE, { n: 1 }, { id })).toBe(id);
    expect(await jobs.enqueue(JobName.INGESTION_RUN_SOURCE, { n: 2 }, { id })).toBeNull();
    // The queue's own expiry (a crawl may be long), retried once by default.
    expect(await stored(JobName.INGESTION_RUN_SOURCE)).toEqual([
      expect.objectContaining({ id, retry_limit: 1, expire_seconds: 30 * 60 }),
    ]);
  });

  it('keeps one job per slot and key, and retries none when asked', async () => {
    const queue = 'test-slot';
    const options = { slotSeconds: 60, key: 'source-a', retryLimit: 0 };
    expect(await jobs.enqueue(queue, {}, options)).toEqual(expect.any(String));
    expect(await jobs.enqueue(queue, {}, options)).toBeNull();
    expect(await jobs.enqueue(queue, {}, { ...options, key: 'source-b' })).toEqual(
      expect.any(String),
    );
    expect((await stored(queue)).map((job) => [job.singleton_key, job.retry_limit])).toEqual([
      ['source-a', 0],
      ['source-b', 0],
    ]);
  });

  it("creates the watch fan-outs' queues with the short policy: one job waits at most", async () => {
    expect(await jobs.enqueue(JobName.WATCH_MATCH_CHANGES)).toEqual(expect.any(String));
    expect(await jobs.enqueue(JobName.WATCH_MATCH_CHANGES)).toBeNull();
    expect(await jobs.enqueue(JobName.WATCH_MATCH_CALLS)).toEqual(expect.any(String));
    expect(await jobs.enqueue(JobName.WATCH_MATCH_CALLS)).toEqual(expect.any(String));
  });

  it('inserts a fan-out in one call, with its retry delay, backoff and lease', async () => {
    await jobs.enqueueMany(JobName.WATCH_DIGEST_BATCH, [{ a: 1 }, { a: 2 }, { a: 3 }], {
      retryLimit: 5,
      retryDelaySeconds: 1,
      retryBackoff: true,
      expireInSeconds: 90,
    });
    expect(await stored(JobName.WATCH_DIGEST_BATCH)).toEqual(
      Array.from({ length: 3 }, () =>
        expect.objectContaining({
          retry_limit: 5,
          retry_delay: 1,
          retry_backoff: true,
          expire_seconds: 90,
        }),
      ),
    );
  });

  it('runs the one handler of a queue on each job, and a producer refuses to run any', async () => {
    const seen: number[] = [];
    await jobs.work<{ n: number }>(
      'test-work',
      async (data) => {
        seen.push(data.n);
      },
      { pollingIntervalSeconds: 0.5 },
    );
    await jobs.enqueueMany('test-work', [{ n: 1 }, { n: 2 }]);
    const deadline = Date.now() + 20_000;
    while (seen.length < 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(seen.sort()).toEqual([1, 2]);
    await expect(jobs.work('test-work', async () => undefined)).rejects.toThrow(
      /already has its handler/,
    );

    const producer = new BackgroundJobService(database.url, 'producer');
    await expect(producer.work('test-work', async () => undefined)).rejects.toThrow(
      /Only a worker runs jobs/,
    );
    // It refused before connecting: nothing to stop; once stopped, it opens nothing again.
    await producer.onApplicationShutdown();
    await expect(producer.enqueue('test-work')).rejects.toThrow(/stopping/);
  }, 30_000);

  it('creates every queue once when processes start at once on an empty database', async () => {
    // Five processes (two api, three workers) each creating every queue, in different orders:
    // unserialised, pg-boss's create_queue deadlocks here (each holds the row lock the other's
    // foreign key needs) and a process exits.
    const empty = await createTestDatabase();
    const processes = Array.from(
      { length: 5 },
      (_, index) => new BackgroundJobService(empty.url, index < 2 ? 'producer' : 'worker'),
    );
    const names = Object.values(JobName);
    try {
      const outcomes = await Promise.allSettled(
        processes.flatMap((service, index) =>
          [...names.slice(index % names.length), ...names.slice(0, index % names.length)].map(
            (name) => service.enqueue(name, { from: index }),
          ),
        ),
      );
      expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
      const queues: Array<{ name: string; n: number }> = await empty.dataSource.query(
        `SELECT name, count(*)::int AS n FROM pgboss.queue GROUP BY name ORDER BY name`,
      );
      expect(queues).toEqual([...names].sort().map((name) => ({ name, n: 1 })));
    } finally {
      await Promise.all(processes.map((service) => service.onApplicationShutdown()));
      await empty.drop();
    }
  }, 60_000);
});
