import { CallEligibility, CallSource, Call, Organisation } from '@app/persistence';
import { createTestDatabase, TestDatabase } from '@app/testing';
import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { addCallSource, changeCallText, createCall } from '../../../../test/factories/call.factory';
import {
  defaultEligibilityVocabularyPath,
  loadEligibilityVocabulary,
  parseEligibilityVocabulary,
} from '../eligibility-vocabulary.loader';
import type { EligibilityVocabulary } from '../eligibility.types';
import { CallEligibilityService } from './call-eligibility.service';

describe(CallEligibilityService.name, () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const serviceWith = (vocabulary: EligibilityVocabulary) =>
    new CallEligibilityService(
      vocabulary,
      dataSource.getRepository(Call),
      dataSource.getRepository(CallSource),
      dataSource.getRepository(CallEligibility),
      dataSource.getRepository(Organisation),
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = database.dataSource;
  });
  afterAll(() => database.drop());

  it('quotes a source’s beneficiaries field kept in its snapshot, and reads each call once', async () => {
    const service = serviceWith(loadEligibilityVocabulary());
    const call = await createCall(dataSource, {
      title: 'Rénover les ponts communaux',
      descriptionText: 'Financement des travaux.',
    });
    await addCallSource(dataSource, call.id, {
      id: 'aides-territoires-test',
      name: 'Aides-territoires',
      url: 'https://aides.test',
    });
    await dataSource
      .getRepository(CallSource)
      .update(
        { callId: call.id },
        { snapshot: { audienceLabels: ['Communes', 'Intercommunalités / Pays'] } },
      );
    expect(await service.computePending()).toBeGreaterThanOrEqual(1);
    expect(await service.computePending()).toBe(0);
    expect(await service.beneficiariesOf(call.id)).toEqual([
      {
        category: 'communes',
        strength: 'listed',
        words: 'Communes ; Intercommunalités / Pays',
        field: 'source',
      },
      {
        category: 'epci',
        strength: 'listed',
        words: 'Communes ; Intercommunalités / Pays',
        field: 'source',
      },
    ]);
    const organisation = await dataSource
      .getRepository(Organisation)
      .save({ name: 'Centre social', kind: 'structure', territory: [], legalForm: 'association' });
    expect((await service.verdictFor(organisation.id, call.id)).summary).toBe(
      'Non éligible : ouvert aux communes et intercommunalités (EPCI) (« Communes ; Intercommunalités / Pays »)',
    );
  });

  it('reads a call again when its text changes, and every call when the vocabulary changes', async () => {
    const service = serviceWith(loadEligibilityVocabulary());
    const call = await createCall(dataSource, { descriptionText: 'Ouvert aux associations.' });
    await service.computePending();
    await changeCallText(dataSource, call.id, { descriptionText: 'Réservé aux communes.' });
    expect(await service.computePending()).toBe(1);
    expect((await service.beneficiariesOf(call.id)).map((b) => [b.category, b.strength])).toEqual([
      ['communes', 'only'],
    ]);
    const edited = serviceWith(
      parseEligibilityVocabulary(
        `${readFileSync(defaultEligibilityVocabularyPath(), 'utf8')}\n# edited`,
        'eligibility.yaml',
      ),
    );
    const all = await dataSource.getRepository(Call).count();
    expect(await edited.computePending(1)).toBe(all);
    const stored = await dataSource
      .getRepository(CallEligibility)
      .findOneByOrFail({ callId: call.id });
    expect(stored.version).toBe(edited.version);
  });

  it('reads on demand the calls the worker has not read yet, in one batch', async () => {
    const service = serviceWith(loadEligibilityVocabulary());
    const fresh = await createCall(dataSource, {
      descriptionText: 'Les entreprises ne sont pas éligibles.',
    });
    const found = await service.beneficiariesOfMany([fresh.id]);
    expect(found.get(fresh.id)).toEqual([
      expect.objectContaining({ category: 'entreprises', strength: 'excluded' }),
    ]);
    expect(await dataSource.getRepository(CallEligibility).existsBy({ callId: fresh.id })).toBe(
      true,
    );
  });
});
