import { CallClassificationService, Classifier } from '@app/classifier';
import { CallEligibilityService, loadEligibilityVocabulary } from '@app/eligibility';
import {
  Call,
  CallClassification,
  CallEligibility,
  CallSource,
  Organisation,
} from '@app/persistence';
import { createTestDatabase, TestDatabase } from '@app/testing';
import { createCall } from '../../../../test/factories/call.factory';
import { SCORING_LOCK } from './classification.constants';
import { ClassificationCron } from './classification.cron';

describe(ClassificationCron.name, () => {
  let database: TestDatabase;
  let cron: ClassificationCron;
  let eligibility: CallEligibilityService;

  beforeAll(async () => {
    database = await createTestDatabase();
    const ds = database.dataSource;
    const service = new CallClassificationService(
      await Classifier.load(),
      ds.getRepository(Call),
      ds.getRepository(CallClassification),
    );
    eligibility = new CallEligibilityService(
      loadEligibilityVocabulary(),
      ds.getRepository(Call),
      ds.getRepository(CallSource),
      ds.getRepository(CallEligibility),
      ds.getRepository(Organisation),
    );
    cron = new ClassificationCron(service, eligibility, ds);
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

  it('reads who may apply to each call in the same pass, with the words', async () => {
    const call = await createCall(database.dataSource, {
      title: 'Chèque numérique',
      descriptionText: 'Ce dispositif est réservé aux TPE et PME de la région.',
    });
    await cron.tick();
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
