import { Classifier } from '@app/classifier';
import { CallClassification } from '@app/persistence';
import { createTestApp, TestApp } from '@app/testing';
import { TreasurySettingsService } from '@app/treasury';
import { Workbook } from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { createCall } from '../factories/call.factory';
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

const CALL_TITLE = 'Parcours numériques vers l’emploi (FSE+)';
/** The operation runs over next year, so the treasury warning lies ahead of today. */
const YEAR =
  Number(
    new Intl.DateTimeFormat('en', { timeZone: 'Europe/Paris', year: 'numeric' }).format(new Date()),
  ) + 1;
const THIS_MONTH = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' })
  .format(new Date())
  .slice(0, 7);

describeInBrowser(
  'Dossiers in a real browser: from a call to a funding plan that sinks the cash',
  () => {
    let testApp: TestApp;
    let baseUrl: string;
    let browser: BrowserSession;
    let page: Page;
    let owner: WebUserFixture;
    let callId: string;
    let dossierUrl: string;
    const downloads = mkdtempSync(join(tmpdir(), 'vigie-dossier-'));

    /** The visible text of an element, spaces normalised (amounts use narrow no-break spaces). */
    async function textOf(selector: string): Promise<string> {
      return (await page.locator(selector).first().innerText()).replace(/[\s\u00a0\u202f]+/g, ' ');
    }

    beforeAll(async () => {
      testApp = await createTestApp();
      baseUrl = await serveOnLoopback(testApp);
      const epn = await createOrganisation(testApp.app, {
        name: 'EPN Les Olympiades',
        territory: ['63'],
      });
      owner = await createWebUser(testApp.app, epn.organisationId, 'owner', {
        displayName: 'Camille Martin',
      });
      const dataSource = testApp.app.get(DataSource);
      const call = await createCall(dataSource, {
        title: CALL_TITLE,
        funders: ['Département du Puy-de-Dôme'],
        amountMaxCents: 7_200_000,
        nextDeadline: `${YEAR}-01-31`,
        deadlines: [{ date: `${YEAR}-01-31` }],
      });
      callId = call.id;
      await dataSource.getRepository(CallClassification).save({
        callId: call.id,
        version: 'test',
        score: 0.9,
        relevant: true,
        themes: [{ id: testApp.app.get(Classifier).definition.themes[0].id, score: 0.9 }],
        euFund: 'FSE_PLUS',
        explanation: [],
        contentHash: call.contentHash,
        classifiedAt: new Date(),
      });
      // What the structure's accountant entered: 15 000 € in the bank, a 5 000 € safety threshold.
      const membership = {
        organisationId: epn.organisationId,
        userId: owner.userId,
        membershipId: '',
        role: 'owner' as const,
      };
      await testApp.app.get(TreasurySettingsService).put(membership, {
        openingBalanceCents: 1_500_000,
        openingMonth: THIS_MONTH,
        recurring: [],
        minimumCashCents: 500_000,
      });
      browser = await openBrowser();
      page = browser.page;
      await signIn(page, baseUrl, owner);
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await testApp?.close();
      rmSync(downloads, { recursive: true, force: true });
    });

    it('creates a dossier from a call and finds it in the list', async () => {
      await page.goto(`${baseUrl}/appels/${callId}`);
      await page.getByRole('link', { name: 'Créer un dossier pour cet appel' }).click();
      await page.getByLabel(/Coût total/).fill('120 000');
      await page.getByLabel(/Début de l’opération/).fill(`${YEAR}-01`);
      await page.getByLabel(/Fin de l’opération/).fill(`${YEAR}-12`);
      await page.getByRole('button', { name: 'Créer le dossier' }).click();
      await page.waitForURL(/fait=cree/);
      await page.getByRole('link', { name: 'Dossiers', exact: true }).click();
      await page.waitForURL(`${baseUrl}/dossiers`);
      const row = page.locator('table.dossier-table tbody tr', { hasText: CALL_TITLE });
      await expect(row.locator('td').nth(1).innerText()).resolves.toBe('Idée');
      await expectAccessible(page, 'dossiers (liste)');
      await row.getByRole('link', { name: CALL_TITLE }).click();
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(CALL_TITLE);
      dossierUrl = page.url();
      await expect(textOf('.plan-balance')).resolves.toContain('Il manque 120 000 €');
      await expectAccessible(page, 'dossier (nouveau)');
    });

    it('refuses a bad amount next to the field, keeping what was typed', async () => {
      await page.getByLabel('Type de financement').selectOption({ label: 'FSE+' });
      await page.getByLabel('Financeur').fill('Département du Puy-de-Dôme');
      await page.getByLabel('Montant (€)').fill('soixante-douze mille');
      await page.getByRole('button', { name: 'Ajouter la ligne' }).click();
      await expect(page.locator('.error-summary').textContent()).resolves.toContain(
        'Montant invalide : écrivez un nombre d’euros',
      );
      await expect(page.getByLabel('Montant (€)').inputValue()).resolves.toBe(
        'soixante-douze mille',
      );
      await expect(page.getByLabel('Financeur').inputValue()).resolves.toBe(
        'Département du Puy-de-Dôme',
      );
      await expect(page.locator('#ligne-montant').getAttribute('aria-invalid')).resolves.toBe(
        'true',
      );
      await expectAccessible(page, 'dossier (erreur dans le plan)');
    });

    it('fills the funding plan with an FSE+ line and its advance: the treasury warning appears', async () => {
      await page.getByLabel('Montant (€)').fill('72 000');
      await page.getByLabel('Où en est ce financement ?').selectOption({ label: 'Demandé' });
      await page.locator('summary', { hasText: 'Versements' }).click();
      await page.getByLabel('Avance (% du montant)').fill('30');
      await page.getByRole('button', { name: 'Ajouter la ligne' }).click();
      await page.waitForURL(/fait=ligne-ajoutee/);
      await expect(textOf('.notice')).resolves.toBe('Ligne de financement ajoutée.');
      await expect(textOf('.plan-balance')).resolves.toContain('Il manque 48 000 €');

      await page.getByLabel('Type de financement').selectOption({ label: 'Autofinancement' });
      await page.getByLabel('Financeur').fill('Fonds propres');
      await page.getByLabel('Montant (€)').fill('48 000');
      await page.getByRole('button', { name: 'Ajouter la ligne' }).click();
      await page.waitForURL(/fait=ligne-ajoutee/);
      await expect(textOf('.plan-balance')).resolves.toContain('Le plan couvre le coût total.');

      const schedule = await textOf('table.dossier-schedule');
      expect(schedule).toContain(`Avance mars ${YEAR} 21 600 €`);
      const warnings = await textOf('#alertes ~ ul.dossier-warnings');
      expect(warnings).toMatch(/^Urgent : La trésorerie devient négative en février \d{4}/);
      expect(warnings).toContain('(projection indicative, pas un conseil financier)');
      await expectAccessible(page, 'dossier (plan rempli)');
      await screenshot(page, 'dossier');
    });

    it('downloads the dossier’s cash plan as an XLSX an accountant opens as it is', async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: /^XLSX\s+du scénario attendu$/ }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(
        /^tresorerie-parcours-numeriques-vers-l-emploi-fse\.xlsx$/,
      );
      const file = join(downloads, download.suggestedFilename());
      await download.saveAs(file);
      const workbook = new Workbook();
      await workbook.xlsx.readFile(file);
      const sheet = workbook.worksheets[0];
      let advance: unknown = null;
      sheet.eachRow((row) => {
        if (row.getCell(1).value === `${YEAR}-03`) advance = row.getCell(3).value;
      });
      expect(advance).toBe(21_600);
    });

    it('edits a line on its own page', async () => {
      await page.goto(dossierUrl);
      await page
        .getByRole('link', { name: /Modifier ou supprimer la ligne « Fonds propres »/ })
        .click();
      await expect(page.getByLabel('Montant (€)').inputValue()).resolves.toBe('48000');
      await expectAccessible(page, 'ligne de financement');
      await page.getByLabel('Montant (€)').fill('50 000');
      await page.getByRole('button', { name: 'Enregistrer la ligne' }).click();
      await page.waitForURL(/fait=ligne-modifiee/);
      await expect(textOf('.plan-balance')).resolves.toContain(
        'dépassent le coût total de 2 000 €',
      );
    });

    it('moves the dossier on the board to an allowed next step', async () => {
      await page.goto(`${baseUrl}/dossiers/etapes`);
      const card = page.locator('.dossier-card', { hasText: CALL_TITLE });
      await expect(card.locator('option').allTextContents()).resolves.toEqual([
        'En préparation',
        'Déposé',
        'Clôturé',
      ]);
      await expectAccessible(page, 'dossiers par étape');
      await screenshot(page, 'dossiers');
      await card.getByLabel(/Passer à l’étape/).selectOption({ label: 'En préparation' });
      await card.getByRole('button', { name: /Déplacer/ }).click();
      await page.waitForURL(/fait=etape/);
      await expect(textOf('.notice')).resolves.toBe(
        'Dossier déplacé vers l’étape « En préparation ».',
      );
      const column = page.locator('.dossier-column', {
        has: page.getByRole('heading', { name: /En préparation/ }),
      });
      await expect(column.locator('.dossier-card h3').allTextContents()).resolves.toEqual([
        CALL_TITLE,
      ]);
    });

    it('offers « Nouveau dossier » without a call, accessible too', async () => {
      await page.goto(`${baseUrl}/dossiers`);
      await page.getByRole('link', { name: 'Nouveau dossier' }).click();
      await page.getByRole('button', { name: 'Créer le dossier' }).click();
      await expect(page.locator('.error-summary').textContent()).resolves.toContain(
        'Donnez un titre au dossier.',
      );
      await expectAccessible(page, 'nouveau dossier (erreurs)');
      expect(browser.dialogs).toEqual([]);
    });

    it('item 11: creates a dossier dated in the past with a warning, accessible', async () => {
      await page.goto(`${baseUrl}/dossiers/nouveau`);
      await page.getByLabel(/Titre/).fill('Permanences 2020');
      await page.getByLabel(/Coût total/).fill('20 000');
      await page.getByLabel(/Début de l’opération/).fill('2020-01');
      await page.getByLabel(/Fin de l’opération/).fill('2020-12');
      await page.getByRole('button', { name: 'Créer le dossier' }).click();
      await page.waitForURL(/fait=cree/);
      await expect(textOf('.input-warning')).resolves.toContain(
        'l’opération s’est terminée en décembre 2020',
      );
      await expectAccessible(page, 'dossier (opération passée)');
    });
  },
);
