import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { AddressInfo } from 'node:net';
import { repoRoot } from './shared-data';
import type { TestApp } from './test-app';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Browser specs run only where Chromium is installed, and say loudly when they are skipped. */
export const chromiumAvailable = existsSync(CHROMIUM);
if (!chromiumAvailable) {
  console.warn(
    `Browser tests SKIPPED: no Chromium at ${CHROMIUM}. Install it (apt-get install -y chromium) ` +
      'or set CHROMIUM_PATH; CI installs it in .ci/run.',
  );
}
export const describeInBrowser: jest.Describe = chromiumAvailable ? describe : describe.skip;

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Every alert/confirm/prompt the pages opened: a script that ran where it should not. */
  dialogs: string[];
  close(): Promise<void>;
}

/** Debian's Chromium, headless, with a fresh profile removed on close. */
export async function openBrowser(): Promise<BrowserSession> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'vigie-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    // The pages' CSP forbids inline scripts; axe-core is injected as one.
    bypassCSP: true,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return {
    context,
    page,
    dialogs,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
}

let axeSource: string | undefined;

/** axe-core on the current page: zero serious or critical violations. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  // Strings, not functions: the tests compile without the DOM library.
  const violations = await page.evaluate<AxeViolation[]>('axe.run().then((r) => r.violations)');
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect({ page: name, violations: serious.map((v) => `${v.id}: ${v.help}`) }).toEqual({
    page: name,
    violations: [],
  });
}

/** Refreshes docs/screenshots only when asked (VIGIE_SCREENSHOTS=1), so test runs leave the tree clean. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!process.env.VIGIE_SCREENSHOTS) return;
  const dir = join(repoRoot, 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  for (const [suffix, viewport] of [
    ['bureau', { width: 1280, height: 900 }],
    ['telephone', { width: 390, height: 844 }],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: join(dir, `${name}-${suffix}.png`), fullPage: false });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Signs in through the form, as a user would. */
export async function signIn(
  page: Page,
  baseUrl: string,
  user: { email: string; password: string },
): Promise<void> {
  await page.goto(`${baseUrl}/connexion`);
  await page.getByLabel('Adresse e-mail').fill(user.email);
  await page.getByLabel('Mot de passe').fill(user.password);
  await page.getByRole('button', { name: /Se connecter/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
}

/** Serves the test app on a free loopback port, for a real browser: its base URL. */
export async function serveOnLoopback(testApp: TestApp): Promise<string> {
  await testApp.app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(testApp.app.getHttpServer().address() as AddressInfo).port}`;
}
