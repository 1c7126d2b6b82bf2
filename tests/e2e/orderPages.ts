/** Browser steps for the order-loop pages: sign in with consent, open a page, press an action, fill its popup. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { PNG } from '../support/orders';
import { phonePage, screenshot, signInAs } from './browser';

const WAIT = { timeout: 15000 };

/** A fresh phone-sized browser context, signed in as `name` (privacy consent given on first visit). */
export async function signedIn(browser: Browser, baseUrl: string, name: string): Promise<Page> {
  const page = await phonePage(browser);
  await signInAs(page, baseUrl, name);
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
  return page
    .locator('#order-actions .nut-button')
    .allInnerTexts()
    .then((t) => t.map((s) => s.trim()));
}

/** Fills the popup's text box (if given) and presses its submit button. */
export async function submitPopup(page: Page, popupId: string, submit: string, text?: string): Promise<void> {
  const popup = page.locator(`#${popupId}`);
  await popup.waitFor(WAIT);
  if (text !== undefined) await popup.locator('textarea').first().fill(text);
  await popup.getByText(submit, { exact: true }).click();
  await popup.waitFor({ state: 'detached', timeout: 15000 });
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A 160×120 PNG, a lamp-lit stairwell in three bands, so the photo reads as a photo in screenshots. */
export function stairwellPng(): Buffer {
  const [w, h] = [160, 120];
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows: Buffer[] = [];
  for (let y = 0; y < h; y++) {
    const row = Buffer.alloc(1 + w * 3);
    for (let x = 0; x < w; x++) {
      const lamp = Math.hypot(x - 80, y - 20) < 14;
      const rgb = lamp ? [255, 214, 102] : y < 70 ? [200 - y, 205 - y, 215 - y] : [120 + ((x + y) % 20), 110, 100];
      row.set(rgb, 1 + x * 3);
    }
    rows.push(row);
  }
  const signature = PNG.subarray(0, 8);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

/** A photo on disk for the file input. */
export function pngFile(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wg-photo-')), 'stairwell.png');
  fs.writeFileSync(file, stairwellPng());
  return file;
}

/** Taro's web pages scroll inside the app, so grow the viewport to the content before a full-page shot. */
export async function fullShot(page: Page, name: string): Promise<void> {
  const toastsGone = () => Array.from(document.querySelectorAll<HTMLElement>('.taro__toast')).every((t) => t.style.display === 'none' || t.style.opacity === '0');
  await page.waitForFunction(toastsGone, undefined, { timeout: 5000 });
  const height = await page.evaluate(() => {
    const shown = document.querySelectorAll('.taro_page.taro_page_show');
    return Math.ceil((shown[shown.length - 1] ?? document.body).scrollHeight);
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
