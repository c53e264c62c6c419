import { WatchProfile } from '@app/persistence';
import { createTestApp, TestApp } from '@app/testing';
import { WatchProfileService } from '@app/watch';
import { simpleParser } from 'mailparser';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { createOrganisation, OrganisationFixture } from '../factories/organisation.factory';
import { createWebUser, WebUserFixture } from '../factories/user.factory';
import { createCall } from '../factories/watch.factory';
import { WebClient } from '../support/web-client.util';

const FUTURE = [{ date: '2099-03-15' }];

/** The values of a page's field, as the browser would show them. */
const valueOf = (html: string, id: string) =>
  new RegExp(`id="${id}"[^>]*value="([^"]*)"`).exec(html)?.[1] ??
  new RegExp(`id="${id}"[^>]*>([^<]*)</textarea>`).exec(html)?.[1];

const isChecked = (html: string, name: string, value: string) =>
  new RegExp(`name="${name}" value="${value}" checked`).test(html);

describe('Web « Veilles »: watch profiles, feed links, digest; team invitations', () => {
  let testApp: TestApp;
  let smtp: SMTPServer;
  let epn: OrganisationFixture;
  let other: OrganisationFixture;
  let owner: WebUserFixture;
  let member: WebUserFixture;
  let viewer: WebUserFixture;
  let accountant: WebUserFixture;
  let otherOwner: WebUserFixture;
  let otherProfile: WatchProfile;
  const inbox: Array<{ to: string; text: string }> = [];
  const previousSmtp = process.env.SMTP_URL;
  let profileId = '';

  async function signedIn(user: WebUserFixture): Promise<WebClient> {
    const client = new WebClient(testApp);
    expect((await client.signIn(user)).status).toBe(303);
    await client.get('/veilles');
    return client;
  }

  const profiles = () =>
    testApp.app.get(DataSource).getRepository(WatchProfile).findBy({
      organisationId: epn.organisationId,
    });

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
            inbox.push({ to: to?.value[0]?.address ?? '', text: parsed.text ?? '' });
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
    testApp = await createTestApp();
    epn = await createOrganisation(testApp.app, { name: 'EPN du Livradois', territory: ['63'] });
    other = await createOrganisation(testApp.app, { name: 'Tiers-lieu voisin' });
    owner = await createWebUser(testApp.app, epn.organisationId, 'owner');
    member = await createWebUser(testApp.app, epn.organisationId, 'member');
    viewer = await createWebUser(testApp.app, epn.organisationId, 'viewer');
    accountant = await createWebUser(testApp.app, epn.organisationId, 'accountant');
    otherOwner = await createWebUser(testApp.app, other.organisationId, 'owner');
    await createCall(testApp.app, {
      title: 'Médiation numérique en Auvergne',
      deadlines: FUTURE,
      territory: ['R84'],
      score: 0.82,
      amountMaxCents: 4_000_000,
    });
    await createCall(testApp.app, {
      title: 'Ateliers contre l’illectronisme',
      description: 'Lutter contre l’illectronisme des seniors.',
      deadlines: FUTURE,
      territory: ['63'],
      score: 0.64,
      themes: [{ id: 'seniors', score: 0.7 }],
    });
    await createCall(testApp.app, {
      title: 'Médiation numérique et machinisme agricole',
      description: 'Formation au machinisme agricole connecté.',
      deadlines: FUTURE,
      territory: ['R84'],
      score: 0.9,
    });
    await createCall(testApp.app, {
      title: 'Médiation numérique en Bretagne',
      deadlines: FUTURE,
      territory: ['R53'],
      score: 0.95,
    });
    otherProfile = await testApp.app
      .get(WatchProfileService)
      .create(other.organisationId, { name: 'Veille du voisin' });
  });

  afterAll(async () => {
    if (previousSmtp === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = previousSmtp;
    await testApp?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  const profileForm = (patch: Record<string, string | string[]> = {}) => ({
    nom: 'Médiation 63',
    themes: ['mediation_numerique'],
    'mots-cles': 'illectronisme',
    exclusions: 'machinisme agricole',
    territoires: '63',
    'montant-min': '',
    'score-min': '',
    horizon: '',
    frequence: 'weekly',
    destinataires: '',
    ...patch,
  });

  it('shows an empty list with a way to create the first profile', async () => {
    const client = await signedIn(owner);
    const page = await client.get('/veilles');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>Veilles</h1>');
    expect(page.text).toContain('Aucune veille pour l’instant.');
    expect(page.text).toContain('href="/veilles/nouvelle"');
    expect(page.text).not.toContain('Bientôt disponible');
    const form = await client.get('/veilles/nouvelle');
    expect(form.text).toMatch(/<label for="themes[^"]*">Médiation numérique<\/label>/);
    expect(form.text).toContain('<label for="publics">Associations</label>');
    expect(isChecked(form.text, 'frequence', 'weekly')).toBe(true);
  });

  it('refuses an unknown theme with a 400 page naming it, keeping what was typed', async () => {
    const client = await signedIn(owner);
    await client.get('/veilles/nouvelle');
    const response = await client.post(
      '/veilles/nouvelle',
      profileForm({
        themes: ['mediation_numerique', 'astronomie'],
        territoires: '63, R84',
        'montant-min': '10 000',
        destinataires: 'direction@epn.example',
      }),
    );
    expect(response.status).toBe(400);
    expect(response.text).toContain('Thème inconnu : « astronomie »');
    expect(response.text).toContain('<a href="#themes">');
    expect(response.text).toMatch(/name="themes" value="culture"[^>]*aria-invalid="true"/);
    expect(valueOf(response.text, 'nom')).toBe('Médiation 63');
    expect(valueOf(response.text, 'territoires')).toBe('63, R84');
    expect(valueOf(response.text, 'montant-min')).toBe('10 000');
    expect(valueOf(response.text, 'mots-cles')).toBe('illectronisme');
    expect(valueOf(response.text, 'destinataires')).toBe('direction@epn.example');
    expect(isChecked(response.text, 'themes', 'mediation_numerique')).toBe(true);
    expect(isChecked(response.text, 'themes', 'culture')).toBe(false);
    expect(await profiles()).toEqual([]);
  });

  it('refuses an unknown territory and a bad amount next to their fields', async () => {
    const client = await signedIn(owner);
    await client.get('/veilles/nouvelle');
    const territory = await client.post(
      '/veilles/nouvelle',
      profileForm({ territoires: '63, 999' }),
    );
    expect(territory.status).toBe(400);
    expect(territory.text).toContain('Territoire inconnu : « 999 »');
    expect(territory.text).toMatch(
      /id="territoires"[^>]*aria-describedby="territoires-hint territoires-error"/,
    );
    const amount = await client.post(
      '/veilles/nouvelle',
      profileForm({ 'montant-min': 'beaucoup' }),
    );
    expect(amount.status).toBe(400);
    expect(amount.text).toContain('Montant invalide : écrivez un nombre d’euros');
    expect(valueOf(amount.text, 'montant-min')).toBe('beaucoup');
    expect(await profiles()).toEqual([]);
  });

  it('item 8: reports every error at once, the unknown territory with the others', async () => {
    const client = await signedIn(owner);
    await client.get('/veilles/nouvelle');
    const response = await client.post(
      '/veilles/nouvelle',
      profileForm({ nom: '', territoires: '99, Atlantide', 'montant-min': 'beaucoup' }),
    );
    expect(response.status).toBe(400);
    const summary = /<div class="error-summary"[\s\S]*?<\/div>/.exec(response.text)?.[0] ?? '';
    expect(summary).toContain('Donnez un nom à cette veille');
    expect(summary).toContain('Montant invalide : écrivez un nombre d’euros');
    expect(summary).toContain('Territoires inconnus : « 99 », « Atlantide »');
    expect(response.text).toMatch(/id="territoires-error"[\s\S]{0,120}Territoires inconnus/);
    expect(response.text).toMatch(/id="nom"[^>]*aria-invalid="true"/);
    expect(valueOf(response.text, 'territoires')).toBe('99, Atlantide');
    expect(await profiles()).toEqual([]);
  });

  it('refuses a commune name several communes share, naming their codes next to the field', async () => {
    const client = await signedIn(owner);
    await client.get('/veilles/nouvelle');
    const response = await client.post(
      '/veilles/nouvelle',
      profileForm({ territoires: 'Clermont Auvergne Métropole, Beaumont' }),
    );
    expect(response.status).toBe(400);
    expect(response.text).toContain('« Beaumont » désigne plusieurs territoires');
    expect(response.text).toContain('63032 (Puy-de-Dôme)');
    expect(response.text).toMatch(
      /id="territoires"[^>]*aria-describedby="territoires-hint territoires-error"/,
    );
    expect(valueOf(response.text, 'territoires')).toBe('Clermont Auvergne Métropole, Beaumont');
    expect(await profiles()).toEqual([]);
  });

  it('creates a profile and shows its matches, best first, with links to the fiches', async () => {
    const client = await signedIn(member);
    await client.get('/veilles/nouvelle');
    const created = await client.post(
      '/veilles/nouvelle',
      profileForm({ territoires: 'Puy-de-Dôme', 'score-min': '50', frequence: 'daily' }),
    );
    expect(created.status).toBe(303);
    const [stored] = await profiles();
    profileId = stored.id;
    expect(created.headers.location).toBe(`/veilles/${profileId}?fait=creee`);
    expect(stored).toMatchObject({
      territories: ['63'],
      minScore: 0.5,
      digestFrequency: 'daily',
      excludeKeywords: ['machinisme agricole'],
    });

    const page = await client.get(created.headers.location);
    expect(page.text).toContain('Veille créée.');
    expect(page.text).toContain('<h1>Médiation 63</h1>');
    expect(page.text).toContain(
      'Les appels sur Médiation numérique, ou mentionnant « illectronisme », sauf ceux ' +
        'mentionnant « machinisme agricole », concernant le département 63, pertinents à',
    );
    const titles = [...page.text.matchAll(/<a href="\/appels\/[^"]+">([^<]+)<\/a>/g)].map(
      (m) => m[1],
    );
    expect(titles).toEqual(['Médiation numérique en Auvergne', 'Ateliers contre l’illectronisme']);
    expect(page.text).toContain('15 mars 2099');
    expect(page.text).toMatch(/jusqu’à 40\s000\s€/);
    expect(page.text).toContain('Chaque jour, aux responsables et membres de l’organisation');

    const list = await client.get('/veilles');
    expect(list.text).toContain(`<a href="/veilles/${profileId}">Médiation 63</a>`);
    expect(list.text).toMatch(/<dt>Appels correspondants<\/dt><dd>2<\/dd>/);
  });

  it('leaves out of the count and the table the calls the organisation set aside', async () => {
    const client = await signedIn(member);
    const page = await client.get(`/veilles/${profileId}`);
    const auvergne = /href="\/appels\/([^"]+)">Médiation numérique en Auvergne/.exec(
      page.text,
    )?.[1];
    const setAside = await client.post(`/appels/${auvergne}/suivi`, {
      action: 'ecarter',
      retour: `/veilles/${profileId}`,
    });
    expect(setAside.status).toBe(303);
    const after = await client.get(`/veilles/${profileId}`);
    expect(after.text).not.toContain('Médiation numérique en Auvergne');
    expect(after.text).toMatch(/<dt>Appels correspondants<\/dt><dd>1<\/dd>/);
    expect((await client.get('/veilles')).text).toMatch(/<dd>1<\/dd>/);
    await client.post(`/appels/${auvergne}/suivi`, { action: 'remettre' });
    expect((await client.get('/veilles')).text).toMatch(/<dd>2<\/dd>/);
  });

  it('edits a profile; a refused edit keeps the typed values and the stored profile', async () => {
    const client = await signedIn(owner);
    await client.get(`/veilles/${profileId}`);
    const refused = await client.post(
      `/veilles/${profileId}`,
      profileForm({ nom: 'Renommée', horizon: 'bientôt' }),
    );
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('<h1>Médiation 63</h1>');
    expect(valueOf(refused.text, 'nom')).toBe('Renommée');
    expect(valueOf(refused.text, 'horizon')).toBe('bientôt');
    expect((await profiles())[0].name).toBe('Médiation 63');

    const saved = await client.post(
      `/veilles/${profileId}`,
      profileForm({ 'mots-cles': '', destinataires: 'Direction@EPN.example' }),
    );
    expect(saved.status).toBe(303);
    const page = await client.get(saved.headers.location);
    expect(page.text).toContain('Veille enregistrée.');
    expect(page.text).not.toContain('Ateliers contre l’illectronisme');
    expect(page.text).toContain('Chaque semaine, à direction@epn.example');
  });

  it('creates a feed link shown once, and a revoked link answers 404', async () => {
    const client = await signedIn(owner);
    await client.get(`/veilles/${profileId}`);
    const created = await client.post(`/veilles/${profileId}/liens`, {});
    expect(created.status).toBe(303);
    const issued = await client.get(created.headers.location);
    expect(issued.text).toContain('Copiez-les maintenant.');
    // Without JavaScript the « Copier » buttons stay hidden: the user selects the address.
    expect(issued.text).toMatch(/data-copy="lien-rss"[^>]*hidden>Copier/);
    const urls = [...issued.text.matchAll(/readonly value="(http[^"]+)"/g)].map((m) => m[1]);
    expect(urls.map((u) => u.split('.').pop())).toEqual(['rss', 'atom', 'json', 'ics']);
    const rss = new URL(urls[0]).pathname;
    const feed = await client.get(rss, 'application/rss+xml');
    expect(feed.status).toBe(200);
    expect(feed.text).toContain('Médiation numérique en Auvergne');

    const again = await client.get(`/veilles/${profileId}`);
    expect(again.text).not.toContain(rss);
    const linkId = /action="\/veilles\/[^/]+\/liens\/([^/]+)\/revoquer"/.exec(again.text)?.[1];
    expect(linkId).toBeDefined();
    expect(again.text).toContain(`/feeds/${rss.slice(7, 13)}…`);
    const revoked = await client.post(`/veilles/${profileId}/liens/${linkId}/revoquer`, {});
    expect(revoked.status).toBe(303);
    const after = await client.get(revoked.headers.location);
    expect(after.text).toContain('Lien de flux révoqué');
    expect(after.text).toContain('Aucun lien actif.');
    expect((await client.get(rss, 'application/rss+xml')).status).toBe(404);
  });

  it('item 6: a feed link is created by post/redirect/get; a reload shows it no more and creates nothing', async () => {
    const client = await signedIn(owner);
    await client.get(`/veilles/${profileId}`);
    const activeLinks = () =>
      testApp.app
        .get(DataSource)
        .query(
          `SELECT count(*)::int AS n FROM feed_token WHERE profile_id = $1 AND revoked_at IS NULL`,
          [profileId],
        )
        .then((rows: Array<{ n: number }>) => rows[0].n);
    const before = await activeLinks();
    const created = await client.post(`/veilles/${profileId}/liens`, {});
    expect(created.status).toBe(303);
    const location = String(created.headers.location);
    expect(location).toMatch(new RegExp(`^/veilles/${profileId}\\?fait=lien-cree#flux$`));
    const shown = await client.get(location);
    expect(shown.status).toBe(200);
    expect(shown.text).toContain('Nouveau lien de flux créé');
    const urls = [...shown.text.matchAll(/readonly value="(http[^"]+)"/g)].map((m) => m[1]);
    expect(urls).toHaveLength(4);
    const token = /\/feeds\/([^/.]+)\./.exec(urls[0])?.[1] ?? '';
    expect(token.length).toBeGreaterThan(10);
    expect(location).not.toContain(token);
    // Reload: nothing shown again, nothing created.
    const reloaded = await client.get(location);
    expect(reloaded.status).toBe(200);
    expect(reloaded.text).not.toContain(token);
    expect(reloaded.text).not.toMatch(/readonly value="http/);
    expect(await activeLinks()).toBe(before + 1);
    // Another session of the same user cannot read the link either.
    const elsewhere = await signedIn(owner);
    expect((await elsewhere.get(location)).text).not.toContain(token);
  });

  it('answers another organisation’s profile exactly like a missing one', async () => {
    const client = await signedIn(owner);
    for (const path of [
      `/veilles/${otherProfile.id}`,
      `/veilles/${otherProfile.id}/supprimer`,
      '/veilles/00000000-0000-4000-8000-000000000000',
      '/veilles/pas-un-identifiant',
    ]) {
      const response = await client.get(path);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(response.text).toContain('Page introuvable');
    }
    const update = await client.post(`/veilles/${otherProfile.id}`, profileForm());
    expect(update.status).toBe(404);
    const link = await client.post(`/veilles/${otherProfile.id}/liens`, {});
    expect(link.status).toBe(404);
    const removal = await client.post(`/veilles/${otherProfile.id}/supprimer`, {});
    expect(removal.status).toBe(404);
    const neighbour = await signedIn(otherOwner);
    expect((await neighbour.get(`/veilles/${profileId}`)).status).toBe(404);
    expect((await neighbour.get('/veilles')).text).not.toContain('Médiation 63');
    await expect(
      testApp.app.get(WatchProfileService).get(other.organisationId, otherProfile.id),
    ).resolves.toMatchObject({ name: 'Veille du voisin' });
  });

  it('lets viewers and accountants read but not change a profile, as the API does', async () => {
    for (const user of [viewer, accountant]) {
      const client = await signedIn(user);
      const list = await client.get('/veilles');
      expect(list.text).toContain('Médiation 63');
      expect(list.text).not.toContain('href="/veilles/nouvelle"');
      const page = await client.get(`/veilles/${profileId}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('Médiation numérique en Auvergne');
      expect(page.text).not.toContain('name="nom"');
      expect(page.text).not.toContain('Créer un lien de flux');
      for (const [path, form] of [
        ['/veilles/nouvelle', profileForm()],
        [`/veilles/${profileId}`, profileForm({ nom: 'Piratée' })],
        [`/veilles/${profileId}/liens`, {}],
        [`/veilles/${profileId}/supprimer`, {}],
      ] as const) {
        const refused = await client.post(path, form);
        expect({ path, status: refused.status }).toEqual({ path, status: 403 });
        expect(refused.text).toContain('Accès refusé');
      }
      expect((await client.get('/veilles/nouvelle')).status).toBe(403);
    }
    expect((await profiles()).map((p) => p.name)).toEqual(['Médiation 63']);
  });

  it('deletes a profile after a confirmation page', async () => {
    const client = await signedIn(owner);
    const confirm = await client.get(`/veilles/${profileId}/supprimer`);
    expect(confirm.text).toContain('Supprimer la veille « Médiation 63 » ?');
    const removed = await client.post(`/veilles/${profileId}/supprimer`, {});
    expect(removed.status).toBe(303);
    const list = await client.get(removed.headers.location);
    expect(list.text).toContain('Veille supprimée');
    expect(list.text).toContain('Aucune veille pour l’instant.');
    expect((await client.get(`/veilles/${profileId}`)).status).toBe(404);
  });

  describe('team invitations', () => {
    const lastLinkTo = (email: string): string => {
      const mail = [...inbox].reverse().find((m) => m.to === email);
      const link = mail?.text.match(/https?:\/\/\S+/)?.[0];
      if (!link) throw new Error(`no link mailed to ${email}`);
      return new URL(link).pathname;
    };

    it('lists pending invitations and lets the owner withdraw one; its link then fails', async () => {
      const client = await signedIn(owner);
      await client.get('/equipe');
      expect(
        (await client.post('/equipe/invitations', { email: 'alex@exemple.fr', role: 'accountant' }))
          .status,
      ).toBe(303);
      const link = lastLinkTo('alex@exemple.fr');
      const team = await client.get('/equipe');
      expect(team.text).toContain('Invitations en attente');
      const row =
        /<tr>\s*<th scope="row">alex@exemple\.fr<\/th>([\s\S]*?)<\/tr>/.exec(team.text)?.[1] ?? '';
      expect(row).toContain('<td>Comptable</td>');
      expect(row).toMatch(/Retirer<span class="visually-hidden"> l’invitation de alex@exemple\.fr/);
      const invitationId = /action="\/equipe\/invitations\/([^/]+)\/retirer"/.exec(row)?.[1];

      const reader = await signedIn(viewer);
      const readerTeam = await reader.get('/equipe');
      expect(readerTeam.text).toContain('alex@exemple.fr');
      expect(readerTeam.text).not.toContain('/retirer"');
      expect((await reader.post(`/equipe/invitations/${invitationId}/retirer`, {})).status).toBe(
        403,
      );
      const neighbour = await signedIn(otherOwner);
      await neighbour.get('/equipe');
      expect((await neighbour.post(`/equipe/invitations/${invitationId}/retirer`, {})).status).toBe(
        404,
      );
      expect((await new WebClient(testApp).get(link)).status).toBe(200);

      const revoked = await client.post(`/equipe/invitations/${invitationId}/retirer`, {});
      expect(revoked.status).toBe(303);
      const after = await client.get(revoked.headers.location);
      expect(after.text).toContain('Invitation retirée');
      expect(after.text).toContain('Aucune invitation en attente.');
      const dead = await new WebClient(testApp).get(link);
      expect(dead.status).toBe(410);
      expect(dead.text).toContain('n’est plus valable');
      expect((await client.post(`/equipe/invitations/${invitationId}/retirer`, {})).status).toBe(
        404,
      );
    });
  });
});
