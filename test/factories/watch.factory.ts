import { Call, CallClassification, CallEvent, StoredDeadline } from '@app/persistence';
import { INestApplicationContext } from '@nestjs/common';
import { getRepositoryToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';

export interface CallFixture {
  title?: string;
  description?: string;
  funders?: string[];
  deadlines?: StoredDeadline[];
  territory?: string[];
  audiences?: string[];
  amountMinCents?: number | null;
  amountMaxCents?: number | null;
  status?: string;
  euFund?: string | null;
  /** Stored classification; null = not classified yet. */
  score?: number | null;
  themes?: Array<{ id: string; score: number }>;
}

const repo = <T extends object>(app: INestApplicationContext, entity: new () => T) =>
  app.get<Repository<T>>(getRepositoryToken(entity));

/** A call stored directly (ingestion runs elsewhere), with its classification when scored. */
export async function createCall(
  app: INestApplicationContext,
  fixture: CallFixture = {},
): Promise<Call> {
  const deadlines = fixture.deadlines ?? [{ date: '2027-04-15' }];
  const now = new Date();
  const calls = repo(app, Call);
  const call = await calls.save(
    calls.create({
      fingerprint: randomUUID(),
      title: fixture.title ?? 'Appel à projets Inclusion numérique 2027',
      url: `https://financeur.example/appels/${randomUUID()}`,
      funders: fixture.funders ?? ['Préfecture du Puy-de-Dôme'],
      descriptionText:
        fixture.description ??
        'Soutien aux actions de médiation numérique portées par les associations et EPN.',
      deadlines,
      nextDeadline: deadlines[0]?.date ?? null,
      rolling: deadlines.length === 0,
      amountMinCents: fixture.amountMinCents ?? null,
      amountMaxCents: fixture.amountMaxCents === undefined ? 7_200_000 : fixture.amountMaxCents,
      audiences: fixture.audiences ?? ['associations'],
      territory: fixture.territory ?? ['R84'],
      status: fixture.status ?? 'open',
      euFund: fixture.euFund ?? null,
      contentHash: randomUUID(),
      firstSeenAt: now,
      lastSeenAt: now,
      lastChangedAt: now,
    }),
  );
  if (fixture.score !== null) {
    const classifications = repo(app, CallClassification);
    await classifications.save(
      classifications.create({
        callId: call.id,
        version: 'test',
        score: fixture.score ?? 0.8,
        relevant: (fixture.score ?? 0.8) >= 0.5,
        themes: fixture.themes ?? [{ id: 'mediation_numerique', score: 0.9 }],
        euFund: null,
        explanation: [],
        contentHash: call.contentHash,
        classifiedAt: now,
      }),
    );
  }
  return call;
}

/** What ingestion does when a source moves a deadline: the call changes and says how. */
export async function moveDeadline(
  app: INestApplicationContext,
  callId: string,
  to: string,
  summary: string,
): Promise<void> {
  const calls = repo(app, Call);
  const call = await calls.findOneByOrFail({ id: callId });
  const deadlines = [{ ...call.deadlines[0], date: to }, ...call.deadlines.slice(1)];
  await calls.save({ ...call, deadlines, nextDeadline: to, lastChangedAt: new Date() });
  const events = repo(app, CallEvent);
  await events.save(
    events.create({
      callId,
      sourceId: null,
      occurredAt: new Date(),
      kind: 'changed',
      changes: [{ field: 'deadlines', from: call.deadlines, to: deadlines }],
      summary,
    }),
  );
}
