import { CollectifDigest } from '@app/persistence';
import { createTestApp, TestApp } from '@app/testing';
import { getRepositoryToken } from '@nestjs/typeorm';
import request from 'supertest';
import { Repository } from 'typeorm';
import { createOrganisation, OrganisationFixture } from '../factories/organisation.factory';

/** GET/PUT /api/collectif/digest: defaults, validation, roles and tenancy. */
describe('Collectif digest settings API', () => {
  let testApp: TestApp;
  let collectif: OrganisationFixture;
  let otherCollectif: OrganisationFixture;
  let epn: OrganisationFixture;
  let memberKey: string;
  let viewerKey: string;
  const http = () => request(testApp.app.getHttpServer());
  const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });
  const stored = (collectifId: string) =>
    testApp.app
      .get<Repository<CollectifDigest>>(getRepositoryToken(CollectifDigest))
      .findOneBy({ collectifId });

  beforeAll(async () => {
    testApp = await createTestApp();
    collectif = await createOrganisation(testApp.app, { name: 'Mednum63', kind: 'collectif' });
    otherCollectif = await createOrganisation(testApp.app, {
      name: 'Réseau voisin',
      kind: 'collectif',
    });
    epn = await createOrganisation(testApp.app, { name: 'EPN de Thiers' });
    memberKey = await collectif.addMember('member');
    viewerKey = await collectif.addMember('viewer');
  });
  afterAll(() => testApp.close());

  it('answers the defaults (weekly, to everyone) before anything is chosen, storing nothing', async () => {
    const response = await http().get('/api/collectif/digest').set(bearer(viewerKey)).expect(200);
    expect(response.body).toEqual({ frequency: 'weekly', recipients: [], recipientStatuses: [] });
    expect(await stored(collectif.organisationId)).toBeNull();
  });

  it('lets a member choose daily and a list, lower-cased and without duplicates', async () => {
    const response = await http()
      .put('/api/collectif/digest')
      .set(bearer(memberKey))
      .send({
        frequency: 'daily',
        recipients: [
          'Coordination@Mednum63.TEST',
          'animation@mednum63.test',
          'coordination@mednum63.test',
        ],
      })
      .expect(200);
    const expected = {
      frequency: 'daily',
      recipients: ['coordination@mednum63.test', 'animation@mednum63.test'],
    };
    // Neither address is a user of the collectif: both must confirm by e-mail first.
    const pending = { status: 'pending', label: 'en attente de confirmation' };
    const withStatuses = {
      ...expected,
      recipientStatuses: expected.recipients.map((email) => ({ email, ...pending })),
    };
    expect(response.body).toEqual(withStatuses);
    expect(
      (await http().get('/api/collectif/digest').set(bearer(collectif.apiKey)).expect(200)).body,
    ).toEqual(withStatuses);

    await http()
      .put('/api/collectif/digest')
      .set(bearer(collectif.apiKey))
      .send({ frequency: 'none', recipients: [] })
      .expect(200);
    expect(await stored(collectif.organisationId)).toMatchObject({
      frequency: 'none',
      recipients: [],
    });
    await http()
      .put('/api/collectif/digest')
      .set(bearer(collectif.apiKey))
      .send(expected)
      .expect(200);
  });

  it('refuses a bad body with 400 naming the field, and keeps what was stored', async () => {
    const before = await stored(collectif.organisationId);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ frequency: 'monthly', recipients: [] }, 'frequency'],
      [{ recipients: [] }, 'frequency'],
      [
        { frequency: 'weekly', recipients: ['coordination@mednum63.test', 'pas une adresse'] },
        'recipients',
      ],
      [
        {
          frequency: 'weekly',
          recipients: Array.from({ length: 21 }, (_, i) => `membre${i}@mednum63.test`),
        },
        'recipients',
      ],
      [{ frequency: 'weekly' }, 'recipients'],
      [{ frequency: 'weekly', recipients: 'coordination@mednum63.test' }, 'recipients'],
      [{ frequency: 'weekly', recipients: [], extra: true }, 'extra'],
    ];
    for (const [body, field] of cases) {
      const response = await http()
        .put('/api/collectif/digest')
        .set(bearer(collectif.apiKey))
        .send(body)
        .expect(400);
      expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(response.body.message).toContain(field);
    }
    expect(await stored(collectif.organisationId)).toEqual(before);
    // A refused first save leaves no row behind either.
    await http()
      .put('/api/collectif/digest')
      .set(bearer(otherCollectif.apiKey))
      .send({ frequency: 'daily', recipients: ['pas une adresse'] })
      .expect(400);
    expect(await stored(otherCollectif.organisationId)).toBeNull();
  });

  it('lets a viewer read but not change the settings', async () => {
    await http()
      .put('/api/collectif/digest')
      .set(bearer(viewerKey))
      .send({ frequency: 'none', recipients: [] })
      .expect(403);
    expect((await stored(collectif.organisationId))?.frequency).toBe('daily');
  });

  it('refuses a structure as the other collectif endpoints do', async () => {
    for (const call of [
      http().get('/api/collectif/digest'),
      http().put('/api/collectif/digest').send({ frequency: 'daily', recipients: [] }),
    ]) {
      const response = await call.set(bearer(epn.apiKey)).expect(403);
      expect(response.body).toMatchObject({ code: 'NOT_A_COLLECTIF' });
    }
    expect(await stored(epn.organisationId)).toBeNull();
  });

  it("keeps each collectif's settings to itself", async () => {
    expect(
      (await http().get('/api/collectif/digest').set(bearer(otherCollectif.apiKey)).expect(200))
        .body,
    ).toEqual({ frequency: 'weekly', recipients: [], recipientStatuses: [] });
    await http()
      .put('/api/collectif/digest')
      .set(bearer(otherCollectif.apiKey))
      .send({ frequency: 'none', recipients: ['voisin@reseau.test'] })
      .expect(200);
    expect(
      (await http().get('/api/collectif/digest').set(bearer(collectif.apiKey)).expect(200)).body,
    ).toMatchObject({
      frequency: 'daily',
      recipients: ['coordination@mednum63.test', 'animation@mednum63.test'],
    });
  });

  it('drops the settings with their collectif', async () => {
    expect(await stored(otherCollectif.organisationId)).not.toBeNull();
    await testApp.app
      .get<Repository<CollectifDigest>>(getRepositoryToken(CollectifDigest))
      .query('DELETE FROM organisation WHERE id = $1', [otherCollectif.organisationId]);
    expect(await stored(otherCollectif.organisationId)).toBeNull();
  });
});
