/** In Chromium: each demo person signs in on the development page and their home says who, where and what. */
import type { Browser } from 'playwright-core';
import type { TestServer } from '../support/server';
import { startTestServer } from '../support/server';
import { H5_DIR, launch, phonePage, screenshot, signInAs } from './browser';
import { waitText } from './orderPages';

let s: TestServer;
let browser: Browser;
beforeAll(async () => {
  s = await startTestServer({ staticDir: H5_DIR });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

const people: Array<[string, string, string, string]> = [
  ['resident', '王秀英', '居民', '1号楼'],
  ['member', '张伟', '在职党员', '2号楼'],
  ['gridworker', '陈静', '网格员', '3号楼'],
  ['gridleader', '赵强', '网格长', '4号楼'],
  ['staff', '孙丽', '社区工作人员', '9号楼'],
  ['street', '吴刚', '街道管理员', '10号楼'],
];

describe('sign in as each role', () => {
  it.each(people)('%s: %s sees name, area trail and role', async (key, name, roleName, building) => {
    const page = await phonePage(browser);
    await signInAs(page, s.url, name);
    await page.locator('#home-name').getByText(name).waitFor();
    const trail = await page.locator('#home-trail').innerText();
    for (const part of ['长征镇', '梅川片区', building]) expect(trail).toContain(part);
    expect(await page.locator('#home-roles').innerText()).toContain(roleName);
    await screenshot(page, `home-${key}`);
    await page.context().close();
  });

  it('asks for privacy consent before showing personal data, and remembers it', async () => {
    const page = await phonePage(browser);
    await page.goto(`${s.url}/#/pages/signin/index`);
    await page.locator('#signin-list').getByText('李建国', { exact: true }).first().click();
    await page.getByText('同意并继续').waitFor({ timeout: 15000 });
    expect(await page.locator('#home-trail').count()).toBe(0);
    await page.getByText('同意并继续').click();
    await page.locator('#home-trail').waitFor();
    const user = await s.store.collection<{ _id: string; privacyAcceptedAt?: number }>('users').get('u-resident2');
    expect(user?.privacyAcceptedAt).toBeGreaterThan(0);
    await page.context().close();
  });

  it('sends someone without a session to the sign-in page', async () => {
    const page = await phonePage(browser);
    await page.goto(`${s.url}/#/pages/index/index`);
    // The list shows 加载中… until the people arrive: wait for a name, not for the box.
    await waitText(page, '#signin-list', '王秀英');
    await page.context().close();
  });
});
