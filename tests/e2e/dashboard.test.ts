/** In Chromium: community staff open 数据看板 from home and read the known scenario's figures off the tiles, charts and exports. */
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { runScenario, SCENARIO_START } from '../support/dashboard';
import type { TestServer } from '../support/server';
import { startTestServer } from '../support/server';
import { H5_DIR, launch } from './browser';
import { fullShot, signedIn, waitText } from './orderPages';

jest.setTimeout(120000);

let s: TestServer;
let browser: Browser;
let staff: Page;

beforeAll(async () => {
  s = await startTestServer({ staticDir: H5_DIR, start: SCENARIO_START });
  await runScenario(s);
  browser = await launch();
  staff = await signedIn(browser, s.url, '孙丽');
}, 90000);
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

const text = (selector: string) => staff.locator(selector).innerText();

describe('数据看板', () => {
  it("opens from the home entry on the staff member's community, 今天", async () => {
    await staff.locator('#entry-dashboard').click();
    await waitText(staff, '#dash-node', '梅川第一居委会');
    await staff.locator('#kpi-filed').waitFor();
    expect(await text('#dash-level')).toBe('社区');
  });

  it("the tiles show the scenario's numbers exactly", async () => {
    const tiles: Record<string, string> = {
      '#kpi-filed': '5',
      '#kpi-filed-hint': '驳回 1 · 撤单 1',
      '#kpi-response-rate': '66.7%',
      '#kpi-response-rate-hint': '按时 2 / 应响应 3',
      '#kpi-resolution-rate': '100%',
      '#kpi-resolution-rate-hint': '已解决 1 / 应解决 1',
      '#kpi-satisfaction-rate': '50%',
      '#kpi-satisfaction-rate-hint': '好评 1 / 评价 2',
      '#kpi-reopen-rate': '50%',
      '#kpi-median-response': '1.5 小时',
      '#kpi-median-resolution': '4.0 小时',
      '#kpi-median-response-hint': '3 单已接单',
      '#kpi-members': '1',
      '#kpi-served': '100%',
    };
    for (const [selector, want] of Object.entries(tiles)) expect([selector, (await text(selector)).trim()]).toEqual([selector, want]);
  });

  it('the charts carry the category and 3色 splits and the open backlog', async () => {
    expect(await text('#category-bars-维修')).toContain('3');
    expect(await text('#category-bars-环境卫生')).toContain('1');
    expect(await text('#category-bars-安全隐患')).toContain('1');
    expect(await text('#colour-red')).toContain('红色 1');
    expect(await text('#colour-yellow')).toContain('黄色 2');
    expect(await text('#colour-green')).toContain('绿色 1');
    expect(await text('#open-bars-in_progress')).toContain('1');
    expect(await text('#open-bars-reopened')).toContain('1');
    expect(await staff.locator('#trend-chart .trend__dot').count()).toBe(3);
    await staff.locator('#rate-help-toggle').click();
    expect(await text('#rate-help')).toContain('响应率');
    await fullShot(staff, 'dashboard-today');
  });

  it('本月 gives the same rates (every event and due date of the month so far is today)', async () => {
    await staff.locator('#period-tabs').getByText('本月', { exact: true }).click();
    await waitText(staff, '#dash-node', '梅川第一居委会');
    await staff.waitForFunction(() => document.querySelector('.trend__axis')?.textContent?.includes('11/1'));
    expect((await text('#kpi-response-rate')).trim()).toBe('66.7%');
    expect((await text('#kpi-filed')).trim()).toBe('5');
  });

  it("导出点单明细 downloads the spreadsheet of the period's orders", async () => {
    const [download] = await Promise.all([staff.waitForEvent('download'), staff.locator('#export-orders').click()]);
    expect(download.suggestedFilename()).toMatch(/^点单明细-梅川第一居委会-.*\.xlsx$/);
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.getWorksheet('点单明细')?.rowCount).toBe(6); // header + the 5 orders
  });
});
