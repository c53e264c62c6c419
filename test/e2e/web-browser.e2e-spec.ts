import { Classifier } from '@app/classifier';
import { sanitizeHtml } from '@app/ingestion';
import { Call, CallClassification } from '@app/persistence';
import { addDays } from '@app/common';
import { createTestApp, TEST_TODAY, TestApp } from '@app/testing';
import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { addCallEvent, addCallSource, createCall } from '../factories/call.factory';
import { createOrganisation } from '../factories/organisation.factory';
import { createWebUser, WebUserFixture } from '../factories/user.factory';
import {
  BrowserSession,
  describeInBrowser,
  expectAccessible,
  openBrowser,
  screenshot,
  serveOnLoopback,
  signIn,
} from '../support/browser.util';

const XSS_PAYLOAD =
  '<p>Description</p><script>window.__xss = "script"</script>' +
  '<img src=x onerror="window.__xss = \'img\'"><a href="javascript:window.__xss=\'href\'">lien</a>';

describeInBrowser('Web application in a real browser', () => {
  let testApp: TestApp;
  let baseUrl: string;
  let browser: BrowserSession;
  let page: Page;
  let member: WebUserFixture;
  const ids: Record<string, string> = {};

  async function seedCall(
    dataSource: DataSource,
    overrides: Partial<Call>,
    theme: string,
    score: number,
  ): Promise<Call> {
    const call = await createCall(dataSource, overrides);
    await dataSource.getRepository(CallClassification).save({
      callId: call.id,
      version: 'test',
      score,
      relevant: score >= 0.5,
      themes: [{ id: theme, score: 0.9 }],
      euFund: null,
      explanation: [
        {
          concept: 'test-concept',
          field: 'title',
          match: 'médiation numérique',
          weight: 1.4,
          kind: 'rule',
          theme,
          snippet: '… la médiation numérique …',
        },
      ],
      contentHash: call.contentHash,
      classifiedAt: new Date(),
    });
    return call;
  }

  beforeAll(async () => {
    testApp = await createTestApp();
    baseUrl = await serveOnLoopback(testApp);
    const epn = await createOrganisation(testApp.app, {
      name: 'EPN Les Olympiades',
      territory: ['75'],
    });
    member = await createWebUser(testApp.app, epn.organisationId, 'owner', {
      displayName: 'Camille Martin',
    });
    const dataSource = testApp.app.get(DataSource);
    const theme = testApp.app.get(Classifier).definition.themes[0].id;
    const soon = addDays(TEST_TODAY, 5);
    ids.kept = (
      await seedCall(
        dataSource,
        {
          title: 'Médiation numérique dans les quartiers',
          funders: ['Région Île-de-France'],
          amountMinCents: 500_000,
          amountMaxCents: 7_200_000,
          nextDeadline: soon,
          deadlines: [{ date: soon }],
          territory: ['R11'],
          descriptionText: 'Soutenir les lieux de médiation numérique.',
          descriptionHtml: sanitizeHtml(XSS_PAYLOAD),
        },
        theme,
        0.91,
      )
    ).id;
    ids.dismissed = (
      await seedCall(
        dataSource,
        {
          title: 'Ateliers numériques pour les seniors',
          funders: ['CNSA'],
          nextDeadline: '2099-06-30',
        },
        theme,
        0.8,
      )
    ).id;
    ids.raw = (
      await seedCall(
        dataSource,
        {
          title: 'Appel <img src=x onerror="window.__xss=\'title\'"> tiers-lieux',
          funders: ['ANCT'],
          descriptionHtml: XSS_PAYLOAD,
        },
        theme,
        0.7,
      )
    ).id;
    await addCallSource(dataSource, ids.kept, {
      id: 'region-idf',
      name: 'Région Île-de-France',
      url: 'https://financeur.test/idf',
    });
    await addCallEvent(dataSource, ids.kept, {
      kind: 'changed',
      summary: 'Date limite repoussée au 30 juin',
      occurredAt: new Date('2027-03-01T09:00:00Z'),
    } as never);
    browser = await openBrowser();
    page = browser.page;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('signs in with the keyboard and lands on the dashboard', async () => {
    await page.goto(`${baseUrl}/tableau-de-bord`);
    expect(page.url()).toContain('/connexion');
    await expectAccessible(page, 'connexion');
    await page.getByLabel('Adresse e-mail').fill(member.email);
    await page.getByLabel('Mot de passe').fill(member.password);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseUrl}/tableau-de-bord`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Tableau de bord',
    );
    await expect(page.locator('#echeances + table').textContent()).resolves.toContain(
      'Médiation numérique dans les quartiers',
    );
    await expectAccessible(page, 'tableau de bord');
    await screenshot(page, 'tableau-de-bord');
  });

  it('finds a call and shows why it matched', async () => {
    await page.goto(`${baseUrl}/appels`);
    await page.getByLabel('Mots').fill('quartiers');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.waitForURL(/q=quartiers/);
    const card = page.locator('.call-card', { hasText: 'Médiation numérique dans les quartiers' });
    await expect(card.count()).resolves.toBe(1);
    await expect(card.locator('table.reasons').isVisible()).resolves.toBe(false);
    await card.locator('summary').click();
    await expect(card.locator('table.reasons').isVisible()).resolves.toBe(true);
    await expect(card.locator('table.reasons').textContent()).resolves.toContain(
      'médiation numérique',
    );
    await expectAccessible(page, 'appels (filtrés)');
  });

  it('item 5: after a triage button, the keyboard returns to the card, with the confirmation', async () => {
    await page.goto(`${baseUrl}/appels`);
    const card = page.locator('.call-card', { hasText: 'tiers-lieux' });
    await card.getByRole('button', { name: /^Pertinent/ }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/fait=pertinent/);
    expect(new URL(page.url()).hash).toBe(`#appel-${ids.raw}`);
    await expect(page.evaluate<string>('document.activeElement.id')).resolves.toBe(
      `appel-${ids.raw}`,
    );
    const status = page.locator(`#appel-${ids.raw} [role="status"]`);
    await expect(status.textContent()).resolves.toContain('Appel marqué « pertinent »');
    // One Tab, not 26: the card's own title link comes next.
    await page.keyboard.press('Tab');
    await expect(
      page.evaluate<string>('document.activeElement.getAttribute("href")'),
    ).resolves.toBe(`/appels/${ids.raw}`);
    await expectAccessible(page, 'appels (après un tri)');
  });

  it('marks a call « pas pour nous » and it leaves the list', async () => {
    await page.goto(`${baseUrl}/appels`);
    await screenshot(page, 'appels');
    await expectAccessible(page, 'appels');
    const card = page.locator('.call-card', { hasText: 'Ateliers numériques pour les seniors' });
    await card.getByRole('button', { name: /Pas pour nous/ }).click();
    await page.waitForURL(/fait=pas-pour-nous/);
    await expect(page.locator('.notice').textContent()).resolves.toContain('pas pour nous');
    await expect(
      page.locator('.call-card', { hasText: 'Ateliers numériques pour les seniors' }).count(),
    ).resolves.toBe(0);
    await page.goto(`${baseUrl}/appels?pertinence=ecartes`);
    await expect(page.locator('.call-card').count()).resolves.toBe(1);
  });

  it('opens the fiche with its sources and history, and no script runs', async () => {
    await page.goto(`${baseUrl}/appels/${ids.kept}`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Médiation numérique dans les quartiers',
    );
    await expect(page.locator('.timeline').textContent()).resolves.toContain(
      'Date limite repoussée',
    );
    await expect(page.locator('main').textContent()).resolves.toContain('Région Île-de-France');
    await expectAccessible(page, 'fiche appel');
    await screenshot(page, 'fiche-appel');
    await expect(page.evaluate<unknown>('window.__xss')).resolves.toBeUndefined();
  });

  it('follows a call and keeps private notes on its fiche', async () => {
    await page.goto(`${baseUrl}/appels/${ids.kept}`);
    await page.getByRole('button', { name: /^Suivre/ }).click();
    await page.waitForURL(/fait=suivi/);
    await expect(page.getByRole('button', { name: /Ne plus suivre/ }).count()).resolves.toBe(1);
    await page
      .getByLabel('Notes internes à votre organisation')
      .fill('Voir avec la mairie <b>avant</b> mars');
    await page.getByRole('button', { name: 'Enregistrer les notes' }).click();
    await page.waitForURL(/fait=notes/);
    await expect(page.getByLabel('Notes internes à votre organisation').inputValue()).resolves.toBe(
      'Voir avec la mairie <b>avant</b> mars',
    );
    await page.goto(`${baseUrl}/appels?pertinence=suivis`);
    await expect(page.locator('.call-card h3').allTextContents()).resolves.toEqual([
      'Médiation numérique dans les quartiers',
    ]);
  });

  it('creates a dossier from a call, showing errors next to the fields first', async () => {
    await page.goto(`${baseUrl}/appels/${ids.kept}`);
    await page.getByRole('link', { name: 'Créer un dossier pour cet appel' }).click();
    await expect(page.getByLabel(/Titre du dossier/).inputValue()).resolves.toBe(
      'Médiation numérique dans les quartiers',
    );
    await page.getByLabel(/Coût total/).fill('beaucoup');
    await page.getByRole('button', { name: 'Créer le dossier' }).click();
    await expect(page.locator('.error-summary').textContent()).resolves.toContain(
      'Montant invalide : écrivez un nombre d’euros',
    );
    await expect(page.locator('.error-summary a').getAttribute('href')).resolves.toBe('#cout');
    await expect(page.getByLabel(/Coût total/).inputValue()).resolves.toBe('beaucoup');
    await expect(page.locator('#cout').getAttribute('aria-invalid')).resolves.toBe('true');
    await expectAccessible(page, 'créer un dossier (erreurs)');
    await page.getByLabel(/Coût total/).fill('45 000');
    await page.getByLabel(/Début de l’opération/).fill('2027-01');
    await page.getByLabel(/Fin de l’opération/).fill('2027-12');
    await page.getByRole('button', { name: 'Créer le dossier' }).click();
    await page.waitForURL(/\/dossiers\/[0-9a-f-]+\?fait=cree/);
    await expect(page.locator('.notice').textContent()).resolves.toContain('Dossier créé');
  });

  it('escapes a payload stored raw in the database (title and description)', async () => {
    await page.goto(`${baseUrl}/appels?pertinence=tous`);
    await page.goto(`${baseUrl}/appels/${ids.raw}`);
    await page.waitForLoadState('load');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
      '<img src=x onerror=',
    );
    await expect(page.locator('.description script').count()).resolves.toBe(0);
    await expect(page.locator('.description [onerror]').count()).resolves.toBe(0);
    await expect(page.locator('a[href^="javascript:"]').count()).resolves.toBe(0);
    await expect(page.evaluate<unknown>('window.__xss')).resolves.toBeUndefined();
    expect(browser.dialogs).toEqual([]);
  });

  it('shows every other page without serious accessibility problems', async () => {
    for (const path of [
      '/sources',
      '/equipe',
      '/veilles',
      '/collectif',
      '/dossiers',
      '/tresorerie',
      '/mot-de-passe/oublie',
    ]) {
      await page.goto(`${baseUrl}${path}`);
      await expectAccessible(page, path);
    }
  });

  it('item 14 (issue 20): without e-mail, the invitation link is shown to copy, accessibly', async () => {
    await page.goto(`${baseUrl}/equipe`);
    // Run alone, no earlier test has signed in.
    if (new URL(page.url()).pathname.startsWith('/connexion')) {
      await signIn(page, baseUrl, member);
      await page.goto(`${baseUrl}/equipe`);
    }
    await page.getByLabel(/Adresse e-mail/).fill('nouvelle.personne@exemple.fr');
    await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await page.waitForLoadState('load');
    await expect(page.locator('.notice').textContent()).resolves.toContain(
      'L’envoi d’e-mails est désactivé',
    );
    await expect(
      page.getByLabel(/Lien pour nouvelle\.personne@exemple\.fr/).inputValue(),
    ).resolves.toMatch(/\/invitation\/[\w-]{43}$/);
    await expectAccessible(page, '/equipe (lien d’invitation sans e-mail)');
  });

  it('refuses a form whose CSRF token was tampered with', async () => {
    await page.goto(`${baseUrl}/appels`);
    await page.evaluate(
      `document.querySelectorAll('input[name="_csrf"]').forEach((i) => { i.value = 'forged'; })`,
    );
    // Any card not yet marked « pertinent » (a marked one ranks first and has no such button).
    await page
      .locator('.call-card')
      .getByRole('button', { name: /^Pertinent/ })
      .first()
      .click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Formulaire expiré',
    );
  });

  it('signs out', async () => {
    await page.goto(`${baseUrl}/tableau-de-bord`);
    await page.getByRole('button', { name: /Se déconnecter/ }).click();
    await page.waitForURL(/\/connexion/);
    await page.goto(`${baseUrl}/appels`);
    expect(page.url()).toContain('/connexion');
  });
});
