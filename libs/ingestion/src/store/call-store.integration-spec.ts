import { clockFor } from '@app/common';
import type { VigieConfig } from '@app/config';
import { Call, CallEvent, CallSource, Source } from '@app/persistence';
import { createTestDatabase, repoRoot, type TestDatabase } from '@app/testing';
import { join } from 'node:path';
import { startFixtureServer, type FixtureServer } from '../../../../test/fixture-server';
import { SourceService } from '../run/source.service';
import { WatchService } from '../run/watch.service';
import { CallStoreService } from './call-store.service';

const TODAY = '2027-01-15';

describe(CallStoreService.name, () => {
  let database: TestDatabase;
  let server: FixtureServer;
  let watch: WatchService;
  const config = {
    CRAWLER_CONTACT: 'tests@vigie.invalid',
    CRAWLER_MIN_DELAY_MS: 0,
    CRAWLER_ALLOW_HOSTS: ['127.0.0.1'],
  } as VigieConfig;

  const runAll = () => watch.runAll('cli', { referenceDate: TODAY });
  const runOne = (id: string) => watch.runSource(id, 'cli', { referenceDate: TODAY });
  const events = () =>
    database.dataSource.getRepository(CallEvent).find({ order: { occurredAt: 'ASC' } });
  const callOf = async (sourceId: string, externalIdPart: string) => {
    const link = await database.dataSource
      .getRepository(CallSource)
      .createQueryBuilder('cs')
      .where('cs.source_id = :sourceId AND cs.external_id LIKE :part', {
        sourceId,
        part: `%${externalIdPart}%`,
      })
      .getOneOrFail();
    return database.dataSource.getRepository(Call).findOneByOrFail({ id: link.callId });
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startFixtureServer({ today: TODAY });
    const sources = new SourceService(database.dataSource);
    await sources.importFile(join(repoRoot, 'config', 'sources.demo.yaml'), {
      vars: { FIXTURE_BASE_URL: server.baseUrl },
    });
    watch = new WatchService(
      database.dataSource,
      new CallStoreService(database.dataSource),
      config,
      clockFor(TODAY),
    );
  });
  afterAll(async () => {
    await watch?.onApplicationShutdown();
    await server?.close();
    await database?.drop();
  });

  it('stores every call of the six demo sources once, grouping the call published on two sources', async () => {
    const reports = await runAll();
    expect(reports.map((r) => [r.sourceId, r.status, r.sourceError])).toEqual(
      reports.map((r) => [r.sourceId, 'succeeded', null]),
    );
    const published = server.calls().length;
    // 40 items: the catalogue's 39 calls, one of them on two sources.
    expect(reports.reduce((sum, r) => sum + r.fetched, 0)).toBe(published + 1);
    expect(await database.dataSource.getRepository(Call).count()).toBe(published);
    const fabrique = await callOf('demo-grand-est-html', 'ge-fabrique-territoire');
    const links = await database.dataSource
      .getRepository(CallSource)
      .findBy({ callId: fabrique.id });
    expect(links.map((l) => l.sourceId).sort()).toEqual([
      'demo-aides-territoires',
      'demo-grand-est-html',
    ]);
    const kinds = (await events()).filter((e) => e.callId === fabrique.id).map((e) => e.kind);
    expect(kinds).toEqual(['created', 'source_added']);
    expect(fabrique.nextDeadline).toBe('2027-03-31');
  });

  it('writes nothing but the sighting when the calls are unchanged', async () => {
    const before = {
      events: (await events()).length,
      calls: await database.dataSource.getRepository(Call).find({ order: { id: 'ASC' } }),
    };
    const runStartedAt = new Date();
    const reports = await runAll();
    expect(
      reports.every(
        (r) => r.created === 0 && r.changed === 0 && r.failed === 0 && r.unchanged === r.fetched,
      ),
    ).toBe(true);
    expect((await events()).length).toBe(before.events);
    const after = await database.dataSource.getRepository(Call).find({ order: { id: 'ASC' } });
    expect(after.map((c) => [c.contentHash, c.lastChangedAt.toISOString()])).toEqual(
      before.calls.map((c) => [c.contentHash, c.lastChangedAt.toISOString()]),
    );
    // The sightings, written in batches, reached every call and every source link.
    const links = await database.dataSource.getRepository(CallSource).find();
    expect(links.filter((l) => l.lastSeenAt < runStartedAt)).toEqual([]);
    expect(after.filter((c) => c.lastSeenAt < runStartedAt)).toEqual([]);
  });

  it('records one dated change event with from and to when a deadline moves', async () => {
    server.setDeadline('na-mediation-numerique-2027', '2027-04-30');
    const before = await callOf('demo-nouvelle-aquitaine-rss', 'na-mediation-numerique-2027');
    const report = await runOne('demo-nouvelle-aquitaine-rss');
    expect(report.changed).toBe(1);
    const changes = (await events()).filter((e) => e.callId === before.id && e.kind === 'changed');
    expect(changes).toHaveLength(1);
    const deadline = changes[0].changes.find((c) => c.field === 'deadlines');
    expect(deadline).toEqual({
      field: 'deadlines',
      from: before.deadlines,
      to: [expect.objectContaining({ date: '2027-04-30' })],
    });
    expect(changes[0].summary).toContain(`au 30/04/2027`);
  });

  it('withdraws a call missing from two successful runs, and keeps it', async () => {
    const call = await callOf('demo-ile-de-france-json', 'idf');
    const link = await database.dataSource
      .getRepository(CallSource)
      .findOneByOrFail({ callId: call.id });
    const fixtureId = server
      .calls('json')
      .find((c) => link.externalId.includes(c.id) || link.url.includes(c.id))?.id;
    expect(fixtureId).toBeDefined();
    server.removeCall(fixtureId as string);
    expect((await runOne('demo-ile-de-france-json')).withdrawn).toBe(0);
    expect(
      (await database.dataSource.getRepository(Call).findOneByOrFail({ id: call.id })).status,
    ).not.toBe('withdrawn');
    expect((await runOne('demo-ile-de-france-json')).withdrawn).toBe(1);
    const stored = await database.dataSource.getRepository(Call).findOneByOrFail({ id: call.id });
    expect(stored.status).toBe('withdrawn');
    expect((await events()).filter((e) => e.callId === call.id).map((e) => e.kind)).toContain(
      'withdrawn',
    );
  });

  it('moves status and next deadline with the calendar for an unchanged call, without an event', async () => {
    const call = await callOf('demo-nouvelle-aquitaine-rss', 'na-mediation-numerique-2027');
    const link = await database.dataSource
      .getRepository(CallSource)
      .findOneByOrFail({ callId: call.id, sourceId: 'demo-nouvelle-aquitaine-rss' });
    const eventsBefore = (await events()).length;
    const store = new CallStoreService(database.dataSource);
    const snapshot = link.snapshot as unknown as Parameters<CallStoreService['upsert']>[1];
    const later = await store.upsert(link.sourceId, snapshot, new Date(), { today: '2028-01-01' });
    expect(later.outcome).toBe('unchanged');
    expect(
      await database.dataSource.getRepository(Call).findOneByOrFail({ id: call.id }),
    ).toMatchObject({
      status: 'closed',
      nextDeadline: null,
    });
    await store.upsert(link.sourceId, snapshot, new Date(), { today: TODAY });
    expect(
      await database.dataSource.getRepository(Call).findOneByOrFail({ id: call.id }),
    ).toMatchObject({
      status: call.status,
      nextDeadline: call.nextDeadline,
    });
    expect((await events()).length).toBe(eventsBefore);
  });

  it('records a failing source on that source only and touches no stored call', async () => {
    const callsBefore = await database.dataSource
      .getRepository(Call)
      .find({ order: { id: 'ASC' } });
    server.setFault('/na/fiches-rss.xml', 'malformed');
    try {
      const reports = await runAll();
      const rss = reports.find((r) => r.sourceId === 'demo-nouvelle-aquitaine-rss');
      expect(rss).toMatchObject({ status: 'failed', withdrawn: 0 });
      expect(rss?.sourceError).toMatch(/\S/);
      expect(
        reports
          .filter((r) => r.sourceId !== 'demo-nouvelle-aquitaine-rss')
          .every((r) => r.status === 'succeeded'),
      ).toBe(true);
      const source = await database.dataSource
        .getRepository(Source)
        .findOneByOrFail({ id: 'demo-nouvelle-aquitaine-rss' });
      expect(source).toMatchObject({ consecutiveFailures: 1 });
      expect(source.lastError).toMatch(/\S/);
      const callsAfter = await database.dataSource
        .getRepository(Call)
        .find({ order: { id: 'ASC' } });
      expect(callsAfter.map((c) => [c.id, c.status, c.contentHash])).toEqual(
        callsBefore.map((c) => [c.id, c.status, c.contentHash]),
      );
      const links = await database.dataSource
        .getRepository(CallSource)
        .findBy({ sourceId: 'demo-nouvelle-aquitaine-rss' });
      expect(links.every((l) => l.missingRuns === 0)).toBe(true);
    } finally {
      server.setFault('/na/fiches-rss.xml', null);
    }
  });
});
