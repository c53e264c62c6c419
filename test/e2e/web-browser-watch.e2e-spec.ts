import { createTestApp, TestApp } from '@app/testing';
import type { Page } from 'playwright-core';
import { createOrganisation } from '../factories/organisation.factory';
import { createWebUser, WebUserFixture } from '../factories/user.factory';
import { createCall } from '../factories/watch.factory';
import {
  BrowserSession,
  describeInBrowser,
  expectAccessible,
  openBrowser,
  screenshot,
  signIn,
  serveOnLoopback,
} from '../support/browser.util';

const FUTURE = [{ date: '2099-03-15' }];

describeInBrowser('« Veilles » in a real browser', () => {
  let testApp: TestApp;
  let baseUrl: string;
  let browser: BrowserSession;
  let page: Page;
  let owner: WebUserFixture;

  beforeAll(async () => {
    testApp = await createTestApp();
    baseUrl = await serveOnLoopback(testApp);
    const epn = await createOrganisation(testApp.app, {
      name: 'EPN du Livradois',
      territory: ['63'],
    });
    owner = await createWebUser(testApp.app, epn.organisationId, 'owner', {
      displayName: 'Camille Martin',
    });
    await createCall(testApp.app, {
      title: 'Médiation numérique en Auvergne',
      funders: ['Région Auvergne-Rhône-Alpes'],
      deadlines: FUTURE,
      territory: ['R84'],
      score: 0.82,
      amountMaxCents: 4_000_000,
    });
    await createCall(testApp.app, {
      title: 'Conseillers numériques du Puy-de-Dôme',
      funders: ['Préfecture du Puy-de-Dôme'],
      deadlines: [{ date: '2099-01-31' }],
      territory: ['63'],
      score: 0.71,
    });
    await createCall(testApp.app, {
      title: 'Médiation numérique et machinisme agricole',
      description: 'Formation au machinisme agricole connecté.',
      deadlines: FUTURE,
      territory: ['R84'],
      score: 0.9,
    });
    browser = await openBrowser();
    page = browser.page;
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: baseUrl,
    });
    await signIn(page, baseUrl, owner);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('creates a profile with the keyboard, meeting the errors first', async () => {
    await page.goto(`${baseUrl}/veilles`);
    await expectAccessible(page, 'veilles (aucune)');
    await page.getByRole('link', { name: 'Créer une veille' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseUrl}/veilles/nouvelle`);
    await expectAccessible(page, 'nouvelle veille');

    await page.getByLabel(/Nom de la veille/).focus();
    await page.keyboard.type('Médiation 63');
    await page.getByLabel('Médiation numérique', { exact: true }).focus();
    await page.keyboard.press('Space');
    await page.getByLabel('Mots-clés à exclure').focus();
    await page.keyboard.type('machinisme agricole');
    await page.getByLabel('Territoires', { exact: true }).focus();
    await page.keyboard.type('63, Atlantide');
    await page.keyboard.press('Enter');
    await page.waitForLoadState('load');

    await expect(page.locator('.error-summary').textContent()).resolves.toContain(
      'Territoire inconnu : « Atlantide »',
    );
    await expect(page.evaluate<string>('document.activeElement.className')).resolves.toBe(
      'error-summary',
    );
    await expect(
      page.getByLabel('Territoires', { exact: true }).getAttribute('aria-invalid'),
    ).resolves.toBe('true');
    await expect(page.getByLabel(/Nom de la veille/).inputValue()).resolves.toBe('Médiation 63');
    await expect(page.getByLabel('Médiation numérique', { exact: true }).isChecked()).resolves.toBe(
      true,
    );
    await expectAccessible(page, 'nouvelle veille (erreurs)');

    await page.getByRole('link', { name: /Territoire inconnu/ }).press('Enter');
    await expect(page.evaluate<string>('document.activeElement.id')).resolves.toBe('territoires');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Puy-de-Dôme');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/veilles\/[0-9a-f-]{36}\?fait=creee/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Médiation 63',
    );
    await expect(page.locator('.notice').textContent()).resolves.toContain('Veille créée');
  });

  it('shows the profile’s matches, best first, each linked to its fiche', async () => {
    const rows = page.locator('table.watch-matches tbody tr');
    await expect(rows.locator('th a').allTextContents()).resolves.toEqual([
      'Médiation numérique en Auvergne',
      'Conseillers numériques du Puy-de-Dôme',
    ]);
    await expect(rows.first().textContent()).resolves.toContain('15 mars 2099');
    await expect(page.locator('.lead').textContent()).resolves.toContain(
      'sauf ceux mentionnant « machinisme agricole », concernant le département 63',
    );
    await expectAccessible(page, 'veille');
    await screenshot(page, 'veilles');
    await rows.first().getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Médiation numérique en Auvergne',
    );
    await page.goBack();
  });

  it('creates a feed link, copies its address, and the feed answers', async () => {
    await page.getByRole('button', { name: 'Créer un lien de flux' }).click();
    await page.waitForLoadState('load');
    const rss = page.getByLabel('Flux RSS');
    const url = await rss.inputValue();
    expect(url).toMatch(new RegExp(`^${baseUrl}/feeds/[A-Za-z0-9_-]{43}\\.rss$`));
    await expect(rss.getAttribute('readonly')).resolves.toBe('');
    for (const label of ['Flux Atom', 'JSON Feed', 'Calendrier iCal des dates limites']) {
      await expect(page.getByLabel(label).inputValue()).resolves.toContain('/feeds/');
    }
    await page.getByRole('button', { name: 'Copier l’adresse : Flux RSS' }).click();
    // The copy is asynchronous: wait for the status line it announces.
    await page.waitForFunction(`document.getElementById('copie-statut').textContent !== ''`);
    await expect(page.locator('#copie-statut').textContent()).resolves.toBe(
      'Flux RSS : adresse copiée.',
    );
    await expect(page.evaluate<string>('navigator.clipboard.readText()')).resolves.toBe(url);
    await expectAccessible(page, 'veille (nouveau lien)');

    const feed = await page.request.get(url);
    expect(feed.status()).toBe(200);
    await expect(feed.text()).resolves.toContain('Conseillers numériques du Puy-de-Dôme');
    const calendar = await page.request.get(await page.getByLabel(/iCal/).inputValue());
    await expect(calendar.text()).resolves.toContain('BEGIN:VCALENDAR');
  });

  it('lists the profile and asks before deleting it', async () => {
    await page.goto(`${baseUrl}/veilles`);
    const card = page.locator('.watch-card', { hasText: 'Médiation 63' });
    await expect(card.locator('dd').first().textContent()).resolves.toBe('2');
    await expectAccessible(page, 'veilles');
    await screenshot(page, 'veilles-liste');
    await card.getByRole('link', { name: 'Médiation 63' }).click();
    await page.getByRole('link', { name: 'Supprimer cette veille…' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Supprimer la veille « Médiation 63 » ?',
    );
    await expectAccessible(page, 'supprimer une veille');
    await page.getByRole('link', { name: 'Annuler' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Médiation 63',
    );
  });

  it('lists a pending invitation on « Équipe » and withdraws it', async () => {
    await page.goto(`${baseUrl}/equipe`);
    await page.getByLabel(/Adresse e-mail/).fill('alex@exemple.fr');
    await page.getByLabel('Rôle').selectOption('accountant');
    await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    // E-mail is off in tests: the answer shows the link to pass on (issue 20, item 14).
    await expect(
      page.getByRole('heading', { name: 'Lien d’invitation à transmettre' }).isVisible(),
    ).resolves.toBe(true);
    const row = page.locator('tr', { hasText: 'alex@exemple.fr' });
    await expect(row.locator('td').first().textContent()).resolves.toBe('Comptable');
    await expectAccessible(page, 'équipe (invitations)');
    await row.getByRole('button', { name: 'Retirer l’invitation de alex@exemple.fr' }).click();
    await page.waitForURL(/retiree=1/);
    await expect(page.locator('.notice').textContent()).resolves.toContain('Invitation retirée');
    await expect(page.locator('tr', { hasText: 'alex@exemple.fr' }).count()).resolves.toBe(0);
    expect(browser.dialogs).toEqual([]);
  });
});
