/** Browser steps for the order-loop pages: sign in with consent, open a page, press an action, fill its popup. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PNG } from '../support/orders';
import { phonePage, screenshot } from './browser';

const WAIT = { timeout: 15000 };

/** Signs in on the development page and agrees to the privacy guide if it is asked for. */
export async function signedIn(browser: Browser, baseUrl: string, name: string): Promise<Page> {
  const page = await phonePage(browser);
  await page.goto(`${baseUrl}/#/pages/signin/index`);
  await page.locator('#signin-list').getByText(name, { exact: true }).first().click();
  const agree = page.getByText('同意并继续', { exact: true });
  await Promise.race([agree.waitFor(WAIT), page.locator('#home-name').waitFor(WAIT)]);
  if (await agree.isVisible()) await agree.click();
  await page.locator('#home-name').waitFor(WAIT);
  return page;
}

/** Opens a page by its route (hash URL), as a link or a scanned code would. */
export async function open(page: Page, baseUrl: string, route: string): Promise<void> {
  await page.goto(`${baseUrl}/#${route}`);
}

export async function openOrder(page: Page, baseUrl: string, orderId: string): Promise<void> {
  await open(page, baseUrl, `/pages/order/detail/index?id=${orderId}`);
  await page.locator('#order-status').waitFor(WAIT);
}

/** Waits until the element shows `text` (the page reloads data after every action). */
export async function waitText(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).filter({ hasText: text }).first().waitFor(WAIT);
}

export const waitStatus = (page: Page, statusName: string) => waitText(page, '#order-status', statusName);

/** Presses one of the detail page's action buttons by its verb. */
export async function press(page: Page, verb: string): Promise<void> {
  await page.locator('#order-actions').getByText(verb, { exact: true }).click();
}

/** The action buttons the page shows, in order. */
export async function actionsShown(page: Page): Promise<string[]> {
  if ((await page.locator('#order-actions').count()) === 0) return [];
  return page.locator('#order-actions .nut-button').allInnerTexts().then((t) => t.map((s) => s.trim()));
}

/** Fills the popup's text box (if given) and presses its submit button. */
export async function submitPopup(page: Page, popupId: string, submit: string, text?: string): Promise<void> {
  const popup = page.locator(`#${popupId}`);
  await popup.waitFor(WAIT);
  if (text !== undefined) await popup.locator('textarea').first().fill(text);
  await popup.getByText(submit, { exact: true }).click();
  await popup.waitFor({ state: 'detached', timeout: 15000 });
}

/** A small PNG on disk for the file input. */
export function pngFile(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wg-photo-')), 'light.png');
  fs.writeFileSync(file, PNG);
  return file;
}

/** Taro's web pages scroll inside the app, so grow the viewport to the content before a full-page shot. */
export async function fullShot(page: Page, name: string): Promise<void> {
  const height = await page.evaluate(() => {
    const el = document.querySelector('.taro_page:not([style*="display: none"]) .page') ?? document.body;
    return Math.ceil(el.scrollHeight);
  });
  await page.setViewportSize({ width: 390, height: Math.min(Math.max(height, 844), 4000) });
  await page.waitForTimeout(300);
  await screenshot(page, name);
  await page.setViewportSize({ width: 390, height: 844 });
}

export function orderIdFromUrl(page: Page): string {
  const id = new URL(page.url().replace('/#/', '/')).searchParams.get('id');
  if (!id) throw new Error(`no order id in ${page.url()}`);
  return id;
}
