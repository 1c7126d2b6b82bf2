/**
 * 长辈模式 in Chromium: the resident turns it on from the home page; the home page shrinks to four large
 * actions, and on the new-order, new-wish, wish board and wish detail pages every piece of text is at least 1.3× its normal size.
 * Screenshots of each page in both modes go to test-artifacts/.
 */
import type { Browser, Page } from 'playwright-core';
import type { MeView } from '../../shared/users/schemas';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { okData, startTestServer } from '../support/server';
import { H5_DIR, launch, screenshot } from './browser';
import { open, signedIn, waitText } from './orderPages';

jest.setTimeout(120000);

let s: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  s = await startTestServer({ staticDir: H5_DIR });
  browser = await launch();
  page = await signedIn(browser, s.url, '王秀英');
}, 60000);
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

/** Font size of every visible element that holds text of its own (and of inputs), keyed by its place in the page. */
function textSizes(p: Page, root: string): Promise<Record<string, number>> {
  return p.evaluate((sel) => {
    const out: Record<string, number> = {};
    const top = Array.from(document.querySelectorAll(sel)).find((e) => (e as HTMLElement).offsetParent !== null || getComputedStyle(e).position === 'fixed');
    if (!top) return out;
    const walk = (el: Element, key: string) => {
      const r = el.getBoundingClientRect();
      const own = Array.from(el.childNodes).some((n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '');
      // A switch's checkbox holds no text.
      const field = (el.tagName === 'INPUT' && !['file', 'checkbox'].includes((el as HTMLInputElement).type)) || el.tagName === 'TEXTAREA';
      if ((own || field) && r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden') out[key] = parseFloat(getComputedStyle(el).fontSize);
      Array.from(el.children).forEach((c, i) => walk(c, `${key}/${c.tagName.toLowerCase().replace(/^taro-|-core$/g, '')}${i}${c.classList[0] ? `.${c.classList[0]}` : ''}`));
    };
    walk(top, 'root');
    return out;
  }, root);
}

/** Each text both modes show must be ≥ 1.3× larger in 长辈模式; returns how many were compared. */
function expectScaled(normal: Record<string, number>, elder: Record<string, number>): number {
  const shared = Object.keys(normal).filter((k) => k in elder);
  const small = shared.filter((k) => elder[k]! < normal[k]! * 1.3).map((k) => `${k}: ${normal[k]} → ${elder[k]}`);
  expect(small).toEqual([]);
  return shared.length;
}

async function measure(route: string, root: string, ready: string, shot: string): Promise<Record<string, number>> {
  await open(page, s.url, route);
  await page.locator(ready).first().waitFor({ timeout: 15000 });
  await page.waitForTimeout(300);
  await screenshot(page, shot);
  return textSizes(page, root);
}

const PAGES: Array<[string, string, string, string]> = [
  ['new-order', `/pages/order/new/index?building=${NODES.building1}`, '#order-new', '#order-building .area-trail'],
  ['new-wish', '/wish/pages/new/index', '.resident-page', '.resident-page .nut-button'],
  // The seeded board has two published wishes (local/seed.ts seedDemoWishes).
  ['wish-board', '/wish/pages/board/index', '#wish-board', '#wish-list .w-card'],
  ['wish-detail', '/wish/pages/detail/index?id=w-demo-1', '#wish-detail', '#wish-story-view'],
];
const normal: Record<string, Record<string, number>> = {};

test('normal mode: the full home page with the 一键呼叫 button and the switch off', async () => {
  await waitText(page, '#call-button', '网格长 赵强');
  expect(await page.locator('#call-button').getAttribute('href')).toMatch(/^tel:1\d{10}$/);
  expect(await page.locator('#order-entries').isVisible()).toBe(true);
  normal.home = { entry: await fontOf('.order-entries__title'), call: await fontOf('.call-button__label'), name: await fontOf('#home-name') };
  await screenshot(page, 'elder-home-normal');
  for (const [name, route, root, ready] of PAGES) normal[name] = await measure(route, root, ready, `elder-${name}-normal`);
});

async function fontOf(selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
}

test('switching it on keeps it on the account and simplifies the home page to four large actions', async () => {
  await open(page, s.url, '/pages/index/index');
  await page.locator('#elder-switch-input').click();
  await page.locator('#elder-home').waitFor({ timeout: 15000 });
  expect(okData(await s.call<MeView>('users', 'me', {}, PEOPLE.resident)).elderMode).toBe(true);
  const tiles = await page.locator('#elder-home .elder-home__tiles > *').allInnerTexts();
  expect(tiles.map((t) => t.split('\n')[1] ?? t)).toEqual(['我要点单', '我的点单', '一键呼叫', '微心愿']);
  expect(await page.locator('#order-entries').count()).toBe(0);
  expect(await fontOf('.elder-home__title')).toBeGreaterThanOrEqual(normal.home!.entry! * 1.3);
  expect(await fontOf('#elder-home .call-button__label')).toBeGreaterThanOrEqual(normal.home!.call! * 1.3);
  expect(await fontOf('#home-name')).toBeGreaterThanOrEqual(normal.home!.name! * 1.3);
  await screenshot(page, 'elder-home-elder');
});

test.each(PAGES)('%s: every text is at least 1.3× larger', async (name, route, root, ready) => {
  const elder = await measure(route, root, ready, `elder-${name}-elder`);
  expect(await page.locator(`${root}.elder, .elder ${root}`).count()).toBeGreaterThan(0);
  expect(expectScaled(normal[name]!, elder)).toBeGreaterThan(5);
});

test('a fresh launch on another page knows the mode from the account', async () => {
  const other = await signedIn(browser, s.url, '王秀英');
  await open(other, s.url, `/pages/order/new/index?building=${NODES.building1}`);
  await other.locator('#order-new.elder').waitFor({ timeout: 15000 });
  await other.context().close();
});
