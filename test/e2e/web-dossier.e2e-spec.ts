import { ApplicationService } from '@app/treasury';
import { createTestApp, TestApp } from '@app/testing';
import { Workbook } from 'exceljs';
import request from 'supertest';
import { createApplication, fseApplicationBody, ideaBody } from '../factories/application.factory';
import { createOrganisation, OrganisationFixture } from '../factories/organisation.factory';
import { createWebUser, WebUserFixture } from '../factories/user.factory';
import { WebClient } from '../support/web-client.util';

/** The page's text without tags, spaces normalised (French amounts use narrow no-break spaces). */
function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"');
}

describe('Web « Dossiers » pages', () => {
  let testApp: TestApp;
  let epn: OrganisationFixture;
  let owner: WebUserFixture;
  let member: WebUserFixture;
  let viewer: WebUserFixture;
  let applications: ApplicationService;
  let fse: { id: string; title: string };
  let idea: { id: string; title: string };
  let foreign: { id: string };

  const signedIn = (user: WebUserFixture) => WebClient.signedIn(testApp, user);

  /** A file as the browser downloads it: the raw bytes, through a signed-in cookie jar. */
  async function download(user: WebUserFixture, path: string) {
    const agent = request.agent(testApp.app.getHttpServer());
    const signInPage = await agent.get('/connexion');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(signInPage.text)?.[1] ?? '';
    await agent
      .post('/connexion')
      .type('form')
      .send({ _csrf: csrf, email: user.email, password: user.password });
    return agent
      .get(path)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
  }

  /** The stored dossier, read as another client would: what was really saved. */
  async function stored(id: string) {
    const principal = { organisationId: epn.organisationId, role: 'owner' } as never;
    return applications.get(principal, id);
  }

  beforeAll(async () => {
    testApp = await createTestApp();
    applications = testApp.app.get(ApplicationService);
    epn = await createOrganisation(testApp.app, { name: 'EPN Les Olympiades' });
    owner = await createWebUser(testApp.app, epn.organisationId, 'owner');
    member = await createWebUser(testApp.app, epn.organisationId, 'member');
    viewer = await createWebUser(testApp.app, epn.organisationId, 'viewer');
    fse = (await createApplication(
      testApp.app,
      epn.apiKey,
      fseApplicationBody({ title: 'Parcours numériques vers l’emploi' }),
    )) as unknown as { id: string; title: string };
    idea = (await createApplication(
      testApp.app,
      epn.apiKey,
      ideaBody({ title: 'Atelier numérique seniors' }),
    )) as unknown as { id: string; title: string };
    const other = await createOrganisation(testApp.app, { name: 'Autre structure' });
    foreign = await createApplication(testApp.app, other.apiKey, ideaBody({ title: 'Secret' }));
  });
  afterAll(() => testApp.close());

  it('lists the dossiers with funders, status, amount requested and warnings, in French', async () => {
    const client = await signedIn(member);
    const page = await client.get('/dossiers');
    expect(page.status).toBe(200);
    const row = textOf(
      /<tr>\s*<th scope="row"><a href="\/dossiers\/[^"]+">Parcours[\s\S]*?<\/tr>/.exec(
        page.text,
      )?.[0] ?? '',
    );
    expect(row).toContain('Parcours numériques vers l’emploi');
    expect(row).toContain('Département du Puy-de-Dôme (FSE+)');
    expect(row).toContain('En cours');
    expect(row).toContain('72 000 €');
    expect(page.text).toContain('<h2 id="resultats">2 dossiers</h2>');
    const filtered = await client.get('/dossiers?statut=idea');
    expect(filtered.text).toContain('Atelier numérique seniors');
    expect(filtered.text).not.toContain('Parcours numériques vers l’emploi');
    expect(filtered.text).not.toContain('Secret');
  });

  it('shows a board whose cards offer only the moves the status allows', async () => {
    const client = await signedIn(member);
    const board = await client.get('/dossiers/etapes');
    expect(board.status).toBe(200);
    const card =
      new RegExp(
        `<li class="dossier-card" id="dossier-${idea.id}">[\\s\\S]*?</li>\\s*(?=<li|</ol>)`,
      ).exec(board.text)?.[0] ?? '';
    const offered = [...card.matchAll(/<option value="(\w+)"/g)].map((m) => m[1]);
    expect(offered).toEqual(['preparing', 'submitted', 'closed']);
  });

  it('refuses an impossible move with a French message and changes nothing', async () => {
    const client = await signedIn(member);
    await client.get('/dossiers/etapes');
    const before = await stored(idea.id);
    const refused = await client.post(`/dossiers/${idea.id}/etape`, {
      etape: 'granted',
      version: String(before.version),
      retour: 'etapes',
    });
    expect(refused.status).toBe(409);
    expect(textOf(refused.text)).toContain(
      'Ce dossier est à l’étape « Idée » : il ne peut pas passer à « Accordé ». Étapes possibles depuis « Idée » : En préparation, Déposé, Clôturé.',
    );
    expect((await stored(idea.id)).status).toBe('idea');
    const moved = await client.post(`/dossiers/${idea.id}/etape`, {
      etape: 'preparing',
      version: String(before.version),
      retour: 'etapes',
    });
    expect(moved.status).toBe(303);
    expect(moved.headers.location).toBe(
      `/dossiers/etapes?fait=etape&vers=preparing#dossier-${idea.id}`,
    );
    const after = await stored(idea.id);
    expect(after.status).toBe('preparing');
    expect(after.history?.map((h) => h.to)).toEqual(['idea', 'preparing']);
    const page = await client.get(`/dossiers/${idea.id}`);
    expect(textOf(page.text)).toContain('Idée → En préparation');
  });

  it('keeps a bad amount typed in the funding plan, says why next to the field, stores nothing', async () => {
    const client = await signedIn(owner);
    const page = await client.get(`/dossiers/${idea.id}`);
    expect(textOf(page.text)).toContain('Il manque 15 000 € pour couvrir le coût total.');
    // Native date pickers need no « Au format 2027-03-15 » hint (issue 20, polish).
    expect(page.text).toMatch(/type="date"/);
    expect(page.text).not.toContain('Au format');
    const before = await stored(idea.id);
    const refused = await client.post(`/dossiers/${idea.id}/lignes`, {
      type: 'REGION',
      financeur: 'Région Auvergne-Rhône-Alpes',
      montant: 'dix mille',
      statut: 'requested',
      version: String(before.version),
    });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('value="dix mille"');
    expect(refused.text).toContain('value="Région Auvergne-Rhône-Alpes"');
    expect(refused.text).toMatch(
      /id="ligne-montant"[^>]*aria-describedby="ligne-montant-hint ligne-montant-error"[^>]*aria-invalid="true"/,
    );
    expect(textOf(refused.text)).toContain('Montant invalide : écrivez un nombre d’euros');
    const after = await stored(idea.id);
    expect(after.fundingLines).toEqual([]);
    expect(after.version).toBe(before.version);

    const added = await client.post(`/dossiers/${idea.id}/lignes`, {
      type: 'REGION',
      financeur: 'Région Auvergne-Rhône-Alpes',
      montant: '10 000',
      statut: 'requested',
      version: String(before.version),
    });
    expect(added.status).toBe(303);
    const plan = textOf((await client.get(`/dossiers/${idea.id}`)).text);
    expect(plan).toContain('Il manque 5 000 € pour couvrir le coût total.');
    expect(plan).toContain(
      'Région Auvergne-Rhône-Alpes Type : Région Montant : 10 000 € Statut : Demandé',
    );
  });

  it('shows the plan checks in French: EU share above its maximum, LEADER without national co-financer', async () => {
    const leader = await createApplication(
      testApp.app,
      epn.apiKey,
      fseApplicationBody({
        title: 'Tiers-lieu rural',
        status: 'preparing',
        fundingLines: [
          {
            funder: 'GAL Livradois',
            kind: 'FEADER_LEADER',
            amountCents: 10_000_000,
            status: 'requested',
          },
          {
            funder: 'Fonds propres',
            kind: 'SELF_FUNDING',
            amountCents: 2_000_000,
            status: 'granted',
          },
        ],
      }),
    );
    const client = await signedIn(owner);
    const text = textOf((await client.get(`/dossiers/${leader.id}`)).text);
    expect(text).toContain('Aucun cofinanceur public national');
    expect(text).toContain(
      'L’aide publique totale (100 000 €) dépasse 80 % du coût de l’opération',
    );
    expect(text).toContain('FEADER – LEADER : 83,33 % du coût total');
  });

  it('tells a stale edit (two tabs) apart: nothing saved, nothing lost, the input kept', async () => {
    const tabA = await signedIn(owner);
    const tabB = await signedIn(owner);
    await tabA.get(`/dossiers/${fse.id}`);
    await tabB.get(`/dossiers/${fse.id}`);
    const version = String((await stored(fse.id)).version);
    const form = {
      cout: '120000',
      debut: '2026-01',
      fin: '2026-12',
      depot: '',
      zone: 'mainland',
      version,
    };
    const first = await tabA.post(`/dossiers/${fse.id}/informations`, {
      ...form,
      titre: 'Titre de l’onglet A',
    });
    expect(first.status).toBe(303);
    const second = await tabB.post(`/dossiers/${fse.id}/informations`, {
      ...form,
      titre: 'Titre de l’onglet B',
    });
    expect(second.status).toBe(409);
    expect(textOf(second.text)).toContain('Ce dossier a été modifié entre-temps');
    expect(second.text).toContain('value="Titre de l’onglet B"');
    expect(textOf(second.text)).toContain('Enregistré entre-temps : Titre de l’onglet A.');
    expect((await stored(fse.id)).title).toBe('Titre de l’onglet A');
    // The page now carries the current version: sending again applies the kept input.
    const again = await tabB.post(`/dossiers/${fse.id}/informations`, {
      ...form,
      titre: 'Titre de l’onglet B',
      version: /name="version" value="(\d+)"/.exec(second.text)?.[1] ?? '',
    });
    expect(again.status).toBe(303);
    expect((await stored(fse.id)).title).toBe('Titre de l’onglet B');
  });

  it('adds tasks and indicators, marks a task done, and keeps a bad count typed', async () => {
    const client = await signedIn(member);
    await client.get(`/dossiers/${fse.id}`);
    let version = String((await stored(fse.id)).version);
    const saved = await client.post(`/dossiers/${fse.id}/taches`, {
      taches: '1',
      'tache-0-libelle': 'Bilan intermédiaire',
      'tache-0-type': 'interim_report',
      'tache-0-echeance': '2026-07-31',
      'tache-0-faite': 'oui',
      version,
    });
    expect(saved.status).toBe(303);
    expect((await stored(fse.id)).tasks).toEqual([
      { label: 'Bilan intermédiaire', kind: 'interim_report', dueDate: '2026-07-31', done: true },
    ]);
    version = String((await stored(fse.id)).version);
    const refused = await client.post(`/dossiers/${fse.id}/indicateurs`, {
      indicateurs: '1',
      'indicateur-0-libelle': 'Personnes accompagnées',
      'indicateur-0-prevu': 'cent',
      version,
    });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('value="cent"');
    expect(refused.text).toMatch(
      /id="indicateur-0-prevu"[^>]*aria-invalid="true" aria-describedby="indicateur-0-prevu-error"/,
    );
    expect((await stored(fse.id)).indicators).toEqual([]);
    const ok = await client.post(`/dossiers/${fse.id}/indicateurs`, {
      indicateurs: '1',
      'indicateur-0-libelle': 'Personnes accompagnées',
      'indicateur-0-prevu': '120',
      version,
    });
    expect(ok.status).toBe(303);
    expect((await stored(fse.id)).indicators).toEqual([
      {
        // Named like the catalogue's indicator: it takes its key (issue 18).
        key: 'people_accompanied',
        label: 'Personnes accompagnées',
        planned: 120,
      },
    ]);
  });

  it('lets a viewer read a dossier but not change it; a member not touch the money', async () => {
    const reader = await signedIn(viewer);
    const page = await reader.get(`/dossiers/${fse.id}`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('Ajouter la ligne');
    expect(page.text).not.toContain('Changer d’étape');
    const version = String((await stored(fse.id)).version);
    for (const path of ['etape', 'informations', 'taches', 'lignes']) {
      const refused = await reader.post(`/dossiers/${fse.id}/${path}`, {
        etape: 'closed',
        version,
      });
      expect({ path, status: refused.status }).toEqual({ path, status: 403 });
      expect(refused.text).toContain('Accès refusé');
    }
    expect((await reader.post('/dossiers/nouveau', { titre: 'x' })).status).toBe(403);
    expect((await stored(fse.id)).status).toBe('in_progress');

    const memberClient = await signedIn(member);
    const memberPage = await memberClient.get(`/dossiers/${fse.id}`);
    expect(memberPage.text).not.toContain('Ajouter la ligne');
    const line = (await stored(fse.id)).fundingLines[0];
    expect((await memberClient.get(`/dossiers/${fse.id}/lignes/${line.id}`)).status).toBe(403);
  });

  it('edits a funding line: what the service refuses is said next to the field, a stale version keeps the input', async () => {
    const client = await signedIn(owner);
    const line = (await stored(idea.id)).fundingLines[0];
    await client.get(`/dossiers/${idea.id}/lignes/${line.id}`);
    const before = await stored(idea.id);
    const form = {
      type: line.kind,
      financeur: 'Région révisée',
      montant: '10000',
      statut: line.status,
      versements: '2027-03 : 8000\n2027-09 : 4000',
      version: String(before.version),
    };
    // Only the service knows the payments exceed the line: 400, its message next to the field.
    const refused = await client.post(`/dossiers/${idea.id}/lignes/${line.id}`, form);
    expect(refused.status).toBe(400);
    expect(textOf(refused.text)).toContain('dépassent le montant de la ligne');
    expect(refused.text).toContain('value="Région révisée"');
    const stale = await client.post(`/dossiers/${idea.id}/lignes/${line.id}`, {
      ...form,
      versements: '',
      version: String(before.version - 1),
    });
    expect(stale.status).toBe(409);
    expect(textOf(stale.text)).toContain('Ce dossier a été modifié entre-temps');
    expect(stale.text).toContain('value="Région révisée"');
    expect(await stored(idea.id)).toEqual(before);
  });

  it('removes a funding line from its own page, refusing a stale version without losing it', async () => {
    const client = await signedIn(owner);
    const line = (await stored(idea.id)).fundingLines[0];
    const page = await client.get(`/dossiers/${idea.id}/lignes/${line.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('value="10000"');
    const stale = await client.post(`/dossiers/${idea.id}/lignes/${line.id}/supprimer`, {
      version: '1',
    });
    expect(stale.status).toBe(409);
    expect(textOf(stale.text)).toContain('Ce dossier a été modifié entre-temps');
    expect((await stored(idea.id)).fundingLines).toHaveLength(1);
    const version = String((await stored(idea.id)).version);
    const removed = await client.post(`/dossiers/${idea.id}/lignes/${line.id}/supprimer`, {
      version,
    });
    expect(removed.status).toBe(303);
    expect((await stored(idea.id)).fundingLines).toEqual([]);
    const after = textOf((await client.get(removed.headers.location)).text);
    expect(after).toContain('Ligne de financement supprimée.');
    expect(after).toContain('Il manque 15 000 € pour couvrir le coût total.');
  });

  it('counts the same alerts in the list as on the dossier page', async () => {
    const client = await signedIn(viewer);
    const list = await client.get('/dossiers');
    for (const id of [fse.id, idea.id]) {
      const row = new RegExp(`href="/dossiers/${id}"[\\s\\S]*?</tr>`).exec(list.text)?.[0] ?? '';
      const inList = /Alertes : <\/span>(\w+)<\/td>/.exec(row)?.[1];
      const page = await client.get(`/dossiers/${id}`);
      const onPage = /<dt>Alertes<\/dt><dd><a href="#alertes">(\w+)/.exec(page.text)?.[1];
      expect({ id, inList }).toEqual({ id, inList: onPage });
    }
  });

  it('answers 404 for another organisation’s dossier exactly as for a missing one', async () => {
    const client = await signedIn(owner);
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const id of [foreign.id, missing, 'pas-un-identifiant']) {
      const page = await client.get(`/dossiers/${id}`);
      expect({ id, status: page.status }).toEqual({ id, status: 404 });
      expect(page.text).toContain('Page introuvable');
      expect((await client.get(`/dossiers/${id}/export.xlsx`)).status).toBe(404);
    }
    await client.get('/dossiers');
    const moved = await client.post(`/dossiers/${foreign.id}/etape`, {
      etape: 'preparing',
      version: '1',
    });
    expect(moved.status).toBe(404);
  });

  it('creates a dossier without a call, with errors next to the fields first', async () => {
    const client = await signedIn(member);
    await client.get('/dossiers/nouveau');
    const refused = await client.post('/dossiers/nouveau', {
      titre: 'Permanences numériques',
      cout: '20 000',
      debut: '2027-06',
      fin: '2027-01',
    });
    expect(refused.status).toBe(400);
    expect(textOf(refused.text)).toContain('La fin de l’opération précède son début.');
    expect(refused.text).toContain('value="2027-01"');
    const created = await client.post('/dossiers/nouveau', {
      titre: 'Permanences numériques',
      cout: '20 000',
      debut: '2027-01',
      fin: '2027-06',
    });
    expect(created.status).toBe(303);
    const page = await client.get(created.headers.location);
    expect(textOf(page.text)).toContain('Dossier créé à l’étape « Idée ».');
    expect(textOf(page.text)).toContain('de janvier 2027 à juin 2027');
  });

  it('item 9: says in euros what is wrong with an amount, on the dossier and on its funding lines', async () => {
    const tooLarge = 'Montant trop élevé : 100\u202f000\u202f000\u00a0€ au plus.';
    const invalid =
      'Montant invalide : écrivez un nombre d’euros, par exemple 12 500 ou 12 500,50.';
    const client = await signedIn(owner);
    await client.get('/dossiers/nouveau');
    for (const [cout, message] of [
      ['1 000 000 000', tooLarge],
      ['999999999999999999', tooLarge],
      ['vingt mille', invalid],
    ]) {
      const refused = await client.post('/dossiers/nouveau', {
        titre: 'Permanences numériques',
        cout,
        debut: '2027-01',
        fin: '2027-06',
      });
      expect(refused.status).toBe(400);
      expect(refused.text).toContain(`<a href="#cout">${message}</a>`);
    }
    const before = await stored(idea.id);
    for (const [montant, message] of [
      ['1 000 000 000', tooLarge],
      ['999999999999999999', tooLarge],
      ['dix mille', invalid],
    ]) {
      const refused = await client.post(`/dossiers/${idea.id}/lignes`, {
        type: 'REGION',
        financeur: 'Région Auvergne-Rhône-Alpes',
        montant,
        statut: 'requested',
        version: String(before.version),
      });
      expect(refused.status).toBe(400);
      expect(refused.text).toContain(`<a href="#ligne-montant">${message}</a>`);
      expect(refused.text).not.toContain('centimes');
    }
    expect((await stored(idea.id)).version).toBe(before.version);
  });

  it('item 11: warns, without refusing, when the operation is already over', async () => {
    const client = await signedIn(owner);
    await client.get('/dossiers/nouveau');
    const created = await client.post('/dossiers/nouveau', {
      titre: 'Permanences 2020',
      cout: '20 000',
      debut: '2020-01',
      fin: '2020-12',
    });
    expect(created.status).toBe(303);
    const page = textOf((await client.get(created.headers.location)).text);
    expect(page).toContain('Dossier créé à l’étape « Idée ».');
    expect(page).toContain(
      'Attention : l’opération s’est terminée en décembre 2020, avant le mois en cours (novembre 2026).',
    );
    const id = /\/dossiers\/([0-9a-f-]{36})/.exec(created.headers.location)?.[1] as string;
    const saved = await client.post(`/dossiers/${id}/informations`, {
      titre: 'Permanences 2027',
      cout: '20 000',
      debut: '2027-01',
      fin: '2027-12',
      version: String((await stored(id)).version),
    });
    expect(saved.status).toBe(303);
    expect(textOf((await client.get(saved.headers.location)).text)).not.toContain(
      'l’opération s’est terminée',
    );
  });

  it('names a line once when its funder already starts with the fund (issue 20, polish)', async () => {
    const named = await createApplication(
      testApp.app,
      epn.apiKey,
      fseApplicationBody({
        title: 'Parcours FSE+ national',
        fundingLines: [
          {
            funder: 'FSE+ – programme national (DREETS)',
            kind: 'FSE_PLUS',
            amountCents: 7_200_000,
            status: 'granted',
            signedAt: '2025-12-15',
          },
          {
            funder: 'Fonds propres',
            kind: 'SELF_FUNDING',
            amountCents: 4_800_000,
            status: 'granted',
          },
        ],
      }),
    );
    const page = textOf((await (await signedIn(viewer)).get(`/dossiers/${named.id}`)).text);
    expect(page).toContain('FSE+ – programme national (DREETS) Versement : Avance');
    expect(page).not.toContain('FSE+ – FSE+');
  });

  it('exports the dossier’s cash plan as a real workbook and a French CSV, with the page’s figures', async () => {
    const client = await signedIn(viewer);
    const page = textOf((await client.get(`/dossiers/${fse.id}`)).text);
    const peak = /avancer jusqu’à ([\d ]+) €/.exec(page)?.[1];
    expect(page).toContain(
      'FSE+ – Département du Puy-de-Dôme (FSE+) Versement : Avance Mois : février 2026 Montant : 21 600 €',
    );
    const xlsx = await download(viewer, `/dossiers/${fse.id}/export.xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['content-disposition']).toMatch(
      /^attachment; filename="tresorerie-[a-z0-9-]+\.xlsx"/,
    );
    const workbook = new Workbook();
    await workbook.xlsx.load(xlsx.body as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.worksheets[0];
    const rows: { month: string; inflow: number; closing: number }[] = [];
    sheet.eachRow((row, n) => {
      if (n < 3 || !/^\d{4}-\d{2}$/.test(String(row.getCell(1).value))) return;
      // exceljs leaves out a cached result of 0; spreadsheets recompute it from the formula.
      const closing = row.getCell(5).value as { formula: string; result?: number };
      rows.push({
        month: String(row.getCell(1).value),
        inflow: Number(row.getCell(3).value),
        closing: closing.result ?? 0,
      });
    });
    expect(rows.find((r) => r.month === '2026-02')?.inflow).toBe(21_600);
    expect(Math.min(...rows.map((r) => r.closing))).toBe(-Number(peak?.replace(/ /g, '')));
    const csv = await client.get(`/dossiers/${fse.id}/export.csv?scenario=stress`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    expect(csv.text).toContain(';');
  });
});
