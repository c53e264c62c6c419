import { CallClassificationService, Classifier } from '@app/classifier';
import { CallEligibilityService, loadEligibilityVocabulary } from '@app/eligibility';
import {
  BackgroundJobService,
  BackgroundTaskStatusService,
  Call,
  CallClassification,
  CallEligibility,
  CallSource,
  JobName,
  Organisation,
} from '@app/persistence';
import { createTestDatabase, TestDatabase } from '@app/testing';
import { createCall } from '../../../../test/factories/call.factory';
import { SCORING_LOCK } from './classification.constants';
import { ClassificationConsumer } from './classification.consumer';
import { ClassificationCron } from './classification.cron';

describe('classification job (issue 16, item 1)', () => {
  let database: TestDatabase;
  let consumer: ClassificationConsumer;
  let jobs: BackgroundJobService;
  let eligibility: CallEligibilityService;

  beforeAll(async () => {
    database = await createTestDatabase();
    const ds = database.dataSource;
    const service = new CallClassificationService(
      await Classifier.load(),
      ds.getRepository(Call),
      ds.getRepository(CallClassification),
    );
    jobs = new BackgroundJobService(database.url, 'worker');
    eligibility = new CallEligibilityService(
      loadEligibilityVocabulary(),
      ds.getRepository(Call),
      ds.getRepository(CallSource),
      ds.getRepository(CallEligibility),
      ds.getRepository(Organisation),
    );
    consumer = new ClassificationConsumer(jobs, service, eligibility, ds);
  });

  afterAll(async () => {
    await jobs.onApplicationShutdown();
    await database.drop();
  });

  it('scores what is pending on each pass, and nothing twice', async () => {
    await createCall(database.dataSource, { title: 'Médiation numérique' });
    await createCall(database.dataSource, { title: 'Voirie' });
    expect(await consumer.run()).toBe(2);
    expect(await consumer.run()).toBe(0);
    await createCall(database.dataSource, { title: 'Tiers-lieux' });
    expect(await consumer.run()).toBe(1);
  });

  it('reads who may apply to each call in the same pass, with the words', async () => {
    const call = await createCall(database.dataSource, {
      title: 'Chèque numérique',
      descriptionText: 'Ce dispositif est réservé aux TPE et PME de la région.',
    });
    await consumer.run();
    const stored = await database.dataSource
      .getRepository(CallEligibility)
      .findOneByOrFail({ callId: call.id });
    expect(stored.version).toBe(eligibility.version);
    expect(stored.beneficiaries).toContainEqual({
      category: 'entreprises',
      strength: 'only',
      words: 'réservé aux TPE et PME',
      field: 'description',
    });
  });

  it('skips the pass while another worker holds the scoring lock', async () => {
    await createCall(database.dataSource, { title: 'Aidants numériques' });
    const other = database.dataSource.createQueryRunner();
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1)', [SCORING_LOCK]);
      expect(await consumer.run()).toBe(0);
      await other.query('SELECT pg_advisory_unlock($1)', [SCORING_LOCK]);
      expect(await consumer.run()).toBe(1);
    } finally {
      await other.release();
    }
  });

  it('two workers ticking in one slot give one job; a worker runs it and its run shows in the status', async () => {
    await createCall(database.dataSource, { title: 'Inclusion numérique des seniors' });
    const crons = [new ClassificationCron(jobs), new ClassificationCron(jobs)];
    const ids = [await crons[0].tick(), await crons[1].tick()];
    expect(ids.filter(Boolean)).toHaveLength(1);
    await consumer.onApplicationBootstrap();
    const status = new BackgroundTaskStatusService(database.dataSource);
    const deadline = Date.now() + 20_000;
    let task = (await status.list()).find((row) => row.task === JobName.CLASSIFICATION);
    while (!task?.lastRunAt && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      task = (await status.list()).find((row) => row.task === JobName.CLASSIFICATION);
    }
    expect(task).toMatchObject({ lastOutcome: 'completed', lastError: null, queued: 0 });
    expect(task?.lastDurationMs).toEqual(expect.any(Number));
    const [{ pending }] = await database.dataSource.query(
      `SELECT count(*)::int AS pending FROM call c
        WHERE NOT EXISTS (SELECT 1 FROM call_classification k WHERE k.call_id = c.id)`,
    );
    expect(pending).toBe(0);
  });
});
