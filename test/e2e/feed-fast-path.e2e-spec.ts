import { ConfigModule, loadConfig } from '@app/config';
import { PersistenceModule } from '@app/persistence';
import { createTestApp, TestApp } from '@app/testing';
import { FeedService, WatchMatchService, WatchModule } from '@app/watch';
import { Test, TestingModule } from '@nestjs/testing';
import { PinoLogger } from 'nestjs-pino';
import request from 'supertest';
import { FeedController } from '../../apps/api/src/watch/feed.controller';
import { FEED_VERSION_LISTENER_NAME } from '../../apps/api/src/watch/feed-version.listener';
import { createOrganisation, OrganisationFixture } from '../factories/organisation.factory';
import { createCall, moveDeadline } from '../factories/watch.factory';

type FeedUrls = { rss: string; atom: string; json: string; ics: string };

/**
 * The fast path answers revalidations from memory; these tests change what a feed is made of,
 * through the same code paths as users and the worker, and ask again at once with the old
 * ETag: a 304 there would hide the change from feed readers.
 */
describe('Feed revalidation before Nest (304 fast path)', () => {
  let testApp: TestApp;
  /** The worker's code on its own connections, as in its own process. */
  let worker: TestingModule;
  let epn: OrganisationFixture;
  let collectif: OrganisationFixture;
  let profileId: string;
  let feeds: FeedUrls;
  let tokenId: string;
  let collectifFeeds: FeedUrls;
  let pickedCallId: string;
  let pickId: string;
  let versionReads: jest.SpyInstance;
  const http = () => request(testApp.app.getHttpServer());
  const auth = (fixture: OrganisationFixture) => ({ Authorization: `Bearer ${fixture.apiKey}` });
  const path = (url: string) => new URL(url).pathname;
  const tokenOf = (url: string) =>
    path(url)
      .replace(/^\/feeds\//, '')
      .split('.')[0];
  const cache = () => testApp.app.get(FeedController).versions;

  /** The ETag a client holds after reading the feed (the fast path now knows it too). */
  async function readEtag(url: string): Promise<string> {
    const response = await http().get(path(url)).expect(200);
    return response.headers.etag;
  }

  /** A 304 answered before Nest: the controller, hence the database, never saw the request. */
  async function expectFastNotModified(url: string, etag: string, headers = {}) {
    const readsBefore = versionReads.mock.calls.length;
    const response = await http()
      .get(path(url))
      .set({ ...headers, 'If-None-Match': etag })
      .expect(304);
    expect(versionReads.mock.calls.length).toBe(readsBefore);
    return response;
  }

  /** The database's own answer: the version a 304 must match. */
  async function storedEtag(url: string): Promise<string> {
    const format = path(url).split('.').pop() as 'rss';
    return (await worker.get(FeedService).version(tokenOf(url), format)).etag;
  }

  /** After a change: the feed has a new version and the old ETag gets it, not a 304. */
  async function expectChanged(url: string, oldEtag: string) {
    expect(await storedEtag(url)).not.toBe(oldEtag);
    const response = await http().get(path(url)).set('If-None-Match', oldEtag);
    expect(response.status).toBe(200);
    expect(response.headers.etag).not.toBe(oldEtag);
    return response;
  }

  async function until(condition: () => boolean, what: string): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  beforeAll(async () => {
    testApp = await createTestApp();
    const url = testApp.database.url;
    const config = loadConfig({ ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' });
    worker = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(config), PersistenceModule.forRoot(url), WatchModule],
    }).compile();
    epn = await createOrganisation(testApp.app, { name: 'EPN de Thiers', territory: ['63'] });
    collectif = await createOrganisation(testApp.app, { name: 'Mednum63', kind: 'collectif' });
    await createCall(testApp.app, { title: 'Appel médiation numérique 2027' });
    const created = await http()
      .post('/api/watches')
      .set(auth(epn))
      .send({ name: 'Médiation 63', themes: ['mediation_numerique'], territories: ['63'] })
      .expect(201);
    profileId = created.body.id;
    const token = await http()
      .post(`/api/watches/${profileId}/feed-tokens`)
      .set(auth(epn))
      .expect(201);
    feeds = token.body.feeds;
    tokenId = token.body.id;

    pickedCallId = (await createCall(testApp.app, { title: 'Fonds tiers-lieux 2027' })).id;
    const pick = await http()
      .post('/api/collectif/picks')
      .set(auth(collectif))
      .send({ callId: pickedCallId, annotation: 'Convient aux EPN', jointBid: false })
      .expect(201);
    pickId = pick.body.id;
    const collectifToken = await http()
      .post('/api/collectif/feed-tokens')
      .set(auth(collectif))
      .expect(201);
    collectifFeeds = collectifToken.body.feeds;
    await until(() => cache().isListening, 'the LISTEN connection');
  });

  beforeEach(() => {
    versionReads = jest.spyOn(testApp.app.get(FeedService), 'version');
  });
  afterEach(() => versionReads.mockRestore());

  afterAll(async () => {
    await worker?.close();
    await testApp?.close();
  });

  it('answers a revalidation from memory, with the same headers, a request id and a log line', async () => {
    const first = await http().get(path(feeds.rss)).expect(200);
    const log = jest.spyOn(PinoLogger.root, 'info');
    try {
      const fast = await expectFastNotModified(feeds.rss, first.headers.etag, {
        'X-Request-Id': 'lecteur-rss-42',
      });
      expect(fast.headers).toMatchObject({
        etag: first.headers.etag,
        'last-modified': first.headers['last-modified'],
        'cache-control': 'private, max-age=0, must-revalidate',
        'x-request-id': 'lecteur-rss-42',
      });
      expect(fast.text).toBe('');
      expect(log).toHaveBeenCalledWith(
        expect.objectContaining({
          req: expect.objectContaining({ id: 'lecteur-rss-42', url: path(feeds.rss) }),
          res: expect.objectContaining({ statusCode: 304 }),
        }),
        'request completed',
      );
    } finally {
      log.mockRestore();
    }
    const since = await http()
      .get(path(feeds.rss))
      .set('If-Modified-Since', first.headers['last-modified'])
      .expect(304);
    expect(since.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(versionReads).toHaveBeenCalledTimes(1); // the first, unconditional request
    // Another ETag is not this version: Nest answers, with the feed.
    await http().get(path(feeds.rss)).set('If-None-Match', '"autre"').expect(200);
    expect(versionReads).toHaveBeenCalledTimes(2);
  });

  it('serves a new match from the worker’s pass at once', async () => {
    const etag = await readEtag(feeds.rss);
    await expectFastNotModified(feeds.rss, etag);
    await createCall(testApp.app, { title: 'Appel inclusion numérique des aînés' });
    await worker.get(WatchMatchService).refresh();
    const response = await expectChanged(feeds.rss, etag);
    expect(response.text).toContain('Appel inclusion numérique des aînés');
    await expectFastNotModified(feeds.rss, response.headers.etag);
  });

  it('serves a moved deadline at once, in the profile’s calendar and the collectif’s', async () => {
    const ics = await readEtag(feeds.ics);
    const shared = await readEtag(collectifFeeds.ics);
    await expectFastNotModified(feeds.ics, ics);
    await expectFastNotModified(collectifFeeds.ics, shared);
    const matched = (
      await http().get(`/api/watches/${profileId}/matches`).set(auth(epn)).expect(200)
    ).body.items.find((item: { callId: string }) => item.callId !== pickedCallId);
    await moveDeadline(testApp.app, matched.callId, '2027-06-30', 'date limite reportée');
    await moveDeadline(testApp.app, pickedCallId, '2027-07-15', 'date limite reportée');
    // The collectif's feed follows its calls directly; the profile's waits for the worker.
    expect((await expectChanged(collectifFeeds.ics, shared)).text).toContain('20270715');
    await worker.get(WatchMatchService).refresh();
    expect((await expectChanged(feeds.ics, ics)).text).toContain('20270630');
  });

  it('serves a changed note or status at once', async () => {
    const etag = await readEtag(feeds.json);
    await expectFastNotModified(feeds.json, etag);
    const [matched] = (
      await http().get(`/api/watches/${profileId}/matches`).set(auth(epn)).expect(200)
    ).body.items;
    await http()
      .patch(`/api/calls/${matched.callId}/state`)
      .set(auth(epn))
      .send({ notes: 'à proposer au bureau' })
      .expect(200);
    const afterNote = await expectChanged(feeds.json, etag);
    await http()
      .patch(`/api/calls/${matched.callId}/state`)
      .set(auth(epn))
      .send({ status: 'dismissed' })
      .expect(200);
    const afterDismissal = await expectChanged(feeds.json, afterNote.headers.etag);
    expect(afterDismissal.text).not.toContain(matched.callId);
  });

  it('serves a profile edit at once', async () => {
    const etag = await readEtag(feeds.atom);
    await expectFastNotModified(feeds.atom, etag);
    await http()
      .patch(`/api/watches/${profileId}`)
      .set(auth(epn))
      .send({ excludeKeywords: ['aînés'] })
      .expect(200);
    const response = await expectChanged(feeds.atom, etag);
    expect(response.text).not.toContain('Appel inclusion numérique des aînés');
  });

  it('serves the collectif’s new, annotated and removed picks at once', async () => {
    let etag = await readEtag(collectifFeeds.rss);
    await expectFastNotModified(collectifFeeds.rss, etag);
    await http()
      .patch(`/api/collectif/picks/${pickId}`)
      .set(auth(collectif))
      .send({ annotation: 'Dépôt commun possible' })
      .expect(200);
    const annotated = await expectChanged(collectifFeeds.rss, etag);
    expect(annotated.text).toContain('Dépôt commun possible');

    etag = annotated.headers.etag;
    await expectFastNotModified(collectifFeeds.rss, etag);
    const other = await createCall(testApp.app, { title: 'Appel numérique responsable' });
    const added = await http()
      .post('/api/collectif/picks')
      .set(auth(collectif))
      .send({ callId: other.id, annotation: '', jointBid: true })
      .expect(201);
    etag = (await expectChanged(collectifFeeds.rss, etag)).headers.etag;

    await expectFastNotModified(collectifFeeds.rss, etag);
    await http().delete(`/api/collectif/picks/${added.body.id}`).set(auth(collectif)).expect(204);
    const removed = await expectChanged(collectifFeeds.rss, etag);
    expect(removed.text).not.toContain('Appel numérique responsable');
  });

  it('bypasses the cache while it cannot hear changes, and comes back empty', async () => {
    const etag = await readEtag(feeds.rss);
    await expectFastNotModified(feeds.rss, etag);
    await testApp.database.dataSource.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = $1 AND datname = current_database()`,
      [FEED_VERSION_LISTENER_NAME],
    );
    await until(() => !cache().isListening, 'the cache to notice the lost connection');
    // Nest and the database answer meanwhile…
    versionReads.mockClear();
    await http().get(path(feeds.rss)).set('If-None-Match', etag).expect(304);
    expect(versionReads).toHaveBeenCalledTimes(1);
    // …including after a change whose notification nobody heard.
    const [matched] = (
      await http().get(`/api/watches/${profileId}/matches`).set(auth(epn)).expect(200)
    ).body.items;
    await http()
      .patch(`/api/calls/${matched.callId}/state`)
      .set(auth(epn))
      .send({ status: 'shortlisted' })
      .expect(200);
    await expectChanged(feeds.rss, etag);
    await until(() => cache().isListening, 'the LISTEN connection to come back');
    expect(cache().size).toBe(0);
    await expectChanged(feeds.rss, etag);
    await expectFastNotModified(feeds.rss, await storedEtag(feeds.rss));
  });

  it('answers 404 at once for a revoked token, without a 304 from memory', async () => {
    const etag = await readEtag(feeds.rss);
    await expectFastNotModified(feeds.rss, etag);
    await http()
      .delete(`/api/watches/${profileId}/feed-tokens/${tokenId}`)
      .set(auth(epn))
      .expect(204);
    const response = await http().get(path(feeds.rss)).set('If-None-Match', etag).expect(404);
    expect(response.body).toMatchObject({ code: 'FEED_NOT_FOUND' });
    await http().get(path(feeds.rss)).set('If-None-Match', etag).expect(404);
  });
});
