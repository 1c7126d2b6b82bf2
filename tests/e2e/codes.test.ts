/**
 * 民情二维码 in Chromium: staff download a grid's poster PDF from the codes page; its first page's code,
 * decoded, opens that building's order page for a resident; scans of grid codes land on the scan page;
 * every bad scene shows a clear message and a way to choose the building by hand.
 */
import jsQR from 'jsqr';
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { Area } from '../../shared/areas/model';
import { NODES } from '../support/people';
import { pdfPageCount, pdfPageImages } from '../support/pdf';
import type { TestServer } from '../support/server';
import { startTestServer } from '../support/server';
import { H5_DIR, launch, screenshot } from './browser';
import { open, signedIn, waitText } from './orderPages';

jest.setTimeout(120000);

let s: TestServer;
let browser: Browser;
let staff: Page;
let resident: Page;
const WAIT = { timeout: 15000 };
/** The poster is made on the server (4 A4 pages, the CJK font): seconds of CPU, more while the other jest worker is busy too. */
const POSTER_WAIT = { timeout: 60000 };

/** Opens a route as a fresh scan does: a new app launch, not another page on the previous stack. */
async function scan(page: Page, route: string): Promise<void> {
  await page.goto('about:blank');
  await open(page, s.url, route);
}

beforeAll(async () => {
  s = await startTestServer({ staticDir: H5_DIR });
  process.env.WG_PUBLIC_URL = s.url;
  browser = await launch();
  [staff, resident] = await Promise.all([signedIn(browser, s.url, '孙丽'), signedIn(browser, s.url, '王秀英')]);
}, 60000);
afterAll(async () => {
  delete process.env.WG_PUBLIC_URL;
  await browser?.close();
  await s?.close();
});

test("staff download the grid poster; page 1's code opens building 1's order page", async () => {
  await open(staff, s.url, `/codes/pages/index/index?areaId=${NODES.grid1}`);
  await waitText(staff, '#code-card', '第一网格');
  expect(await staff.locator('#code-content').innerText()).toBe(`${s.url}/#/pages/scan/index?scene=n%3D${NODES.grid1}`);
  await screenshot(staff, 'codes-staff-grid');
  const [download] = await Promise.all([staff.waitForEvent('download', POSTER_WAIT), staff.locator('#poster-grid').click()]);
  const pdf = fs.readFileSync((await download.path())!);
  expect(download.suggestedFilename()).toBe('民情二维码-梅川第一居委会第一网格.pdf');
  expect(pdfPageCount(pdf)).toBe(4);
  const [img] = pdfPageImages(pdf)[0] ?? [];
  const url = img && jsQR(img.data, img.width, img.height)?.data;
  expect(url).toBe(`${s.url}/#/pages/order/new/index?building=${NODES.building1}`);

  await resident.goto('about:blank');
  await resident.goto(url!);
  await waitText(resident, '#order-building', '1号楼');
  expect(await resident.locator('#order-building').innerText()).toContain('第一网格');
  expect(await resident.locator('#order-building').innerText()).toContain('更换楼栋');
});

test('a scanned grid code lands on the scan page: the grid, its leader to call, and 我要点单 under it', async () => {
  await scan(resident, `/pages/scan/index?scene=n%3D${NODES.grid1}`);
  await waitText(resident, '#scan-landing', '第一网格');
  const grid = await s.store.collection<Area>('areas').get(NODES.grid1);
  expect(await resident.locator('#scan-landing').innerText()).toContain(`网格长 赵强　${grid!.phone}`);
  expect(await resident.locator('#scan-landing a[href^="tel:"]').getAttribute('href')).toBe(`tel:${grid!.phone}`);
  await screenshot(resident, 'codes-scan-grid');
  await resident.getByText('我要点单', { exact: true }).click();
  await waitText(resident, '#order-building', '请在“第一网格”下选择您所在的楼栋');
});

test('a scanned building scene goes straight on to its order page', async () => {
  await scan(resident, `/pages/scan/index?scene=n%3D${NODES.building1}`);
  await waitText(resident, '#order-building', '1号楼');
  expect(resident.url()).toContain(`/pages/order/new/index?building=${NODES.building1}`);
});

describe('bad scenes show a message and the choose-by-hand button', () => {
  const RETIRED = 'B310107102008-2-4';
  beforeAll(() => s.store.collection<Area>('areas').updateWhere({ _id: RETIRED }, { $set: { retired: true } }));

  test.each([
    ['empty', '', '二维码内容为空'],
    ['33 characters', `n%3D${'A'.repeat(31)}`, '超过 32 个字符'],
    ['malformed', 'hello', '无法识别这个二维码'],
    ['unknown id', 'n%3DB310107102008-9-9', '区域不存在'],
    ['retired node', `n%3D${RETIRED}`, '楼栋“8号楼”已停用'],
  ])('%s', async (name, scene, message) => {
    await scan(resident, `/pages/scan/index?scene=${scene}`);
    await waitText(resident, '#scan-error', message);
    await screenshot(resident, `codes-scan-bad-${name.replace(/\s/g, '-')}`);
    const choose = resident.locator('#scan-error').getByText('手动选择楼栋', { exact: true });
    expect(await choose.isVisible()).toBe(true);
    if (name === 'retired node') {
      await choose.click();
      await resident.locator('.area').waitFor(WAIT);
      expect(resident.url()).toContain('/info/pages/area/index');
      expect(resident.url()).toContain('mode=pick');
    }
  });
});
