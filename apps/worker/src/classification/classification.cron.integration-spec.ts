import { CallClassificationService, Classifier } from '@app/classifier';
import { Call, CallClassification } from '@app/persistence';
import { createTestDatabase, TestDatabase } from '@app/testing';
import { createCall } from '../../../../test/factories/call.factory';
import { SCORING_LOCK } from './classification.constants';
import { ClassificationCron } from './classification.cron';

describe(ClassificationCron.name, () => {
  let database: TestDatabase;
  let cron: ClassificationCron;

  beforeAll(async () => {
    database = await createTestDatabase();
    const ds = database.dataSource;
    const service = new CallClassificationService(
      await Classifier.load(),
      ds.getRepository(Call),
      ds.getRepository(CallClassification),
    );
    cron = new ClassificationCron(service, ds);
  });
  afterAll(() => database.drop());

  it('scores what is pending on each tick, and nothing twice', async () => {
    await createCall(database.dataSource, { title: 'Médiation numérique' });
    await createCall(database.dataSource, { title: 'Voirie' });
    expect(await cron.tick()).toBe(2);
    expect(await cron.tick()).toBe(0);
    await createCall(database.dataSource, { title: 'Tiers-lieux' });
    expect(await cron.tick()).toBe(1);
  });

  it('skips the tick while another worker holds the scoring lock', async () => {
    await createCall(database.dataSource, { title: 'Aidants numériques' });
    const other = database.dataSource.createQueryRunner();
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1)', [SCORING_LOCK]);
      expect(await cron.tick()).toBe(0);
      await other.query('SELECT pg_advisory_unlock($1)', [SCORING_LOCK]);
      expect(await cron.tick()).toBe(1);
    } finally {
      await other.release();
    }
  });
});
