import { Membership } from '@app/persistence';
import type { Principal } from '@app/tenancy';
import { createTestApp, TestApp } from '@app/testing';
import { ApplicationService, TreasurySettingsService } from '@app/treasury';
import { Workbook } from 'exceljs';
import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { createOrganisation } from '../factories/organisation.factory';
import { createWebUser, WebUserFixture } from '../factories/user.factory';
import {
  BrowserSession,
  describeInBrowser,
  expectAccessible,
  openBrowser,
  screenshot,
  signIn,
  serveOnLoopback,
} from '../support/browser.util';

/** « −8 400 € négatif » → −840000. */
function centsOf(text: string): number {
  const amount = /[-−]?[\d\s\u00a0\u202f]+(,\d+)?(?=\s?€)/.exec(text)?.[0] ?? 'NaN';
  return Math.round(
    Number(
      amount
        .replace(/[\s\u00a0\u202f]/g, '')
        .replace('−', '-')
        .replace(',', '.'),
    ) * 100,
  );
}

describeInBrowser('« Trésorerie » in a real browser', () => {
  let testApp: TestApp;
  let baseUrl: string;
  let browser: BrowserSession;
  let page: Page;
  let accountant: WebUserFixture;
  let newcomer: WebUserFixture;

  beforeAll(async () => {
    testApp = await createTestApp();
    baseUrl = await serveOnLoopback(testApp);
    const epn = await createOrganisation(testApp.app, { name: 'EPN Les Olympiades' });
    accountant = await createWebUser(testApp.app, epn.organisationId, 'accountant', {
      displayName: 'Dominique Bernard',
    });
    const membership = await testApp.app
      .get(DataSource)
      .getRepository(Membership)
      .findOneByOrFail({ userId: accountant.userId, organisationId: epn.organisationId });
    const principal: Principal = {
      organisationId: epn.organisationId,
      userId: accountant.userId,
      membershipId: membership.id,
      role: 'accountant',
    };
    await testApp.app.get(TreasurySettingsService).put(principal, {
      openingBalanceCents: 3_000_000,
      openingMonth: '2027-01',
      minimumCashCents: 1_000_000,
      recurring: [
        { label: 'Salaires et charges (hors projets)', direction: 'out', amountCents: 850_000 },
        { label: 'Adhésions et prestations', direction: 'in', amountCents: 850_000 },
      ],
    });
    // 120 000 € spent over 2027 against a 30 % FSE+ advance: the cash runs out in June.
    await testApp.app.get(ApplicationService).create(principal, {
      title: 'Parcours numériques vers l’emploi (FSE+)',
      status: 'in_progress',
      operationStart: '2027-01',
      operationEnd: '2027-12',
      totalCostCents: 12_000_000,
      euArea: 'mainland',
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
    });
    const newOrganisation = await createOrganisation(testApp.app, { name: 'Centre social Voisin' });
    newcomer = await createWebUser(testApp.app, newOrganisation.organisationId, 'viewer');
    browser = await openBrowser();
    page = browser.page;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('shows the curve with the month the cash turns negative, and the warning', async () => {
    await signIn(page, baseUrl, accountant);
    await page.goto(`${baseUrl}/tresorerie`);
    const chart = page.getByRole('img', { name: /Solde de trésorerie en fin de mois/ });
    await expect(chart.count()).resolves.toBe(1);
    await expect(
      chart.locator('text', { hasText: 'Trésorerie négative en' }).textContent(),
    ).resolves.toBe('Trésorerie négative en juin 2027');
    // The chart points to the table, its text alternative.
    await expect(chart.getAttribute('aria-describedby')).resolves.toContain('courbe-note');
    await expect(page.locator('#courbe-note a').getAttribute('href')).resolves.toBe('#tableau');
    await expectAccessible(page, 'trésorerie');
    await screenshot(page, 'tresorerie');
    await page.locator('section[aria-labelledby="alertes"]');
    await page.locator('section[aria-labelledby="exports"]');
    await page.locator('section[aria-labelledby="reglages"]');
    await page.locator('section[aria-labelledby="alertes"]');
    const negative = page.locator('.treasury-warning', { hasText: 'Trésorerie négative' }).first();
    await expect(negative.locator('.badge').textContent()).resolves.toBe('Urgent');
    await negative.getByRole('link', { name: 'Voir juin 2027 dans le tableau' }).click();
    await page.waitForURL(/#mois-2027-06$/);
    await expect(
      page
        .locator('.treasury-warning')
        .getByRole('link', {
          name: 'Voir le dossier « Parcours numériques vers l’emploi (FSE+) »',
        })
        .count(),
    ).resolves.toBeGreaterThan(0);
    await expect(page.locator('.chart-legend').textContent()).resolves.toMatch(
      /Seuil d’alerte : 10\s000\s€/,
    );
  });

  it('draws a chart made for the phone on a 390 px screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl}/tresorerie`);
    await expect(page.locator('svg.treasury-chart-wide').isVisible()).resolves.toBe(false);
    const narrow = page.locator('svg.treasury-chart-narrow');
    await expect(narrow.isVisible()).resolves.toBe(true);
    const box = await narrow.boundingBox();
    expect(box?.width).toBeLessThanOrEqual(390);
    // Drawn near its own size, so its 12-unit text stays about 12 px.
    expect(box?.width).toBeGreaterThan(330);
    await expect(
      page
        .getByRole('img', { name: /Solde de trésorerie/ })
        .locator('text', { hasText: 'négative' })
        .textContent(),
    ).resolves.toBe('Trésorerie négative en juin 2027');
    await expectAccessible(page, 'trésorerie (téléphone)');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('item 12: on a 390×844 phone, the month and its closing balance are seen without scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl}/tresorerie`);
    const headers = (await page.locator('#tableau thead th').allTextContents()).map((h) =>
      h.replace(/\s+/g, ' ').trim(),
    );
    const closingColumn = headers.indexOf('Solde en fin de mois');
    expect(closingColumn).toBeGreaterThan(0);
    const firstRow = page.locator('#tableau tbody tr').first();
    // The header row is a <th> then <td>s: the closing balance is cell (column − 1).
    const closing = firstRow.locator('td').nth(closingColumn - 1);
    await expect(closing.textContent()).resolves.toMatch(/^20\s000\s€/);
    const scroller = page.locator('.treasury-table-scroll');
    await expect(scroller.evaluate((el) => el.scrollLeft)).resolves.toBe(0);
    for (const cell of [firstRow.locator('th'), closing]) {
      const box = await cell.boundingBox();
      expect(box).not.toBeNull();
      expect((box?.x ?? -1) >= 0).toBe(true);
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    }
    // The negative band sits beside the month and its closing balance, not the opening one.
    const june = page.locator('#tableau tbody tr', { hasText: 'juin 2027' });
    const juneMonth = await june.locator('th').boundingBox();
    const juneClosing = await june
      .locator('td')
      .nth(closingColumn - 1)
      .boundingBox();
    expect(Math.abs((juneClosing?.y ?? 0) - (juneMonth?.y ?? 999))).toBeLessThan(4);
    await expectAccessible(page, 'trésorerie, tableau (téléphone)');
    await page.goto(`${baseUrl}/tresorerie#tableau`);
    await screenshot(page, 'tresorerie-tableau');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('changes the threshold with the keyboard, an error shown next to the field first', async () => {
    await page.goto(`${baseUrl}/tresorerie`);
    await page.getByRole('link', { name: 'Modifier les réglages de trésorerie' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseUrl}/tresorerie/reglages`);
    await expectAccessible(page, 'réglages de trésorerie');
    const threshold = page.getByLabel('Seuil d’alerte (€)');
    await threshold.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('vingt mille');
    await page.keyboard.press('Enter');
    await page.locator('.error-summary').waitFor();
    await expect(page.locator('.error-summary').textContent()).resolves.toContain(
      'Montant invalide : écrivez un nombre d’euros',
    );
    await expect(page.evaluate<string>('document.activeElement.className')).resolves.toContain(
      'error-summary',
    );
    await expect(threshold.inputValue()).resolves.toBe('vingt mille');
    await expect(threshold.getAttribute('aria-invalid')).resolves.toBe('true');
    await expectAccessible(page, 'réglages de trésorerie (erreur)');
    await threshold.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('20 000');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/tresorerie\?fait=reglages/);
    await expect(page.locator('.notice').textContent()).resolves.toContain('enregistrés');
    await expect(page.locator('.chart-legend').textContent()).resolves.toMatch(
      /Seuil d’alerte : 20\s000\s€/,
    );
  });

  it('downloads the XLSX with the closing balances of the table', async () => {
    await page.goto(`${baseUrl}/tresorerie`);
    const june = await page
      .locator('#tableau tbody tr', { hasText: 'juin 2027' })
      .locator('td')
      .nth(3)
      .textContent();
    expect(june).toContain('négatif');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'XLSX (scénario prévu)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('tresorerie-2027-01-24-mois.xlsx');
    const workbook = new Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.getWorksheet('Structure');
    let closing: unknown;
    sheet?.eachRow((row) => {
      if (row.getCell(1).value === '2027-06') closing = row.getCell(5).value;
    });
    expect(closing).toMatchObject({ formula: expect.any(String) });
    const result = (closing as { result: number }).result;
    expect(Math.round(result * 100)).toBe(centsOf(june ?? ''));
    expect(result).toBeLessThan(0);
  });

  it('tells a new organisation what to do first', async () => {
    await browser.context.clearCookies();
    await signIn(page, baseUrl, newcomer);
    await page.goto(`${baseUrl}/tresorerie`);
    await expect(page.getByRole('heading', { name: 'Pour commencer' }).count()).resolves.toBe(1);
    await expect(page.locator('main').textContent()).resolves.toContain(
      'demandez-leur de le faire',
    );
    await expect(page.getByRole('img').count()).resolves.toBe(0);
    await expectAccessible(page, 'trésorerie (vide)');
  });
});
