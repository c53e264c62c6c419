import { createTestApp, TestApp } from '@app/testing';
import request from 'supertest';
import { createCall } from '../factories/call.factory';
import { createOrganisation, OrganisationFixture } from '../factories/organisation.factory';
import { createWebUser, WebUserFixture } from '../factories/user.factory';
import { CallClassification } from '@app/persistence';
import { DataSource } from 'typeorm';
import { WebClient } from '../support/web-client.util';
import { sourceDefinition } from '../factories/source.factory';
import { parseDefinition, SourceService } from '@app/ingestion';

describe('Web application', () => {
  let testApp: TestApp;
  let epn: OrganisationFixture;
  let owner: WebUserFixture;
  let viewer: WebUserFixture;

  beforeAll(async () => {
    testApp = await createTestApp();
    epn = await createOrganisation(testApp.app, { name: 'EPN Les Olympiades', territory: ['75'] });
    owner = await createWebUser(testApp.app, epn.organisationId, 'owner');
    viewer = await createWebUser(testApp.app, epn.organisationId, 'viewer');
    const dataSource = testApp.app.get(DataSource);
    const call = await createCall(dataSource, {
      title: 'Inclusion numérique des seniors',
      amountMaxCents: 7_200_000,
      nextDeadline: '2099-03-15',
      deadlines: [{ date: '2099-03-15' }],
    });
    await dataSource.getRepository(CallClassification).save({
      callId: call.id,
      version: 'test',
      score: 0.87,
      relevant: true,
      themes: [],
      euFund: null,
      explanation: [],
      contentHash: call.contentHash,
      classifiedAt: new Date(),
    });
  });
  afterAll(() => testApp.close());

  it('sends anonymous visitors to the sign-in page', async () => {
    const response = await new WebClient(testApp).get('/appels');
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/connexion?suite=%2Fappels');
  });

  it('signs in with the right password and shows the calls in French', async () => {
    const browser = new WebClient(testApp);
    const signIn = await browser.signIn(owner);
    expect(signIn.status).toBe(303);
    const cookie = (signIn.headers['set-cookie'] as unknown as string[]).join(';');
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const page = await browser.get('/appels');
    expect(page.status).toBe(200);
    expect(page.text).toContain('lang="fr"');
    expect(page.text).toContain('Inclusion numérique des seniors');
    expect(page.text).toMatch(/jusqu’à 72\s000\s€/);
    expect(page.text).toContain('15 mars 2099');
    expect(page.text).toContain('<h2 id="resultats">1 appel</h2>');
  });

  it('shows on the Sources page that a source waits for its token, and how to get it', async () => {
    await testApp.app.get(SourceService).importDefinitions([
      parseDefinition(
        {
          ...sourceDefinition({ id: 'web-waiting-token' }),
          name: 'Source à jeton',
          auth: {
            kind: 'header',
            secretEnv: 'E2E_WEB_WAITING_TOKEN',
            header: 'X-Api-Key',
            howToGet: 'Demandez la clé au financeur.',
          },
        },
        'test',
      ),
    ]);
    const browser = new WebClient(testApp);
    await browser.signIn(owner);
    const page = await browser.get('/sources');
    expect(page.status).toBe(200);
    expect(page.text).toContain('En attente de son jeton');
    expect(page.text).toContain(
      'définissez la variable d’environnement E2E_WEB_WAITING_TOKEN. Demandez la clé au financeur.',
    );
  });

  it('refuses a wrong password with a French message and keeps the e-mail typed', async () => {
    const browser = new WebClient(testApp);
    await browser.get('/connexion');
    const response = await browser.post('/connexion', {
      email: owner.email,
      password: 'mauvais mot',
    });
    expect(response.status).toBe(401);
    expect(response.text).toContain('Adresse e-mail ou mot de passe incorrect.');
    expect(response.text).toContain(`value="${owner.email}"`);
  });

  it('refuses a POST without the CSRF token with a French 403 page', async () => {
    const browser = new WebClient(testApp);
    await browser.get('/connexion');
    const response = await browser.post(
      '/connexion',
      { email: owner.email, password: owner.password },
      false,
    );
    expect(response.status).toBe(403);
    expect(response.text).toContain('Formulaire expiré');
  });

  it('lets a viewer read but not mark a call', async () => {
    const browser = new WebClient(testApp);
    await browser.signIn(viewer);
    const page = await browser.get('/appels');
    expect(page.text).not.toContain('Pas pour nous<');
    const refused = await browser.post('/appels/00000000-0000-4000-8000-000000000000/avis', {
      avis: 'pertinent',
    });
    expect(refused.status).toBe(403);
    expect(page.text).not.toContain('href="/sources"');
    const sources = await browser.get('/sources');
    expect(sources.status).toBe(403);
    expect(sources.text).toContain('Accès refusé');
  });

  it('answers an unknown address with the French « Page introuvable », signed in or not', async () => {
    const anonymous = await new WebClient(testApp).get('/appelz');
    expect(anonymous.status).toBe(404);
    expect(anonymous.type).toBe('text/html');
    expect(anonymous.text).toContain('<h1>Page introuvable</h1>');
    expect(anonymous.text).toContain('href="/connexion"');
    const browser = new WebClient(testApp);
    await browser.signIn(owner);
    const signedIn = await browser.get('/tresorerie/2027/inconnu');
    expect(signedIn.status).toBe(404);
    expect(signedIn.text).toContain('Page introuvable');
    expect(signedIn.text).toContain('aria-label="Navigation principale"');
  });

  it('keeps JSON 404s for machines and for API paths', async () => {
    const server = testApp.app.getHttpServer();
    const curl = await request(server).get('/appelz').set('Accept', '*/*');
    expect(curl.status).toBe(404);
    expect(curl.body.code).toBe('NOT_FOUND');
    const api = await request(server).get('/api/inconnu').set('Accept', 'text/html');
    expect(api.status).toBe(404);
    expect(api.type).toBe('application/json');
    const feed = await request(server).get('/feeds/inconnu/x').set('Accept', 'text/html');
    expect(feed.type).toBe('application/json');
  });

  it('lets a member of two organisations switch between them', async () => {
    const collectif = await createOrganisation(testApp.app, {
      name: 'Collectif des EPN du Puy-de-Dôme',
      kind: 'collectif',
    });
    await createWebUser(testApp.app, collectif.organisationId, 'member', {
      email: owner.email,
      password: owner.password,
    });
    const browser = new WebClient(testApp);
    await browser.signIn(owner);
    const before = await browser.get('/tableau-de-bord');
    expect(before.text).toMatch(/<strong>EPN Les Olympiades<\/strong>/);
    expect(before.text).toContain('Collectif des EPN du Puy-de-Dôme</option>');
    const switched = await browser.post('/organisation', {
      organisationId: collectif.organisationId,
    });
    expect(switched.status).toBe(303);
    const after = await browser.get('/tableau-de-bord');
    expect(after.text).toMatch(
      /<strong>Collectif des EPN du Puy-de-Dôme<\/strong> <span class="role">\(Membre\)/,
    );
    const foreign = await createOrganisation(testApp.app, { name: 'Autre structure' });
    await browser.post('/organisation', { organisationId: foreign.organisationId });
    expect((await browser.get('/tableau-de-bord')).text).not.toContain('Autre structure');
  });

  it('keeps API routes on API keys: a session cookie opens no /api route', async () => {
    const browser = new WebClient(testApp);
    await browser.signIn(owner);
    const response = await request(testApp.app.getHttpServer())
      .get('/api/organisations/me')
      .set('Cookie', (browser as unknown as { cookie: string }).cookie);
    expect(response.status).toBe(401);
  });
  it('item 13: filters /appels by a territory name as /veilles does, and names the candidates of a shared one', async () => {
    const dataSource = testApp.app.get(DataSource);
    for (const [title, territory] of [
      ['Tiers-lieux du Puy-de-Dôme', ['63']],
      ['Tiers-lieux de Paris', ['75']],
    ] as const) {
      const call = await createCall(dataSource, { title, territory: [...territory] });
      await dataSource.getRepository(CallClassification).save({
        callId: call.id,
        version: 'test',
        score: 0.8,
        relevant: true,
        themes: [],
        euFund: null,
        explanation: [],
        contentHash: call.contentHash,
        classifiedAt: new Date(),
      });
    }
    const browser = new WebClient(testApp);
    await browser.signIn(owner);
    const byName = await browser.get(`/appels?territoire=${encodeURIComponent('Puy-de-Dôme')}`);
    expect(byName.status).toBe(200);
    expect(byName.text).not.toContain('error-summary');
    expect(byName.text).toContain('Tiers-lieux du Puy-de-Dôme');
    expect(byName.text).not.toContain('Tiers-lieux de Paris');
    expect(byName.text).toMatch(/id="territoire"[^>]*value="Puy-de-Dôme"/);
    const byCode = await browser.get('/appels?territoire=63');
    expect(byCode.text).toContain('Tiers-lieux du Puy-de-Dôme');
    expect(byCode.text).not.toContain('Tiers-lieux de Paris');
    const shared = await browser.get('/appels?territoire=Beaumont');
    expect(shared.text).toContain('« Beaumont » désigne plusieurs territoires');
    expect(shared.text).toContain('63032 (Puy-de-Dôme)');
  });
  it('polish: serves a favicon, linked from every page, with a long cache', async () => {
    const browser = new WebClient(testApp);
    await browser.signIn(owner);
    const page = await browser.get('/appels');
    const href = /<link rel="icon" href="([^"]+)"/.exec(page.text)?.[1];
    expect(href).toBeDefined();
    for (const path of [href ?? '', '/favicon.ico']) {
      const icon = await request(testApp.app.getHttpServer()).get(path);
      expect(icon.status).toBe(200);
      expect(icon.headers['content-type']).toMatch(/^image\/svg\+xml/);
      const maxAge = Number(/max-age=(\d+)/.exec(String(icon.headers['cache-control']))?.[1]);
      expect(maxAge).toBeGreaterThanOrEqual(30 * 24 * 3600);
    }
  });
  it('polish: the unfiltered list says how many calls there are in all', async () => {
    const dataSource = testApp.app.get(DataSource);
    for (let n = 1; n <= 21; n += 1) {
      const call = await createCall(dataSource, { title: `Appel en série ${n}` });
      await dataSource.getRepository(CallClassification).save({
        callId: call.id,
        version: 'test',
        score: 0.6,
        relevant: true,
        themes: [],
        euFund: null,
        explanation: [],
        contentHash: call.contentHash,
        classifiedAt: new Date(),
      });
    }
    const total = Number(
      (
        await dataSource.query(
          `SELECT count(*)::int AS n FROM call_classification cc JOIN call c ON c.id = cc.call_id
            WHERE cc.relevant AND c.status IN ('open', 'forthcoming')`,
        )
      )[0].n,
    );
    expect(total).toBeGreaterThan(20);
    const browser = new WebClient(testApp);
    await browser.signIn(owner);
    const first = await browser.get('/appels');
    expect(first.text).toContain(`<h2 id="resultats">Appels 1 à 20 sur ${total}</h2>`);
    const second = await browser.get('/appels?page=2');
    expect(second.text).toContain(`<h2 id="resultats">Appels 21 à ${total} sur ${total}</h2>`);
  });
  it('polish: the fiche names publics in French and suggests only similar calls for our territory', async () => {
    const dataSource = testApp.app.get(DataSource);
    const classify = async (call: { id: string; contentHash: string }) =>
      dataSource.getRepository(CallClassification).save({
        callId: call.id,
        version: 'test',
        score: 0.9,
        relevant: true,
        themes: [{ id: 'mediation_numerique', score: 0.9 }],
        euFund: null,
        explanation: [],
        contentHash: call.contentHash,
        classifiedAt: new Date(),
      });
    const base = await createCall(dataSource, {
      title: 'Fiche avec publics',
      territory: ['FR'],
      audiences: ['associations', 'collectivites'],
    });
    await classify(base);
    // The organisation is in Paris (75): a call for the Île-de-France covers it, one for the
    // Puy-de-Dôme does not.
    await classify(
      await createCall(dataSource, { title: 'Voisin francilien', territory: ['R11'] }),
    );
    await classify(await createCall(dataSource, { title: 'Voisin auvergnat', territory: ['63'] }));
    const browser = new WebClient(testApp);
    await browser.signIn(owner);
    const page = await browser.get(`/appels/${base.id}`);
    expect(page.text).toContain(
      '<dt>Publics</dt><dd>Associations, Collectivités territoriales</dd>',
    );
    expect(page.text).toContain('Voisin francilien');
    expect(page.text).not.toContain('Voisin auvergnat');
  });
});
