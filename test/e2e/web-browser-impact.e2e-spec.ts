import { createTestApp, TestApp } from '@app/testing';
import type { Page } from 'playwright-core';
import { DEMO_IMPACT_TITLE, seedDemoImpact } from '../../apps/cli/src/demo/demo-impact.seed';
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

/** Text with French spaces made plain, so « 24 500 € » reads the same however it is spaced. */
async function textOf(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).innerText()).replace(/[\s\u00a0\u202f]+/g, ' ');
}

describeInBrowser('Funder’s report in a real browser (issue 18)', () => {
  let testApp: TestApp;
  let baseUrl: string;
  let browser: BrowserSession;
  let page: Page;
  let member: WebUserFixture;
  let reportPath: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    baseUrl = await serveOnLoopback(testApp);
    const epn = await createOrganisation(testApp.app, { name: 'EPN Les Olympiades' });
    member = await createWebUser(testApp.app, epn.organisationId, 'owner', {
      displayName: 'Camille Martin',
    });
    // The demo's operation: a year of activity ended in October 2026 (the calendar is pinned to November).
    reportPath = new URL(
      (await seedDemoImpact(testApp.app, epn.organisationId)).impactReport as string,
    ).pathname;
    browser = await openBrowser();
    page = browser.page;
    await signIn(page, baseUrl, member);
  });
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  it('shows the demo report: paid, owed, costs, and an estimate with its sources', async () => {
    await page.goto(`${baseUrl}${reportPath}`);
    expect(await page.locator('h1').innerText()).toBe(`Rapport financeur – ${DEMO_IMPACT_TITLE}`);
    const funders = await textOf(page, 'table:has(caption#financeurs-titre)');
    // France Travail: 24 000 €, 15 600 € paid, 8 400 € due after the final report; 40 % of 60 000 €;
    // 24 000 € / 165 people = 145,45 €; / 1 224 hours = 19,607… €.
    expect(funders).toContain('France Travail 24 000 € 15 600 € 8 400 € 40 % 145,45 € 19,61 €');
    // 21 000 € / 165 = 127,27 €; / 1 224 = 17,156… €.
    expect(funders).toContain('Conseil départemental 21 000 € 21 000 € 0 € 35 % 127,27 € 17,16 €');
    const gains = await textOf(page, 'section.estimate');
    // 14 back at work × 3,5 months × 1 250 € = 61 250 €; France Travail's 40 %: 24 500 €.
    expect(gains).toContain('14 personnes × 3,5 mois × 1 250 € = 61 250 €');
    expect(gains).toContain('Part attribuable à France Travail (sa part du coût total) : 24 500 €');
    expect(await textOf(page, 'table:has(caption#sources-titre)')).toContain(
      'https://statistiques.pole-emploi.org/indem/indempub/209151',
    );
    await expectAccessible(page, 'rapport financeur');
    await screenshot(page, 'rapport-financeur');
    await page.locator('#gains').evaluate((h) => h.scrollIntoView());
    await screenshot(page, 'rapport-financeur-gains');
  });

  it('prints without the navigation or the forms', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav.main-nav').isVisible()).toBe(false);
    expect(await page.locator('#gains').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });

  it('records a month of activity from the dossier page, refusing a negative count first', async () => {
    await page.goto(`${baseUrl}${reportPath.replace('/rapport-financeur', '')}#activite`);
    await page.getByLabel('Indicateur', { exact: true }).selectOption('workshops');
    await page.getByLabel('Premier mois').fill('2026-10');
    await page.getByLabel('Nombre réalisé').fill('-2');
    await page.getByRole('button', { name: 'Enregistrer l’activité' }).click();
    await expect(page.locator('#activite-nombre-error').innerText()).resolves.toContain(
      'ne peut pas être négatif',
    );
    expect(await page.getByLabel('Nombre réalisé').inputValue()).toBe('-2');
    await expectAccessible(page, 'dossier, activité refusée');
    await page.getByLabel('Nombre réalisé').fill('3');
    await page.getByRole('button', { name: 'Enregistrer l’activité' }).click();
    await page.waitForURL(/fait=activite/);
    await page.goto(`${baseUrl}${reportPath}`);
    const indicators = await textOf(page, 'table:has(caption#indicateurs-titre)');
    // 92 workshops in the year, plus the 3 just typed, against 96 planned.
    expect(indicators).toContain('Ateliers collectifs (ateliers) 96 95');
  });

  it('lists the reference values with their sources, and a form to use one’s own', async () => {
    await page.goto(`${baseUrl}/rapport-financeur/valeurs`);
    expect(await page.getByRole('button', { name: 'Utiliser cette valeur' }).count()).toBe(2);
    await expectAccessible(page, 'valeurs de référence');
    await page.goto(`${baseUrl}/rapport-financeur/indicateurs`);
    await expectAccessible(page, 'indicateurs');
  });

  it('reports one funder across dossiers over a period', async () => {
    await page.goto(`${baseUrl}/rapport-financeur`);
    await page.getByLabel('Financeur').selectOption('France Travail');
    await page.getByLabel('Du mois').fill('2025-11');
    await page.getByLabel('Au mois').fill('2026-10');
    await page.getByRole('button', { name: 'Voir le rapport' }).click();
    expect(await page.locator('h1').innerText()).toBe(
      'Rapport financeur – France Travail, 2025-11 à 2026-10',
    );
    await expectAccessible(page, 'rapport d’un financeur');
  });
});
