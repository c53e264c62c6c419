import { Call, CallEvent, CallSource, Source } from '@app/persistence';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, DeepPartial } from 'typeorm';

/** What a test says about a call; everything else gets a plausible default. */
export type CallOverrides = DeepPartial<Call>;

let counter = 0;

function contentHashOf(call: DeepPartial<Call>): string {
  return createHash('sha256')
    .update(JSON.stringify([call.title, call.descriptionText, call.funders, call.documents]))
    .digest('hex');
}

/**
 * Stores a call straight through the `Call` repository, as ingestion would after normalising
 * it; the content hash follows the text unless the test sets it.
 */
export async function createCall(
  dataSource: DataSource,
  overrides: CallOverrides = {},
): Promise<Call> {
  counter++;
  const now = new Date();
  const base: DeepPartial<Call> = {
    title: `Appel à projets de test ${counter}`,
    url: `https://financeur.test/appels/${counter}-${randomBytes(3).toString('hex')}`,
    funders: ['Région de test'],
    descriptionText: 'Soutien aux projets associatifs du territoire.',
    descriptionHtml: null,
    documents: [],
    deadlines: [{ date: '2027-03-31' }],
    nextDeadline: '2027-03-31',
    rolling: false,
    territory: ['FR'],
    status: 'open',
    firstSeenAt: now,
    lastSeenAt: now,
    lastChangedAt: now,
    ...overrides,
  };
  const repository = dataSource.getRepository(Call);
  return repository.save(
    repository.create({
      ...base,
      fingerprint: base.fingerprint ?? `test-${counter}-${randomBytes(4).toString('hex')}`,
      contentHash: base.contentHash ?? contentHashOf(base),
    }),
  );
}

/** Changes a call's text the way a re-import does: new text, new content hash. */
export async function changeCallText(
  dataSource: DataSource,
  callId: string,
  patch: Pick<DeepPartial<Call>, 'title' | 'descriptionText'>,
): Promise<void> {
  const repository = dataSource.getRepository(Call);
  const call = await repository.findOneByOrFail({ id: callId });
  const next = { ...call, ...patch };
  await repository.update(callId, { ...patch, contentHash: contentHashOf(next) });
}

/** Links a call to a (created on demand) source, as seen on its page. */
export async function addCallSource(
  dataSource: DataSource,
  callId: string,
  source: { id: string; name: string; url: string },
): Promise<void> {
  const sources = dataSource.getRepository(Source);
  if (!(await sources.existsBy({ id: source.id }))) {
    await sources.save(
      sources.create({
        id: source.id,
        name: source.name,
        kind: 'html',
        url: source.url,
        funder: source.name,
        schedule: '0 6 * * *',
        definition: {},
      }),
    );
  }
  const now = new Date();
  await dataSource.getRepository(CallSource).save({
    callId,
    sourceId: source.id,
    externalId: `${callId}@${source.id}`,
    url: `${source.url}/${callId}`,
    snapshot: {},
    contentHash: 'snapshot',
    firstSeenAt: now,
    lastSeenAt: now,
  });
}

/** Adds a dated event to a call's history. */
export async function addCallEvent(
  dataSource: DataSource,
  callId: string,
  event: Pick<CallEvent, 'kind' | 'summary' | 'occurredAt'> & Partial<CallEvent>,
): Promise<void> {
  await dataSource.getRepository(CallEvent).save({ callId, sourceId: null, changes: [], ...event });
}
