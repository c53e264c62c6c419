import { CallClassificationService } from '@app/classifier';
import { CallEligibilityService } from '@app/eligibility';
import { CallEligibility, Call, Organisation } from '@app/persistence';
import { WatchMatchService } from '@app/watch';
import { createTestApp, TestApp } from '@app/testing';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApplication, ideaBody } from '../factories/application.factory';
import { createCall } from '../factories/call.factory';
import { createOrganisation, OrganisationFixture } from '../factories/organisation.factory';
import { createWebUser, WebUserFixture } from '../factories/user.factory';
import {
  BrowserSession,
  chromiumAvailable,
  expectAccessible,
  openBrowser,
  serveOnLoopback,
  signIn,
} from '../support/browser.util';
import { WebClient } from '../support/web-client.util';

/** Issue 15, item 1: who may apply, for the viewer's organisation, on the API, the pages and the co-financing finder. */
describe('Eligibility', () => {
  let testApp: TestApp;
  let epn: OrganisationFixture;
  let owner: WebUserFixture;
  let forCompanies: Call;
  let forAssociations: Call;
  let silent: Call;
  const http = () => request(testApp.app.getHttpServer());
  const auth = () => ({ Authorization: `Bearer ${epn.apiKey}` });
  const setLegalForm = (legalForm: string | null) =>
    http().patch('/api/organisations/me').set(auth()).send({ legalForm });

  beforeAll(async () => {
    testApp = await createTestApp();
    epn = await createOrganisation(testApp.app, { name: 'EPN du Val', territory: ['63'] });
    owner = await createWebUser(testApp.app, epn.organisationId, 'owner');
    const dataSource = testApp.app.get(DataSource);
    const open = {
      status: 'open',
      nextDeadline: '2099-01-15',
      deadlines: [{ date: '2099-01-15' }],
    };
    forCompanies = await createCall(dataSource, {
      ...open,
      title: 'Chèque numérique',
      descriptionText:
        'Équipez-vous en outils numériques. Le chèque est réservé aux TPE et PME du territoire.',
    });
    forAssociations = await createCall(dataSource, {
      ...open,
      title: 'Fonds pour la médiation numérique',
      descriptionText: 'Bénéficiaires : associations, centres sociaux et communes.',
    });
    silent = await createCall(dataSource, {
      ...open,
      title: 'Ateliers numériques',
      descriptionText: 'Un appel pour les ateliers d’initiation au numérique.',
    });
  });
  afterAll(() => testApp.close());

  const eligibilityOf = async (call: Call) =>
    (await http().get(`/api/calls/${call.id}`).set(auth()).expect(200)).body.eligibility;

  it('says it cannot judge while the organisation has no legal form', async () => {
    expect(await eligibilityOf(forCompanies)).toEqual({
      verdict: 'unknown',
      legalForm: null,
      categories: [],
      words: [],
      summary: 'Éligibilité non évaluée : forme juridique de la structure non renseignée',
    });
  });

  it('refuses an unknown legal form with 400 naming legalForm, and stores nothing', async () => {
    const refused = await setLegalForm('cooperative').expect(400);
    expect(JSON.stringify(refused.body.message)).toContain('legalForm');
    const me = await http().get('/api/organisations/me').set(auth()).expect(200);
    expect(me.body.legalForm).toBeNull();
    const stored = await testApp.database.dataSource
      .getRepository(Organisation)
      .findOneByOrFail({ id: epn.organisationId });
    expect(stored.legalForm).toBeNull();
  });

  it('stores a legal form and shows each call’s verdict with the call’s own words', async () => {
    const saved = await setLegalForm('association').expect(200);
    expect(saved.body).toMatchObject({
      legalForm: 'association',
      legalFormLabel: 'Association (loi 1901)',
    });
    expect(await eligibilityOf(forCompanies)).toEqual({
      verdict: 'not_eligible',
      legalForm: 'association',
      categories: ['entreprises'],
      words: ['réservé aux TPE et PME'],
      summary: 'Non éligible : réservé aux entreprises (« réservé aux TPE et PME »)',
    });
    expect(await eligibilityOf(forAssociations)).toMatchObject({
      verdict: 'eligible',
      summary:
        'Éligible : ouvert aux associations (« Bénéficiaires : associations, centres sociaux et communes »)',
    });
    expect((await eligibilityOf(silent)).summary).toBe('Éligibilité non précisée');
    // Read once, stored with the vocabulary's version: the next read needs no extraction.
    const stored = await testApp.database.dataSource
      .getRepository(CallEligibility)
      .findOneByOrFail({ callId: forCompanies.id });
    expect(stored.beneficiaries).toContainEqual(
      expect.objectContaining({ category: 'entreprises', strength: 'only' }),
    );
  });

  it('lets the co-financing finder leave out the calls the legal form cannot apply to', async () => {
    const application = await createApplication(
      testApp.app,
      epn.apiKey,
      ideaBody({ operationStart: '2099-03', operationEnd: '2099-12', totalCostCents: 2_000_000 }),
    );
    const candidates = async () => {
      const found = await http()
        .get(`/api/applications/${application.id}/cofinancing`)
        .set(auth())
        .expect(200);
      return new Map<string, string[]>(
        found.body.candidates.map((c: { callId: string; reasons: string[] }) => [
          c.callId,
          c.reasons,
        ]),
      );
    };
    const asAssociation = await candidates();
    expect([...asAssociation.keys()]).toEqual(
      expect.arrayContaining([forAssociations.id, silent.id]),
    );
    expect(asAssociation.has(forCompanies.id)).toBe(false);
    expect(asAssociation.get(forAssociations.id)).toContain(
      'Éligible : ouvert aux associations (« Bénéficiaires : associations, centres sociaux et communes »)',
    );
    expect(asAssociation.get(silent.id)).toContain('Éligibilité non précisée');

    await setLegalForm('entreprise').expect(200);
    const asCompany = await candidates();
    expect(asCompany.has(forCompanies.id)).toBe(true);
    expect(asCompany.has(forAssociations.id)).toBe(false);
    await setLegalForm('association').expect(200);
  });

  it('sets the legal form on « Équipe », with the error summary on a bad value, and shows the verdict on the call page', async () => {
    const browser = new WebClient(testApp);
    await browser.signIn(owner);
    const team = await browser.get('/equipe');
    expect(team.text).toContain(
      '<option value="association" selected>Association (loi 1901)</option>',
    );
    const refused = await browser.post('/equipe/structure', { legalForm: 'bidon' });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('class="error-summary"');
    expect(refused.text).toContain(
      '<a href="#legalForm">Choisissez une forme juridique dans la liste.</a>',
    );
    const unchanged = await testApp.database.dataSource
      .getRepository(Organisation)
      .findOneByOrFail({ id: epn.organisationId });
    expect(unchanged.legalForm).toBe('association');

    const page = await browser.get(`/appels/${forCompanies.id}`);
    expect(page.text).toContain(
      'Non éligible : réservé aux entreprises (« réservé aux TPE et PME »)',
    );

    await browser.get('/equipe');
    const saved = await browser.post('/equipe/structure', { legalForm: 'commune' });
    expect(saved.status).toBe(303);
    const asCommune = await browser.get(`/appels/${forAssociations.id}`);
    expect(asCommune.text).toContain(
      'Éligible : ouvert aux communes (« Bénéficiaires : associations, centres sociaux et communes »)',
    );
    await browser.get('/equipe');
    await browser.post('/equipe/structure', { legalForm: '' });
    const unset = await browser.get(`/appels/${forCompanies.id}`);
    expect(unset.text).toContain('href="/equipe#forme-juridique"');
    await setLegalForm('association').expect(200);
  });

  it('keeps a call reserved to businesses out of an association’s lists and watch, unless marked « pertinent »', async () => {
    const dataSource = testApp.app.get(DataSource);
    const digital =
      'Inclusion numérique : ateliers de médiation numérique et accompagnement aux démarches en ligne des publics éloignés du numérique.';
    const open = {
      status: 'open',
      nextDeadline: '2099-02-15',
      deadlines: [{ date: '2099-02-15' }],
    };
    const business = await createCall(dataSource, {
      ...open,
      title: 'Médiation numérique en entreprise',
      descriptionText: `${digital} Réservé aux entreprises.`,
    });
    const forUs = await createCall(dataSource, {
      ...open,
      title: 'Médiation numérique associative',
      descriptionText: `${digital} Ouvert aux associations.`,
    });
    // The worker's pass: shared scores, then who may apply.
    await testApp.app.get(CallClassificationService).scorePending();
    await testApp.app.get(CallEligibilityService).computePending();
    const watch = await http()
      .post('/api/watches')
      .set(auth())
      .send({ name: 'Médiation', themes: ['mediation_numerique'] })
      .expect(201);
    const matched = async () => {
      await testApp.app.get(WatchMatchService).refresh(undefined);
      const body = (
        await http().get(`/api/watches/${watch.body.id}/matches`).set(auth()).expect(200)
      ).body as { items: Array<{ callId: string }> };
      return body.items.map((item) => item.callId);
    };
    const web = new WebClient(testApp);
    await web.signIn(owner);
    const lists = async (apiQuery: string, pageQuery: string) => {
      const fromApi = (await http().get(`/api/calls?${apiQuery}`).set(auth()).expect(200)).body
        .items as Array<{ id: string; relevant: boolean; reason: string }>;
      const page = await web.get(`/appels?${pageQuery}`);
      expect(page.status).toBe(200);
      const onPage = [...page.text.matchAll(/href="\/appels\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
      // One read side: the REST list and the page agree item for item.
      expect(onPage).toEqual(fromApi.map((item) => item.id));
      return fromApi;
    };

    await setLegalForm(null).expect(200);
    const unknown = await lists('relevant=true&limit=100', '');
    // Without a legal form nothing changes: both calls are relevant by their shared score.
    expect(unknown.map((i) => i.id)).toEqual(expect.arrayContaining([business.id, forUs.id]));
    expect(await matched()).toEqual(expect.arrayContaining([business.id, forUs.id]));

    await setLegalForm('association').expect(200);
    const asAssociation = await lists('relevant=true&limit=100', '');
    expect(asAssociation.map((i) => i.id)).toContain(forUs.id);
    expect(asAssociation.map((i) => i.id)).not.toContain(business.id);
    const listedOut = (await lists('relevant=all&limit=100', 'pertinence=tous')).find(
      (i) => i.id === business.id,
    );
    expect(listedOut).toMatchObject({
      relevant: false,
      reason: 'Écarté : Non éligible : réservé aux entreprises (« Réservé aux entreprises »)',
    });
    const watched = await matched();
    expect(watched).toContain(forUs.id);
    expect(watched).not.toContain(business.id);

    await http()
      .post(`/api/calls/${business.id}/feedback`)
      .set(auth())
      .send({ relevant: true })
      .expect(200);
    expect((await lists('relevant=true&limit=100', '')).map((i) => i.id)).toContain(business.id);
    expect(await matched()).toContain(business.id);
    await http().delete(`/api/calls/${business.id}/feedback`).set(auth());
  });

  (chromiumAvailable ? describe : describe.skip)('in a real browser', () => {
    let session: BrowserSession;
    let page: Page;
    let baseUrl: string;

    beforeAll(async () => {
      baseUrl = await serveOnLoopback(testApp);
      session = await openBrowser();
      page = session.page;
      await signIn(page, baseUrl, owner);
    });
    afterAll(() => session?.close());

    it('keeps the legal form form and the verdict accessible', async () => {
      await page.goto(`${baseUrl}/equipe`);
      await page.getByLabel('Forme juridique').selectOption('entreprise');
      await page.getByRole('button', { name: 'Enregistrer la forme juridique' }).click();
      await page.waitForURL(/forme=1/);
      await expectAccessible(page, 'équipe (forme juridique)');
      await page.goto(`${baseUrl}/appels/${forCompanies.id}`);
      await expectAccessible(page, 'fiche appel (éligibilité)');
      expect(await page.locator('#eligibilite').textContent()).toContain(
        'Éligible : réservé aux entreprises',
      );
    });
  });
});
