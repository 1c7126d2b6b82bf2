/**
 * In Chromium at 375×812: community staff read 下级对比 on the dashboard — sort it by a header, see the lagging grid
 * marked, drill into a grid — and the two number cases read as a person expects: 解决率 is 100 % (not "—") on the day
 * the only order was solved and rated, 响应率's 应响应 is never fewer than 「N 单已接单」, each formula one ⓘ away,
 * and the figures are coloured by meaning.
 */
import type { Browser, Page } from 'playwright-core';
import { fileUnanswered, runScenario, SCENARIO_START } from '../support/dashboard';
import { NODES } from '../support/people';
import type { TestServer } from '../support/server';
import { startTestServer } from '../support/server';
import { H5_DIR, launch, signInAs, smallPhone } from './browser';
import { fullShot, waitText } from './orderPages';

jest.setTimeout(120000);

let s: TestServer;
let browser: Browser;
let staff: Page;

beforeAll(async () => {
  s = await startTestServer({ staticDir: H5_DIR, start: SCENARIO_START });
  await runScenario(s);
  await fileUnanswered(s);
  browser = await launch();
  staff = await smallPhone(browser);
  await signInAs(staff, s.url, '孙丽');
}, 90000);
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

/** The page on top: a drilled-down board opens over the one it came from, which stays in the document. */
const top = (selector: string) => staff.locator('.taro_page.taro_page_show').last().locator(selector).first();
const text = async (selector: string) => (await top(selector).innerText()).trim();
const colour = (selector: string) => top(selector).evaluate((e) => getComputedStyle(e).color);
const rowIds = () => staff.locator('#child-table [id^="child-row-"]').evaluateAll((rows) => rows.map((r) => r.id.replace('child-row-', '')));

describe('数据看板 · 下级对比 and the number cases', () => {
  it('opens on the community, 今天', async () => {
    await staff.locator('#entry-dashboard').click();
    await waitText(staff, '#dash-node', '梅川第一居委会');
    await staff.locator('#kpi-filed').waitFor();
  });

  it('解决率 is 100 % on the day the only order was solved and rated, and says what it counted', async () => {
    expect(await text('#kpi-resolution-rate')).toBe('100%');
    expect(await text('#kpi-resolution-rate-hint')).toBe('已解决 1 / 应解决 1');
  });

  it('响应率 counts every order answered today (应响应 4 ≥ 3 单已接单), and its formula is one tap away', async () => {
    expect(await text('#kpi-median-response-hint')).toBe('3 单已接单');
    expect(await text('#kpi-response-rate-hint')).toBe('按时 2 / 应响应 4');
    expect(await text('#kpi-response-rate')).toBe('50%');
    expect(await staff.locator('#kpi-response-rate-def').count()).toBe(0);
    await staff.locator('#kpi-response-rate-info').click();
    expect(await text('#kpi-response-rate-def')).toContain('按时接单数 ÷ 应响应数');
    expect(await text('#kpi-response-rate-def')).toContain('至今还没人接');
    await staff.locator('#kpi-resolution-rate-info').click();
    expect(await text('#kpi-resolution-rate-def')).toContain('已解决数 ÷ 应解决数');
  });

  it('figures are coloured by meaning, not all one red', async () => {
    expect(await colour('#kpi-resolution-rate')).toBe('rgb(26, 127, 55)'); // 100 %: good
    expect(await colour('#kpi-response-rate')).toBe('rgb(180, 35, 24)'); // 50 %: bad
    expect(await colour('#kpi-filed')).toBe('rgb(31, 35, 40)'); // a count: neutral
  });

  it('the grids sit side by side; the one behind the community is marked 落后, with the rule said', async () => {
    await staff.locator('#child-table').waitFor();
    expect(await text('#card-children')).toContain('下级对比（网格）');
    expect(await text('#child-rule')).toContain('低于本级整体');
    expect(await text('#child-own-responseRate')).toBe('50%');
    expect(await text(`#child-row-${NODES.grid2}`)).toContain('落后');
    expect(await text(`#child-row-${NODES.grid2}`)).toContain('▼0%');
    expect(await text(`#child-row-${NODES.grid1}`)).not.toContain('落后');
    expect(await staff.locator('#child-table .child-table__lag').count()).toBe(1);
    await fullShot(staff, 'dashboard-children');
  });

  it('tapping 响应率 sorts worst first, tapping again best first; grids with nothing due stay last', async () => {
    await staff.locator('#child-sort-responseRate').click();
    expect((await rowIds()).slice(0, 2)).toEqual([NODES.grid2, NODES.grid1]);
    expect(await text('#child-sort-responseRate')).toBe('响应率 ▲');
    await staff.locator('#child-sort-responseRate').click();
    expect((await rowIds()).slice(0, 2)).toEqual([NODES.grid1, NODES.grid2]);
    await staff.locator('#child-sort-filed').click();
    expect((await rowIds())[0]).toBe(NODES.grid1);
  });

  it("tapping a grid opens that grid's board, with its buildings below", async () => {
    await staff.locator(`#child-row-${NODES.grid1}`).click();
    await top('#dash-node').filter({ hasText: '第一网格' }).waitFor();
    expect(await text('#dash-level')).toBe('网格');
    await top('#card-children').filter({ hasText: '下级对比（楼栋）' }).waitFor();
    expect(await text(`#child-row-${NODES.building1}`)).toContain('66.7%');
    expect(await text('#kpi-filed')).toBe('5');
  });
});
