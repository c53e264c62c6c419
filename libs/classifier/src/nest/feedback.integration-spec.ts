import { Call, CallFeedback } from '@app/persistence';
import { createTestDatabase, TestDatabase } from '@app/testing';
import type { Principal } from '@app/tenancy';
import { createCall } from '../../../../test/factories/call.factory';
import { createOwnerPrincipal } from '../../../../test/factories/organisation.factory';
import { Classifier } from '../classifier';
import { FeedbackService } from './feedback.service';

describe(FeedbackService.name, () => {
  let database: TestDatabase;
  let classifier: Classifier;
  let owner: Principal;
  let other: Principal;
  const calls: Call[] = [];
  // Two instances, as in two api processes: each has its own in-memory cache.
  const processes = () => {
    const repo = <T extends object>(entity: new () => T) =>
      database.dataSource.getRepository(entity);
    return [0, 1].map(() => new FeedbackService(classifier, repo(CallFeedback), repo(Call)));
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    classifier = await Classifier.load();
    owner = await createOwnerPrincipal(database.dataSource, 'EPN A');
    other = await createOwnerPrincipal(database.dataSource, 'EPN B');
    for (const title of ['Ateliers numériques', 'Voirie', 'Accessibilité RGAA']) {
      calls.push(await createCall(database.dataSource, { title }));
    }
  });
  afterAll(() => database.drop());

  it('sees a mark made by another process, and a flipped mark, without a restart', async () => {
    const [api1, api2] = processes();
    expect(await api2.modelFor(owner.organisationId)).toBeNull();

    await api1.mark(owner, calls[0].id, true);
    const first = await api2.modelFor(owner.organisationId);
    expect(first?.size).toBe(1);

    await api1.mark(owner, calls[1].id, false);
    const second = await api2.modelFor(owner.organisationId);
    expect(second?.size).toBe(2);
    expect(second?.id).not.toBe(first?.id);
    expect(await api2.modelFor(owner.organisationId)).toBe(second);

    await api1.mark(owner, calls[1].id, true);
    const flipped = await api2.modelFor(owner.organisationId);
    expect(flipped?.size).toBe(2);
    expect(flipped?.id).not.toBe(second?.id);

    expect(await api2.modelFor(other.organisationId)).toBeNull();
    expect(await api1.unmark(owner, calls[0].id)).toBe(true);
    expect(await api1.unmark(owner, calls[0].id)).toBe(false);
    expect((await api2.modelFor(owner.organisationId))?.size).toBe(1);
    await api1.unmark(owner, calls[1].id);
    expect(await api2.modelFor(owner.organisationId)).toBeNull();
  });

  it('keeps one mark per organisation and call, the last one', async () => {
    const [api] = processes();
    await api.mark(owner, calls[2].id, true);
    await api.mark(owner, calls[2].id, false);
    await api.mark(other, calls[2].id, true);
    const mine = await api.marksOn(owner.organisationId, [calls[2].id]);
    const theirs = await api.marksOn(other.organisationId, [calls[2].id]);
    expect(mine.get(calls[2].id)?.relevant).toBe(false);
    expect(theirs.get(calls[2].id)?.relevant).toBe(true);
    expect(
      await database.dataSource.getRepository(CallFeedback).countBy({ callId: calls[2].id }),
    ).toBe(2);
  });

  it('refuses a viewer (403) and an unknown call (404)', async () => {
    const [api] = processes();
    await expect(api.mark({ ...owner, role: 'viewer' }, calls[0].id, true)).rejects.toMatchObject({
      httpStatus: 403,
    });
    await expect(
      api.mark(owner, '00000000-0000-4000-8000-000000000000', true),
    ).rejects.toMatchObject({ httpStatus: 404 });
  });
});
