import { VigieConfig } from '@app/config';
import { CallEvent } from '@app/persistence';
import { createTestApp, freePort, TestApp } from '@app/testing';
import { FeedQuery, seedDemoWatch, WatchMatchService } from '@app/watch';
import request from 'supertest';
import { seedDemoSources, type DemoSourcesSeed } from '../../apps/cli/src/demo/demo-sources.seed';
import { createOrganisation, OrganisationFixture } from '../factories/organisation.factory';
import { digestServiceSendingTo } from '../support/digest-service.util';

const TODAY = '2027-01-15';
const NOW = new Date('2027-01-15T09:00:00Z');

interface Listed {
  total: number;
  items: Array<{ id: string; title: string }>;
}

/**
 * Issue 14, item 6, as a new user met it: a second `npm run demo` while the first holds the
 * fixture port serves the catalogue on another port and re-imports the demo sources there.
 * Both seeds run the demo's own code against one database; the first server keeps its port.
 */
describe('a second demo on another port', () => {
  let testApp: TestApp;
  let structure: OrganisationFixture;
  const seeds: DemoSourcesSeed[] = [];

  const calls = async (): Promise<Listed> =>
    (
      await request(testApp.app.getHttpServer())
        .get('/api/calls?relevant=all&status=open,forthcoming,closed&limit=100')
        .set('Authorization', `Bearer ${structure.apiKey}`)
        .expect(200)
    ).body as Listed;
  const seed = async (port: number) => {
    const config = testApp.app.get(VigieConfig);
    const done = await seedDemoSources(
      testApp.app,
      { ...config, CRAWLER_MIN_DELAY_MS: 0 },
      { port, today: TODAY },
    );
    seeds.push(done);
    return done;
  };

  beforeAll(async () => {
    testApp = await createTestApp();
    structure = await createOrganisation(testApp.app, { name: 'EPN des Combrailles' });
  });
  afterAll(async () => {
    for (const done of seeds) await done.stop();
    await testApp?.close();
  });

  it('lists every call once, keeps the watch matches and the digest, when the second demo takes another port', async () => {
    const port = await freePort();
    const first = await seed(port);
    expect(first.summary.fixtureServer).toBe(`http://127.0.0.1:${port}`);
    const before = await calls();
    expect(before.total).toBe(first.summary.calls);
    expect(before.total).toBeGreaterThan(30);

    const watch = await seedDemoWatch(testApp.app, {
      structureId: structure.organisationId,
      baseUrl: 'http://127.0.0.1',
    });
    expect(watch.feeds.rss).toBeTruthy();
    const matches = () =>
      testApp.database.dataSource.query(
        `SELECT id, call_id, matched_at, change_event_id FROM watch_match ORDER BY id`,
      );
    const matchesBefore = await matches();
    expect(matchesBefore.length).toBeGreaterThan(0);
    const digest = digestServiceSendingTo(testApp.app, 1);
    const subject = (await digest.subjects()).find(
      (s) => s.organisationId === structure.organisationId && s.profileId,
    );
    expect(subject).toBeDefined();
    const digestBefore = await digest.content(subject!, NOW);

    // The first demo still holds its port: the second serves the same catalogue elsewhere.
    const second = await seed(port);
    expect(second.summary.fixtureServer).not.toBe(first.summary.fixtureServer);
    await testApp.app.get(WatchMatchService).refresh(undefined, NOW);

    const after = await calls();
    expect(after.total).toBe(before.total);
    expect(second.summary.calls).toBe(first.summary.calls);
    const titles = after.items.map((item) => item.title);
    expect(titles.filter((title, index) => titles.indexOf(title) !== index)).toEqual([]);
    expect(after.items.map((item) => item.id).sort()).toEqual(
      before.items.map((item) => item.id).sort(),
    );

    // Nothing comes out as new or changed in the watch, its feed or its digest.
    expect(await matches()).toEqual(matchesBefore);
    const feed = await testApp.app
      .get(FeedQuery)
      .profileMatches(structure.organisationId, subject!.profileId!, { limit: 200 });
    expect(feed.items.filter((item) => item.changeSummary)).toEqual([]);
    const digestAfter = await digest.content(subject!, NOW);
    // The same entries, linking to the calls' new addresses.
    expect(digestAfter).toEqual(
      JSON.parse(
        JSON.stringify(digestBefore).replaceAll(
          String(first.summary.fixtureServer),
          String(second.summary.fixtureServer),
        ),
      ),
    );

    // The history says where the calls went.
    const moved = await testApp.database.dataSource
      .getRepository(CallEvent)
      .findBy({ kind: 'moved' });
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.every((e) => e.summary.startsWith('adresse changée : '))).toBe(true);
  });
});
