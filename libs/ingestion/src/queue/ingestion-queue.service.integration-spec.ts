import { BackgroundJobService, JobName, Source } from '@app/persistence';
import { createTestDatabase, TestDatabase } from '@app/testing';
import { IngestionException, IngestionExceptionCode } from '../source/ingestion.exception';
import { IngestionQueueService } from './ingestion-queue.service';

/** Crawl jobs over the process's one BackgroundJobService (issue 16, item 1). */
describe(IngestionQueueService.name, () => {
  let database: TestDatabase;
  let producers: BackgroundJobService[];
  let queues: IngestionQueueService[];
  const jobsOf = async (sourceId: string): Promise<Array<{ trigger: string; win: string }>> =>
    database.dataSource.query(
      `SELECT data->>'trigger' AS trigger, data->>'window' AS win FROM pgboss.job
        WHERE name = $1 AND data->>'sourceId' = $2 ORDER BY created_on`,
      [JobName.INGESTION_RUN_SOURCE, sourceId],
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    // Two api or worker processes, each with its own pg-boss, enqueueing the same work.
    producers = [0, 1].map(() => new BackgroundJobService(database.url, 'producer'));
    queues = producers.map((jobs) => new IngestionQueueService(jobs, database.dataSource));
  });
  afterAll(async () => {
    await Promise.all(producers.map((jobs) => jobs.onApplicationShutdown()));
    await database.drop();
  });

  it('enqueues a due window once, whichever process asks, and a manual run once a minute', async () => {
    await database.dataSource.getRepository(Source).insert({
      id: 'src-queue',
      name: 'Source de la file',
      kind: 'rss',
      url: 'https://aides.example.org/flux.xml',
      funder: 'Région de test',
      schedule: '0 6 * * *',
      definition: {},
      lastRunAt: new Date('2027-01-10T05:30:00Z'),
    });
    const now = new Date('2027-01-11T08:00:00Z');
    expect(await queues[0].enqueueDue(now)).toEqual([
      { sourceId: 'src-queue', trigger: 'schedule', window: '2027-01-11T05:00:00.000Z' },
    ]);
    expect(await queues[1].enqueueDue(now)).toEqual([]);

    expect(await queues[0].enqueueNow('src-queue')).toEqual(expect.any(String));
    expect(await queues[1].enqueueNow('src-queue')).toBeNull();
    expect(await queues[0].enqueueRecovery('src-queue', 'run-1')).toEqual(expect.any(String));
    expect(await queues[1].enqueueRecovery('src-queue', 'run-1')).toBeNull();

    expect(await jobsOf('src-queue')).toEqual([
      { trigger: 'schedule', win: '2027-01-11T05:00:00.000Z' },
      { trigger: 'api', win: null },
      { trigger: 'recovery', win: null },
    ]);
  });

  it('reports a queue it cannot reach as QUEUE_UNAVAILABLE, a 503 for the api', async () => {
    const unreachable = new BackgroundJobService(
      'postgres://postgres@127.0.0.1:1/none',
      'producer',
    );
    const queue = new IngestionQueueService(unreachable, database.dataSource);
    const error = await queue.enqueueNow('src-queue').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IngestionException);
    expect(error).toMatchObject({
      code: IngestionExceptionCode.QUEUE_UNAVAILABLE,
      httpStatus: 503,
    });
  });
});
