import { SourceCrawlService } from '@app/ingestion';
import { Membership, User } from '@app/persistence';
import { ApiKeyService, OrganisationService } from '@app/tenancy';
import { getRepositoryToken } from '@nestjs/typeorm';
import { createTestApp, type TestApp } from '@app/testing';
import request from 'supertest';
import { Repository } from 'typeorm';
import { createOrganisation } from '../factories/organisation.factory';
import { sourceDefinition } from '../factories/source.factory';

const ADMIN_EMAIL = 'admin-sources@vigie.test';

/** The admin API of sources: any key reads, only platform administrators write. */
describe('sources admin API', () => {
  let testApp: TestApp;
  let adminKey: string;
  let memberKey: string;
  const previous = process.env.PLATFORM_ADMIN_EMAILS;

  beforeAll(async () => {
    process.env.PLATFORM_ADMIN_EMAILS = ADMIN_EMAIL;
    testApp = await createTestApp();
    const admin = await testApp.app.get(OrganisationService).create({
      name: 'Plateforme',
      kind: 'collectif',
      territory: ['FR'],
      ownerEmail: ADMIN_EMAIL,
    });
    adminKey = admin.apiKey;
    memberKey = (await createOrganisation(testApp.app)).apiKey;
  });
  afterAll(async () => {
    process.env.PLATFORM_ADMIN_EMAILS = previous;
    await testApp?.close();
  });

  const http = () => request(testApp.app.getHttpServer());

  it('lets a platform administrator create, change, run and delete a source, and anyone read it', async () => {
    const definition = sourceDefinition();
    const created = await http()
      .post('/api/sources')
      .set('Authorization', `Bearer ${adminKey}`)
      .send(definition);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: definition.id,
      enabled: true,
      health: { consecutiveFailures: 0, layoutSuspect: false },
    });

    const listed = await http().get('/api/sources').set('Authorization', `Bearer ${memberKey}`);
    expect(listed.status).toBe(200);
    expect(listed.body.map((s: { id: string }) => s.id)).toContain(definition.id);

    const changed = await http()
      .put(`/api/sources/${definition.id}`)
      .set('Authorization', `Bearer ${adminKey}`)
      .send({ ...definition, schedule: '30 7 * * 1' });
    expect(changed.body).toMatchObject({ schedule: '30 7 * * 1' });

    const detail = await http()
      .get(`/api/sources/${definition.id}`)
      .set('Authorization', `Bearer ${memberKey}`);
    expect(detail.body).toMatchObject({ id: definition.id, runs: [] });

    const queued = await http()
      .post(`/api/sources/${definition.id}/run`)
      .set('Authorization', `Bearer ${adminKey}`);
    expect(queued.status).toBe(202);
    expect(queued.body).toMatchObject({ queued: true });
    const again = await http()
      .post(`/api/sources/${definition.id}/run`)
      .set('Authorization', `Bearer ${adminKey}`);
    expect(again.body).toMatchObject({ queued: false, jobId: null });

    const removed = await http()
      .delete(`/api/sources/${definition.id}`)
      .set('Authorization', `Bearer ${adminKey}`);
    expect(removed.body).toEqual({ deleted: true, disabled: false });
    expect(
      (
        await http()
          .get(`/api/sources/${definition.id}`)
          .set('Authorization', `Bearer ${memberKey}`)
      ).status,
    ).toBe(404);
  });

  it('shows a source that waits for its token, in French, skips its run, and never shows the secret', async () => {
    const variable = 'E2E_WAITING_SOURCE_TOKEN';
    delete process.env[variable];
    const definition: Record<string, unknown> & { id: string } = {
      ...sourceDefinition(),
      id: `waiting-token-${process.pid}`,
      auth: {
        kind: 'header',
        secretEnv: variable,
        header: 'X-Api-Key',
        howToGet: 'Demandez la clé au financeur.',
      },
    };
    const created = await http()
      .post('/api/sources')
      .set('Authorization', `Bearer ${adminKey}`)
      .send(definition);
    expect(created.status).toBe(201);
    const waiting = `En attente de son jeton : définissez la variable d’environnement ${variable}. Demandez la clé au financeur.`;
    expect(created.body.waitingForToken).toBe(waiting);

    const report = await testApp.app.get(SourceCrawlService).runSource(definition.id, 'cli');
    expect(report).toMatchObject({ status: 'skipped', runId: null, skippedReason: waiting });
    const detail = await http()
      .get(`/api/sources/${definition.id}`)
      .set('Authorization', `Bearer ${memberKey}`);
    expect(detail.body).toMatchObject({ runs: [], waitingForToken: waiting });

    process.env[variable] = 'e2e-secret-5b7d';
    try {
      const listed = await http().get('/api/sources').set('Authorization', `Bearer ${memberKey}`);
      const source = listed.body.find((s: { id: string }) => s.id === definition.id);
      expect(source).toMatchObject({
        waitingForToken: null,
        definition: { auth: { secretEnv: variable } },
      });
      expect(JSON.stringify(listed.body)).not.toContain('e2e-secret-5b7d');
    } finally {
      delete process.env[variable];
    }
  });

  it('refuses writes from a member who is not a platform administrator', async () => {
    const refused = await http()
      .post('/api/sources')
      .set('Authorization', `Bearer ${memberKey}`)
      .send(sourceDefinition());
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'NOT_PLATFORM_ADMIN' });
  });

  it('finding 9: a platform administrator’s key of a non-owner role cannot change sources', async () => {
    const definition = sourceDefinition();
    await http()
      .post('/api/sources')
      .set('Authorization', `Bearer ${adminKey}`)
      .send(definition)
      .expect(201);
    // The administrator is also a viewer (and a member) of another organisation, with keys there.
    const users = testApp.app.get<Repository<User>>(getRepositoryToken(User));
    const memberships = testApp.app.get<Repository<Membership>>(getRepositoryToken(Membership));
    const adminUser = await users.findOneByOrFail({ email: ADMIN_EMAIL });
    for (const role of ['viewer', 'member'] as const) {
      const elsewhere = await createOrganisation(testApp.app);
      const membership = await memberships.save(
        memberships.create({
          userId: adminUser.id,
          organisationId: elsewhere.organisationId,
          role,
        }),
      );
      const key = (await testApp.app.get(ApiKeyService).issue(membership.id, `${role} key`)).apiKey;
      const auth = { Authorization: `Bearer ${key}` };
      const attempts = [
        http().post('/api/sources').set(auth).send(sourceDefinition()),
        http()
          .put(`/api/sources/${definition.id}`)
          .set(auth)
          .send({ ...definition, schedule: '30 7 * * 1' }),
        http().post(`/api/sources/${definition.id}/run`).set(auth),
        http().delete(`/api/sources/${definition.id}`).set(auth),
      ];
      for (const attempt of attempts) {
        const response = await attempt;
        expect({ role, status: response.status }).toEqual({ role, status: 403 });
      }
      // Reading stays open to every key.
      await http().get(`/api/sources/${definition.id}`).set(auth).expect(200);
    }
    const kept = await http()
      .get(`/api/sources/${definition.id}`)
      .set('Authorization', `Bearer ${adminKey}`)
      .expect(200);
    expect(kept.body.schedule).toBe(definition.schedule);
  });

  it('checks a definition as a sources file is checked, naming the field', async () => {
    const invalid = await http()
      .post('/api/sources')
      .set('Authorization', `Bearer ${adminKey}`)
      .send(sourceDefinition({ kind: 'rsss', folow: true }));
    expect(invalid.status).toBe(422);
    expect(invalid.body.code).toBe('SOURCE_DEFINITION_INVALID');
    expect(invalid.body.message).toContain('field "folow"');
    expect(invalid.body.message).toContain('field "kind"');
    const placeholder = await http()
      .post('/api/sources')
      .set('Authorization', `Bearer ${adminKey}`)
      .send(sourceDefinition({ url: '${DATABASE_URL}' }));
    expect(placeholder.status).toBe(422);
  });
});
