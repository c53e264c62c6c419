import {
  CallClassificationService,
  ORGANISATION_RELEVANT_SQL,
  ORGANISATION_SCORE_SQL,
  OrganisationScoreService,
  organisationFigureJoins,
} from '@app/classifier';
import { Call } from '@app/persistence';
import { type ApiSchema, createTestApp, TestApp } from '@app/testing';
import type { Principal } from '@app/tenancy';
import request from 'supertest';
import { CallQueryService } from '../../apps/api/src/call/call-query.service';
import type { ListCallsQueryDto } from '../../apps/api/src/call/call-query.dto';
import { addCallEvent, addCallSource, createCall } from '../factories/call.factory';
import { createOrganisation, OrganisationFixture } from '../factories/organisation.factory';

type ListItem = ApiSchema<'CallListItemView'>;
type CallList = ApiSchema<'CallListView'>;
type CallDetail = ApiSchema<'CallDetailView'>;

const ACCESSIBILITY =
  "Audit d'accessibilité numérique RGAA des sites et des démarches en ligne des services publics, " +
  'formation des agents à l’accessibilité des contenus pour les personnes en situation de handicap.';

describe('Calls API', () => {
  let testApp: TestApp;
  let epn: OrganisationFixture;
  let centre: OrganisationFixture;
  const calls: Record<string, Call> = {};
  const http = () => request(testApp.app.getHttpServer());
  const get = (org: OrganisationFixture, path: string) =>
    http().get(path).set('Authorization', `Bearer ${org.apiKey}`);
  const list = async (org: OrganisationFixture, query = ''): Promise<ListItem[]> =>
    ((await get(org, `/api/calls?limit=100${query}`).expect(200)).body as CallList).items;

  beforeAll(async () => {
    testApp = await createTestApp();
    const db = testApp.database.dataSource;
    epn = await createOrganisation(testApp.app, { name: 'EPN de Thiers', territory: ['63'] });
    centre = await createOrganisation(testApp.app, { name: 'Centre social Voisin' });
    calls.mediation = await createCall(db, {
      title: 'Appel à projets « Médiation numérique de proximité » 2027',
      descriptionText:
        "Ateliers d'initiation au numérique pour les publics éloignés, accompagnement des personnes en situation d'illectronisme dans les espaces publics numériques. Les associations sont éligibles.",
      descriptionHtml:
        '<p>Ateliers d’initiation</p><script>alert(1)</script><a href="javascript:alert(2)">x</a>',
      territory: ['R84'],
      nextDeadline: '2027-03-01',
      deadlines: [{ date: '2027-03-01', time: '12:00' }],
      amountMaxCents: 3_000_000,
    });
    calls.fse = await createCall(db, {
      title: 'FSE+ Inclusion active : levée des freins à l’emploi',
      descriptionText:
        "Le Fonds social européen (FSE+) finance l'accompagnement des demandeurs d'emploi et l'inclusion numérique des publics en insertion professionnelle.",
      territory: ['FR'],
      nextDeadline: '2027-02-01',
    });
    calls.tiersLieux = await createCall(db, {
      title: 'Fabriques de territoire : tiers-lieux et inclusion numérique',
      descriptionText:
        'Soutien aux tiers-lieux qui proposent de la médiation numérique et un accompagnement aux démarches en ligne.',
      territory: ['75'],
      nextDeadline: null,
      deadlines: [],
      rolling: true,
    });
    calls.roads = await createCall(db, {
      title: 'Travaux de voirie communale 2027',
      descriptionText:
        'Réfection des chaussées, des trottoirs et de l’éclairage public des communes ; un volet numérique pour le suivi des chantiers.',
    });
    calls.closed = await createCall(db, {
      title: 'Médiation numérique 2025 (clôturé)',
      descriptionText: 'Ateliers de médiation numérique et inclusion numérique des seniors.',
      status: 'closed',
      nextDeadline: null,
    });
    for (const n of [1, 2, 3, 4]) {
      calls[`access${n}`] = await createCall(db, {
        title: `Accessibilité numérique des services publics, vague ${n}`,
        descriptionText: ACCESSIBILITY,
        nextDeadline: `2027-0${n + 4}-15`,
      });
    }
    await addCallSource(db, calls.mediation.id, {
      id: 'region-ara',
      name: 'Région Auvergne-Rhône-Alpes',
      url: 'https://region.test/aides',
    });
    await addCallEvent(db, calls.mediation.id, {
      kind: 'created',
      summary: 'appel publié',
      occurredAt: new Date('2026-10-01T08:00:00Z'),
    });
    await addCallEvent(db, calls.mediation.id, {
      kind: 'changed',
      summary: 'date limite reportée du 15/02/2027 au 01/03/2027',
      occurredAt: new Date('2026-11-01T08:00:00Z'),
    });
    await testApp.app.get(CallClassificationService).scorePending();
  });
  afterAll(() => testApp.close());

  it('lists the relevant open calls by default, best first, each with a French reason', async () => {
    const items = await list(epn);
    const ids = items.map((i) => i.id);
    expect(ids).toEqual(
      expect.arrayContaining([calls.mediation.id, calls.fse.id, calls.tiersLieux.id]),
    );
    expect(ids).not.toContain(calls.roads.id);
    expect(ids).not.toContain(calls.closed.id);
    expect(items.every((i) => i.relevant && i.reason.startsWith('Pertinent : «'))).toBe(true);
    const scores = items.map((i) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const fse = items.find((i) => i.id === calls.fse.id);
    expect(fse?.euFund).toBe('FSE_PLUS');
    const notRelevant = await list(epn, '&relevant=false');
    expect(notRelevant.map((i) => i.id)).toContain(calls.roads.id);
    expect(notRelevant.every((i) => !i.relevant)).toBe(true);
  });

  it('explains every relevant call with the words that matched', async () => {
    for (const item of await list(epn)) {
      const detail = (await get(epn, `/api/calls/${item.id}`).expect(200)).body as CallDetail;
      const words = detail.classification.explanation.filter(
        (e: { kind: string; match: string; weight: number }) =>
          ['concept', 'proximity'].includes(e.kind) && e.weight > 0 && e.match.length > 0,
      );
      expect(words.length).toBeGreaterThan(0);
      expect(words[0]).toEqual(
        expect.objectContaining({ field: expect.any(String), snippet: expect.any(String) }),
      );
      expect(detail.classification.version).toMatch(/^\d+\.\d+\.\d+\+/);
    }
  });

  it('sorts by deadline with rolling calls last', async () => {
    const items = await list(epn, '&sort=deadline');
    const dated = items.filter((i) => i.nextDeadline !== null).map((i) => i.nextDeadline);
    expect(dated).toEqual([...dated].sort());
    expect(items[items.length - 1].rolling).toBe(true);
  });

  it('filters by text, theme, EU fund, territory and deadline', async () => {
    const ids = async (query: string) => (await list(epn, query)).map((i) => i.id);
    expect(await ids('&q=tiers-lieux')).toEqual([calls.tiersLieux.id]);
    // Typed without accents, capitals or in another order: the same call is found.
    expect(await ids('&q=DEMARCHES%20fabriques')).toEqual([calls.tiersLieux.id]);
    expect(await ids('&q=fabriques%20voirie')).toEqual([]);
    expect(await ids('&q=50%25')).toEqual([]);
    expect(await ids('&euFund=FSE_PLUS')).toEqual([calls.fse.id]);
    expect(await ids('&theme=fse')).toContain(calls.fse.id);
    expect(await ids('&theme=fse')).not.toContain(calls.tiersLieux.id);
    const inPuyDeDome = await ids('&territory=63');
    expect(inPuyDeDome).toEqual(expect.arrayContaining([calls.mediation.id, calls.fse.id]));
    expect(inPuyDeDome).not.toContain(calls.tiersLieux.id);
    expect(await ids('&deadlineBefore=2027-02-15')).toEqual([calls.fse.id]);
    expect(await ids('&deadlineAfter=2027-02-15&deadlineBefore=2027-03-31')).toEqual([
      calls.mediation.id,
    ]);
    expect(await ids('&status=closed&relevant=all')).toEqual([calls.closed.id]);
  });

  it('pages through the list with a stable total', async () => {
    const all = await list(epn, '&relevant=all');
    const first = (await get(epn, '/api/calls?relevant=all&limit=3&offset=0').expect(200))
      .body as CallList;
    const second = (await get(epn, '/api/calls?relevant=all&limit=3&offset=3').expect(200))
      .body as CallList;
    expect(first.total).toBe(all.length);
    expect(second.total).toBe(all.length);
    expect([...first.items, ...second.items].map((i: ListItem) => i.id)).toEqual(
      all.slice(0, 6).map((i) => i.id),
    );
  });

  it('pages the merged ranking exactly as one plain sort of every call by its figure', async () => {
    // The list merges two index walks (shared ranking, the organisation's own figures); a plain
    // ORDER BY over every call with the organisation's figure must give the same pages.
    const service = testApp.app.get(CallQueryService);
    const db = testApp.database.dataSource;
    const marked = await createOrganisation(testApp.app, { name: 'Marques croisées' });
    const principal: Principal = {
      organisationId: marked.organisationId,
      userId: '00000000-0000-4000-8000-000000000001',
      membershipId: '00000000-0000-4000-8000-000000000002',
      role: 'member',
    };
    await db.query(
      `INSERT INTO call_feedback (organisation_id, call_id, relevant) VALUES ($1, $2, false), ($1, $3, true)`,
      [marked.organisationId, calls.mediation.id, calls.roads.id],
    );
    await testApp.app.get(OrganisationScoreService).refresh(marked.organisationId);
    const reference = async (query: ListCallsQueryDto): Promise<string[]> => {
      const rows: Array<{ id: string }> = await db.query(
        `SELECT c.id FROM call c JOIN call_classification cc ON cc.call_id = c.id
           ${organisationFigureJoins('$1')}
          WHERE c.status = ANY($2) AND ($3 = 'all' OR ${ORGANISATION_RELEVANT_SQL} = ($3 = 'true'))
          ORDER BY ${
            query.sort === 'deadline'
              ? `COALESCE(c.next_deadline, DATE '9999-12-31'), ${ORGANISATION_SCORE_SQL} DESC`
              : `${ORGANISATION_RELEVANT_SQL} DESC, ${ORGANISATION_SCORE_SQL} DESC,
                 COALESCE(c.next_deadline, DATE '9999-12-31')`
          }, c.id`,
        [marked.organisationId, query.status ?? ['open', 'forthcoming'], query.relevant ?? 'true'],
      );
      return rows.map((r) => r.id);
    };
    let nonEmpty = 0;
    for (const sort of ['score', 'deadline'] as const)
      for (const relevant of ['true', 'false', 'all'] as const)
        for (const [offset, limit] of [
          [0, 100],
          [0, 2],
          [1, 2],
          [3, 3],
        ]) {
          const query: ListCallsQueryDto = { sort, relevant, offset, limit };
          const merged = await service.list(principal, query);
          const every = await reference(query);
          const plain = every.slice(offset, offset + limit);
          expect({ query, ids: merged.items.map((i) => i.id), total: merged.total }).toEqual({
            query,
            ids: plain,
            total: every.length,
          });
          if (plain.length > 1) nonEmpty++;
        }
    expect(nonEmpty).toBeGreaterThan(6);
    const all = await service.list(principal, { relevant: 'all', limit: 100 });
    expect(all.items.find((i) => i.id === calls.mediation.id)?.relevant).toBe(false);
    expect(all.items.find((i) => i.id === calls.roads.id)?.relevant).toBe(true);
  });

  it('hides the calls the organisation set aside unless state asks for them, as /appels does', async () => {
    const before = (await list(epn)).map((i) => i.id);
    expect(before).toContain(calls.fse.id);
    await http()
      .patch(`/api/calls/${calls.fse.id}/state`)
      .set('Authorization', `Bearer ${epn.apiKey}`)
      .send({ status: 'dismissed' })
      .expect(200);
    const total = async (query: string) =>
      ((await get(epn, `/api/calls?limit=100${query}`).expect(200)).body as CallList).total;
    try {
      // Hidden by default, whatever the relevance asked for, and from the count too.
      expect((await list(epn)).map((i) => i.id)).toEqual(
        before.filter((id) => id !== calls.fse.id),
      );
      expect(await total('')).toBe(before.length - 1);
      expect((await list(epn, '&relevant=all')).map((i) => i.id)).not.toContain(calls.fse.id);
      // Shown on demand: all of them (« tous »), or only the set-aside ones (« écartés »).
      expect((await list(epn, '&state=all')).map((i) => i.id)).toEqual(before);
      expect(await total('&state=all')).toBe(before.length);
      expect((await list(epn, '&state=set_aside')).map((i) => i.id)).toEqual([calls.fse.id]);
      // Another organisation's state never hides anything.
      expect((await list(centre)).map((i) => i.id)).toContain(calls.fse.id);
      await get(epn, '/api/calls?state=dismissed').expect(400);
    } finally {
      await http()
        .patch(`/api/calls/${calls.fse.id}/state`)
        .set('Authorization', `Bearer ${epn.apiKey}`)
        .send({ status: 'new' })
        .expect(200);
    }
    expect((await list(epn)).map((i) => i.id)).toEqual(before);
  });

  it('stops counting past 1,000 calls and says the total is a lower bound', async () => {
    const db = testApp.database.dataSource;
    // 1,005 withdrawn calls (a status no other test lists), scored as the classifier would.
    await db.query(
      `INSERT INTO call (fingerprint, title, url, description_text, status, content_hash,
                         first_seen_at, last_seen_at, last_changed_at)
       SELECT 'many-' || g, 'Appel retiré ' || g, 'https://many.test/' || g, '', 'withdrawn',
              'many-' || g, now(), now(), now()
         FROM generate_series(1, 1005) g`,
    );
    await db.query(
      `INSERT INTO call_classification (call_id, version, score, relevant, content_hash, classified_at)
       SELECT id, 'test', 0.5, true, content_hash, now() FROM call WHERE fingerprint LIKE 'many-%'`,
    );
    try {
      const page = async (query: string) =>
        (await get(epn, `/api/calls?status=withdrawn&${query}`).expect(200)).body as CallList;
      expect(await page('limit=20')).toMatchObject({ total: 1000, totalIsLowerBound: true });
      // Never less than what was shown: counting goes on to the end of the page asked for,
      // and is exact once it reaches the last call.
      expect(await page('limit=100&offset=850')).toMatchObject({
        total: 1000,
        totalIsLowerBound: true,
      });
      const last = await page('limit=20&offset=1000');
      expect(last).toMatchObject({ total: 1005, totalIsLowerBound: false });
      expect(last.items).toHaveLength(5);
      expect(await page('limit=20&offset=990')).toMatchObject({
        total: 1005,
        totalIsLowerBound: false,
      });
      // 42, 142…942, 420…429, 1042 does not exist: 20 calls, counted exactly.
      expect(await page('limit=20&q=retir%C3%A9%2042')).toMatchObject({
        total: 20,
        totalIsLowerBound: false,
      });
    } finally {
      await db.query(`DELETE FROM call WHERE fingerprint LIKE 'many-%'`);
    }
  });

  it('refuses bad filters, naming the parameter', async () => {
    for (const [query, name] of [
      ['limit=101', 'limit'],
      ['territory=99', 'territory'],
      ['status=ouvert', 'status'],
      ['deadlineBefore=31/03/2027', 'deadlineBefore'],
      ['sort=random', 'sort'],
    ]) {
      const response = await get(epn, `/api/calls?${query}`).expect(400);
      expect(response.body.message).toContain(name);
    }
  });

  it('finding 6: offset=1e20 and other huge numbers give 400 naming the parameter, not 500', async () => {
    const watch = await http()
      .post('/api/watches')
      .set('Authorization', `Bearer ${epn.apiKey}`)
      .send({ name: 'Bornes', themes: ['mediation_numerique'] })
      .expect(201);
    for (const [path, name] of [
      ['/api/calls?offset=1e20', 'offset'],
      ['/api/calls?offset=99999999999999999999', 'offset'],
      ['/api/calls?limit=1e20', 'limit'],
      [`/api/watches/${watch.body.id}/matches?offset=1e20`, 'offset'],
      [`/api/watches/${watch.body.id}/matches?limit=1e20`, 'limit'],
      [`/api/watches/${watch.body.id}/matches?minScore=1e20`, 'minScore'],
      ['/api/treasury?months=1e20', 'months'],
    ]) {
      const response = await get(epn, path);
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
      expect(JSON.stringify(response.body.message)).toContain(name);
    }
    // The largest offset allowed still answers, with an empty page.
    const last = await get(epn, '/api/calls?relevant=all&offset=1000000').expect(200);
    expect(last.body.items).toEqual([]);
  });

  it('shows one call with sanitised HTML, its sources, deadlines and history newest first', async () => {
    const detail = (await get(epn, `/api/calls/${calls.mediation.id}`).expect(200))
      .body as CallDetail;
    expect(detail.descriptionHtml).toContain('Ateliers');
    expect(detail.descriptionHtml).not.toMatch(/script|javascript/);
    expect(detail.sources).toEqual([
      expect.objectContaining({ sourceId: 'region-ara', name: 'Région Auvergne-Rhône-Alpes' }),
    ]);
    expect(detail.deadlines).toEqual([{ date: '2027-03-01', time: '12:00' }]);
    expect(detail.amounts.maxCents).toBe(3_000_000);
    expect(detail.history.map((e: { kind: string }) => e.kind)).toEqual(['changed', 'created']);
    expect(detail.myFeedback).toBeNull();
  });

  it('answers 404 for an unknown call and 400 for a malformed id', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    await get(epn, `/api/calls/${unknown}`).expect(404);
    await http()
      .post(`/api/calls/${unknown}/feedback`)
      .set('Authorization', `Bearer ${epn.apiKey}`)
      .send({ relevant: true })
      .expect(404);
    await get(epn, '/api/calls/not-a-uuid').expect(400);
  });

  it('forbids a viewer to mark a call, but lets them read the list', async () => {
    const viewer = await epn.addMember('viewer');
    const response = await http()
      .post(`/api/calls/${calls.fse.id}/feedback`)
      .set('Authorization', `Bearer ${viewer}`)
      .send({ relevant: false })
      .expect(403);
    expect(response.body.code).toBe('FORBIDDEN');
    await http().get('/api/calls').set('Authorization', `Bearer ${viewer}`).expect(200);
  });

  it('refuses a mark without a boolean', async () => {
    const response = await http()
      .post(`/api/calls/${calls.fse.id}/feedback`)
      .set('Authorization', `Bearer ${epn.apiKey}`)
      .send({ relevant: 'oui' })
      .expect(400);
    expect(response.body.message).toContain('relevant');
  });

  it('re-ranks for the organisation that marks calls, and only for it', async () => {
    const scoresOf = (items: ListItem[]) => new Map(items.map((i) => [i.id, i.score]));
    const epnBefore = await list(epn, '&relevant=all');
    const centreBefore = await list(centre, '&relevant=all');
    expect(epnBefore.map((i) => i.id)).toEqual(centreBefore.map((i) => i.id));

    const member = await epn.addMember('member');
    for (const id of [calls.access1.id, calls.access2.id]) {
      await http()
        .post(`/api/calls/${id}/feedback`)
        .set('Authorization', `Bearer ${member}`)
        .send({ relevant: false })
        .expect(200);
    }
    await http()
      .post(`/api/calls/${calls.roads.id}/feedback`)
      .set('Authorization', `Bearer ${epn.apiKey}`)
      .send({ relevant: true })
      .expect(200);

    // The marked calls move at once; calls like them on the worker's next pass.
    const passed = await testApp.app.get(OrganisationScoreService).refreshStale();
    expect(passed.changedCallIds).toEqual(expect.arrayContaining([calls.access3.id]));
    const before = scoresOf(epnBefore);
    const after = await list(epn, '&relevant=all');
    const now = scoresOf(after);
    expect(after.map((i) => i.id)).not.toEqual(epnBefore.map((i) => i.id));
    for (const id of [calls.access1.id, calls.access2.id]) {
      expect(now.get(id)!).toBeLessThan(before.get(id)!);
      expect(after.find((i) => i.id === id)?.myFeedback).toMatchObject({ relevant: false });
    }
    // Never marked, but worded like the calls marked "pas pour nous": pushed down too.
    for (const id of [calls.access3.id, calls.access4.id]) {
      expect(now.get(id)!).toBeLessThan(before.get(id)!);
    }
    const roads = after.find((i) => i.id === calls.roads.id);
    expect(roads).toMatchObject({ relevant: true, myFeedback: { relevant: true } });
    expect(roads?.reason).toContain('vous avez marqué cet appel pertinent');
    expect((await list(epn)).map((i) => i.id)).toContain(calls.roads.id);

    const centreAfter = await list(centre, '&relevant=all');
    expect(centreAfter).toEqual(centreBefore);
    expect(centreAfter.every((i) => i.myFeedback === null)).toBe(true);
    const foreign = (await get(centre, `/api/calls/${calls.roads.id}`).expect(200))
      .body as CallDetail;
    expect(foreign.myFeedback).toBeNull();
    expect(foreign.classification.relevant).toBe(false);
    expect(JSON.stringify(foreign)).not.toContain('marqué');

    for (const id of [calls.access1.id, calls.access2.id, calls.roads.id]) {
      await http()
        .delete(`/api/calls/${id}/feedback`)
        .set('Authorization', `Bearer ${epn.apiKey}`)
        .expect(200);
    }
    await testApp.app.get(OrganisationScoreService).refreshStale();
    expect(await list(epn, '&relevant=all')).toEqual(epnBefore);
  });
});
