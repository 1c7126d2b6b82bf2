/**
 * 导入网格树 in Chromium at 375×812 (h5): community staff open it from the 网格树, download the Excel template, pick a
 * sheet with problems and read every bad row by its number (nothing written), pick the corrected sheet, see what it will
 * create, confirm and watch it finish; the nodes are in the tree. A grid leader is told the import is not theirs.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import type { Area } from '../../shared/areas/model';
import { NODES } from '../support/people';
import type { TestServer } from '../support/server';
import { startTestServer, tempDir } from '../support/server';
import { H5_DIR, launch, screenshot, signInAs, smallPhone } from './browser';
import { waitText } from './orderPages';

jest.setTimeout(120000);

let s: TestServer;
let browser: Browser;
let dir = '';
const WAIT = { timeout: 15000 };

beforeAll(async () => {
  s = await startTestServer({ staticDir: H5_DIR, start: Date.now() });
  browser = await launch();
  dir = tempDir('wg-import-e2e-');
}, 60000);
afterAll(async () => {
  await browser?.close();
  await s?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const areasUnder = (parentId: string) => s.store.collection<Area>('areas').find({ parentId });

/** Presses 选择文件 and answers the browser's file chooser with `file`. */
async function choose(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser', WAIT);
  await page.locator('#import-choose').click();
  await (await chooser).setFiles(file);
}

test('community staff import a sheet: problems by row, nothing written, then the corrected sheet with progress', async () => {
  const c1 = (await s.store.collection<Area>('areas').get(NODES.community1))!.name;
  const staff = await smallPhone(browser);
  await signInAs(staff, s.url, '孙丽');
  await staff.goto(`${s.url}/#/staff/pages/tree/index`);
  await waitText(staff, '#tree-head', c1);
  await staff.locator('#tree-import').click();
  await staff.locator('#import-template-xlsx').waitFor(WAIT);

  // The Excel template downloads with the columns and this community's row.
  const download = staff.waitForEvent('download', WAIT);
  await staff.locator('#import-template-xlsx').click();
  const saved = path.join(dir, 'template.xlsx');
  await (await download).saveAs(saved);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(saved);
  expect((book.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(['片区', '社区', '网格', '微网格', '楼栋', '电话']);
  expect((book.worksheets[0]!.getRow(2).values as unknown[])[2]).toBe(c1);

  // A sheet with two bad rows: both listed by number, no confirm button, nothing written.
  const before = (await areasUnder(NODES.community1)).length;
  const sheet = book.worksheets[0]!;
  sheet.addRow(['', c1, '第八网格', '', '', '021-62345678']);
  sheet.addRow(['', c1, '第八网格', '', '8-1号楼', '']);
  sheet.addRow(['', c1, '第八网格', '', '8-1号楼', '']);
  sheet.addRow(['', c1, '', '', '8-2号楼', '']);
  const bad = path.join(dir, '有问题的网格树.xlsx');
  await book.xlsx.writeFile(bad);
  await choose(staff, bad);
  await waitText(staff, '#import-problems', '有 2 处问题');
  await waitText(staff, '#import-problems', '第 5 行：与第 4 行重复：「第八网格」下已有名为「8-1号楼」的楼栋');
  await waitText(staff, '#import-problems', `第 6 行：楼栋「8-2号楼」须在网格之下：「${c1}」下没有填写网格`);
  expect(await staff.locator('#import-confirm').count()).toBe(0);
  await screenshot(staff, 'tree-import-problems');
  expect(await areasUnder(NODES.community1)).toHaveLength(before);

  // Corrected as CSV: the preview says what it creates; confirming shows progress to the end.
  const good = path.join(dir, '网格树.csv');
  fs.writeFileSync(good, `片区,社区,网格,楼栋,电话\r\n,${c1},第八网格,,021-62345678\r\n,${c1},第八网格,8-1号楼,\r\n,${c1},第八网格,8-2号楼,13911112222\r\n`);
  await choose(staff, good);
  await waitText(staff, '#import-summary', '将新增 片区 0 个、网格 1 个、楼栋 2 个');
  await waitText(staff, '#import-file', '已选择：网格树.csv');
  await staff.locator('#import-confirm').click();
  await waitText(staff, '#import-progress', '导入完成：新增 3 个区域');
  await screenshot(staff, 'tree-import-done');
  const grid = (await areasUnder(NODES.community1)).find((a) => a.name === '第八网格');
  expect(grid?.phone).toBe('021-62345678');
  expect((await areasUnder(grid!._id)).map((a) => a.name).sort()).toEqual(['8-1号楼', '8-2号楼']);

  await staff.locator('#import-to-tree').click();
  await waitText(staff, '#tree-list', '第八网格');
});

test('a grid leader is told only community staff and street admins import the tree', async () => {
  const leader = await smallPhone(browser);
  await signInAs(leader, s.url, '赵强');
  await leader.goto(`${s.url}/#/staff/pages/tree-import/index`);
  await waitText(leader, '#tree-import', '只有社区工作人员和街道管理员可以导入网格树');
});
