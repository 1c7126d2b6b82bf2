/**
 * 列对应 in Chromium at 375×812 (h5): 吴刚 (街道管理员) picks his street's export whose header says 热线单号/事发地址, is told
 * which columns are missing, picks them from the file's own header, saves, and the file then reads; the imported order
 * shows the hotline's 办理时限 as its 办结期限. 孙丽 (社区工作人员) sees the saved mapping read-only.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Area } from '../../shared/areas/model';
import { NODES } from '../support/people';
import { tempDir } from '../support/server';
import { h5Suite, screenshot, signInAs, smallPhone } from './browser';
import { open, openOrder, waitText } from './orderPages';

jest.setTimeout(120000);

const suite = h5Suite();
const WAIT = { timeout: 15000 };
const HOTLINE = '/staff/pages/hotline/index';
let dir = '';
let file = '';
beforeAll(async () => {
  dir = tempDir('wg-hotline-map-e2e-');
  const c1 = (await suite.s.store.collection<Area>('areas').get(NODES.community1))!.name;
  file = path.join(dir, '街道12345导出.csv');
  fs.writeFileSync(file, ['热线单号,来电时间,诉求内容,事发地址,办理时限', `RX20261202001,2026-12-02 08:00,井盖松动,${c1}第一网格1号楼,2026-12-09 18:00`].join('\r\n'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function choose(page: Page): Promise<void> {
  const chooser = page.waitForEvent('filechooser', WAIT);
  await page.locator('#hotline-choose').click();
  await (await chooser).setFiles(file);
}

async function pick(page: Page, field: string, header: string): Promise<void> {
  await page.locator(`#hotline-map-${field} .hotline-map__pick`).click();
  await page.locator(`#hotline-map-${field} .hotline-map__choice`).filter({ hasText: header }).click();
  await waitText(page, `#hotline-map-${field}`, `读「${header}」列`);
}

test('a street admin picks the missing columns from the file’s header and saves them; the file then reads', async () => {
  const { s, browser } = suite;
  const page = await smallPhone(browser);
  await signInAs(page, s.url, '吴刚');
  await open(page, s.url, HOTLINE);
  await waitText(page, '#hotline-mapping', '选择一个导出表后，可从它的表头中为每一项选列');
  await waitText(page, '#hotline-map-ticket', '读「工单编号」列');

  await choose(page);
  await waitText(page, '#hotline-problems', '缺少「工单编号」「诉求地址」列');
  await pick(page, 'ticket', '热线单号');
  await pick(page, 'address', '事发地址');
  await waitText(page, '#hotline-map-save', '保存列对应（改了 2 项）');
  await screenshot(page, 'hotline-mapping');
  await page.locator('#hotline-map-save').click();
  await waitText(page, '#hotline-map-said', '已保存');
  await waitText(page, '#hotline-mapping', '本街道已保存自己的列名');
  // The same file, read again with the new mapping.
  await waitText(page, '#hotline-preview', '1 张工单，1 张能对应到楼栋，0 张待定位');
  expect(await page.locator('#hotline-problems').count()).toBe(0);

  await page.locator('#hotline-confirm').click();
  await waitText(page, '#hotline-progress', '导入完成：新建点单 1 个，待定位 0 张');
  const [order] = await s.store.collection<{ _id: string }>('orders').find({ source: '12345' });
  await openOrder(page, s.url, order!._id);
  await waitText(page, '#order-resolve-by', '12月9日（周三）18:00前办结（12345热线时限）');
  await waitText(page, '#order-hotline', '12345 工单 RX20261202001：办结期限按热线的办理时限');
});

test('community staff see the street’s saved mapping read-only, even with a file chosen', async () => {
  const { s, browser } = suite;
  const page = await smallPhone(browser);
  await signInAs(page, s.url, '孙丽');
  await open(page, s.url, HOTLINE);
  await waitText(page, '#hotline-mapping', '列对应按街道保存，只有街道管理员可以修改');
  await waitText(page, '#hotline-map-ticket', '读「热线单号」列');
  await waitText(page, '#hotline-map-address', '读「事发地址」列');
  await choose(page);
  await waitText(page, '#hotline-preview', '1 张已导入过');
  expect(await page.locator('.hotline-map__pick').count()).toBe(0);
  expect(await page.locator('#hotline-map-save').count()).toBe(0);
});
