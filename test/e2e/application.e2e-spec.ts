import { Call } from '@app/persistence';
import { type ApiGetBody, createTestApp, TestApp } from '@app/testing';
import request from 'supertest';
import { createApplication, fseApplicationBody, ideaBody } from '../factories/application.factory';
import { createOrganisation, OrganisationFixture } from '../factories/organisation.factory';

// Bodies typed from the OpenAPI document: a change of contract is a type error here.
type Application = ApiGetBody<'/api/applications/{id}'>;
type ApplicationList = ApiGetBody<'/api/applications'>;
type FundingPlan = ApiGetBody<'/api/applications/{id}/funding-plan'>;
type Cofinancing = ApiGetBody<'/api/applications/{id}/cofinancing'>;

describe('Applications API', () => {
  let testApp: TestApp;
  let epn: OrganisationFixture;
  let other: OrganisationFixture;
  let viewerKey: string;
  let memberKey: string;
  let accountantKey: string;
  const http = () => request(testApp.app.getHttpServer());
  const as = (key: string) => ({ Authorization: `Bearer ${key}` });
  const count = async (key: string) =>
    ((await http().get('/api/applications').set(as(key)).expect(200)).body as ApplicationList)
      .length;

  beforeAll(async () => {
    testApp = await createTestApp();
    epn = await createOrganisation(testApp.app, { name: 'EPN Les Olympiades', territory: ['63'] });
    other = await createOrganisation(testApp.app, { name: 'Centre social Voisin' });
    viewerKey = await epn.addMember('viewer');
    memberKey = await epn.addMember('member');
    accountantKey = await epn.addMember('accountant');
  });
  afterAll(() => testApp.close());

  it('creates an application with its funding lines inline, with database ids, version and history', async () => {
    const response = await http()
      .post('/api/applications')
      .set(as(epn.apiKey))
      .send(fseApplicationBody())
      .expect(201);
    expect(response.headers.etag).toBe('"1"');
    expect(response.body).toMatchObject({
      status: 'in_progress',
      totalCostCents: 12_000_000,
      version: 1,
      fundingLines: [
        {
          kind: 'FSE_PLUS',
          amountCents: 7_200_000,
          signedAt: '2025-12-15',
          id: expect.any(String),
        },
        { kind: 'SELF_FUNDING', amountCents: 4_800_000 },
      ],
      history: [{ from: null, to: 'in_progress' }],
    });
    const fetched = await http()
      .get(`/api/applications/${response.body.id}`)
      .set(as(viewerKey))
      .expect(200);
    expect((fetched.body as Application).fundingLines.map((line) => line.id)).toEqual(
      (response.body as Application).fundingLines.map((line) => line.id),
    );
  });

  it('item 11: accepts an operation already over, with a warning in the answer (create and edit)', async () => {
    // TEST_NOW is November 2026: an operation ended in December 2020 is in the past.
    const created = await http()
      .post('/api/applications')
      .set(as(epn.apiKey))
      .send(ideaBody({ operationStart: '2020-01', operationEnd: '2020-12' }))
      .expect(201);
    expect(created.body.warnings).toEqual([
      {
        path: 'operationEnd',
        code: 'OPERATION_IN_PAST',
        message: expect.stringContaining('décembre 2020'),
        messageEn: expect.stringContaining('2020-12'),
      },
    ]);
    const fixed = await http()
      .patch(`/api/applications/${created.body.id}`)
      .set({ ...as(epn.apiKey), 'If-Match': '"1"' })
      .send({ operationStart: '2027-01', operationEnd: '2027-06' })
      .expect(200);
    expect(fixed.body.warnings).toEqual([]);
    // The month in progress is not the past: an operation ending this month is fine.
    const current = await http()
      .post('/api/applications')
      .set(as(epn.apiKey))
      .send(ideaBody({ operationStart: '2026-01', operationEnd: '2026-11' }))
      .expect(201);
    expect(current.body.warnings).toEqual([]);
    // Documented for API clients.
    const docs = await http().get('/api/docs-json').expect(200);
    expect(docs.body.components.schemas.ApplicationWrittenDto.properties.warnings).toMatchObject({
      type: 'array',
    });
  });

  it('lists the organisation’s applications, filtered by status', async () => {
    await createApplication(testApp.app, epn.apiKey, ideaBody({ title: 'Idée à filtrer' }));
    const ideas = await http().get('/api/applications?status=idea').set(as(epn.apiKey)).expect(200);
    const listed: ApplicationList = ideas.body;
    expect(listed.map((a) => a.title)).toContain('Idée à filtrer');
    expect(listed.every((a) => a.status === 'idea')).toBe(true);
    await http().get('/api/applications?status=won').set(as(epn.apiKey)).expect(400);
  });

  const line = (extra: Record<string, unknown>) => ({
    funder: 'Région',
    kind: 'REGION',
    amountCents: 100_000,
    status: 'planned',
    ...extra,
  });
  it.each([
    ['a negative amount', { totalCostCents: -5 }, 'totalCostCents', 'NEGATIVE'],
    ['a non-integer amount', { totalCostCents: 1500.5 }, 'totalCostCents', 'NOT_AN_INTEGER'],
    ['an amount in a string', { totalCostCents: '1500' }, 'totalCostCents', 'NOT_AN_INTEGER'],
    [
      'an absurd amount (> 100 M€)',
      { fundingLines: [line({ amountCents: 10_000_000_001 })] },
      'fundingLines[0].amountCents',
      'TOO_LARGE',
    ],
    [
      'payments exceeding the line',
      {
        fundingLines: [
          line({
            schedule: {
              payments: [
                { month: '2027-01', amountCents: 60_000 },
                { month: '2027-02', amountCents: 60_000 },
              ],
            },
          }),
        ],
      },
      'fundingLines[0].schedule.payments',
      'PAYMENTS_EXCEED_AMOUNT',
    ],
    [
      'an end before the start',
      { operationStart: '2027-06', operationEnd: '2027-01' },
      'operationEnd',
      'END_BEFORE_START',
    ],
    [
      'an unknown kind',
      { fundingLines: [line({ kind: 'LOTO' })] },
      'fundingLines[0].kind',
      'UNKNOWN_VALUE',
    ],
    ['a bad month', { operationStart: '2027-13' }, 'operationStart', 'BAD_MONTH'],
  ])(
    'refuses %s with 400 naming the field, and stores nothing',
    async (_case, overrides, path, code) => {
      const before = await count(epn.apiKey);
      const response = await http()
        .post('/api/applications')
        .set(as(epn.apiKey))
        .send(ideaBody(overrides))
        .expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, code: 'INVALID_INPUT' });
      expect(response.body.message).toContain(path);
      expect(response.body.details.issues).toEqual(
        expect.arrayContaining([expect.objectContaining({ path, code })]),
      );
      expect(response.body.details.issues[0].message).toEqual(expect.any(String));
      expect(response.body.details.issues[0].messageEn).toEqual(expect.any(String));
      expect(await count(epn.apiKey)).toBe(before);
    },
  );

  it('refuses an unknown field in a funding line, naming it', async () => {
    const response = await http()
      .post('/api/applications')
      .set(as(epn.apiKey))
      .send(ideaBody({ fundingLines: [line({ rate: 12 })] }))
      .expect(400);
    expect(response.body.message).toContain('rate');
  });

  it('refuses a bad line on an existing plan without touching it', async () => {
    const app = await createApplication(testApp.app, epn.apiKey, fseApplicationBody());
    const response = await http()
      .post(`/api/applications/${app.id}/funding-lines`)
      .set(as(accountantKey))
      .send(line({ amountCents: -1 }))
      .expect(400);
    expect(response.body.details.issues).toEqual([
      expect.objectContaining({ path: 'amountCents', code: 'NEGATIVE' }),
    ]);
    const after = await http().get(`/api/applications/${app.id}`).set(as(epn.apiKey)).expect(200);
    expect(after.body.fundingLines).toHaveLength(2);
    expect(after.body.version).toBe(1);
  });

  it('edits a funding plan: add, change and remove lines, each bumping the version', async () => {
    const app = await createApplication(testApp.app, epn.apiKey, ideaBody());
    const added = await http()
      .post(`/api/applications/${app.id}/funding-lines`)
      .set(as(accountantKey))
      .send({ ...line({ amountCents: 500_000 }), version: 1 })
      .expect(201);
    expect(added.body.version).toBe(2);
    const lineId = added.body.fundingLines[0].id;
    const changed = await http()
      .patch(`/api/applications/${app.id}/funding-lines/${lineId}`)
      .set({ ...as(accountantKey), 'If-Match': '"2"' })
      .send({ amountCents: 600_000, status: 'granted' })
      .expect(200);
    expect(changed.body.fundingLines[0]).toMatchObject({
      amountCents: 600_000,
      status: 'granted',
      funder: 'Région',
    });
    const removed = await http()
      .delete(`/api/applications/${app.id}/funding-lines/${lineId}`)
      .set(as(epn.apiKey))
      .expect(200);
    expect(removed.body).toMatchObject({ fundingLines: [], version: 4 });
  });

  it('gives the later of two edits from the same version a 409, and keeps the first', async () => {
    const app = await createApplication(testApp.app, epn.apiKey, fseApplicationBody());
    const lineId = (app.fundingLines as { id: string }[])[0].id;
    const edit = (amountCents: number) =>
      http()
        .patch(`/api/applications/${app.id}/funding-lines/${lineId}`)
        .set(as(accountantKey))
        .send({ amountCents, version: 1 });
    const [first, second] = await Promise.all([edit(7_000_000), edit(6_000_000)]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const winner = first.status === 200 ? 7_000_000 : 6_000_000;
    const loser = first.status === 409 ? first : second;
    expect(loser.body).toMatchObject({
      code: 'STALE_VERSION',
      details: { currentVersion: 2, sentVersion: 1 },
    });
    const stored = await http().get(`/api/applications/${app.id}`).set(as(epn.apiKey)).expect(200);
    expect(stored.body.fundingLines[0].amountCents).toBe(winner);
    expect(stored.body.version).toBe(2);
    await http()
      .patch(`/api/applications/${app.id}`)
      .set({ ...as(epn.apiKey), 'If-Match': '"1"' })
      .send({ title: 'Trop tard' })
      .expect(409);
  });

  it('follows the status graph with a dated history, and refuses impossible moves with 409', async () => {
    const app = await createApplication(testApp.app, memberKey, ideaBody());
    const move = (status: string, at?: string) =>
      http().post(`/api/applications/${app.id}/status`).set(as(memberKey)).send({ status, at });
    await move('preparing', '2026-09-01').expect(200);
    const submitted = await move('submitted', '2026-10-15').expect(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', submittedAt: '2026-10-15' });
    const refused = await move('in_progress').expect(409);
    expect(refused.body).toMatchObject({
      code: 'INVALID_TRANSITION',
      details: { from: 'submitted', to: 'in_progress' },
    });
    const granted = await move('granted', '2026-11-20').expect(200);
    expect(granted.body.notifiedAt).toBe('2026-11-20');
    expect(granted.body.history.map((e: { to: string; at: string }) => `${e.to}@${e.at}`)).toEqual(
      expect.arrayContaining([
        'preparing@2026-09-01',
        'submitted@2026-10-15',
        'granted@2026-11-20',
      ]),
    );
    await move('granted').expect(409);
    await move('shipped').expect(400);
    await move('closed', '2026-13-01').expect(400);
  });

  it('checks the funding plan: gap, EU share above its maximum, LEADER without a national co-financer', async () => {
    const app = await createApplication(
      testApp.app,
      epn.apiKey,
      ideaBody({
        totalCostCents: 10_000_000,
        euArea: 'mainland',
        fundingLines: [
          {
            funder: 'GAL Livradois-Forez',
            kind: 'FEADER_LEADER',
            amountCents: 6_000_000,
            status: 'requested',
          },
        ],
      }),
    );
    const check = await http()
      .get(`/api/applications/${app.id}/funding-plan`)
      .set(as(viewerKey))
      .expect(200);
    expect(check.body).toMatchObject({
      applicationId: app.id,
      totalCostCents: 10_000_000,
      gapCents: 4_000_000,
    });
    const plan: FundingPlan = check.body;
    const codes = plan.issues.map((i) => i.code);
    expect(codes).toEqual(expect.arrayContaining(['COFINANCING_GAP', 'LEADER_COFINANCER_MISSING']));
    const leader = plan.issues.find((i) => i.code === 'LEADER_COFINANCER_MISSING');
    expect(leader?.fundingLineId).toBe((app.fundingLines as { id: string }[])[0].id);
  });

  it('finds stored open calls that could fill the gap, closing before the operation starts', async () => {
    const calls = testApp.database.dataSource.getRepository(Call);
    const base = {
      url: 'https://example.invalid/appel',
      contentHash: 'h',
      firstSeenAt: new Date(),
      lastSeenAt: new Date(),
      lastChangedAt: new Date(),
    };
    const [fits, late, elsewhere, thiers, montlucon] = await calls.save([
      {
        ...base,
        fingerprint: 'a',
        title: 'Fonds numérique Auvergne',
        status: 'open',
        nextDeadline: '2099-01-15',
        territory: ['R84'],
        audiences: ['associations'],
        amountMaxCents: 5_000_000,
      },
      {
        ...base,
        fingerprint: 'b',
        title: 'Appel trop tardif',
        status: 'open',
        nextDeadline: '2099-06-30',
        territory: ['FR'],
      },
      {
        ...base,
        fingerprint: 'c',
        title: 'Appel breton',
        status: 'open',
        nextDeadline: '2099-01-15',
        territory: ['R53'],
      },
      // The EPN is in the Puy-de-Dôme: a call for Thiers (63430) concerns it, one for
      // Montluçon (03185, Allier) does not.
      {
        ...base,
        fingerprint: 'd',
        title: 'Appel thiernois',
        status: 'open',
        nextDeadline: '2099-01-15',
        territory: ['63430'],
      },
      {
        ...base,
        fingerprint: 'e',
        title: 'Appel montluçonnais',
        status: 'open',
        nextDeadline: '2099-01-15',
        territory: ['03185'],
      },
    ]);
    const app = await createApplication(
      testApp.app,
      epn.apiKey,
      ideaBody({ operationStart: '2099-03', operationEnd: '2099-12', totalCostCents: 4_000_000 }),
    );
    const found = await http()
      .get(`/api/applications/${app.id}/cofinancing`)
      .set(as(viewerKey))
      .expect(200);
    const cofinancing: Cofinancing = found.body;
    const ids = cofinancing.candidates.map((c) => c.callId);
    expect(ids).toContain(fits.id);
    expect(ids).not.toContain(late.id);
    expect(ids).not.toContain(elsewhere.id);
    expect(ids).toContain(thiers.id);
    expect(ids).not.toContain(montlucon.id);
    const candidate = cofinancing.candidates.find((c) => c.callId === fits.id);
    expect(candidate?.reasons.join(' ')).toMatch(/territoire/);
    expect(candidate?.reasons.join(' ')).toMatch(/suffisant/);
    expect(cofinancing.gapCents).toBe(4_000_000);
  });

  it('lets a member edit applications but not funding lines', async () => {
    await http()
      .post('/api/applications')
      .set(as(memberKey))
      .send(fseApplicationBody())
      .expect(403);
    const app = await createApplication(testApp.app, memberKey, ideaBody());
    await http()
      .patch(`/api/applications/${app.id}`)
      .set(as(memberKey))
      .send({ title: 'Renommé' })
      .expect(200);
    await http()
      .post(`/api/applications/${app.id}/funding-lines`)
      .set(as(memberKey))
      .send(line({}))
      .expect(403);
  });

  it('lets a viewer change nothing, on every write route', async () => {
    const app = await createApplication(testApp.app, epn.apiKey, fseApplicationBody());
    const lineId = (app.fundingLines as { id: string }[])[0].id;
    const base = `/api/applications/${app.id}`;
    const writes = [
      http().post('/api/applications').send(ideaBody()),
      http().patch(base).send({ title: 'Pirate' }),
      http().delete(base),
      http().post(`${base}/status`).send({ status: 'reporting' }),
      http().post(`${base}/funding-lines`).send(line({})),
      http().patch(`${base}/funding-lines/${lineId}`).send({ amountCents: 1 }),
      http().delete(`${base}/funding-lines/${lineId}`),
      http()
        .put('/api/treasury/settings')
        .send({ openingBalanceCents: 0, openingMonth: '2026-01' }),
    ];
    for (const write of writes) {
      const response = await write.set(as(viewerKey));
      expect(response.status).toBe(403);
    }
    const after = await http().get(base).set(as(epn.apiKey)).expect(200);
    expect(after.body).toMatchObject({ title: app.title, version: 1, status: 'in_progress' });
    expect(after.body.fundingLines).toHaveLength(2);
  });

  it('never shows organisation A’s applications to B', async () => {
    const app = await createApplication(testApp.app, epn.apiKey, fseApplicationBody());
    const listed = await http().get('/api/applications').set(as(other.apiKey)).expect(200);
    expect(listed.body).toEqual([]);
    const base = `/api/applications/${app.id}`;
    for (const path of [
      base,
      `${base}/funding-plan`,
      `${base}/cofinancing`,
      `${base}/treasury`,
      `${base}/treasury.xlsx`,
      `${base}/treasury.csv`,
    ]) {
      const response = await http().get(path).set(as(other.apiKey));
      expect(response.status).toBe(404);
      expect(JSON.stringify(response.body)).not.toContain('Parcours');
    }
    await http().patch(base).set(as(other.apiKey)).send({ title: 'Volé' }).expect(404);
    await http()
      .post(`${base}/status`)
      .set(as(other.apiKey))
      .send({ status: 'closed' })
      .expect(404);
    await http().delete(base).set(as(other.apiKey)).expect(404);
    await http().get(base).set(as(epn.apiKey)).expect(200);
  });

  it('deletes an application with its lines', async () => {
    const app = await createApplication(testApp.app, epn.apiKey, fseApplicationBody());
    await http().delete(`/api/applications/${app.id}?version=1`).set(as(epn.apiKey)).expect(204);
    await http().get(`/api/applications/${app.id}`).set(as(epn.apiKey)).expect(404);
  });
});
