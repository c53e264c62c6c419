import { createTestApp, TestApp } from '@app/testing';
import { CallStateService, CollectifService } from '@app/watch';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createOrganisation, OrganisationFixture } from '../factories/organisation.factory';
import { createWebUser, WebUserFixture } from '../factories/user.factory';
import { createCall } from '../factories/watch.factory';
import { WebClient } from '../support/web-client.util';

/** The « Collectif » pages over HTTP: invitations, curation, sharing, roles and tenancy. */
describe('Web « Collectif »', () => {
  let testApp: TestApp;
  let collectif: OrganisationFixture;
  let epn: OrganisationFixture;
  let centre: OrganisationFixture;
  let outsider: OrganisationFixture;
  let otherCollectif: OrganisationFixture;
  let coordinator: WebUserFixture;
  let collectifViewer: WebUserFixture;
  let epnOwner: WebUserFixture;
  let centreOwner: WebUserFixture;
  let outsiderOwner: WebUserFixture;
  let otherCoordinator: WebUserFixture;
  let callId: string;
  let pickId: string;

  const signedIn = async (user: WebUserFixture) => {
    const client = await WebClient.signedIn(testApp, user);
    await client.get('/collectif');
    return client;
  };
  /** Follows the redirect after a POST, as a browser does (the notice is in its address). */
  const follow = async (
    client: WebClient,
    response: { status: number; headers: Record<string, string> },
  ) => {
    expect(response.status).toBe(303);
    return client.get(response.headers.location);
  };
  const idOfPick = (html: string) => /id="selection-([0-9a-f-]{36})"/.exec(html)?.[1];
  const invitationOf = (html: string) =>
    /action="\/collectif\/invitations\/([0-9a-f-]{36})\/accepter"/.exec(html)?.[1];
  const membershipOf = (html: string) =>
    /action="\/collectif\/adhesions\/([0-9a-f-]{36})\/partage"/.exec(html)?.[1];

  async function invite(client: WebClient, structure: string) {
    return client.post('/collectif/invitations', { structure });
  }

  async function join(owner: WebUserFixture, sharing: Record<string, string>) {
    const member = await signedIn(owner);
    const invitationId = invitationOf((await member.get('/collectif')).text);
    expect(invitationId).toBeDefined();
    const page = await follow(
      member,
      await member.post(`/collectif/invitations/${invitationId}/accepter`, {}),
    );
    expect(page.text).toContain(
      'Invitation acceptée : les sélections du collectif apparaissent sur cette page.',
    );
    const membershipId = membershipOf(page.text);
    expect(
      (await member.post(`/collectif/adhesions/${membershipId}/partage`, sharing)).status,
    ).toBe(303);
    return member;
  }

  beforeAll(async () => {
    testApp = await createTestApp();
    collectif = await createOrganisation(testApp.app, { name: 'Mednum63', kind: 'collectif' });
    otherCollectif = await createOrganisation(testApp.app, {
      name: 'Réseau voisin',
      kind: 'collectif',
    });
    epn = await createOrganisation(testApp.app, { name: 'EPN de Thiers' });
    centre = await createOrganisation(testApp.app, { name: 'Centre social Riom' });
    outsider = await createOrganisation(testApp.app, { name: 'Association hors réseau' });
    coordinator = await createWebUser(testApp.app, collectif.organisationId, 'owner');
    collectifViewer = await createWebUser(testApp.app, collectif.organisationId, 'viewer');
    epnOwner = await createWebUser(testApp.app, epn.organisationId, 'owner');
    centreOwner = await createWebUser(testApp.app, centre.organisationId, 'owner');
    outsiderOwner = await createWebUser(testApp.app, outsider.organisationId, 'owner');
    otherCoordinator = await createWebUser(testApp.app, otherCollectif.organisationId, 'owner');
    callId = (
      await createCall(testApp.app, {
        title: 'Fonds inclusion numérique 2027',
        deadlines: [{ date: '2027-03-15' }],
        amountMaxCents: 7_200_000,
        score: 0.87,
      })
    ).id;
    const states = testApp.app.get(CallStateService);
    await states.update(epn.organisationId, callId, {
      status: 'applied',
      follow: true,
      notes: 'budget 12 k€, confidentiel',
    });
    await states.update(centre.organisationId, callId, {
      status: 'shortlisted',
      follow: true,
      notes: 'à voir en bureau',
    });
  });
  afterAll(() => testApp.close());

  it('refuses a bad invitation id with a French message next to the field, keeping what was typed', async () => {
    const client = await signedIn(coordinator);
    const cases: Array<[string, string]> = [
      ['', 'Indiquez le nom de la structure, l’adresse e-mail de sa ou son responsable'],
      ['Médiathèque de Nulle-Part', 'Aucune structure ne porte ce nom.'],
      ['personne@test.invalid', 'Aucune structure n’a de responsable à cette adresse'],
      [randomUUID(), 'Aucune structure ne porte cet identifiant.'],
      [otherCollectif.organisationId, 'Cet identifiant est celui d’un collectif'],
      [collectif.organisationId, 'Cet identifiant est celui d’un collectif'],
    ];
    for (const [typed, message] of cases) {
      const response = await invite(client, typed);
      expect(response.status).toBe(400);
      expect(response.text).toContain('<p class="field-error" id="structure-error">');
      expect(response.text).toContain(message);
      expect(response.text).toMatch(
        new RegExp(
          `id="structure" name="structure" type="text" value="${typed}"[^>]*aria-invalid="true"`,
        ),
      );
    }
  });

  it('invites a structure by the id shown on its own page; the structure accepts', async () => {
    const structure = await signedIn(epnOwner);
    const own = await structure.get('/collectif');
    expect(own.text).toContain('Identifiant à donner à votre collectif');
    expect(own.text).toContain(`value="${epn.organisationId}"`);
    expect(own.text).toContain('ne fait partie d’aucun collectif');

    const client = await signedIn(coordinator);
    const sent = await invite(client, ` ${epn.organisationId.toUpperCase()} `);
    expect(sent.status).toBe(303);
    expect(sent.headers.location).toBe('/collectif?fait=invitation#membres');
    expect((await client.get('/collectif')).text).toMatch(
      /<th scope="row">EPN de Thiers<\/th>\s*<td>Invitée le [^<]+, en attente de réponse<\/td>/,
    );
    const again = await invite(client, epn.organisationId);
    expect(again.status).toBe(400);
    expect(again.text).toContain('Cette structure est déjà invitée');

    await join(epnOwner, { partageSuivis: 'oui', partageStatuts: 'oui' });
    expect((await client.get('/collectif')).text).toMatch(
      /<th scope="row">EPN de Thiers<\/th>\s*<td>Membre depuis le [^<]+<\/td>\s*<td>suivis, statuts<\/td>/,
    );
    const member = await invite(client, epn.organisationId);
    expect(member.status).toBe(400);
    expect(member.text).toContain('Cette structure est déjà membre du collectif.');

    await invite(client, centre.organisationId);
    await join(centreOwner, {});
  });

  it('item 4: invites a structure by its name or its owner’s e-mail, with a list when several match', async () => {
    const client = await signedIn(coordinator);
    const lyon = await createOrganisation(testApp.app, { name: 'Fablab Lyon' });
    const vienne = await createOrganisation(testApp.app, { name: 'Fablab Vienne' });
    const lyonOwner = await createWebUser(testApp.app, lyon.organisationId, 'owner');
    await createWebUser(testApp.app, vienne.organisationId, 'owner');

    // A name matching several structures: a choice list, nothing invited yet.
    const several = await invite(client, 'fablab');
    expect(several.status).toBe(400);
    expect(several.text).toContain('Choisissez la structure voulue dans la liste ci-dessous.');
    expect(several.text).toContain(`name="choix" value="${lyon.organisationId}"`);
    expect(several.text).toContain(`name="choix" value="${vienne.organisationId}"`);
    expect(several.text).toContain('value="fablab"');
    const picked = await client.post('/collectif/invitations', {
      structure: 'fablab',
      choix: vienne.organisationId,
    });
    expect(picked.status).toBe(303);
    const page = (await client.get('/collectif')).text;
    expect(page).toMatch(/<th scope="row">Fablab Vienne<\/th>\s*<td>Invitée le /);
    expect(page).not.toContain('Fablab Lyon');

    // The owner's e-mail, typed with capitals: the structure it owns is invited.
    const byEmail = await invite(client, ` ${lyonOwner.email.toUpperCase()} `);
    expect(byEmail.status).toBe(303);
    expect((await client.get('/collectif')).text).toMatch(
      /<th scope="row">Fablab Lyon<\/th>\s*<td>Invitée le /,
    );

    // An exact name (accents and case aside) needs no list; a pending one is said so.
    const again = await invite(client, 'FABLAB VIENNE');
    expect(again.status).toBe(400);
    expect(again.text).toContain('<p class="field-error" id="structure-error">');
    expect(again.text).toContain('Cette structure est déjà invitée');
    await createOrganisation(testApp.app, { name: 'Médiathèque d’Évreux' });
    await createOrganisation(testApp.app, { name: 'Médiathèque d’Évreux-Nord' });
    const exact = await invite(client, 'mediatheque d’evreux');
    expect(exact.status).toBe(303);
    expect((await client.get('/collectif')).text).toMatch(
      /<th scope="row">Médiathèque d’Évreux<\/th>\s*<td>Invitée le /,
    );
    await createOrganisation(testApp.app, { name: 'Un collectif fablab', kind: 'collectif' });
    expect((await invite(client, 'Un collectif fablab')).text).toContain(
      'Aucune structure ne porte ce nom.',
    );
  });

  it('curates from the fiche appel: annotation and « candidature commune possible »', async () => {
    const client = await signedIn(coordinator);
    const fiche = await client.get(`/appels/${callId}`);
    expect(fiche.text).toContain('<h2 id="partage-collectif">Partager au collectif</h2>');

    const tooLong = 'Convient aux EPN. '.repeat(120);
    const refused = await client.post('/collectif/selections', {
      appel: callId,
      annotation: tooLong,
      candidatureCommune: 'oui',
    });
    expect(refused.status).toBe(400);
    expect(refused.text).toMatch(/L’annotation compte 2\s159 caractères : 2 000 au plus\./);
    expect(refused.text).toContain(`${tooLong.trim()}</textarea>`);
    expect(refused.text).toMatch(
      /id="candidature-commune" name="candidatureCommune" value="oui" checked/,
    );

    const unknown = await client.post('/collectif/selections', { appel: randomUUID() });
    expect(unknown.status).toBe(404);

    const shared = await client.post('/collectif/selections', {
      appel: callId,
      annotation: 'Convient aux EPN',
      candidatureCommune: 'oui',
    });
    expect(shared.status).toBe(303);
    expect(shared.headers.location).toMatch(/^\/collectif\?fait=ajoute#selection-/);
    const page = await follow(client, shared);
    pickId = idOfPick(page.text)!;
    expect(page.text).toContain('Appel ajouté au fil partagé du collectif.');
    expect(page.text).toContain(`<a href="/appels/${callId}">Fonds inclusion numérique 2027</a>`);
    expect(page.text).toContain('Candidature commune possible</p>');
    expect(page.text).toContain('<strong>Annotation du collectif :</strong> Convient aux EPN');
    expect(page.text).toContain('15 mars 2027');
    expect(page.text).toMatch(/jusqu’à 72\s000\s€/);
    // The coordinator sees what each member chose to share, and nothing else.
    expect(page.text).toContain(
      '<strong>EPN de Thiers</strong> : suit l’appel, candidature déposée',
    );
    expect(page.text).not.toContain('Centre social Riom</strong> :');
    expect(page.text).not.toContain('confidentiel');
    expect(page.text).not.toContain('à voir en bureau');
  });

  it('shows a structure no « Partager au collectif » form', async () => {
    const member = await signedIn(centreOwner);
    const fiche = await member.get(`/appels/${callId}`);
    expect(fiche.status).toBe(200);
    expect(fiche.text).not.toContain('Partager au collectif');
    const refused = await member.post('/collectif/selections', { appel: callId });
    expect(refused.status).toBe(403);
  });

  it('shows a member the pick beside its own calls, and only what the others chose to share', async () => {
    const member = await signedIn(centreOwner);
    const page = await member.get('/collectif');
    expect(page.text).toContain('<h2 id="fil">Sélections du collectif</h2>');
    expect(page.text).toContain('<strong>Annotation du collectif :</strong> Convient aux EPN');
    expect(page.text).toContain('Candidature commune possible</p>');
    expect(page.text).toContain(
      '<strong>EPN de Thiers</strong> : suit l’appel, candidature déposée',
    );
    // EPN shares follows and statuses, never its notes.
    expect(page.text).not.toContain('confidentiel');
    expect(page.text).toContain('<h2 id="mes-appels">Vos appels suivis</h2>');

    // The centre shares nothing: EPN sees neither its status nor its notes.
    const epnPage = await (await signedIn(epnOwner)).get('/collectif');
    expect(epnPage.text).toContain('Convient aux EPN');
    expect(epnPage.text).not.toContain('Centre social Riom</strong>');
    expect(epnPage.text).not.toContain('à voir en bureau');
    expect(epnPage.text).toContain('Aucun membre ne partage de suivi sur cet appel.');
  });

  it('answers 404 for a pick or an invitation of another organisation', async () => {
    const stranger = await signedIn(outsiderOwner);
    expect((await stranger.post(`/collectif/selections/${pickId}/copier`, {})).status).toBe(404);
    expect((await stranger.post('/collectif/selections/pas-un-id/copier', {})).status).toBe(404);
    expect((await stranger.get('/collectif')).text).not.toContain('Fonds inclusion numérique');

    const neighbour = await signedIn(otherCoordinator);
    const edit = await neighbour.post(`/collectif/selections/${pickId}`, { annotation: 'piraté' });
    expect(edit.status).toBe(404);
    expect(edit.text).toContain('Page introuvable');
    expect((await neighbour.post(`/collectif/selections/${pickId}/retirer`, {})).status).toBe(404);

    const client = await signedIn(coordinator);
    await invite(client, outsider.organisationId);
    const invitationId = invitationOf((await stranger.get('/collectif')).text)!;
    const member = await signedIn(epnOwner);
    expect((await member.post(`/collectif/invitations/${invitationId}/accepter`, {})).status).toBe(
      404,
    );
    expect((await client.get('/collectif')).text).toContain('Convient aux EPN');
  });

  it('lets a viewer read the shared feed but not change it', async () => {
    const viewer = await signedIn(collectifViewer);
    const page = await viewer.get('/collectif');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Convient aux EPN');
    expect(page.text).not.toContain('Retirer du fil');
    expect(page.text).not.toContain('action="/collectif/invitations"');
    for (const [path, form] of [
      [`/collectif/selections/${pickId}/retirer`, {}],
      [`/collectif/selections/${pickId}`, { annotation: 'modifiée' }],
      ['/collectif/invitations', { structure: outsider.organisationId }],
      ['/collectif/liens', {}],
      ['/collectif/selections', { appel: callId }],
    ] as const) {
      const refused = await viewer.post(path, form);
      expect({ path, status: refused.status }).toEqual({ path, status: 403 });
      expect(refused.text).toContain('Accès refusé');
    }
    expect((await viewer.get('/collectif')).text).toContain(
      '<strong>Annotation du collectif :</strong> Convient aux EPN',
    );
  });

  it('edits an annotation, refusing an over-long one next to its field', async () => {
    const client = await signedIn(coordinator);
    const tooLong = 'x'.repeat(2001);
    const refused = await client.post(`/collectif/selections/${pickId}`, { annotation: tooLong });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain(`<p class="field-error" id="annotation-${pickId}-error">`);
    expect(refused.text).toContain(`${tooLong}</textarea>`);
    expect(refused.text).toContain('<details class="collectif-pick-edit" open>');
    expect((await client.get('/collectif')).text).toContain('Convient aux EPN');

    const saved = await client.post(`/collectif/selections/${pickId}`, {
      annotation: 'Convient aux EPN et aux centres sociaux',
    });
    expect(saved.status).toBe(303);
    const page = await client.get('/collectif');
    expect(page.text).toContain('Convient aux EPN et aux centres sociaux');
    expect(page.text).not.toContain('Candidature commune possible</p>');
  });

  it('lets a member copy a pick into its own calls', async () => {
    const member = await signedIn(epnOwner);
    await testApp.app
      .get(CallStateService)
      .update(epn.organisationId, callId, { status: 'seen', follow: false, notes: '' });
    const page = await follow(
      member,
      await member.post(`/collectif/selections/${pickId}/copier`, {}),
    );
    expect(page.text).toContain('Appel copié dans vos appels : présélectionné et suivi.');
    expect(page.text).toContain('Dans vos appels : présélectionné, suivi.');
    expect(page.text).toMatch(
      new RegExp(
        `<a href="/appels/${callId}">Fonds inclusion numérique 2027</a><br><span class="muted">échéance le 15 mars 2027 · présélectionné, suivi`,
      ),
    );
  });

  it('creates a feed link shown once, which works until revoked', async () => {
    const client = await signedIn(coordinator);
    const created = await client.post('/collectif/liens', {});
    expect(created.status).toBe(200);
    const rss =
      /id="lien-rss" type="url" readonly value="https?:\/\/[^/]+(\/feeds\/[^"]+\.rss)"/.exec(
        created.text,
      )?.[1];
    expect(rss).toBeDefined();
    const feed = await request(testApp.app.getHttpServer()).get(rss!);
    expect(feed.status).toBe(200);
    expect(feed.text).toContain('Fonds inclusion numérique 2027');

    const page = await client.get('/collectif');
    expect(page.text).not.toContain(rss!);
    const tokenId = /action="\/collectif\/liens\/([0-9a-f-]{36})\/revoquer"/.exec(page.text)?.[1];
    expect((await client.post(`/collectif/liens/${tokenId}/revoquer`, {})).status).toBe(303);
    expect((await request(testApp.app.getHttpServer()).get(rss!)).status).toBe(404);
    expect((await client.get('/collectif')).text).toContain('Aucun lien actif.');
  });

  it('removes a pick from the shared feed', async () => {
    const client = await signedIn(coordinator);
    const page = await follow(
      client,
      await client.post(`/collectif/selections/${pickId}/retirer`, {}),
    );
    expect(page.text).toContain('Appel retiré du fil partagé.');
    expect(page.text).toContain('Aucun appel dans le fil partagé pour l’instant.');
  });

  it('pages the shared feed 25 picks at a time', async () => {
    const collectifs = testApp.app.get(CollectifService);
    for (let n = 1; n <= 26; n++) {
      const call = await createCall(testApp.app, { title: `Appel en série ${n}`, score: 0.6 });
      await collectifs.pick(collectif.organisationId, { callId: call.id });
    }
    const client = await signedIn(coordinator);
    const first = await client.get('/collectif');
    expect(first.text).toContain('Fil partagé <span class="muted">(26 appels)</span>');
    expect(first.text.match(/class="call-card collectif-pick"/g)).toHaveLength(25);
    expect(first.text).toContain('<a href="/collectif?page=2#fil" rel="next">Page suivante →</a>');
    const second = await client.get('/collectif?page=2');
    expect(second.text.match(/class="call-card collectif-pick"/g)).toHaveLength(1);
    expect(second.text).toContain('rel="prev">← Page précédente</a>');
  });
});
