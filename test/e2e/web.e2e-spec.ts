import { createTestApp, TestApp } from '@app/testing';
import request from 'supertest';
import { createCall } from '../factories/call.factory';
import { createOrganisation, OrganisationFixture } from '../factories/organisation.factory';
import { createWebUser, WebUserFixture } from '../factories/user.factory';
import { CallClassification } from '@app/persistence';
import { DataSource } from 'typeorm';

/** A cookie-keeping client that reads the CSRF token from each page it fetches. */
class Browser {
  private cookie = '';
  csrf = '';

  constructor(private readonly testApp: TestApp) {}

  async get(path: string) {
    const response = await request(this.testApp.app.getHttpServer())
      .get(path)
      .set('Cookie', this.cookie);
    this.keep(response);
    const token = /name="_csrf" value="([^"]+)"/.exec(response.text ?? '');
    if (token) this.csrf = token[1];
    return response;
  }

  async post(path: string, form: Record<string, string>, withCsrf = true) {
    const response = await request(this.testApp.app.getHttpServer())
      .post(path)
      .set('Cookie', this.cookie)
      .type('form')
      .send(withCsrf ? { _csrf: this.csrf, ...form } : form);
    this.keep(response);
    return response;
  }

  async signIn(user: WebUserFixture) {
    await this.get('/connexion');
    return this.post('/connexion', { email: user.email, password: user.password });
  }

  private keep(response: request.Response) {
    const set = response.headers['set-cookie'] as unknown as string[] | undefined;
    const session = set?.find((c) => c.startsWith('vigie_session='));
    if (session) this.cookie = session.split(';')[0];
  }
}

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
    const response = await new Browser(testApp).get('/appels');
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/connexion?suite=%2Fappels');
  });

  it('signs in with the right password and shows the calls in French', async () => {
    const browser = new Browser(testApp);
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

  it('refuses a wrong password with a French message and keeps the e-mail typed', async () => {
    const browser = new Browser(testApp);
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
    const browser = new Browser(testApp);
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
    const browser = new Browser(testApp);
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

  it('shows a « bientôt » notice for pages not built yet', async () => {
    const browser = new Browser(testApp);
    await browser.signIn(owner);
    const page = await browser.get('/tresorerie');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Bientôt disponible');
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
    const browser = new Browser(testApp);
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
    const browser = new Browser(testApp);
    await browser.signIn(owner);
    const response = await request(testApp.app.getHttpServer())
      .get('/api/organisations/me')
      .set('Cookie', (browser as unknown as { cookie: string }).cookie);
    expect(response.status).toBe(401);
  });
});
