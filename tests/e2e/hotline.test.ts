/**
 * 12345 工单 in Chromium at 375×812 (h5): community staff pick a hotline export with a bad row, read it by its number,
 * import with progress, find the unknown address in 待定位, place it on a building by search, and download the results
 * as CSV in the file's layout plus 办理结果/办结时间/回访结果.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Area } from '../../shared/areas/model';
import { NODES } from '../support/people';
import { tempDir } from '../support/server';
import { h5Suite, screenshot, signInAs, smallPhone } from './browser';
import { waitText } from './orderPages';

jest.setTimeout(120000);

const suite = h5Suite({ start: Date.now() });
const WAIT = { timeout: 15000 };
let dir = '';
beforeAll(() => {
  dir = tempDir('wg-hotline-e2e-');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('community staff import a hotline export, place the queued ticket and download the results', async () => {
  const { s, browser } = suite;
  const c1 = (await s.store.collection<Area>('areas').get(NODES.community1))!.name;
  const header = '工单编号,来电时间,诉求内容,诉求地址,联系人,联系电话,办理时限,诉求分类';
  const file = path.join(dir, '12345工单.csv');
  fs.writeFileSync(
    file,
    [
      header,
      `GD2026120100011,2026-12-01 09:30,楼道灯不亮,${c1}1号楼,王阿姨,13800000001,2026-12-05,城乡建设/路灯`,
      `GD2026120100012,2026-12-01 10:05,门口垃圾堆放,真如路88弄,李先生,13800000002,2026-12-04 18:00,环境卫生`,
      `GD2026120100013,2026-12-01 11:00,噪音扰民,${c1}2号楼,,,下周,环境卫生`,
    ].join('\r\n'),
  );
  const page = await smallPhone(browser);
  await signInAs(page, s.url, '孙丽');
  // From home, as she would: the 12345工单 tile.
  await page.locator('#entry-hotline').click();
  await page.locator('#hotline-choose').waitFor(WAIT);
  await waitText(page, '#hotline-queue', '待定位（0）');

  const chooser = page.waitForEvent('filechooser', WAIT);
  await page.locator('#hotline-choose').click();
  await (await chooser).setFiles(file);
  await waitText(page, '#hotline-preview', '2 张工单，1 张能对应到楼栋，1 张待定位，0 张已导入过');
  await waitText(page, '#hotline-problems', '第 4 行：「办理时限」「下周」不是日期时间');
  await screenshot(page, 'hotline-preview');

  await page.locator('#hotline-confirm').click();
  await waitText(page, '#hotline-progress', '导入完成：新建点单 1 个，待定位 1 张');
  await waitText(page, '#hotline-queue', '待定位（1）');
  await waitText(page, '#hotline-queue', 'GD2026120100012：真如路88弄');
  expect(await s.store.collection('orders').count({ source: '12345' })).toBe(1);

  await page.locator('.hotline-place').first().click();
  await page.locator('#hotline-search input').fill('3号楼');
  await page.locator('#hotline-search-go').click();
  await page.locator('.hotline-building').first().click();
  await waitText(page, '#hotline-queue', '待定位（0）');
  expect(await s.store.collection('orders').count({ source: '12345' })).toBe(2);

  const download = page.waitForEvent('download', WAIT);
  await page.locator('#hotline-export-csv').click();
  const saved = path.join(dir, 'out.csv');
  await (await download).saveAs(saved);
  const lines = fs
    .readFileSync(saved, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe(`${header},办理结果,办结时间,回访结果`);
  expect(lines).toHaveLength(3);
  expect(lines[1]).toMatch(/^GD2026120100011,.*,待分拣,,$/);
});
