import { createTestApp, TestApp } from '@app/testing';
import type { Page } from 'playwright-core';
import { createOrganisation, OrganisationFixture } from '../factories/organisation.factory';
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

/**
 * The collectif's journey in a real browser: the coordinator invites a structure, the structure
 * accepts, the coordinator shares an annotated call, the member finds it and copies it.
 */
describeInBrowser('« Collectif » in a real browser', () => {
  let testApp: TestApp;
  let baseUrl: string;
  let browser: BrowserSession;
  let page: Page;
  let epn: OrganisationFixture;
  let coordinator: WebUserFixture;
  let director: WebUserFixture;
  let callId: string;
  const CALL_TITLE = 'Fonds régional pour l’inclusion numérique';
  const ANNOTATION = 'Convient aux EPN ; candidature commune avec les centres sociaux ?';

  async function signInAs(user: WebUserFixture): Promise<void> {
    await page.goto(`${baseUrl}/tableau-de-bord`);
    const signOut = page.getByRole('button', { name: /Se déconnecter/ });
    if (await signOut.count()) {
      await signOut.click();
      await page.waitForURL(/\/connexion/);
    }
    await signIn(page, baseUrl, user);
  }

  const notice = () => page.locator('.notice').textContent();

  beforeAll(async () => {
    testApp = await createTestApp();
    baseUrl = await serveOnLoopback(testApp);
    const collectif = await createOrganisation(testApp.app, {
      name: 'Mednum63',
      kind: 'collectif',
    });
    epn = await createOrganisation(testApp.app, { name: 'EPN de Thiers' });
    coordinator = await createWebUser(testApp.app, collectif.organisationId, 'owner', {
      displayName: 'Dominique (coordination)',
    });
    director = await createWebUser(testApp.app, epn.organisationId, 'owner', {
      displayName: 'Camille (direction)',
    });
    callId = (
      await createCall(testApp.app, {
        title: CALL_TITLE,
        funders: ['Région Auvergne-Rhône-Alpes'],
        deadlines: [{ date: '2027-03-15' }],
        amountMinCents: 500_000,
        amountMaxCents: 7_200_000,
        score: 0.87,
      })
    ).id;
    browser = await openBrowser();
    page = browser.page;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('shows a structure the identifier to give its collectif', async () => {
    await signInAs(director);
    await page.goto(`${baseUrl}/collectif`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Collectif');
    await expect(page.getByLabel('Identifiant de EPN de Thiers').inputValue()).resolves.toBe(
      epn.organisationId,
    );
    await expect(page.locator('main').textContent()).resolves.toContain(
      'ne fait partie d’aucun collectif',
    );
    await expectAccessible(page, 'collectif (structure sans collectif)');
  });

  it('lets the coordinator invite the structure, with a French error first', async () => {
    await signInAs(coordinator);
    await page.goto(`${baseUrl}/collectif`);
    await expectAccessible(page, 'collectif (coordination, vide)');
    const field = page.getByLabel(/Nom, e-mail de la ou du responsable, ou identifiant/);
    await field.fill('EPN de Nulle-Part');
    await page.getByRole('button', { name: 'Inviter la structure' }).click();
    await expect(page.locator('#structure-error').textContent()).resolves.toContain(
      'Aucune structure ne porte ce nom.',
    );
    await expect(field.inputValue()).resolves.toBe('EPN de Nulle-Part');
    await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.evaluate<string>('document.activeElement.className')).resolves.toContain(
      'error-summary',
    );
    await expectAccessible(page, 'collectif (invitation refusée)');
    // Item 4: part of the name gives a list to choose from, usable with the keyboard.
    await field.fill('thiers');
    await field.press('Enter');
    await expect(page.locator('#choix-error').textContent()).resolves.toContain(
      'Choisissez la structure voulue',
    );
    await expectAccessible(page, 'collectif (choix de la structure)');
    await page.getByRole('radio', { name: 'EPN de Thiers' }).check();
    await page.getByRole('button', { name: 'Inviter la structure choisie' }).press('Enter');
    await page.waitForURL(/fait=invitation/);
    await expect(notice()).resolves.toContain('Invitation envoyée');
    await expect(
      page.locator('section[aria-labelledby="membres"] table').textContent(),
    ).resolves.toMatch(/EPN de Thiers\s*Invitée le .+, en attente de réponse/);
  });

  it('lets the structure accept the invitation with the keyboard', async () => {
    await signInAs(director);
    await page.goto(`${baseUrl}/collectif`);
    await expect(page.locator('#invitations').textContent()).resolves.toBe('Invitations reçues');
    await expectAccessible(page, 'collectif (invitation reçue)');
    await page.getByRole('button', { name: 'Accepter l’invitation de Mednum63' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/fait=accepte/);
    await expect(notice()).resolves.toContain('Invitation acceptée');
    await expect(page.locator('main').textContent()).resolves.toContain(
      'Votre collectif n’a encore sélectionné aucun appel.',
    );
  });

  it('lets the coordinator share a call from its fiche with an annotation', async () => {
    await signInAs(coordinator);
    await page.goto(`${baseUrl}/appels/${callId}`);
    const share = page.locator('section.collectif-share');
    await share.getByLabel('Annotation pour les membres (facultative)').fill(ANNOTATION);
    await share.getByLabel('Candidature commune possible').check();
    await expectAccessible(page, 'fiche appel (collectif)');
    await share.getByRole('button', { name: 'Partager au collectif' }).click();
    await page.waitForURL(/\/collectif\?fait=ajoute#selection-/);
    await expect(notice()).resolves.toContain('Appel ajouté au fil partagé');
    const card = page.locator('.collectif-pick', { hasText: CALL_TITLE });
    await expect(card.locator('.collectif-annotation').textContent()).resolves.toBe(
      `Annotation du collectif : ${ANNOTATION}`,
    );
    await expect(card.locator('.collectif-joint-bid').textContent()).resolves.toContain(
      'Candidature commune possible',
    );
    await expect(card.textContent()).resolves.toContain('15 mars 2027');
    await expect(page.locator('main').textContent()).resolves.toMatch(
      /EPN de Thiers\s*Membre depuis le/,
    );
    await expectAccessible(page, 'collectif (coordination)');
    await screenshot(page, 'collectif');
  });

  it('opens the annotation editor (a native disclosure) and creates a feed link shown once', async () => {
    const card = page.locator('.collectif-pick', { hasText: CALL_TITLE });
    await card.locator('summary').click();
    await expect(card.getByLabel('Annotation', { exact: true }).inputValue()).resolves.toBe(
      ANNOTATION,
    );
    await page.getByRole('button', { name: 'Créer un lien' }).click();
    await expect(page.getByLabel('Flux RSS').inputValue()).resolves.toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/feeds\/[\w-]+\.rss$/,
    );
    await expectAccessible(page, 'collectif (nouveau lien)');
  });

  it('shows the member the pick beside its own calls; it copies it into its calls', async () => {
    await signInAs(director);
    await page.goto(`${baseUrl}/collectif`);
    const card = page.locator('.collectif-pick', { hasText: CALL_TITLE });
    await expect(card.locator('.collectif-annotation').textContent()).resolves.toBe(
      `Annotation du collectif : ${ANNOTATION}`,
    );
    await expect(card.locator('.collectif-joint-bid').textContent()).resolves.toContain(
      'Candidature commune possible',
    );
    await expect(page.locator('.collectif-own-calls').textContent()).resolves.toContain(
      'Vous ne suivez encore aucun appel.',
    );
    await expectAccessible(page, 'collectif (membre)');
    await card.getByRole('button', { name: /Copier dans mes appels/ }).click();
    await page.waitForURL(/fait=copie/);
    await expect(notice()).resolves.toContain('Appel copié dans vos appels');
    await expect(
      page
        .locator('.collectif-pick', { hasText: CALL_TITLE })
        .locator('.collectif-in-my-list')
        .textContent(),
    ).resolves.toBe('Dans vos appels : présélectionné, suivi.');
    await expect(page.locator('.collectif-own-calls li').allTextContents()).resolves.toEqual([
      expect.stringContaining(CALL_TITLE),
    ]);

    await page.getByRole('link', { name: 'Tous vos appels suivis ou présélectionnés' }).click();
    await expect(page.locator('.call-card h3').allTextContents()).resolves.toEqual([CALL_TITLE]);
    await expect(page.locator('.call-card .muted').textContent()).resolves.toBe(
      'Suivi · Présélectionné',
    );
    await page.getByRole('link', { name: CALL_TITLE }).click();
    await expect(page.getByLabel('Notes internes à votre organisation').inputValue()).resolves.toBe(
      ANNOTATION,
    );
    await expect(page.locator('section.collectif-share').count()).resolves.toBe(0);
    expect(browser.dialogs).toEqual([]);
  });
});
