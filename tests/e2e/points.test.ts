/** In Chromium, three people: 张伟 declares a service (党员申报) → 赵强 forwards it (召集人汇总) → 孙丽 verifies it (社区核实) → 张伟's ledger, total and rank update. */
import type { Browser, Page } from 'playwright-core';
import { PEOPLE } from '../support/people';
import { dayOf } from '../support/points';
import type { TestServer } from '../support/server';
import { startTestServer } from '../support/server';
import { H5_DIR, launch } from './browser';
import { fullShot, open, pngFile, signedIn, waitText } from './orderPages';

jest.setTimeout(120000);

let s: TestServer;
let browser: Browser;
let member: Page;
let leader: Page;
let staff: Page;

beforeAll(async () => {
  s = await startTestServer({ staticDir: H5_DIR });
  browser = await launch();
  [member, leader, staff] = await Promise.all([signedIn(browser, s.url, '张伟'), signedIn(browser, s.url, '赵强'), signedIn(browser, s.url, '孙丽')]);
}, 60000);
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

const DESCRIPTION = '周六上午在3号楼前协助社区开展垃圾分类宣传，指导居民正确投放';
const card = (page: Page) => page.locator('.declaration').filter({ hasText: DESCRIPTION.slice(0, 12) });

describe('申报 → 汇总 → 核实 in three browsers', () => {
  it('张伟 starts from my points with nothing this year, and declares 2 hours with a photo', async () => {
    await open(member, s.url, '/member/pages/points/index');
    await waitText(member, '#points-total', '0');
    expect(await member.locator('#points-duty').innerText()).toContain('○ 下沉社区服务至少 1 次');
    await member.locator('#points-go-declare').click();
    await member.locator('#declare-date input').waitFor();
    await member.locator('#declare-date input').fill(dayOf(s, 1));
    await member.locator('#declare-hour-chips').getByText('2 小时', { exact: true }).click();
    await member.locator('#declare-description textarea').fill(DESCRIPTION);
    await member.locator('#declare-photos input[type=file]').setInputFiles(pngFile());
    await member.locator('#declare-photos .photo-picker__img').waitFor();
    await member.getByText('提交申报', { exact: true }).click();
    await card(member).filter({ hasText: '待网格长汇总' }).waitFor();
    expect(await card(member).locator('.photo-grid__img').count()).toBe(1);
  });

  it('赵强 finds it under 积分汇总 on his home page, selects it and forwards the batch', async () => {
    await leader.locator('#entry-points-review').click();
    await card(leader).waitFor();
    expect(await card(leader).innerText()).toMatch(/张伟 · 第一网格[\s\S]*2 小时/);
    await card(leader).getByText('选择', { exact: true }).click();
    await waitText(leader, '.review__count', '已选 1 条');
    await leader.locator('#review-forward').click();
    await leader.getByText('没有待汇总的申报').waitFor();
  });

  it('孙丽 verifies it under 积分核实, confirming the suggested 2 points', async () => {
    await staff.locator('#entry-points-verify').click();
    await card(staff).waitFor();
    expect(await card(staff).innerText()).toMatch(/汇总上报社区/);
    await card(staff).getByText('核实记分', { exact: true }).click();
    const form = staff.locator('#verify-form');
    await form.waitFor();
    expect(await form.locator('#verify-points input').inputValue()).toBe('2');
    await form.locator('#verify-text textarea').fill('已与垃圾分类志愿队核对');
    await form.getByText('确认记分', { exact: true }).click();
    await form.waitFor({ state: 'detached' });
    await staff.getByText('暂无申报').waitFor();
    await staff.locator('#verify-tabs-verified').click();
    await card(staff).filter({ hasText: '已核实记分 2 分' }).waitFor();
  });

  it("张伟's ledger shows the entry, and his total and rank in the community update", async () => {
    await open(member, s.url, '/member/pages/points/index');
    await waitText(member, '#points-total', '2');
    await waitText(member, '#points-rank', '梅川第一居委会第 1 名');
    const entries = await member.locator('#points-entries').innerText();
    expect(entries).toMatch(/申报服务[\s\S]*2 小时[\s\S]*\+2/);
    expect(await member.locator('#points-duty').innerText()).toContain('✓ 下沉社区服务至少 1 次');
    await fullShot(member, 'points-member-after-verify');

    await open(member, s.url, '/points/pages/mine/index');
    await card(member).filter({ hasText: '已核实记分 2 分' }).waitFor();
    expect(await card(member).innerText()).toMatch(/汇总上报社区[\s\S]*核实通过，记 2 分/);

    await open(staff, s.url, '/points/pages/ranking/index');
    await waitText(staff, `#rank-${PEOPLE.member}`, '张伟');
    expect(await staff.locator(`#rank-${PEOPLE.member}`).innerText()).toMatch(/1[\s\S]*张伟[\s\S]*2/);
  });
});
