import { Call, CallClassification } from '@app/persistence';
import { createTestDatabase, TestDatabase } from '@app/testing';
import { Repository } from 'typeorm';
import { changeCallText, createCall } from '../../../../test/factories/call.factory';
import { Classifier } from '../classifier';
import { CallClassificationService } from './call-classification.service';

describe(CallClassificationService.name, () => {
  let database: TestDatabase;
  let classifier: Classifier;
  let rows: Repository<CallClassification>;
  const serviceWith = (c: Classifier) =>
    new CallClassificationService(c, database.dataSource.getRepository(Call), rows);
  const stored = async () => new Map((await rows.find()).map((r) => [r.callId, r] as const));

  beforeAll(async () => {
    database = await createTestDatabase();
    classifier = await Classifier.load();
    rows = database.dataSource.getRepository(CallClassification);
  });
  afterAll(() => database.drop());

  it('scores new calls, then only changed ones, then all again after a version change', async () => {
    const service = serviceWith(classifier);
    const mediation = await createCall(database.dataSource, {
      title: 'Appel à projets « Médiation numérique et inclusion numérique »',
      descriptionText:
        "Ateliers d'initiation au numérique pour les publics en situation d'illectronisme, accompagnement aux démarches en ligne dans les espaces publics numériques.",
    });
    const roads = await createCall(database.dataSource, {
      title: 'Travaux de voirie communale',
      descriptionText: 'Réfection des chaussées et des trottoirs des communes rurales.',
    });
    const third = await createCall(database.dataSource, {
      title: 'Soutien aux festivals de musique',
    });

    expect(await service.scorePending()).toBe(3);
    const first = await stored();
    expect(first.get(mediation.id)).toMatchObject({
      relevant: true,
      version: classifier.version,
      contentHash: mediation.contentHash,
    });
    expect(first.get(mediation.id)?.explanation[0].match).toEqual(expect.any(String));
    expect(first.get(roads.id)?.relevant).toBe(false);
    expect(await service.scorePending()).toBe(0);

    await changeCallText(database.dataSource, roads.id, {
      descriptionText: 'Réfection des chaussées ; un volet inclusion numérique des habitants.',
    });
    expect(await service.pendingCounts()).toEqual({ unscored: 0, changed: 1, outdated: 0 });
    expect(await service.scorePending()).toBe(1);
    const second = await stored();
    expect(second.get(roads.id)?.classifiedAt.getTime()).toBeGreaterThan(
      first.get(roads.id)!.classifiedAt.getTime(),
    );
    for (const id of [mediation.id, third.id]) {
      expect(second.get(id)?.classifiedAt.getTime()).toBe(first.get(id)!.classifiedAt.getTime());
    }

    const edited = Classifier.fromDefinition({
      ...classifier.definition,
      contentHash: `edited-${classifier.definition.contentHash}`,
    });
    expect(edited.version).not.toBe(classifier.version);
    expect(await serviceWith(edited).pendingCounts()).toMatchObject({ outdated: 3 });
    expect(await serviceWith(edited).scorePending()).toBe(3);
    expect([...(await stored()).values()].map((r) => r.version)).toEqual(
      Array(3).fill(edited.version),
    );
  });

  it('walks every pending call in batches smaller than the backlog', async () => {
    await rows.clear();
    const service = serviceWith(classifier);
    for (let i = 0; i < 7; i++) await createCall(database.dataSource);
    const total = await database.dataSource.getRepository(Call).count();
    expect(await service.scorePending(2)).toBe(total);
    expect(await rows.count()).toBe(total);
    expect(await service.scorePending(2)).toBe(0);
  });

  it('scores one call on demand and refuses an unknown one with a 404', async () => {
    const call = await createCall(database.dataSource, { title: 'Fonds social européen FSE+' });
    const row = await serviceWith(classifier).classifyCall(call.id);
    expect(row.euFund).toBe('FSE_PLUS');
    await expect(
      serviceWith(classifier).classifyCall('00000000-0000-4000-8000-000000000000'),
    ).rejects.toMatchObject({ httpStatus: 404 });
  });
});
