import { clockFor } from '@app/common';
import type { VigieConfig } from '@app/config';
import { Call, CallEvent, CallSource, countQueries, Source } from '@app/persistence';
import { createTestDatabase, repoRoot, type TestDatabase } from '@app/testing';
import { join } from 'node:path';
import { In } from 'typeorm';
import { sourceDefinition } from '../../../../test/factories/source.factory';
import { startFixtureServer, type FixtureServer } from '../../../../test/fixture-server';
import { SourceService } from '../run/source.service';
import { SourceCrawlService } from '../run/source-crawl.service';
import type { NormalisedCall } from '../call/normalised-call';
import { CallStoreService } from './call-store.service';
import { emptySeenBatch } from './call-store.types';

const TODAY = '2027-01-15';

describe(CallStoreService.name, () => {
  let database: TestDatabase;
  let server: FixtureServer;
  let crawler: SourceCrawlService;
  const config = {
    CRAWLER_CONTACT: 'tests@vigie.invalid',
    CRAWLER_MIN_DELAY_MS: 0,
    CRAWLER_ALLOW_HOSTS: ['127.0.0.1'],
  } as VigieConfig;

  const runAll = () => crawler.runAll('cli', { referenceDate: TODAY });
  const runOne = (id: string) => crawler.runSource(id, 'cli', { referenceDate: TODAY });
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
    crawler = new SourceCrawlService(
      database.dataSource,
      new CallStoreService(database.dataSource),
      config,
      clockFor(TODAY),
    );
  });
  afterAll(async () => {
    await crawler?.onApplicationShutdown();
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

describe(`${CallStoreService.name}: a site that moves`, () => {
  let database: TestDatabase;
  let before: FixtureServer;
  let after: FixtureServer;
  let sources: SourceService;
  let store: CallStoreService;
  let crawler: SourceCrawlService;
  const config = {
    CRAWLER_CONTACT: 'tests@vigie.invalid',
    CRAWLER_MIN_DELAY_MS: 0,
    CRAWLER_ALLOW_HOSTS: ['127.0.0.1'],
  } as VigieConfig;
  const DEMO_SOURCES = join(repoRoot, 'config', 'sources.demo.yaml');
  const runAll = () => crawler.runAll('cli', { referenceDate: TODAY });
  const calls = () => database.dataSource.getRepository(Call).find({ order: { id: 'ASC' } });
  const links = () => database.dataSource.getRepository(CallSource).find({ order: { id: 'ASC' } });
  const events = () =>
    database.dataSource.getRepository(CallEvent).find({ order: { occurredAt: 'ASC', id: 'ASC' } });

  beforeAll(async () => {
    database = await createTestDatabase();
    before = await startFixtureServer({ today: TODAY });
    after = await startFixtureServer({ today: TODAY });
    sources = new SourceService(database.dataSource);
    store = new CallStoreService(database.dataSource);
    crawler = new SourceCrawlService(database.dataSource, store, config, clockFor(TODAY));
    await sources.importFile(DEMO_SOURCES, { vars: { FIXTURE_BASE_URL: before.baseUrl } });
    await runAll();
  });
  afterAll(async () => {
    await crawler?.onApplicationShutdown();
    await before?.close();
    await after?.close();
    await database?.drop();
  });

  it('keeps every call, its id, its status and its history when every address moves to another origin', async () => {
    const callsBefore = await calls();
    const linksBefore = await links();
    const eventsBefore = (await events()).length;
    expect(callsBefore).toHaveLength(before.calls().length);
    // Some sources link to the publisher's own site (aggregators, open data): those do not move.
    const onServer = linksBefore.filter((l) => l.url.startsWith(before.baseUrl));
    expect(onServer.length).toBeGreaterThan(0);
    expect(onServer.length).toBeLessThan(linksBefore.length);

    // The same source ids, every URL on another origin: what a second demo does on another port.
    const imported = await sources.importFile(DEMO_SOURCES, {
      vars: { FIXTURE_BASE_URL: after.baseUrl },
    });
    expect(imported.updated).toHaveLength(6);
    const moved = await runAll();
    expect(moved.map((r) => [r.sourceId, r.status, r.created, r.sourceAdded, r.withdrawn])).toEqual(
      moved.map((r) => [r.sourceId, 'succeeded', 0, 0, 0]),
    );

    const callsAfter = await calls();
    expect(callsAfter.map((c) => [c.id, c.title, c.status, c.nextDeadline])).toEqual(
      callsBefore.map((c) => [c.id, c.title, c.status, c.nextDeadline]),
    );
    expect(callsAfter.map((c) => c.url)).toEqual(
      callsBefore.map((c) => c.url.replace(before.baseUrl, after.baseUrl)),
    );
    const linksAfter = await links();
    // The old sighting became the new one: same rows, new addresses, nothing left behind.
    expect(linksAfter.map((l) => [l.id, l.callId, l.sourceId, l.missingRuns])).toEqual(
      linksBefore.map((l) => [l.id, l.callId, l.sourceId, 0]),
    );
    expect(linksAfter.map((l) => l.url)).toEqual(
      linksBefore.map((l) => l.url.replace(before.baseUrl, after.baseUrl)),
    );
    // Both kinds of source: ids made of URLs (HTML listing) change, record ids do not.
    const changedIds = linksAfter.filter(
      (l, i) => l.externalId !== linksBefore[i].externalId,
    ).length;
    expect(changedIds).toBeGreaterThan(0);
    expect(changedIds).toBeLessThan(linksAfter.length);

    // One dated « adresse changée » per moved sighting, and nothing a watch would report as new
    // or changed.
    const history = (await events()).slice(eventsBefore);
    expect(history.map((e) => e.kind)).toEqual(onServer.map(() => 'moved'));
    for (const link of onServer) {
      const event = history.find((e) => e.callId === link.callId && e.sourceId === link.sourceId);
      const now = linksAfter.find((l) => l.id === link.id);
      expect(event?.summary).toBe(`adresse changée : ${link.url} → ${now?.url}`);
    }

    // Two more successful runs on the new origin: nothing goes missing, nothing is withdrawn.
    for (const again of [await runAll(), await runAll()]) {
      expect(
        again.every((r) => r.created === 0 && r.withdrawn === 0 && r.unchanged === r.fetched),
      ).toBe(true);
    }
    expect((await calls()).map((c) => [c.id, c.status])).toEqual(
      callsBefore.map((c) => [c.id, c.status]),
    );
    expect((await events()).length).toBe(eventsBefore + onServer.length);
  });

  it('keeps the call published on two sources one call with both its sightings after the move', async () => {
    const grouped: Array<{ call_id: string; sources: string[] }> = await database.dataSource.query(
      `SELECT call_id, array_agg(source_id ORDER BY source_id) AS sources
         FROM call_source WHERE missing_runs = 0 GROUP BY call_id HAVING count(*) > 1`,
    );
    expect(grouped.map((g) => g.sources)).toEqual([
      ['demo-aides-territoires', 'demo-grand-est-html'],
    ]);
  });

  it('gives sightings stored before the identity key existed their key on the next crawl, unchanged', async () => {
    await database.dataSource.query('UPDATE call_source SET identity_key = NULL');
    const eventsBefore = (await events()).length;
    const reports = await runAll();
    expect(reports.every((r) => r.unchanged === r.fetched && r.created === 0)).toBe(true);
    expect((await links()).filter((l) => l.identityKey === null)).toEqual([]);
    expect((await events()).length).toBe(eventsBefore);
  });

  it('brings a withdrawn call back, same id, when it reappears at a new address', async () => {
    const [link] = await database.dataSource
      .getRepository(CallSource)
      .find({ where: { sourceId: 'demo-nouvelle-aquitaine-rss' }, order: { id: 'ASC' }, take: 1 });
    // As markMissing leaves it after two successful runs without the call.
    await database.dataSource.query(`UPDATE call_source SET missing_runs = 2 WHERE id = $1`, [
      link.id,
    ]);
    await database.dataSource.query(`UPDATE call SET status = 'withdrawn' WHERE id = $1`, [
      link.callId,
    ]);
    const snapshot = link.snapshot as unknown as NormalisedCall;
    const back = await store.upsert(
      link.sourceId,
      {
        ...snapshot,
        externalId: 'https://nouvelle.invalid/retour',
        url: 'https://nouvelle.invalid/retour',
      },
      new Date(),
      { today: TODAY, runStartedAt: new Date() },
    );
    expect(back).toMatchObject({ callId: link.callId, outcome: 'reappeared' });
    const call = await database.dataSource.getRepository(Call).findOneByOrFail({ id: link.callId });
    expect(call.status).not.toBe('withdrawn');
    expect(call.url).toBe('https://nouvelle.invalid/retour');
    // Both events carry the sighting's time: compared in kind order.
    const latest = (await events()).filter((e) => e.callId === link.callId).slice(-2);
    expect(latest.map((e) => [e.kind, e.summary]).sort()).toEqual([
      ['moved', `adresse changée : ${link.url} → https://nouvelle.invalid/retour`],
      ['reappeared', 'de nouveau publié'],
    ]);
  });

  describe('false merges', () => {
    const SOURCE = 'demo-grand-est-html';
    let original: CallSource;
    let snapshot: NormalisedCall;
    const elsewhere = (path: string) => `http://elsewhere.invalid/${path}`;

    beforeAll(async () => {
      original = await database.dataSource
        .getRepository(CallSource)
        .createQueryBuilder('cs')
        .where('cs.source_id = :source AND cs.external_id LIKE :part', {
          source: SOURCE,
          part: '%ge-fabrique-territoire%',
        })
        .getOneOrFail();
      snapshot = original.snapshot as unknown as NormalisedCall;
      expect(snapshot.descriptionText).toMatch(/\S/);
    });

    const upsertAt = (call: NormalisedCall, runStartedAt = new Date()) =>
      store.upsert(SOURCE, call, new Date(), { today: TODAY, runStartedAt });

    it('keeps apart a call with the same title and funder at a new address but another deadline', async () => {
      const result = await upsertAt({
        ...snapshot,
        externalId: elsewhere('autre-date'),
        url: elsewhere('autre-date'),
        deadlines: [{ date: '2027-10-15' }],
      });
      expect(result.outcome).toBe('created');
      expect(result.callId).not.toBe(original.callId);
    });

    it('keeps apart a call with the same title, funder and deadline at a new address but another text', async () => {
      const result = await upsertAt({
        ...snapshot,
        externalId: elsewhere('autre-texte'),
        url: elsewhere('autre-texte'),
        descriptionText: `${snapshot.descriptionText} Second lot réservé aux communes de moins de 3 500 habitants.`,
      });
      expect(result.outcome).toBe('created');
      expect(result.callId).not.toBe(original.callId);
    });

    it('does not take the sighting of a call its old address still lists in the same run', async () => {
      const runStartedAt = new Date();
      expect((await upsertAt(snapshot, runStartedAt)).callId).toBe(original.callId);
      const copy = await upsertAt(
        { ...snapshot, externalId: elsewhere('copie'), url: elsewhere('copie') },
        runStartedAt,
      );
      expect(copy.outcome).toBe('created');
      expect(copy.callId).not.toBe(original.callId);
      const stillThere = await database.dataSource
        .getRepository(CallSource)
        .findOneByOrFail({ id: original.id });
      expect(stillThere.externalId).toBe(original.externalId);
    });

    it('does not take a sighting of the same run still waiting in the batch of sightings', async () => {
      // A call of its own, so no sighting left by the tests above qualifies.
      const lot: NormalisedCall = {
        ...snapshot,
        externalId: elsewhere('lot-a'),
        url: elsewhere('lot-a'),
        descriptionText: `${snapshot.descriptionText} Lot A : communes rurales.`,
      };
      const first = await upsertAt(lot);
      expect(first.outcome).toBe('created');
      const seen = emptySeenBatch();
      const options = { today: TODAY, runStartedAt: new Date(), seen };
      expect((await store.upsert(SOURCE, lot, new Date(), options)).outcome).toBe('unchanged');
      expect(seen.linkIds).toHaveLength(1);
      const copy = await store.upsert(
        SOURCE,
        { ...lot, externalId: elsewhere('lot-a-bis'), url: elsewhere('lot-a-bis') },
        new Date(),
        options,
      );
      expect(copy.outcome).toBe('created');
      expect(copy.callId).not.toBe(first.callId);
      await store.flushSeen(seen);
    });
  });
});

describe(`${CallStoreService.name}: bounded connector state`, () => {
  let database: TestDatabase;
  let server: FixtureServer;
  let sources: SourceService;
  let store: CallStoreService;
  let crawler: SourceCrawlService;
  const config = {
    CRAWLER_CONTACT: 'tests@vigie.invalid',
    CRAWLER_MIN_DELAY_MS: 0,
    CRAWLER_ALLOW_HOSTS: ['127.0.0.1'],
  } as VigieConfig;
  const runAll = (today = TODAY) => crawler.runAll('cli', { referenceDate: today });
  const calls = () => database.dataSource.getRepository(Call).find({ order: { id: 'ASC' } });
  const events = () => database.dataSource.getRepository(CallEvent).count();
  /** Every write of a source's connector_state (an UPDATE naming the column), with its size. */
  const stateWrites = async () =>
    (await database.dataSource.query('SELECT source_id FROM state_write')) as unknown[];

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startFixtureServer({ today: TODAY });
    sources = new SourceService(database.dataSource);
    store = new CallStoreService(database.dataSource);
    crawler = new SourceCrawlService(database.dataSource, store, config, clockFor(TODAY));
    await sources.importFile(join(repoRoot, 'config', 'sources.demo.yaml'), {
      vars: { FIXTURE_BASE_URL: server.baseUrl },
    });
    await database.dataSource.query(`
      CREATE TABLE state_write (source_id text NOT NULL);
      CREATE FUNCTION note_state_write() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN INSERT INTO state_write VALUES (NEW.id); RETURN NEW; END $$;
      CREATE TRIGGER trg_state_write BEFORE UPDATE OF connector_state ON source
        FOR EACH ROW EXECUTE FUNCTION note_state_write();`);
  });
  afterAll(async () => {
    await crawler?.onApplicationShutdown();
    await server?.close();
    await database?.drop();
  });

  it('keeps validators, hashes and item keys in connector_state, never a page body', async () => {
    const reports = await runAll();
    expect(reports.every((r) => r.status === 'succeeded')).toBe(true);
    const rows: Array<{ id: string; state: string }> = await database.dataSource.query(
      'SELECT id, connector_state::text AS state FROM source ORDER BY id',
    );
    for (const row of rows) {
      expect(row.state).not.toMatch(/"(text|detail|fields)":/);
      // No prose of any page: descriptions, règlements and titles stay in the call tables.
      expect(row.state).not.toMatch(/Date limite|numérique|<\/|\\u003c/i);
    }
    // The first run wrote each source's state, once (what the trigger sees).
    expect((await stateWrites()).length).toBe(rows.length);
    const bytes = rows.reduce((sum, row) => sum + row.state.length, 0);
    const pages = rows.reduce(
      (sum, row) => sum + Object.keys(JSON.parse(row.state).pages).length,
      0,
    );
    // Validators, a hash and the items' keys: a few hundred bytes a page at most.
    expect(bytes / pages).toBeLessThan(400);
    process.stdout.write(`connector_state: ${bytes} bytes for ${pages} pages\n`);
  });

  it('keeps every call open and seen over runs where every page answers 304, withdrawing none, rewriting no state', async () => {
    const before = await calls();
    const writesBefore = (await stateWrites()).length;
    const eventsBefore = await events();
    for (let run = 0; run < 3; run++) {
      const startedAt = new Date();
      const reports = await runAll();
      for (const report of reports) {
        expect(report).toMatchObject({ status: 'succeeded', withdrawn: 0, failed: 0, created: 0 });
        expect(report.unchanged).toBe(report.fetched);
      }
      // The feed, the listing and every call page and règlement: asked, all unchanged.
      for (const id of ['demo-nouvelle-aquitaine-rss', 'demo-grand-est-html']) {
        const report = reports.find((r) => r.sourceId === id)!;
        expect(report.notModified).toBe(report.requests);
      }
      const after = await calls();
      expect(after.map((c) => [c.id, c.status, c.nextDeadline])).toEqual(
        before.map((c) => [c.id, c.status, c.nextDeadline]),
      );
      expect(after.filter((c) => c.lastSeenAt < startedAt)).toEqual([]);
      const links = await database.dataSource.getRepository(CallSource).find();
      expect(links.filter((l) => l.lastSeenAt < startedAt || l.missingRuns > 0)).toEqual([]);
    }
    expect(before.filter((c) => c.status === 'withdrawn')).toEqual([]);
    expect((await stateWrites()).length).toBe(writesBefore);
    expect(await events()).toBe(eventsBefore);
  });

  it('moves status and next deadline with the calendar on a 304 run, as an unchanged upsert does', async () => {
    const eventsBefore = await events();
    const steadyBefore = await callOf('idf-habitat-insalubre');
    const fabriqueBefore = await callOf('ge-fabrique-territoire');
    await runAll('2027-04-01');
    const fabrique = await callOf('ge-fabrique-territoire');
    // Its last deadline was 2027-03-31 (Paris): closed now, nothing left to come.
    expect(fabrique).toMatchObject({ status: 'closed', nextDeadline: null });
    // updated_at tells the matching pass; a call whose status did not move keeps it.
    expect(fabrique.updatedAt.getTime()).toBeGreaterThan(fabriqueBefore.updatedAt.getTime());
    const leader = await callOf('na-leader-services-ruraux');
    // Its first session passed: the second is next.
    expect(leader).toMatchObject({ status: 'open', nextDeadline: '2027-06-15' });
    const steady = await callOf('idf-habitat-insalubre');
    expect(steady).toMatchObject({ status: 'open', nextDeadline: '2027-05-05' });
    expect(steady.updatedAt).toEqual(steadyBefore.updatedAt);
    expect(await events()).toBe(eventsBefore);
    await runAll();
    expect(await callOf('ge-fabrique-territoire')).toMatchObject({
      status: 'open',
      nextDeadline: '2027-03-31',
    });
  });

  it('stores the change of a call page under a listing that answered 304', async () => {
    const rounds = (second: string) => [
      { date: '2027-03-31', label: '1re session' },
      { date: second, label: '2e session' },
    ];
    server.setDeadline('ge-france-services-demat', rounds('2027-09-30'));
    await crawler.runSource('demo-grand-est-html', 'cli', { referenceDate: TODAY });
    server.setDeadline('ge-france-services-demat', rounds('2027-10-15'));
    const asked = server.requests.length;
    const report = await crawler.runSource('demo-grand-est-html', 'cli', {
      referenceDate: TODAY,
    });
    expect(report).toMatchObject({ changed: 1, created: 0, withdrawn: 0, failed: 0 });
    const listing = server.requests
      .slice(asked)
      .filter((r) => r.path.startsWith('/grandest/aides/?') || r.path === '/grandest/aides/');
    expect(listing.map((r) => r.status)).toEqual([304, 200]);
    const call = await callOf('ge-france-services-demat');
    expect(call.deadlines.map((d) => d.date)).toEqual(['2027-03-31', '2027-10-15']);
    const changed = await database.dataSource
      .getRepository(CallEvent)
      .findBy({ callId: call.id, kind: 'changed' });
    expect(changed.at(-1)!.summary).toMatch(/15\/10\/2027/);
  });

  it('withdraws 50 calls missing for two runs in one statement, not the one another source still lists', async () => {
    const [first, second] = [sourceDefinition(), sourceDefinition()];
    await sources.create(first);
    await sources.create(second);
    const [link] = await database.dataSource
      .getRepository(CallSource)
      .find({ where: { sourceId: 'demo-nouvelle-aquitaine-rss' }, take: 1 });
    const base = link.snapshot as unknown as NormalisedCall;
    const sighting = (id: string, title: string): NormalisedCall => ({
      ...base,
      externalId: id,
      url: `https://retraits.invalid/${id}`,
      title,
    });
    const gone = Array.from({ length: 50 }, (_, i) =>
      sighting(`gone-${i}`, `Appel témoin ${i} ${'xyzw'.repeat(i % 7)} retiré en fin de test`),
    );
    const ids: string[] = [];
    for (const call of gone)
      ids.push((await store.upsert(String(first.id), call, new Date(), { today: TODAY })).callId);
    const shared = sighting('shared', 'Appel publié par deux sources et toujours listé');
    const sharedId = (await store.upsert(String(first.id), shared, new Date(), { today: TODAY }))
      .callId;
    expect(
      (await store.upsert(String(second.id), shared, new Date(), { today: TODAY })).callId,
    ).toBe(sharedId);
    expect(new Set(ids).size).toBe(50);

    expect((await store.markMissing(String(first.id), [], new Date())).withdrawn).toBe(0);
    const counter = countQueries(database.dataSource);
    let outcome;
    try {
      outcome = await store.markMissing(String(first.id), [], new Date());
    } finally {
      counter.stop();
    }
    expect(outcome).toEqual({ missing: 51, withdrawn: 50 });
    // The sightings' count, then the withdrawal: one statement, whatever the number of calls.
    expect(counter.count).toBe(2);
    const stored = await database.dataSource
      .getRepository(Call)
      .findBy({ id: In([...ids, sharedId]) });
    const shown = stored.find((c) => c.id === sharedId)!;
    expect(stored.filter((c) => c.updatedAt > shown.updatedAt)).toHaveLength(50);
    expect(
      stored
        .filter((c) => c.status === 'withdrawn')
        .map((c) => c.id)
        .sort(),
    ).toEqual([...ids].sort());
    const withdrawn = await database.dataSource
      .getRepository(CallEvent)
      .findBy({ callId: In([...ids, sharedId]), kind: 'withdrawn' });
    expect(withdrawn).toHaveLength(50);
    expect(withdrawn[0]).toMatchObject({
      sourceId: first.id,
      changes: [{ field: 'status', from: 'open', to: 'withdrawn' }],
      summary: `retiré : absent de ${String(first.name)} lors de 2 collectes successives`,
    });
    // Already withdrawn: a third run writes no second event.
    expect((await store.markMissing(String(first.id), [], new Date())).withdrawn).toBe(0);
  });

  async function callOf(fixtureId: string): Promise<Call> {
    const link = await database.dataSource
      .getRepository(CallSource)
      .createQueryBuilder('cs')
      .where('cs.external_id LIKE :part', { part: `%${fixtureId}%` })
      .getOneOrFail();
    return database.dataSource.getRepository(Call).findOneByOrFail({ id: link.callId });
  }
});
