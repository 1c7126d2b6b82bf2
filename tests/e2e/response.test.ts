/**
 * In Chromium: 孙丽 sends a 一键响应 to the three members of 梅川第一居委会, two of them tap 收到 from their
 * home page, and she sees exactly one missing; switching the community to 急时 makes 王秀英's new order skip
 * triage (红, 抢单中) while members see the banner; 陈静 records a visit and turns it into an order.
 */
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../support/server';
import { okData, startTestServer } from '../support/server';
import { NODES, PEOPLE } from '../support/people';
import { addPerson } from '../support/response';
import { H5_DIR, launch, screenshot } from './browser';
import { open, signedIn, submitPopup, waitStatus, waitText } from './orderPages';

jest.setTimeout(120000);

let s: TestServer;
let browser: Browser;
let staff: Page;
let member: Page;
let member2: Page;
const WAIT = { timeout: 15000 };

beforeAll(async () => {
  s = await startTestServer({ staticDir: H5_DIR });
  await addPerson(s, { id: 'u-member-b', name: '马丽', role: 'member', areaId: NODES.community1, homeId: 'B310107102008-2-1', demo: true });
  await addPerson(s, { id: 'u-member-c', name: '黄磊', role: 'member', areaId: NODES.community1, homeId: 'B310107102008-3-1', demo: true });
  browser = await launch();
  [staff, member, member2] = await Promise.all([signedIn(browser, s.url, '孙丽'), signedIn(browser, s.url, '张伟'), signedIn(browser, s.url, '马丽')]);
}, 60000);
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

const text = (page: Page, selector: string) => page.locator(selector).innerText();

/**
 * Opens `route` and waits for the strip's own source, the page's `response.banner` answer, then a rendered frame after
 * it: what the strip leaves out is asserted once the page has what it would show, not after a pause.
 */
async function openWithBanner(page: Page, route: string, ready: string): Promise<{ emergency: unknown[]; openCount: number }> {
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/fn/response') && (r.request().postData() ?? '').includes('"banner"'), WAIT);
  await open(page, s.url, route);
  await page.locator(ready).waitFor(WAIT);
  const banner = ((await (await answered).json()) as { data: { emergency: unknown[]; openCount: number } }).data;
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
  return banner;
}

/** A recipient finds the instruction at the top of their home page and taps 收到. */
async function acknowledgeFromHome(page: Page, title: string, reply?: string): Promise<void> {
  await open(page, s.url, '/pages/index/index');
  await page.locator('#response-strip').getByText(title).click();
  await page.locator('#ack-button').click();
  await page.locator('#mine-acked').waitFor(WAIT);
  if (reply) {
    await page.locator('#reply-text textarea').fill(reply);
    await page.locator('#reply-button').click();
    await waitText(page, '#mine-reply', reply);
  }
}

describe('一键响应', () => {
  it('reaches three members; two acknowledge; the sender sees one missing', async () => {
    await open(staff, s.url, '/pages/index/index');
    await staff.locator('#entry-response').click();
    await staff.locator('#compose-instruction').click();
    await waitText(staff, '#compose-area', '梅川第一居委会');
    await staff.locator('#compose-roles').getByText('网格员', { exact: true }).click();
    await staff.locator('#compose-roles').getByText('网格长', { exact: true }).click();
    await staff.locator('#compose-title input').fill('防汛准备');
    await staff.locator('#compose-text textarea').fill('今晚有暴雨，请党员协助检查所住楼栋的地下室和车库。');
    // 立即发送 asks once; 再想想 sends nothing.
    const sentCount = async () => okData(await s.call<{ total: number }>('response', 'sent', { page: 1, pageSize: 20 }, PEOPLE.staff)).total;
    const before = await sentCount();
    await staff.locator('#compose-send').click();
    await waitText(staff, '.taro-modal__text', '发出后不能撤回');
    await staff.getByText('再想想', { exact: true }).click();
    await staff.locator('.taro-modal__text').waitFor({ state: 'hidden' });
    expect(await sentCount()).toBe(before);
    await staff.locator('#compose-send').click();
    await staff.getByText('确定发送', { exact: true }).click();
    await waitText(staff, '#tally-summary', '0/3');
    expect(await text(staff, '#instruction-tally')).toContain('黄磊');

    await acknowledgeFromHome(member, '防汛准备');
    await acknowledgeFromHome(member2, '防汛准备', '2号楼车库已检查，沙袋已备好');

    await staff.reload();
    await waitText(staff, '#tally-summary', '2/3');
    expect(await text(staff, '#tally-missing')).toContain('1 人未收到');
    const tally = await text(staff, '#instruction-tally');
    expect(tally).toContain('2号楼车库已检查，沙袋已备好');
    const missing = staff.locator('.r-person').filter({ hasText: '未收到' });
    expect(await missing.count()).toBe(1);
    expect(await missing.innerText()).toContain('黄磊');
    await staff.locator('#tally-remind').click();
    await staff.getByText('已提醒 1 人').waitFor(WAIT);
    await screenshot(staff, 'response-tally');

    // Acknowledged: the strip on 张伟's home no longer asks.
    expect((await openWithBanner(member, '/pages/index/index', '#order-entries')).openCount).toBe(0);
    expect(await member.locator('#response-strip').getByText('防汛准备').count()).toBe(0);
  });
});

describe('平时/急时', () => {
  it('a 急时 switch makes a new order skip triage, members see the banner; 恢复平时 ends it', async () => {
    await open(staff, s.url, '/respond/pages/mode/index');
    await waitText(staff, '#mode-current', '平时');
    await staff.locator('#mode-switch').click();
    await submitPopup(staff, 'popup-mode', '确认切换为急时', '台风红色预警，启动应急响应');
    await waitText(staff, '#mode-current', '急时');
    await waitText(staff, '#mode-history', '台风红色预警');

    await open(member, s.url, '/member/pages/hall/index');
    await waitText(member, '#emergency-banner', '梅川第一居委会 已进入急时状态');

    const resident = await signedIn(browser, s.url, '王秀英');
    await waitText(resident, '#emergency-banner', '台风红色预警');
    await open(resident, s.url, `/pages/order/new/index?building=${NODES.building1}`);
    await waitText(resident, '#order-building', '1号楼');
    await resident.locator('#order-category').getByText('安全隐患', { exact: true }).click();
    await resident.locator('#order-description textarea').fill('小区门口的大树被风吹歪了，随时可能倒下');
    await resident.locator('#order-contact-name input').fill('王阿姨');
    await resident.locator('#order-contact-mobile input').fill('13912345678');
    await resident.getByText('提交点单', { exact: true }).click();
    await waitStatus(resident, '抢单中');
    expect(await text(resident, '#order-colour')).toBe('红');
    expect(await text(resident, '#order-timeline')).toContain('急时自动派单');
    await screenshot(resident, 'response-emergency-order');

    await open(member, s.url, '/member/pages/hall/index');
    await member.locator('.o-card').filter({ hasText: '大树被风吹歪' }).waitFor(WAIT);

    await open(staff, s.url, '/respond/pages/mode/index');
    await staff.locator('#mode-switch').click();
    await submitPopup(staff, 'popup-mode', '确认恢复平时', '台风已过境，恢复正常');
    await waitText(staff, '#mode-current', '平时');
    expect((await openWithBanner(member, '/member/pages/hall/index', '#member-hall')).emergency).toEqual([]);
    expect(await member.locator('#emergency-banner').count()).toBe(0);
    await resident.context().close();
  });
});

describe('民情日记', () => {
  it('a grid worker records a visit and turns it into an order linked to the resident', async () => {
    const worker = await signedIn(browser, s.url, '陈静');
    await worker.locator('#entry-diary').click();
    await worker.locator('#diary-page').waitFor(WAIT);
    await open(worker, s.url, `/respond/pages/visit-new/index?building=${NODES.building1}`);
    await waitText(worker, '#visit-building', '1号楼');
    await worker.locator('#visit-resident input').fill('王秀英');
    await worker.locator('#visit-people').getByText('王秀英', { exact: true }).click();
    await worker.locator('#visit-heard textarea').fill('楼道里堆了很多纸箱，老人担心着火，希望尽快清理');
    await worker.locator('#visit-tags').getByText('安全隐患', { exact: true }).click();
    await worker.locator('#visit-save').click();
    await waitText(worker, '#visit-heard-text', '楼道里堆了很多纸箱');
    await worker.locator('#visit-to-order').click();
    await submitPopup(worker, 'popup-to-order', '确认转为点单');
    await waitStatus(worker, '待分拣');
    expect(await text(worker, '#order-timeline')).toMatch(/代居民点单（民情日记）[\s\S]*陈静 · 网格员/);
    await screenshot(worker, 'response-visit-order');

    await open(worker, s.url, '/respond/pages/diary/index');
    await waitText(worker, '#diary-list', '已转点单');

    const resident = await signedIn(browser, s.url, '王秀英');
    await open(resident, s.url, '/pages/order/mine/index');
    await waitText(resident, '#my-orders', '楼道里堆了很多纸箱');
    await resident.context().close();
    await worker.context().close();
  });
});
