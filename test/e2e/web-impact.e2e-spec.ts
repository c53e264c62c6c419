import { createTestApp, TestApp } from '@app/testing';
import request from 'supertest';
import { WebClient } from '../support/web-client.util';
import { createApplication } from '../factories/application.factory';
import { TWO_FUNDER_ACTIVITY, twoFunderApplicationBody } from '../factories/impact.factory';
import { createOrganisation, OrganisationFixture } from '../factories/organisation.factory';
import { createWebUser, WebUserFixture } from '../factories/user.factory';

describe('Activity and funder’s report pages (issue 18)', () => {
  let testApp: TestApp;
  let epn: OrganisationFixture;
  let member: WebUserFixture;
  let viewer: WebUserFixture;
  let outsider: WebUserFixture;
  let accountant: WebUserFixture;
  let dossier: { id: string };
  const activity = async () =>
    (
      await request(testApp.app.getHttpServer())
        .get(`/api/applications/${dossier.id}/activity`)
        .set('Authorization', `Bearer ${epn.apiKey}`)
        .expect(200)
    ).body as unknown[];
  const signedIn = (user: WebUserFixture) => WebClient.signedIn(testApp, user);

  beforeAll(async () => {
    testApp = await createTestApp();
    epn = await createOrganisation(testApp.app, { name: 'EPN Les Olympiades' });
    const other = await createOrganisation(testApp.app, { name: 'Centre social Voisin' });
    member = await createWebUser(testApp.app, epn.organisationId, 'member');
    viewer = await createWebUser(testApp.app, epn.organisationId, 'viewer');
    accountant = await createWebUser(testApp.app, epn.organisationId, 'accountant');
    outsider = await createWebUser(testApp.app, other.organisationId, 'owner');
    dossier = await createApplication(testApp.app, epn.apiKey, twoFunderApplicationBody());
    await request(testApp.app.getHttpServer())
      .post(`/api/applications/${dossier.id}/activity`)
      .set('Authorization', `Bearer ${epn.apiKey}`)
      .send({ entries: TWO_FUNDER_ACTIVITY })
      .expect(201);
  });
  afterAll(() => testApp.close());

  it('refuses a pasted CSV with a bad line, names it next to the field, keeps the text, stores nothing', async () => {
    const client = await signedIn(member);
    await client.get(`/dossiers/${dossier.id}`);
    const before = (await activity()).length;
    const csv = 'indicateur;debut;fin;nombre\nworkshops;2026-11;;4\nlicornes;2026-11;;1\n';
    const refused = await client.post(`/dossiers/${dossier.id}/activite/import`, { csv });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('ligne 3, colonne indicateur : indicateur inconnu « licornes »');
    expect(refused.text).toMatch(
      /id="activite-csv"[^>]*aria-describedby="activite-csv-aide activite-csv-error"/,
    );
    expect(refused.text).toContain('licornes;2026-11;;1');
    expect((await activity()).length).toBe(before);
    const saved = await client.post(`/dossiers/${dossier.id}/activite/import`, {
      csv: 'indicateur;debut;fin;nombre\nAteliers collectifs;2026-11;;4\n',
    });
    expect(saved.status).toBe(303);
    expect((await activity()).length).toBe(before + 1);
  });

  it('shows the printable report with the hand-computed figures, and its XLSX', async () => {
    const client = await signedIn(viewer);
    const page = await client.get(`/dossiers/${dossier.id}/rapport-financeur`);
    expect(page.status).toBe(200);
    const text = page.text.replace(/[\s\u00a0\u202f]+/g, ' ');
    expect(text).toContain(
      '<th scope="row">France Travail</th><td class="num">30 000 €</td><td class="num">15 000 €</td><td class="num">15 000 €</td><td class="num">25 %</td><td class="num">184,05 €</td><td class="num">24,29 €</td>',
    );
    expect(text).toContain('7 personnes × 3,5 mois × 1 250 € = 30 625 €');
    expect(text).toContain('<span class="badge">estimation</span>');
    const file = await client.get(`/dossiers/${dossier.id}/rapport-financeur.xlsx`, '*/*');
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
  });

  it('lets a viewer read but not record; another organisation gets « Page introuvable »', async () => {
    const reader = await signedIn(viewer);
    await reader.get(`/dossiers/${dossier.id}`);
    const forbidden = await reader.post(`/dossiers/${dossier.id}/activite`, {
      indicateur: 'workshops',
      debut: '2026-11',
      nombre: '2',
    });
    expect(forbidden.status).toBe(403);
    const stranger = await signedIn(outsider);
    expect((await stranger.get(`/dossiers/${dossier.id}/rapport-financeur`)).status).toBe(404);
  });

  it('reports one funder over a period, and says which field is wrong', async () => {
    const client = await signedIn(member);
    const page = await client.get(
      '/rapport-financeur?financeur=R%C3%A9gion%20Auvergne-Rh%C3%B4ne-Alpes&du=2026-01&au=2026-12',
    );
    expect(page.status).toBe(200);
    expect(page.text).toContain(
      'Rapport financeur – Région Auvergne-Rhône-Alpes, 2026-01 à 2026-12',
    );
    const bad = await client.get(
      '/rapport-financeur?financeur=France%20Travail&du=2026-01&au=2026-13',
    );
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/id="au"[^>]*aria-invalid="true"/);
  });

  it('lets an accountant use the structure’s own value, with its source only, and the report says so', async () => {
    const client = await signedIn(accountant);
    await client.get('/rapport-financeur/valeurs');
    const noSource = await client.post('/rapport-financeur/valeurs/are_monthly_average', {
      valeur: '1 310',
      date: '2025-12',
      population: 'Allocataires du Puy-de-Dôme',
    });
    expect(noSource.status).toBe(400);
    expect(noSource.text).toMatch(/id="are_monthly_average-titre"[^>]*aria-invalid="true"/);
    expect(noSource.text).toContain('une valeur sans source n’est pas utilisée');
    const saved = await client.post('/rapport-financeur/valeurs/are_monthly_average', {
      valeur: '1 310',
      date: '2025-12',
      population: 'Allocataires du Puy-de-Dôme',
      titre: 'Tableau de bord départemental',
      editeur: 'France Travail Auvergne-Rhône-Alpes',
      publication: '2026-02',
    });
    expect(saved.status).toBe(303);
    const report = (await client.get(`/dossiers/${dossier.id}/rapport-financeur`)).text.replace(
      /[\s\u00a0\u202f]+/g,
      ' ',
    );
    // 7 × 3,5 × 1 310 € = 32 095 €.
    expect(report).toContain('7 personnes × 3,5 mois × 1 310 € = 32 095 €');
    expect(report).toContain('valeur propre à la structure');
    const reader = await signedIn(viewer);
    await reader.get('/rapport-financeur/valeurs');
    expect(
      (await reader.post('/rapport-financeur/valeurs/are_monthly_average', { retablir: 'oui' }))
        .status,
    ).toBe(403);
    expect(
      (await client.post('/rapport-financeur/valeurs/are_monthly_average', { retablir: 'oui' }))
        .status,
    ).toBe(303);
  });

  it('adds an indicator of the structure’s own, which the activity form then offers', async () => {
    const client = await signedIn(member);
    await client.get('/rapport-financeur/indicateurs');
    const refused = await client.post('/rapport-financeur/indicateurs', {
      cle: 'people_accompanied',
      libelle: 'Seniors visités',
      unite: 'personnes',
      definition: '',
    });
    expect(refused.status).toBe(400);
    expect(refused.text).toMatch(/id="indicateur-cle"[^>]*aria-invalid="true"/);
    expect(refused.text).toMatch(/id="indicateur-definition"[^>]*aria-invalid="true"/);
    const saved = await client.post('/rapport-financeur/indicateurs', {
      cle: 'seniors_visites',
      libelle: 'Seniors visités à domicile',
      unite: 'personnes',
      definition: 'Personnes de plus de 65 ans visitées chez elles.',
      financeur: 'Conférence des financeurs',
    });
    expect(saved.status).toBe(303);
    const page = await client.get(`/dossiers/${dossier.id}`);
    expect(page.text).toContain(
      '<option value="seniors_visites">Seniors visités à domicile (personnes)</option>',
    );
  });
});
