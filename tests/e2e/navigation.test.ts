/**
 * Navigation in Chromium at 375×812 (issue 13, point 1): a QR link opened signed out survives sign-in and the
 * privacy sheet; the bottom tab bar follows the role and carries the unread count; a deep-linked page has
 * 返回 and 首页, and browser back from it lands on home, not outside the app.
 */
import type { Browser, Page } from 'playwright-core';
import { orderIn } from '../support/orders';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { okData, startTestServer } from '../support/server';
import { H5_DIR, launch, screenshot, signInAs, smallPhone, tabNames } from './browser';
import { open, waitText } from './orderPages';

jest.setTimeout(120000);

let s: TestServer;
let browser: Browser;
const WAIT = { timeout: 15000 };

beforeAll(async () => {
  s = await startTestServer({ staticDir: H5_DIR });
  browser = await launch();
}, 60000);
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

async function phone(name: string): Promise<Page> {
  const page = await smallPhone(browser);
  await signInAs(page, s.url, name);
  return page;
}

/** The element on the page in view (pages under it in the stack stay in the DOM, hidden). */
const shown = (page: Page, selector: string) => page.locator(`${selector} >> visible=true`);

/** A fresh launch on `route`, as a scanned code or a tapped link opens the app. */
async function launchOn(page: Page, route: string): Promise<void> {
  await page.goto('about:blank');
  await open(page, s.url, route);
}

describe('a QR link opened signed out', () => {
  it.each([
    ['the poster code (the order page itself)', '王秀英', `/pages/order/new/index?building=${NODES.building1}`],
    ['a mini-program code (the scan page)', '李建国', `/pages/scan/index?scene=n%3D${NODES.building1}`],
  ])('%s: sign-in, then consent, then the 点单 form with the building filled in', async (_, name, route) => {
    const page = await smallPhone(browser);
    await launchOn(page, route);
    await page.locator('#signin-list').getByText(name, { exact: true }).first().click();
    // A first visit: the privacy sheet comes before anything personal, and the form is not shown behind it.
    await page.getByText('同意并继续', { exact: true }).waitFor(WAIT);
    expect(await page.locator('#order-building').count()).toBe(0);
    await page.getByText('同意并继续', { exact: true }).click();

    await waitText(page, '#order-building', '1号楼');
    expect(page.url()).toContain(`/pages/order/new/index?building=${NODES.building1}`);
    await screenshot(page, 'nav-qr-after-signin');

    // Browser back leaves the form for home, not for a blank page or the sign-in list.
    await page.goBack();
    await page.locator('#home-name').waitFor(WAIT);
    expect(await page.locator('#home-name').innerText()).toContain(name);
    await page.context().close();
  });

  it('signed in but without consent on this device: the consent sheet, then the link', async () => {
    const page = await phone('赵强');
    // Another device's session: this one has no record of the consent, home asks users.me and sends the link on.
    await page.evaluate(() => localStorage.removeItem('wg_consent'));
    await launchOn(page, `/pages/order/new/index?building=${NODES.building1}`);
    await waitText(page, '#order-building', '1号楼');
    expect(page.url()).toContain('/pages/order/new/index');
    await page.context().close();
  });
});

describe('the tab bar follows the role', () => {
  it('消息 carries the unread count from 待办, and it goes when the messages are read', async () => {
    await orderIn(s, 'completed');
    const todo = okData(await s.call<{ items: Array<{ key: string; count: number }> }>('users', 'todo', {}, PEOPLE.resident));
    const unread = todo.items.find((i) => i.key === 'unread')?.count ?? 0;
    expect(unread).toBeGreaterThan(0);

    const page = await phone('王秀英');
    await waitText(page, '#app-tab-badge', String(unread));
    await shown(page, '#app-tab-messages').click();
    await shown(page, '#messages').waitFor(WAIT);
    await shown(page, '#app-tab-home').click();
    await shown(page, '#home-name').waitFor(WAIT);
    await shown(page, '#app-tabs').waitFor(WAIT);
    await page.locator('#app-tab-badge').waitFor({ state: 'detached', ...WAIT });
    await page.context().close();
  });

  it.each([
    ['resident', '王秀英', '办事', '#my-orders'],
    ['member', '张伟', '接单', '#member-hall'],
    ['staff', '孙丽', '待办', '#staff-console'],
  ])('%s %s: 首页 · %s · 消息, each tab opens its page', async (key, name, work, landmark) => {
    const page = await phone(name);
    const tabs = shown(page, '#app-tabs');
    await tabs.waitFor(WAIT);
    expect(await tabNames(tabs)).toContain(`首页 ${work} 消息`);
    // Fixed to the bottom of the 812-px screen.
    const box = (await tabs.boundingBox())!;
    expect(Math.round(box.y + box.height)).toBe(812);
    await screenshot(page, `nav-tabs-${key}`);

    await shown(page, '#app-tab-work').click();
    await shown(page, landmark).waitFor(WAIT);
    await shown(page, '#app-tab-work.app-tabs__tab--active').waitFor(WAIT);
    await shown(page, '#app-tab-messages').click();
    await shown(page, '#messages').waitFor(WAIT);
    await shown(page, '#app-tab-home').click();
    await shown(page, '#home-name').waitFor(WAIT);
    await page.context().close();
  });
});

describe('on h5 every page has 返回 and 首页', () => {
  let page: Page;
  beforeAll(async () => {
    page = await phone('王秀英');
  });
  afterAll(async () => {
    await page.context().close();
  });

  it('a deep-linked page: 返回 with no page under it goes home, as does 首页', async () => {
    await launchOn(page, '/wish/pages/board/index');
    const nav = page.locator('#h5-nav');
    await nav.waitFor(WAIT);
    expect(await nav.innerText()).toContain('返回');
    // The bar does not cover the page: the page's content starts below it.
    const [bar, pageBox] = [(await nav.boundingBox())!, (await shown(page, '.page').first().boundingBox())!];
    expect(pageBox.y).toBeGreaterThanOrEqual(bar.y + bar.height - 1);
    await screenshot(page, 'nav-h5-deep-link');
    await page.locator('#h5-nav-back').click();
    await page.locator('#home-name').waitFor(WAIT);
    expect(await nav.count()).toBe(0);

    await launchOn(page, '/wish/pages/board/index');
    await page.locator('#h5-nav-home').click();
    await page.locator('#home-name').waitFor(WAIT);
  });

  it('返回 after moving inside the app goes one page back', async () => {
    await launchOn(page, '/pages/index/index');
    await shown(page, '#app-tab-messages').click();
    await shown(page, '#messages').waitFor(WAIT);
    expect(await page.locator('#h5-nav').innerText()).toContain('消息');
    await page.locator('#h5-nav-back').click();
    await shown(page, '#home-name').waitFor(WAIT);
    expect(page.url()).toContain('/pages/index/index');
    // Back closes the messages page; it is not kept under home.
    expect(await page.locator('#messages').count()).toBe(0);
  });

  it('browser back from a deep-linked page lands on home, inside the app', async () => {
    await launchOn(page, `/pages/order/new/index?building=${NODES.building1}`);
    await waitText(page, '#order-building', '1号楼');
    await page.goBack();
    await page.locator('#home-name').waitFor(WAIT);
    expect(page.url()).toContain('/pages/index/index');
  });
});
