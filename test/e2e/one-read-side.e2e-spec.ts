import { VigieConfig } from '@app/config';
import { createTestApp, freePort, TestApp } from '@app/testing';
import { FeedQuery, seedDemoWatch, WatchMatchService } from '@app/watch';
import request from 'supertest';
import { seedDemoSources, type DemoSourcesSeed } from '../../apps/cli/src/demo/demo-sources.seed';
import { createOrganisation, OrganisationFixture } from '../factories/organisation.factory';
import { createWebUser } from '../factories/user.factory';
import { WebClient } from '../support/web-client.util';

const TODAY = '2027-01-15';
const NOW = new Date('2027-01-15T09:00:00Z');
const UUID = /href="\/appels\/([0-9a-f-]{36})"/g;

interface Listed {
  total: number;
  items: Array<{ id: string; title: string; score: number; relevant: boolean }>;
}

/**
 * Issue 15 item 3 on the demo: one read side for the calls. The REST list and `/appels` agree
 * item for item, and marking the top call of a watch « pas pour nous » removes it from the
 * watch's RSS feed, from `/appels` and from `GET /api/calls` within one worker pass.
 */
describe('one read side for the calls, on the demo', () => {
  let testApp: TestApp;
  let structure: OrganisationFixture;
  let web: WebClient;
  let seeded: DemoSourcesSeed;
  let rssPath: string;
  let profileId: string;

  const http = () => request(testApp.app.getHttpServer());
  const api = async (query: string): Promise<Listed> =>
    (
      await http()
        .get(`/api/calls?${query}`)
        .set('Authorization', `Bearer ${structure.apiKey}`)
        .expect(200)
    ).body as Listed;
  const page = async (query: string): Promise<string[]> => {
    const response = await web.get(`/appels?${query}`);
    expect(response.status).toBe(200);
    return [...response.text.matchAll(UUID)].map((m) => m[1]);
  };
  const rss = async (): Promise<string> => (await http().get(rssPath).expect(200)).text;
  /** What the worker does every tick: organisation figures, then the watch matches. */
  const workerPass = () => testApp.app.get(WatchMatchService).refresh(undefined, NOW);

  beforeAll(async () => {
    testApp = await createTestApp();
    structure = await createOrganisation(testApp.app, {
      name: 'EPN des Combrailles',
      territory: ['63'],
    });
    const port = await freePort();
    seeded = await seedDemoSources(
      testApp.app,
      { ...testApp.app.get(VigieConfig), CRAWLER_MIN_DELAY_MS: 0 },
      { port, today: TODAY },
    );
    const watch = await seedDemoWatch(testApp.app, {
      structureId: structure.organisationId,
      baseUrl: 'http://127.0.0.1',
    });
    rssPath = new URL(watch.feeds.rss).pathname;
    const [profile] = await testApp.database.dataSource.query(
      `SELECT id FROM watch_profile WHERE organisation_id = $1 ORDER BY created_at LIMIT 1`,
      [structure.organisationId],
    );
    profileId = profile.id;
    await workerPass();
    const user = await createWebUser(testApp.app, structure.organisationId, 'owner');
    web = new WebClient(testApp);
    await web.signIn(user);
  });
  afterAll(async () => {
    await seeded?.stop();
    await testApp?.close();
  });

  it('lists the same calls in the same order in GET /api/calls and on /appels', async () => {
    const pairs: Array<[string, string]> = [
      ['relevant=true&limit=20', ''],
      ['relevant=all&state=all&limit=20', 'pertinence=tous'],
      ['relevant=all&state=all&limit=20&offset=20', 'pertinence=tous&page=2'],
      ['relevant=all&state=all&limit=20&q=numérique', 'pertinence=tous&q=num%C3%A9rique'],
      ['relevant=all&state=all&limit=20&territory=63', 'pertinence=tous&territoire=63'],
      ['relevant=true&limit=20&theme=mediation_numerique', 'theme=mediation_numerique'],
    ];
    let compared = 0;
    for (const [apiQuery, pageQuery] of pairs) {
      const fromApi = (await api(apiQuery)).items.map((i) => i.id);
      expect({ apiQuery, ids: await page(pageQuery) }).toEqual({ apiQuery, ids: fromApi });
      compared += fromApi.length;
    }
    expect(compared).toBeGreaterThan(40);
  });

  it('hides a call set aside from both lists by default, and shows it in both on demand', async () => {
    const shown = (await api('relevant=true&limit=20')).items.map((i) => i.id);
    const second = shown[1];
    expect(second).toBeDefined();
    await http()
      .patch(`/api/calls/${second}/state`)
      .set('Authorization', `Bearer ${structure.apiKey}`)
      .send({ status: 'dismissed' })
      .expect(200);
    try {
      const pairs: Array<[string, string]> = [
        ['relevant=true&limit=20', ''],
        ['relevant=all&state=all&limit=20', 'pertinence=tous'],
        ['relevant=all&state=set_aside&limit=20', 'pertinence=ecartes'],
      ];
      for (const [apiQuery, pageQuery] of pairs) {
        const fromApi = (await api(apiQuery)).items.map((i) => i.id);
        expect({ apiQuery, ids: await page(pageQuery) }).toEqual({ apiQuery, ids: fromApi });
      }
      expect(await page('')).not.toContain(second);
      expect((await api('relevant=true&limit=20')).items.map((i) => i.id)).not.toContain(second);
      expect(await page('pertinence=ecartes')).toEqual([second]);
      expect((await api('relevant=all&state=all&limit=100')).items.map((i) => i.id)).toContain(
        second,
      );
    } finally {
      await http()
        .patch(`/api/calls/${second}/state`)
        .set('Authorization', `Bearer ${structure.apiKey}`)
        .send({ status: 'new' })
        .expect(200);
    }
  });

  it('removes the top call of a watch marked « pas pour nous » from its RSS, /appels and the API in one pass', async () => {
    const feed = await testApp.app
      .get(FeedQuery)
      .profileMatches(structure.organisationId, profileId, { sort: 'score', limit: 1 });
    const top = feed.items[0];
    expect(top).toBeDefined();
    // One relevance figure: the watch shows the call at the score the list gives it.
    const listed = (await api('relevant=all&limit=100')).items.find((i) => i.id === top.callId);
    expect(listed?.score).toBeCloseTo(top.score, 3);
    expect(await rss()).toContain(top.callId);
    expect(await page('')).toContain(top.callId);
    expect((await api('relevant=true&limit=100')).items.map((i) => i.id)).toContain(top.callId);
    // Feeds speak French: theme labels, never the thesaurus' slugs.
    const feedText = await rss();
    expect(feedText).toContain('Thèmes :&lt;/strong&gt; ');
    expect(feedText).not.toMatch(/Thèmes :&lt;\/strong&gt; [^&]*_/);
    expect(feedText).not.toMatch(/Pourquoi :&lt;\/strong&gt; [^&]*_/);

    await web.get(`/appels/${top.callId}`);
    const marked = await web.post(`/appels/${top.callId}/avis`, {
      avis: 'pas-pour-nous',
      retour: '/appels',
    });
    expect(marked.status).toBe(303);
    await workerPass();

    expect(await rss()).not.toContain(top.callId);
    expect(await page('')).not.toContain(top.callId);
    expect((await api('relevant=true&limit=100')).items.map((i) => i.id)).not.toContain(top.callId);
    expect(await page('pertinence=ecartes')).toContain(top.callId);
    // And the two lists still agree after the mark moved calls like it.
    expect(await page('pertinence=tous')).toEqual(
      (await api('relevant=all&limit=20')).items.map((i) => i.id),
    );
  });
});
