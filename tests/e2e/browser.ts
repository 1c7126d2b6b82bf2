/** Real Chromium (Debian's, never a downloaded one) driven by playwright-core against the local gateway. */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { TestServer, TestServerOptions } from '../support/server';
import { startTestServer } from '../support/server';

export const H5_DIR = process.env.WG_H5_DIR ? path.resolve(process.env.WG_H5_DIR) : path.resolve(__dirname, '../../build/h5');
export const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');

export async function launch(): Promise<Browser> {
  if (!fs.existsSync(path.join(H5_DIR, 'index.html'))) throw new Error('build/h5 is missing: run npm run build:h5 (npm test does)');
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/**
 * A suite's server serving the h5 build and its browser, started before its tests and closed after them: read
 * `suite.s` and `suite.browser` inside tests and hooks. `setup` runs once the server is up (grants, records).
 */
export function h5Suite(options: TestServerOptions = {}, setup?: (s: TestServer) => Promise<void>): { s: TestServer; browser: Browser } {
  const suite = {} as { s: TestServer; browser: Browser };
  beforeAll(async () => {
    suite.s = await startTestServer({ staticDir: H5_DIR, ...options });
    await setup?.(suite.s);
    suite.browser = await launch();
  }, 60000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.s?.close();
  });
  return suite;
}

/** Console errors and uncaught exceptions of every page opened here since the last check. */
const consoleErrors: string[] = [];

/** Records the page's console errors and uncaught exceptions; the test they happen in then fails. */
export function watchConsole(page: Page): void {
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${m.text()}（${m.location().url}）`);
  });
  page.on('pageerror', (e) => consoleErrors.push(`未捕获的异常：${e.stack ?? e.message}`));
}

/** Takes out the console errors a test caused on purpose (a connection it cut) and says how many there were. */
export function takeConsoleErrors(match: RegExp): number {
  const before = consoleErrors.length;
  const kept = consoleErrors.filter((e) => !match.test(e));
  consoleErrors.splice(0, consoleErrors.length, ...kept);
  return before - kept.length;
}

/** Any console error fails the test (or the suite's set-up) it happened in: a page that logs errors is broken. */
function failOnConsoleErrors(): void {
  const found = consoleErrors.splice(0);
  if (found.length) throw new Error(`浏览器控制台有 ${found.length} 条错误：\n${found.join('\n')}`);
}
afterEach(failOnConsoleErrors);
afterAll(failOnConsoleErrors);

/** A phone-sized page, as people use the app; its console is watched. */
export async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  watchConsole(page);
  return page;
}

/** The 375×812 phone issue 13 checks screens at; `setup` may grant the context permissions first (the clipboard). */
export async function smallPhone(browser: Browser, setup?: (context: BrowserContext) => Promise<void>): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await setup?.(context);
  const page = await context.newPage();
  watchConsole(page);
  return page;
}

/**
 * Signs in through the development sign-in page, the way a newcomer does, and agrees to the
 * privacy guide when the home page asks (first visit only).
 */
export async function signInAs(page: Page, baseUrl: string, name: string): Promise<void> {
  await page.goto(`${baseUrl}/#/pages/signin/index`);
  await page.locator('#signin-list').getByText(name, { exact: true }).first().click();
  const consent = page.getByText('同意并继续', { exact: true });
  await consent.or(page.locator('#home-name')).first().waitFor({ timeout: 15000 });
  if (await consent.isVisible()) {
    await consent.click();
    await consent.waitFor({ state: 'hidden' });
    await page.locator('.nut-overlay').first().waitFor({ state: 'hidden' });
  }
  await page.locator('#home-name').waitFor({ timeout: 15000 });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** The bottom tab bar's names in order ("首页 办事 消息"), without the badges (待办, 未读) that come in once the counts arrive. */
export async function tabNames(tabs: Locator): Promise<string> {
  return (await tabs.innerText())
    .replace(/\s+/g, ' ')
    .replace(/ \d+\+?(?= |$)/g, '')
    .trim();
}
