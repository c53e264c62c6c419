import { createTestApp, TestApp } from '@app/testing';
import request from 'supertest';
import { createOrganisation, OrganisationFixture } from '../factories/organisation.factory';

describe('Organisations API', () => {
  let testApp: TestApp;
  let epn: OrganisationFixture;
  let other: OrganisationFixture;
  const http = () => request(testApp.app.getHttpServer());

  beforeAll(async () => {
    testApp = await createTestApp();
    epn = await createOrganisation(testApp.app, { name: 'EPN Les Olympiades', territory: ['75'] });
    other = await createOrganisation(testApp.app, { name: 'Centre social Voisin' });
  });
  afterAll(() => testApp.close());

  it('reports the database as up on /health without a key', async () => {
    const response = await http().get('/health').expect(200);
    expect(response.body).toMatchObject({ status: 'ok', database: { status: 'up' } });
  });

  it('returns the caller’s organisation on /api/organisations/me', async () => {
    const response = await http()
      .get('/api/organisations/me')
      .set('Authorization', `Bearer ${epn.apiKey}`)
      .expect(200);
    expect(response.body).toMatchObject({
      id: epn.organisationId,
      name: 'EPN Les Olympiades',
      kind: 'structure',
      territory: ['75'],
    });
  });

  it.each([
    ['no key', undefined],
    ['a malformed key', 'Bearer nope'],
    ['a well-formed unknown key', `Bearer vigie_${'A'.repeat(43)}`],
    ['another scheme', `Basic ${Buffer.from('a:b').toString('base64')}`],
  ])('answers 401 with %s', async (_case, header) => {
    const call = http().get('/api/organisations/me');
    if (header) call.set('Authorization', header);
    const response = await call.expect(401);
    expect(response.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    expect(response.body.errorId).toEqual(expect.any(String));
  });

  it('hides another organisation behind a 404, exactly like a missing one', async () => {
    const foreign = await http()
      .get(`/api/organisations/${other.organisationId}`)
      .set('Authorization', `Bearer ${epn.apiKey}`)
      .expect(404);
    const missing = await http()
      .get('/api/organisations/00000000-0000-4000-8000-000000000000')
      .set('Authorization', `Bearer ${epn.apiKey}`)
      .expect(404);
    expect(foreign.body.message).toBe(missing.body.message);
    expect(JSON.stringify(foreign.body)).not.toContain('Centre social Voisin');
  });

  it('refuses malformed JSON with a clear 400', async () => {
    const response = await http()
      .patch('/api/organisations/me')
      .set('Authorization', `Bearer ${epn.apiKey}`)
      .set('Content-Type', 'application/json')
      .send('{"name": ')
      .expect(400);
    expect(response.body).toMatchObject({ code: 'MALFORMED_JSON' });
    expect(response.body.message).toMatch(/JSON/);
  });

  it('refuses an unknown field, naming it, and changes nothing', async () => {
    const response = await http()
      .patch('/api/organisations/me')
      .set('Authorization', `Bearer ${epn.apiKey}`)
      .send({ name: 'Renamed', plan: 'premium' })
      .expect(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(response.body.message).toContain('plan');
    const me = await http()
      .get('/api/organisations/me')
      .set('Authorization', `Bearer ${epn.apiKey}`);
    expect(me.body.name).toBe('EPN Les Olympiades');
  });

  it('refuses an unknown territory code, naming it', async () => {
    const response = await http()
      .patch('/api/organisations/me')
      .set('Authorization', `Bearer ${epn.apiKey}`)
      .send({ territory: ['63', '99'] })
      .expect(400);
    expect(response.body.message).toContain('99');
  });

  it('lets the owner rename, and forbids a viewer', async () => {
    const viewerKey = await epn.addMember('viewer');
    await http()
      .patch('/api/organisations/me')
      .set('Authorization', `Bearer ${viewerKey}`)
      .send({ name: 'Pirate' })
      .expect(403);
    const renamed = await http()
      .patch('/api/organisations/me')
      .set('Authorization', `Bearer ${epn.apiKey}`)
      .send({ name: 'EPN des Olympiades', territory: ['75', 'R11'] })
      .expect(200);
    expect(renamed.body).toMatchObject({ name: 'EPN des Olympiades', territory: ['75', 'R11'] });
  });

  it('shows a new API key once, and a revoked key stops working', async () => {
    const created = await http()
      .post('/api/api-keys')
      .set('Authorization', `Bearer ${epn.apiKey}`)
      .send({ label: 'newsletter' })
      .expect(201);
    expect(created.body.apiKey).toMatch(/^vigie_/);
    const listed = await http()
      .get('/api/api-keys')
      .set('Authorization', `Bearer ${epn.apiKey}`)
      .expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.apiKey);
    await http()
      .get('/api/organisations/me')
      .set('Authorization', `Bearer ${created.body.apiKey}`)
      .expect(200);
    await http()
      .delete(`/api/api-keys/${created.body.id}`)
      .set('Authorization', `Bearer ${epn.apiKey}`)
      .expect(200);
    await http()
      .get('/api/organisations/me')
      .set('Authorization', `Bearer ${created.body.apiKey}`)
      .expect(401);
  });

  it('cannot revoke another organisation’s key', async () => {
    const foreignKeys = await http()
      .get('/api/api-keys')
      .set('Authorization', `Bearer ${other.apiKey}`);
    await http()
      .delete(`/api/api-keys/${foreignKeys.body[0].id}`)
      .set('Authorization', `Bearer ${epn.apiKey}`)
      .expect(404);
    await http()
      .get('/api/organisations/me')
      .set('Authorization', `Bearer ${other.apiKey}`)
      .expect(200);
  });

  it('serves the OpenAPI document', async () => {
    const response = await http().get('/api/docs-json').expect(200);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining(['/health', '/api/organisations/me', '/api/api-keys']),
    );
  });
});
