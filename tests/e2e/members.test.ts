/** In Chromium: a resident registers (双报到) from the home entry → staff 孙丽 approves in 报到审核 → the resident's 报到证 shows the number and its QR; staff verify it. */
import type { Browser, Page } from 'playwright-core';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { TestServer } from '../support/server';
import { okData, startTestServer } from '../support/server';
import { PEOPLE } from '../support/people';
import { H5_DIR, launch, screenshot } from './browser';
import { open, signedIn, waitText } from './orderPages';

jest.setTimeout(120000);

let s: TestServer;
let browser: Browser;
let resident: Page;
let staff: Page;

beforeAll(async () => {
  s = await startTestServer({ staticDir: H5_DIR });
  process.env.WG_PUBLIC_URL = s.url;
  browser = await launch();
  [resident, staff] = await Promise.all([signedIn(browser, s.url, '王秀英'), signedIn(browser, s.url, '孙丽')]);
}, 60000);
afterAll(async () => {
  delete process.env.WG_PUBLIC_URL;
  await browser?.close();
  await s?.close();
});

let certNo = '';

it('the resident opens 双报到 from home, is told which field is missing, then submits', async () => {
  await resident.locator('#entry-register').click();
  await waitText(resident, '#reg-building', '1号楼');
  expect(await resident.locator('#reg-building').innerText()).toContain('梅川第一居委会 / 第一网格 / 1号楼');
  expect(await resident.locator('#reg-name input').inputValue()).toBe('王秀英');
  await resident.locator('#reg-mobile input').fill('13912340001');
  await resident.locator('#reg-party-org input').fill('普陀区教育局机关党委');
  await resident.locator('#reg-work-unit input').fill('普陀区教育局');
  await resident.locator('#reg-times').getByText('周末', { exact: true }).click();
  await resident.locator('#reg-submit').click();
  await waitText(resident, '#member-register', '请至少选择一项技能特长');

  await resident.locator('#reg-skills').getByText('教育', { exact: true }).click();
  await resident.locator('#reg-org').getByText('上海梅川实业有限公司党支部', { exact: true }).click();
  await resident.locator('#reg-submit').click();
  await waitText(resident, '#member-certificate', '报到申请审核中');
  expect(await resident.locator('#member-certificate').innerText()).toContain('梅川第一居委会');
});

it('staff 孙丽 sees it in 报到审核 and approves it', async () => {
  await open(staff, s.url, '/pages/index/index');
  await staff.locator('#entry-member-review').click();
  const card = staff.locator('#review-list .reg-card').filter({ hasText: '王秀英' });
  await card.waitFor({ timeout: 15000 });
  expect(await card.innerText()).toMatch(/13912340001[\s\S]*普陀区教育局机关党委[\s\S]*教育/);
  await screenshot(staff, 'members-review');
  // 通过 asks once; 再想想 sends nothing and the application stays pending.
  await card.getByText('通过', { exact: true }).click();
  await waitText(staff, '.taro-modal__text', '通过 王秀英 的申请并发放报到证吗？');
  await staff.getByText('再想想', { exact: true }).click();
  await staff.locator('.taro-modal__text').waitFor({ state: 'hidden' });
  const pending = okData(await s.call<{ items: Array<{ name: string }> }>('members', 'pending', { page: 1, pageSize: 20 }, PEOPLE.staff));
  expect(pending.items.map((r) => r.name)).toContain('王秀英');
  await card.getByText('通过', { exact: true }).click();
  await staff.getByText('确定通过', { exact: true }).click();
  await waitText(staff, '#review-list', '没有待审核的报到');
  // The number is told in a dialog, whole on one line (a toast's narrow box broke it as "CZ-/2026-000003").
  const told = staff.locator('.taro-modal__text');
  await told.waitFor({ timeout: 15000 });
  expect(await told.innerText()).toMatch(/^报到证编号 CZ-2026-\d{6}$/);
  const lines = await told.evaluate((el) => {
    const range = document.createRange();
    const text = el.firstChild ?? el;
    const at = (text.textContent ?? '').indexOf('CZ-');
    range.setStart(text, at);
    range.setEnd(text, at + 'CZ-2026-000000'.length);
    return new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top))).size;
  });
  expect(lines).toBe(1);
  await staff.locator('.taro-modal__foot').getByText('知道了', { exact: true }).click();
  await told.waitFor({ state: 'hidden' });
});

it('the resident’s 报到证 shows the certificate number and a QR image that opens the verify page', async () => {
  await open(resident, s.url, '/members/pages/certificate/index');
  await resident.locator('#cert-no').waitFor({ timeout: 15000 });
  certNo = (await resident.locator('#cert-no').innerText()).trim();
  expect(certNo).toMatch(/^CZ-2026-\d{6}$/);
  expect(await resident.locator('#cert-card').innerText()).toMatch(/王秀英[\s\S]*梅川第一居委会[\s\S]*上海梅川实业有限公司党支部/);
  const img = resident.locator('#cert-qr img');
  await img.waitFor();
  const { src, width } = await img.evaluate((el: HTMLImageElement) => ({ src: el.src, width: el.naturalWidth }));
  expect(width).toBeGreaterThan(100);
  const png = PNG.sync.read(Buffer.from(src.replace(/^data:image\/png;base64,/, ''), 'base64'));
  const content = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
  expect(content).toBe(`${s.url}/#/members/pages/verify/index?cert=${certNo}`);
  await screenshot(resident, 'members-certificate');
});

it('a member moving home opens 转移 from the 报到证 and finds the form filled in from the registration', async () => {
  const member = await signedIn(browser, s.url, '张伟');
  await open(member, s.url, '/members/pages/certificate/index');
  await member.locator('#cert-no').waitFor({ timeout: 15000 });
  await member.getByText('搬家转移', { exact: true }).click();
  await member.locator('#reg-name input').waitFor({ timeout: 15000 });
  expect(await member.locator('#reg-name input').inputValue()).toBe('张伟');
  expect(await member.locator('#reg-mobile input').inputValue()).toBe('13900001003');
  expect(await member.locator('#reg-party-org input').inputValue()).toBe('上海梅川实业有限公司党支部');
  expect(await member.locator('#member-register').innerText()).toContain('原社区「梅川第一居委会」的报到自动结束');
  await member.context().close();
});

it('staff opening the QR’s address see who it is', async () => {
  await staff.goto(`${s.url}/#/members/pages/verify/index?cert=${certNo}`);
  await waitText(staff, '#verify-result', '有效报到证');
  expect(await staff.locator('#verify-name').innerText()).toBe('王秀英');
  expect(await staff.locator('#verify-result').innerText()).toContain('13912340001');
});

it('staff export the 双报到台账 from 党员信息库 as an xlsx download', async () => {
  await open(staff, s.url, '/pages/index/index');
  await staff.locator('#entry-member-library').click();
  await waitText(staff, '#library-list', '王秀英');
  const [download] = await Promise.all([staff.waitForEvent('download'), staff.locator('#library-export').click()]);
  expect(download.suggestedFilename()).toBe('双报到台账-2026-11-20.xlsx');
});
