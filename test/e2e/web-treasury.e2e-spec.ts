import { TreasurySettingsService } from '@app/treasury';
import { createTestApp, TestApp } from '@app/testing';
import request from 'supertest';
import { createApplication, fseApplicationBody } from '../factories/application.factory';
import { createOrganisation, OrganisationFixture } from '../factories/organisation.factory';
import { createWebUser, WebUserFixture } from '../factories/user.factory';
import { WebClient } from '../support/web-client.util';

/** « −8 400 € », « 21 600 € », « 1 234,56 € » → cents. */
function centsOf(text: string): number {
  const cleaned = text
    .replace(/[\s\u00a0\u202f€]/g, '')
    .replace('−', '-')
    .replace(',', '.');
  return Math.round(Number(cleaned) * 100);
}

/** The month table of the page: month label and closing balance (5th amount) of each row. */
function pageClosings(html: string): Array<{ month: string; closingCents: number }> {
  const table = /<table class="treasury-table"[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
  const rows = [...table.matchAll(/<th scope="row"[^>]*>([^<]+)<\/th>([\s\S]*?)<\/tr>/g)];
  return rows.map(([, month, cells]) => {
    const amounts = [...cells.matchAll(/<td class="num[^"]*">([^<]+)/g)].map((m) => m[1].trim());
    return { month, closingCents: centsOf(amounts[3]) };
  });
}

/** The CSV's « Solde fin » column in cents. */
function csvClosings(csv: string): number[] {
  return csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .slice(1)
    .map((line) => centsOf(line.split(';')[4]));
}

/** The form as the settings page sends it, with the stored values; `overrides` replace some. */
function settingsForm(
  html: string,
  overrides: Record<string, string> = {},
): Record<string, string> {
  const form: Record<string, string> = {};
  for (const [, name, value] of html.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) {
    if (name !== '_csrf' && !name.endsWith('-supprimer')) form[name] = decode(value);
  }
  for (const [, name, options] of html.matchAll(
    /<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g,
  )) {
    form[name] = /<option value="([^"]+)" selected/.exec(options)?.[1] ?? '';
  }
  return { ...form, ...overrides };
}

function decode(value: string): string {
  return value
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * 30 000 € in January 2027; 120 000 € spent over 2027 (10 000 €/month) against a 30 % FSE+
 * advance of 21 600 € paid in February: 51 600 € − 6 × 10 000 € < 0 in June 2027.
 */
const STARTING_SETTINGS = {
  openingBalanceCents: 3_000_000,
  openingMonth: '2027-01',
  minimumCashCents: 1_000_000,
  recurring: [
    { label: 'Salaires et charges', direction: 'out', amountCents: 850_000 },
    { label: 'Adhésions et prestations', direction: 'in', amountCents: 850_000 },
  ],
};

describe('Web « Trésorerie »', () => {
  let testApp: TestApp;
  let epn: OrganisationFixture;
  let other: OrganisationFixture;
  let owner: WebUserFixture;
  let accountant: WebUserFixture;
  let viewer: WebUserFixture;
  let member: WebUserFixture;
  let outsider: WebUserFixture;
  let fseId: string;
  const settingsOf = (organisationId: string) =>
    testApp.app.get(TreasurySettingsService).get(organisationId);

  /** The settings as the API stores them (PUT, the API key of the organisation). */
  const putSettings = (settings: object) =>
    request(testApp.app.getHttpServer())
      .put('/api/treasury/settings')
      .set('Authorization', `Bearer ${epn.apiKey}`)
      .send(settings)
      .expect(200);

  /**
   * The owner's settings form sent back with some fields changed: the page refuses it (400)
   * and stores nothing.
   */
  async function refusedSettings(overrides: Record<string, string>): Promise<request.Response> {
    const before = await settingsOf(epn.organisationId);
    const browser = await WebClient.signedIn(testApp, owner);
    const form = await browser.get('/tresorerie/reglages');
    expect(form.status).toBe(200);
    const refused = await browser.post('/tresorerie/reglages', settingsForm(form.text, overrides));
    expect(refused.status).toBe(400);
    expect(await settingsOf(epn.organisationId)).toEqual(before);
    return refused;
  }

  beforeAll(async () => {
    testApp = await createTestApp();
    epn = await createOrganisation(testApp.app, { name: 'EPN Les Olympiades' });
    other = await createOrganisation(testApp.app, { name: 'Centre social Voisin' });
    owner = await createWebUser(testApp.app, epn.organisationId, 'owner');
    accountant = await createWebUser(testApp.app, epn.organisationId, 'accountant');
    viewer = await createWebUser(testApp.app, epn.organisationId, 'viewer');
    member = await createWebUser(testApp.app, epn.organisationId, 'member');
    outsider = await createWebUser(testApp.app, other.organisationId, 'owner');
    await putSettings(STARTING_SETTINGS);
    fseId = (
      await createApplication(
        testApp.app,
        epn.apiKey,
        fseApplicationBody({
          title: 'Parcours numériques vers l’emploi (FSE+)',
          operationStart: '2027-01',
          operationEnd: '2027-12',
          fundingLines: [
            {
              funder: 'Département du Puy-de-Dôme (FSE+)',
              kind: 'FSE_PLUS',
              amountCents: 7_200_000,
              status: 'granted',
              signedAt: '2026-12-15',
            },
            {
              funder: 'Fonds propres',
              kind: 'SELF_FUNDING',
              amountCents: 4_800_000,
              status: 'granted',
            },
          ],
        }),
      )
    ).id;
  });
  afterAll(() => testApp.close());

  it('sends an anonymous visitor (and an anonymous download) to the sign-in page', async () => {
    const page = await new WebClient(testApp).get('/tresorerie');
    expect(page.status).toBe(303);
    expect(page.headers.location).toBe('/connexion?suite=%2Ftresorerie');
    const download = await new WebClient(testApp).get('/tresorerie/export.csv');
    expect(download.status).toBe(303);
  });

  it('shows the chart, the table and the warnings in French', async () => {
    const browser = await WebClient.signedIn(testApp, viewer);
    const page = await browser.get('/tresorerie');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>Trésorerie</h1>');
    expect(page.text).toMatch(/<svg class="treasury-chart treasury-chart-wide"[^>]*role="img"/);
    expect(page.text).toContain('Trésorerie négative en juin 2027');
    expect(page.text).toContain(
      'Solde de trésorerie mois par mois, de janvier 2027 à décembre 2028',
    );
    const closings = pageClosings(page.text);
    expect(closings).toHaveLength(24);
    expect(closings[0]).toEqual({ month: 'janvier 2027', closingCents: 2_000_000 });
    expect(closings[5]).toEqual({ month: 'juin 2027', closingCents: -840_000 });
    // Negative cells are said in words, not only in red.
    expect(page.text).toMatch(/−8\s400\s€ <span class="badge badge-negative">négatif<\/span>/);
    expect(page.text).toContain('<h2 id="alertes">Alertes</h2>');
    expect(page.text).toContain('Trésorerie négative');
    expect(page.text).toContain(`href="/dossiers/${fseId}"`);
    expect(page.text).toContain('Voir le dossier « Parcours numériques vers l’emploi (FSE+) »');
    expect(page.text).toMatch(
      /Besoin de trésorerie maximal<\/span> <strong>[^<]+<\/strong> en [a-zéû]+ 2027/,
    );
    // A viewer reads: no link to the settings form.
    expect(page.text).not.toContain('href="/tresorerie/reglages"');
  });

  it('item 10: the threshold warning gives the true lowest point, the one of « Besoin de trésorerie maximal »', async () => {
    const browser = await WebClient.signedIn(testApp, viewer);
    const page = await browser.get('/tresorerie');
    const text = page.text.replace(/\s+/g, ' ').replace(/[\u00a0\u202f]/g, ' ');
    const peak =
      /Besoin de trésorerie maximal<\/span> <strong>([^<]+)<\/strong> en ([a-zéû]+ \d{4})/.exec(
        text,
      );
    expect(peak).not.toBeNull();
    const [, need, month] = peak as RegExpExecArray;
    expect(text).toContain(
      `passe sous le seuil de sécurité de 10 000 € en mai 2027 et y reste jusqu’à la fin de la projection (point bas −${need} en ${month})`,
    );
  });

  it('puts the most urgent treasury warnings on the dashboard, labelled, with the way to the rest', async () => {
    const browser = await WebClient.signedIn(testApp, viewer);
    const page = await browser.get('/tableau-de-bord');
    const section = /<section aria-labelledby="tresorerie">[\s\S]*?<\/section>/.exec(
      page.text,
    )?.[0];
    expect(section).toBeDefined();
    const items = [
      ...(section ?? '').matchAll(/<li class="warning warning-(\w+)"><strong>([^<]+)<\/strong>/g),
    ];
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(6);
    // Most urgent first, each said in words.
    const rank = { critical: 0, warning: 1, info: 2 } as Record<string, number>;
    const ranks = items.map(([, severity]) => rank[severity]);
    expect(ranks).toEqual([...ranks].sort());
    expect(items[0][2]).toBe('Urgent :');
    expect(section).toContain('La trésorerie devient négative en ');
    expect(section).toContain('href="/tresorerie#alertes"');
  });

  it('lets the horizon be chosen', async () => {
    const browser = await WebClient.signedIn(testApp, member);
    const page = await browser.get('/tresorerie?horizon=12');
    expect(pageClosings(page.text)).toHaveLength(12);
    expect(page.text).toContain('<option value="12" selected>');
    const unknown = await browser.get('/tresorerie?horizon=999');
    expect(pageClosings(unknown.text)).toHaveLength(24);
  });

  it('exports a CSV with the same closing balances as the page, and a real XLSX', async () => {
    const browser = await WebClient.signedIn(testApp, accountant);
    const page = await browser.get('/tresorerie?horizon=36');
    const csv = await browser.get('/tresorerie/export.csv?horizon=36');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toContain(
      'attachment; filename="tresorerie-2027-01-36-mois.csv"',
    );
    expect(csv.text.startsWith('\uFEFFMois;')).toBe(true);
    expect(csvClosings(csv.text)).toEqual(pageClosings(page.text).map((r) => r.closingCents));
    const stress = await browser.get('/tresorerie/export.csv?horizon=36&scenario=degrade');
    expect(stress.headers['content-disposition']).toContain('-scenario-degrade.csv');
    const xlsx = await browser.download('/tresorerie/export.xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a bad amount with a 400, keeps what was typed, and stores nothing', async () => {
    const refused = await refusedSettings({
      solde: 'trente mille',
      'flux-0-montant': 'huit mille',
    });
    expect(refused.text).toContain('value="trente mille"');
    expect(refused.text).toContain('aria-describedby="solde-hint solde-error" aria-invalid="true"');
    expect(refused.text).toContain('Montant invalide : écrivez un nombre d’euros');
    expect(refused.text).toContain('value="huit mille"');
    expect(refused.text).toContain('<a href="#flux-0-montant">');
  });

  it('refuses an absurd amount, and what the treasury’s own checks refuse, next to its field', async () => {
    // An absurd amount is caught by the form (item 9: one wording in euros)…
    const absurd = await refusedSettings({ seuil: '200000000' });
    expect(absurd.text).toContain('<a href="#seuil">');
    expect(absurd.text).toContain('value="200000000"');
    // …a flow ending before it starts, by the treasury's own checks.
    const refused = await refusedSettings({ 'flux-1-fin': '2026-01', 'flux-1-debut': '2027-01' });
    expect(refused.text).toContain('<a href="#flux-1-fin">');
  });

  it('item 9: says in euros what is wrong with an amount, the same way for every money field', async () => {
    const refused = await refusedSettings({
      solde: '999999999999999999',
      seuil: '1 000 000 000',
      'flux-0-montant': '1 000 000 000',
      'flux-1-montant': 'huit mille',
    });
    const tooLarge = 'Montant trop élevé : 100\u202f000\u202f000\u00a0€ au plus.';
    const invalid =
      'Montant invalide : écrivez un nombre d’euros, par exemple 12 500 ou 12 500,50.';
    for (const field of ['solde', 'seuil', 'flux-0-montant']) {
      expect(refused.text).toContain(`<a href="#${field}">${tooLarge}</a>`);
    }
    expect(refused.text).toContain(`<a href="#flux-1-montant">${invalid}</a>`);
    expect(refused.text).not.toContain('centimes');
  });

  it('finding 5: refuses an opening month or a flow month outside 2000–2100, next to its field', async () => {
    const refused = await refusedSettings({ mois: '0001-01', 'flux-0-fin': '9999-12' });
    expect(refused.text).toContain('<a href="#mois">');
    expect(refused.text).toContain('aria-describedby="mois-hint mois-error" aria-invalid="true"');
    expect(refused.text).toContain('<a href="#flux-0-fin">');
    expect(refused.text).toContain('L’année doit être comprise entre 2000 et 2100.');
    expect(refused.text).toContain('value="0001-01"');
  });

  it('never lets a viewer or a member change the settings', async () => {
    const before = await settingsOf(epn.organisationId);
    for (const user of [viewer, member]) {
      const browser = await WebClient.signedIn(testApp, user);
      await browser.get('/tresorerie');
      const form = await browser.get('/tresorerie/reglages');
      expect(form.status).toBe(403);
      const refused = await browser.post('/tresorerie/reglages', {
        solde: '1',
        mois: '2027-01',
        seuil: '',
        'flux-lignes': '0',
      });
      expect(refused.status).toBe(403);
      expect(refused.text).toContain('Accès refusé');
    }
    expect(await settingsOf(epn.organisationId)).toEqual(before);
  });

  it('adds a row without saving, then saves the threshold and removes a flow', async () => {
    const browser = await WebClient.signedIn(testApp, accountant);
    const form = await browser.get('/tresorerie/reglages');
    const withRow = await browser.post(
      '/tresorerie/reglages',
      settingsForm(form.text, { seuil: '15000', action: 'ajouter-ligne' }),
    );
    expect(withRow.status).toBe(200);
    expect(withRow.text).toContain('name="flux-lignes" value="4"');
    expect(withRow.text).toContain('id="seuil" name="seuil" type="text" value="15000"');
    expect((await settingsOf(epn.organisationId)).minimumCashCents).toBe(1_000_000);
    const saved = await browser.post(
      '/tresorerie/reglages',
      settingsForm(withRow.text, {
        seuil: '15 000',
        'flux-2-libelle': 'Loyer',
        'flux-2-sens': 'out',
        'flux-2-montant': '1200,50',
        'flux-2-debut': 'mars 2027',
        'flux-1-supprimer': 'oui',
      }),
    );
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe('/tresorerie?fait=reglages');
    const stored = await settingsOf(epn.organisationId);
    expect(stored.minimumCashCents).toBe(1_500_000);
    expect(stored.recurring).toEqual([
      { label: 'Salaires et charges', direction: 'out', amountCents: 850_000 },
      { label: 'Loyer', direction: 'out', amountCents: 120_050, fromMonth: '2027-03' },
    ]);
    const page = await browser.get('/tresorerie?fait=reglages');
    expect(page.text).toContain('Réglages de trésorerie enregistrés');
    expect(page.text).toMatch(/Seuil d’alerte : 15\s000\s€/);
    // Put back what the other tests expect.
    await putSettings(STARTING_SETTINGS);
  });

  it('keeps the user’s values when someone else saved in between (409)', async () => {
    const browser = await WebClient.signedIn(testApp, owner);
    const form = await browser.get('/tresorerie/reglages');
    await putSettings({
      openingBalanceCents: 2_500_000,
      openingMonth: '2027-01',
      minimumCashCents: 1_000_000,
    });
    const late = await browser.post(
      '/tresorerie/reglages',
      settingsForm(form.text, { seuil: '5000' }),
    );
    expect(late.status).toBe(409);
    expect(late.text).toContain('Quelqu’un a enregistré d’autres réglages');
    expect(late.text).toContain('value="5000"');
    expect((await settingsOf(epn.organisationId)).openingBalanceCents).toBe(2_500_000);
    // Sent again from the refreshed version, the user's values win, knowingly.
    const again = await browser.post('/tresorerie/reglages', settingsForm(late.text));
    expect(again.status).toBe(303);
    expect((await settingsOf(epn.organisationId)).minimumCashCents).toBe(500_000);
  });

  it('never shows one organisation’s treasury to another', async () => {
    const browser = await WebClient.signedIn(testApp, outsider);
    const page = await browser.get('/tresorerie');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Pour commencer');
    expect(page.text).toContain('href="/tresorerie/reglages"');
    expect(page.text).not.toContain('Parcours numériques');
    expect(page.text).not.toContain('Trésorerie négative');
    expect(page.text).not.toContain(fseId);
    const csv = await browser.get('/tresorerie/export.csv');
    expect(csvClosings(csv.text).every((c) => c === 0)).toBe(true);
    const form = await browser.get('/tresorerie/reglages');
    expect(form.text).not.toContain('value="Salaires et charges"');
  });
});
