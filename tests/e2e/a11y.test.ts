/**
 * Every resident page at 375×812, in normal and 长辈模式: no serious or critical axe-core violation
 * (contrast ≥ 4.5:1, labelled fields, named buttons …); in 长辈模式 also text ≥ 18 px and tap targets ≥ 44×44 px.
 */
import type { Browser, Page } from 'playwright-core';
import { NODES } from '../support/people';
import { orderIn } from '../support/orders';
import type { TestServer } from '../support/server';
import { startTestServer } from '../support/server';
import { axeViolations, elderSizeFaults } from './axe';
import { H5_DIR, launch, screenshot, signInAs, smallPhone } from './browser';
import { open } from './orderPages';

jest.setTimeout(180000);

let s: TestServer;
let browser: Browser;
let page: Page;
let orderId = '';

beforeAll(async () => {
  s = await startTestServer({ staticDir: H5_DIR });
  browser = await launch();
  page = await smallPhone(browser);
  // One order walked to 已办结 (awaiting the resident's rating), so my orders, its detail and the messages have something to show.
  orderId = await orderIn(s, 'completed');
}, 60000);
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

/** [name, route, what shows once the page has its data]. */
const PAGES: Array<[string, () => string, string]> = [
  ['home', () => '/pages/index/index', '#home-name'],
  ['qr-order', () => `/pages/order/new/index?building=${NODES.building1}`, '#order-building .area-trail'],
  ['scan', () => `/pages/scan/index?scene=n%3D${NODES.grid1}`, '#scan-landing'],
  ['my-orders', () => '/pages/order/mine/index', '#my-orders .o-card'],
  ['order-detail', () => `/pages/order/detail/index?id=${orderId}`, '#order-status'],
  ['messages', () => '/pages/order/messages/index', '#messages .message'],
  ['wish-board', () => '/wish/pages/board/index', '#wish-list .w-card'],
  ['wish-new', () => '/wish/pages/new/index', '.resident-page .nut-button'],
  ['wish-mine', () => '/wish/pages/mine/index', '#wish-mine-tabs'],
  ['privacy', () => '/info/pages/privacy/index', '#privacy-guide'],
];

async function show(route: string, ready: string): Promise<void> {
  await page.goto('about:blank');
  await open(page, s.url, route);
  await page.locator(ready).first().waitFor({ timeout: 15000 });
  // Fonts and NutUI transitions settle before measuring.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForTimeout(400);
}

test('signin (signed out): no serious axe violation', async () => {
  await show('/pages/signin/index', '#signin-list');
  await screenshot(page, 'a11y-signin');
  expect(await axeViolations(page)).toEqual([]);
});

describe('normal mode', () => {
  beforeAll(() => signInAs(page, s.url, '王秀英'));

  test.each(PAGES)('%s: no serious axe violation', async (name, route, ready) => {
    await show(route(), ready);
    await screenshot(page, `a11y-${name}-normal`);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('长辈模式', () => {
  beforeAll(async () => {
    await show('/pages/index/index', '#home-name');
    await page.locator('#elder-switch-input').click();
    await page.locator('#elder-home').waitFor({ timeout: 15000 });
  });

  test.each(PAGES)('%s: no serious axe violation, text ≥ 18 px, tap targets ≥ 44×44 px', async (name, route, ready) => {
    await show(route(), ready);
    expect(await page.locator('.resident-page.elder').count()).toBeGreaterThan(0);
    await screenshot(page, `a11y-${name}-elder`);
    const sizes = await elderSizeFaults(page);
    expect({ axe: await axeViolations(page), sizes: sizes.faults }).toEqual({ axe: [], sizes: [] });
    expect(sizes.texts).toBeGreaterThan(2);
    // The guide is text only; every other page has something to tap.
    if (name !== 'privacy') expect(sizes.taps).toBeGreaterThan(0);
    console.log(`${name}: ${sizes.texts} texts, ${sizes.taps} tappables measured`);
  });
});
