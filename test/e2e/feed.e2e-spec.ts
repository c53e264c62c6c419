import { type ApiGetBody, type ApiSchema, createTestApp, TestApp } from '@app/testing';
import { WatchMatchService } from '@app/watch';
import ICAL from 'ical.js';
import Parser from 'rss-parser';
import request from 'supertest';
import { createOrganisation, OrganisationFixture } from '../factories/organisation.factory';
import { createCall, moveDeadline } from '../factories/watch.factory';

// Bodies typed from the OpenAPI document: a change of contract is a type error here.
type Matches = ApiGetBody<'/api/watches/{id}/matches'>;
type IssuedToken = ApiSchema<'IssuedFeedTokenView'>;

describe('Watch profiles and feeds', () => {
  let testApp: TestApp;
  let epn: OrganisationFixture;
  let other: OrganisationFixture;
  let profileId: string;
  let feeds: { rss: string; atom: string; json: string; ics: string };
  let tokenId: string;
  let matchingCallId: string;
  const http = () => request(testApp.app.getHttpServer());
  const auth = (fixture: OrganisationFixture) => ({ Authorization: `Bearer ${fixture.apiKey}` });
  const path = (url: string) => new URL(url).pathname;
  const refresh = () => testApp.app.get(WatchMatchService).refresh();

  beforeAll(async () => {
    testApp = await createTestApp();
    epn = await createOrganisation(testApp.app, { name: 'EPN de Thiers', territory: ['63'] });
    other = await createOrganisation(testApp.app, { name: 'Centre social Voisin' });
    const matching = await createCall(testApp.app, {
      title: 'Appel « Numérique & inclusion » <2027>',
      deadlines: [{ date: '2027-03-15', time: '12:00' }],
      amountMaxCents: 7_200_000,
    });
    matchingCallId = matching.id;
    await createCall(testApp.app, {
      title: 'Machinisme agricole et numérique',
      description: 'Aide au machinisme agricole connecté.',
    });
    await createCall(testApp.app, { title: 'Appel breton', territory: ['R53'] });
    await createCall(testApp.app, { title: 'Appel non pertinent', score: 0.1, themes: [] });
    const created = await http()
      .post('/api/watches')
      .set(auth(epn))
      .send({
        name: 'Médiation numérique 63',
        themes: ['mediation_numerique'],
        excludeKeywords: ['machinisme agricole'],
        territories: ['63'],
        minScore: 0.3,
      })
      .expect(201);
    profileId = (created.body as ApiSchema<'WatchProfileView'>).id;
    const token = await http()
      .post(`/api/watches/${profileId}/feed-tokens`)
      .set(auth(epn))
      .expect(201);
    const issued: IssuedToken = token.body;
    feeds = issued.feeds;
    tokenId = issued.id;
  });
  afterAll(() => testApp.close());

  it('refuses an unknown theme or territory, naming it', async () => {
    const theme = await http()
      .post('/api/watches')
      .set(auth(epn))
      .send({ name: 'x', themes: ['astronautique'] })
      .expect(400);
    expect(theme.body.message).toContain('astronautique');
    expect(theme.body.details).toMatchObject({ field: 'themes' });
    const territory = await http()
      .post('/api/watches')
      .set(auth(epn))
      .send({ name: 'x', territories: ['63', '999'] })
      .expect(400);
    expect(territory.body.message).toContain('999');
  });

  it('matches on profile creation: région call for the département, exclusions first', async () => {
    const response = await http()
      .get(`/api/watches/${profileId}/matches`)
      .set(auth(epn))
      .expect(200);
    const matches: Matches = response.body;
    expect(matches.total).toBe(1);
    expect(matches.items[0]).toMatchObject({
      callId: matchingCallId,
      amountMaxCents: 7_200_000,
    });
    expect(matches.items[0].reasons.join(' ')).toContain('thème « Médiation numérique »');
  });

  it('gives each match its deadline in every order, and filters on it', async () => {
    // The call is joined before the page is cut only when the order or a filter needs it.
    const matches = async (query: string): Promise<Matches> =>
      (await http().get(`/api/watches/${profileId}/matches?${query}`).set(auth(epn)).expect(200))
        .body;
    const deadlines = new Set<string | null>();
    for (const sort of ['recent', 'score', 'deadline']) {
      const page = await matches(`sort=${sort}`);
      expect(page.items.map((i) => i.callId)).toEqual([matchingCallId]);
      deadlines.add(page.items[0].nextDeadline);
    }
    expect([...deadlines]).toHaveLength(1);
    const deadline = [...deadlines][0]!;
    expect(deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await matches(`deadlineBefore=${deadline}`)).total).toBe(1);
    expect((await matches('deadlineBefore=2026-01-01')).total).toBe(0);
  });

  it('serves an RSS 2.0 feed that a feed reader parses, with score, amount and deadline', async () => {
    const response = await http().get(path(feeds.rss)).expect(200);
    expect(response.headers['content-type']).toContain('application/rss+xml');
    const feed = await new Parser().parseString(response.text);
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0].title).toBe('Appel « Numérique & inclusion » <2027>');
    expect(feed.items[0].content).toContain('72\u202f000\u00a0€');
    expect(feed.items[0].content).toContain('15 mars 2027');
    expect(feed.items[0].content).toMatch(/Pertinence :<\/strong> \d+/);
  });

  it('serves Atom and JSON Feed 1.1 with the same items', async () => {
    const atom = await http().get(path(feeds.atom)).expect(200);
    const parsedAtom = await new Parser().parseString(atom.text);
    expect(parsedAtom.items.map((item) => item.title)).toEqual([
      'Appel « Numérique & inclusion » <2027>',
    ]);
    const json = await http().get(path(feeds.json)).expect(200);
    const body = JSON.parse(json.text);
    expect(body.version).toBe('https://jsonfeed.org/version/1.1');
    expect(body.items[0]._vigie).toMatchObject({ call_id: matchingCallId, deadline: '2027-03-15' });
  });

  it('answers 304 to If-None-Match and If-Modified-Since', async () => {
    const first = await http().get(path(feeds.rss)).expect(200);
    await http().get(path(feeds.rss)).set('If-None-Match', first.headers.etag).expect(304);
    await http()
      .get(path(feeds.rss))
      .set('If-Modified-Since', first.headers['last-modified'])
      .expect(304);
  });

  it('publishes deadlines in iCal (Europe/Paris); a moved deadline keeps its UID', async () => {
    const before = await http().get(path(feeds.ics)).expect(200);
    const calendar = new ICAL.Component(ICAL.parse(before.text));
    const [event] = calendar.getAllSubcomponents('vevent');
    ICAL.TimezoneService.register(calendar.getFirstSubcomponent('vtimezone')!);
    expect(event.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Paris');
    // 12:00 in Paris in March is winter time (UTC+1).
    expect(new ICAL.Event(event).startDate.toJSDate().toISOString()).toBe(
      '2027-03-15T11:00:00.000Z',
    );
    expect(
      event.getAllSubcomponents('valarm').map((a) => String(a.getFirstPropertyValue('trigger'))),
    ).toEqual(['-P14D', '-P3D']);
    const uid = event.getFirstPropertyValue('uid');
    const sequence = Number(event.getFirstPropertyValue('sequence'));

    await moveDeadline(
      testApp.app,
      matchingCallId,
      '2027-04-30',
      'date limite reportée au 30 avril 2027',
    );
    await refresh();
    const after = await http()
      .get(path(feeds.ics))
      .set('If-None-Match', before.headers.etag)
      .expect(200);
    const [moved] = new ICAL.Component(ICAL.parse(after.text)).getAllSubcomponents('vevent');
    expect(moved.getFirstPropertyValue('uid')).toBe(uid);
    expect(Number(moved.getFirstPropertyValue('sequence'))).toBeGreaterThan(sequence);
    // 12:00 in Paris at the end of April is summer time (UTC+2).
    expect(new ICAL.Event(moved).startDate.toJSDate().toISOString()).toBe(
      '2027-04-30T10:00:00.000Z',
    );

    const rss = await new Parser().parseString((await http().get(path(feeds.rss))).text);
    expect(rss.items[0].title).toContain('[Modifié]');
    expect(rss.items[0].content).toContain('date limite reportée au 30 avril 2027');
  });

  it('keeps a dismissed call out of the feeds, and notes private to their organisation', async () => {
    const call = await createCall(testApp.app, { title: 'Appel écarté par l’EPN' });
    await refresh();
    await http()
      .patch(`/api/calls/${call.id}/state`)
      .set(auth(epn))
      .send({ status: 'dismissed', notes: 'Pas pour nous : note secrète' })
      .expect(200);
    const rss = await http().get(path(feeds.rss)).expect(200);
    expect(rss.text).not.toContain('Appel écarté');
    const othersView = await http().get(`/api/calls/${call.id}/state`).set(auth(other)).expect(200);
    expect(othersView.body).toMatchObject({ status: 'new', notes: '' });
    const dismissed = await http()
      .get(`/api/watches/${profileId}/matches?status=dismissed`)
      .set(auth(epn))
      .expect(200);
    expect((dismissed.body as Matches).items.map((item) => item.title)).toEqual([
      'Appel écarté par l’EPN',
    ]);
  });

  it('hides profiles, matches and tokens of another organisation behind 404', async () => {
    await http().get(`/api/watches/${profileId}`).set(auth(other)).expect(404);
    await http().get(`/api/watches/${profileId}/matches`).set(auth(other)).expect(404);
    await http().get(`/api/watches/${profileId}/matches.csv`).set(auth(other)).expect(404);
    await http()
      .delete(`/api/watches/${profileId}/feed-tokens/${tokenId}`)
      .set(auth(other))
      .expect(404);
    const list = await http().get('/api/watches').set(auth(other)).expect(200);
    expect(list.body).toEqual([]);
  });

  it('exports a selection as a semicolon CSV with a BOM', async () => {
    const response = await http()
      .get(`/api/watches/${profileId}/matches.csv?ids=${matchingCallId}`)
      .set(auth(epn))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
      })
      .expect(200);
    const text = response.body as string;
    expect(text.startsWith('\ufeff')).toBe(true);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0].split(';')[0]).toBe('Titre');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('jusqu’à 72\u202f000\u00a0€');
  });

  it('answers 404 for a revoked token', async () => {
    await http()
      .delete(`/api/watches/${profileId}/feed-tokens/${tokenId}`)
      .set(auth(epn))
      .expect(204);
    const response = await http().get(path(feeds.rss)).expect(404);
    expect(response.body).toMatchObject({ code: 'FEED_NOT_FOUND' });
  });
});
