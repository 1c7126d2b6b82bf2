/** In Chromium, three people at once: resident files by QR → staff triage and pool → member claims and completes → resident rates → points; then the side paths. */
import type { Browser, Page } from 'playwright-core';
import { FUNCTIONS } from '../../backend/functions';
import { localPorts } from '../../backend/ports/local';
import { handle } from '../../backend/runtime/handle';
import type { UserDoc } from '../../backend/users/repo';
import type { Envelope } from '../../shared/errors';
import { detail, goodOrder, orderIn } from '../support/orders';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { okData, startTestServer } from '../support/server';
import { H5_DIR, launch } from './browser';
import { actionsShown, fullShot, open, openOrder, orderIdFromUrl, pngFile, press, signedIn, submitPopup, waitStatus, waitText } from './orderPages';

jest.setTimeout(120000);

let s: TestServer;
let browser: Browser;
let resident: Page;
let staff: Page;
let member: Page;

beforeAll(async () => {
  s = await startTestServer({ staticDir: H5_DIR });
  browser = await launch();
  [resident, staff, member] = await Promise.all([signedIn(browser, s.url, '王秀英'), signedIn(browser, s.url, '孙丽'), signedIn(browser, s.url, '张伟')]);
}, 60000);
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

const sweep = () =>
  handle(
    FUNCTIONS.orders!,
    { action: 'sweep' },
    { kind: 'system' },
    { store: s.store, now: () => s.clock.now, log: { error: (m) => s.logged.push(m), info: () => undefined }, ports: localPorts(`${s.dataDir}/uploads`) },
  );
const text = (page: Page, selector: string) => page.locator(selector).innerText();
const DESCRIPTION = '3单元楼道的灯坏了一个星期，晚上老人上下楼很不方便';

describe('the whole loop in three browsers', () => {
  let orderId = '';

  it('resident scans the building QR, files a 维修 order with a photo, and sees it 待分拣', async () => {
    await open(resident, s.url, `/pages/order/new/index?building=${NODES.building1}`);
    await waitText(resident, '#order-building', '1号楼');
    expect(await text(resident, '#order-building')).toContain('第一网格');
    await resident.locator('#order-category').getByText('维修', { exact: true }).click();
    await resident.locator('#order-description textarea').fill(DESCRIPTION);
    await resident.locator('#order-photos input[type=file]').setInputFiles(pngFile());
    await resident.locator('#order-photos .photo-picker__img').waitFor();
    await resident.locator('#order-contact-name input').fill('王阿姨');
    await resident.locator('#order-contact-mobile input').fill('13912345678');
    await resident.getByText('提交点单', { exact: true }).click();

    await waitStatus(resident, '待分拣');
    orderId = orderIdFromUrl(resident);
    expect(await text(resident, '#order-place')).toContain('第一网格 · 1号楼');
    expect(await resident.locator('#order-photo-grid img').count()).toBe(1);
    expect(await text(resident, '#order-contact')).toContain('13912345678');
    expect(await text(resident, '#order-timeline')).toMatch(/提交点单[\s\S]*王秀英 · 居民/);
    expect(await actionsShown(resident)).toEqual(['撤单']);
  });

  it('staff find it in 派单台 待分拣, triage it 黄 and send it to the grid pool', async () => {
    await open(staff, s.url, '/staff/pages/console/index');
    await waitText(staff, '#console-tabs-new', '1');
    await staff.locator('#console-orders').getByText(DESCRIPTION.slice(0, 10)).click();
    await waitStatus(staff, '待分拣');
    expect(await actionsShown(staff)).toEqual(['分拣', '驳回', '转办', '备注']);
    await press(staff, '分拣');
    await staff.locator('#triage-yellow').click();
    await submitPopup(staff, 'popup-triage', '确认分拣');
    await waitStatus(staff, '待派单');
    expect(await text(staff, '#order-colour')).toBe('黄');
    await press(staff, '派到抢单池');
    await submitPopup(staff, 'popup-pool', '确认派到抢单池');
    await waitStatus(staff, '抢单中');
    expect(await text(staff, '#order-timeline')).toMatch(/分拣为黄色[\s\S]*孙丽 · 社区工作人员[\s\S]*派到网格抢单池/);
  });

  it('member claims it in 接单大厅, posts progress and completes with a note', async () => {
    await open(member, s.url, '/member/pages/hall/index');
    const card = member.locator('.o-card').filter({ hasText: DESCRIPTION.slice(0, 10) });
    await card.waitFor();
    expect(await card.innerText()).toContain('黄');
    await fullShot(member, 'orders-member-hall');
    // 接单 asks once; 再想想 sends nothing and the order stays in the pool.
    await card.getByText('接单', { exact: true }).click();
    await waitText(member, '.taro-modal__text', '确定接这个点单吗？');
    await member.getByText('再想想', { exact: true }).click();
    await member.locator('.taro-modal__text').waitFor({ state: 'hidden' });
    expect((await detail(s, orderId)).status).toBe('pooled');
    await card.getByText('接单', { exact: true }).click();
    await member.getByText('确定接单', { exact: true }).click();
    await waitStatus(member, '处理中');
    expect(orderIdFromUrl(member)).toBe(orderId);
    expect(await text(member, '#order-contact')).toContain('13912345678');
    expect(await text(member, '#order-holder')).toBe('张伟');

    await press(member, '更新进展');
    await submitPopup(member, 'popup-progress', '提交进展', '已买好灯泡，明天上午上门');
    await waitText(member, '#order-timeline', '已买好灯泡，明天上午上门');
    await press(member, '办结');
    await submitPopup(member, 'popup-complete', '确认办结', '灯已修好，楼道恢复照明');
    await waitStatus(member, '待评价');
    expect(await actionsShown(member)).toEqual([]);
  });

  it('resident sees the unread badge, opens the message, rates 5 stars and the order closes', async () => {
    await open(resident, s.url, '/pages/index/index');
    await resident.locator('#unread-badge').waitFor();
    expect(Number(await text(resident, '#unread-badge'))).toBeGreaterThanOrEqual(3);
    await resident.locator('#entry-messages').click();
    await resident.locator('#messages').getByText('已办结，请评价').click();
    await waitStatus(resident, '待评价');
    expect(orderIdFromUrl(resident)).toBe(orderId);
    await press(resident, '确认并评价');
    await resident.locator('#rate-star-5').click();
    await submitPopup(resident, 'popup-rate', '提交评价', '很及时，谢谢');
    await waitStatus(resident, '已完结');
    expect(await text(resident, '#order-rating')).toContain('很及时，谢谢');
    expect(await text(resident, '#order-rating')).toContain('5 星');
    const timeline = await text(resident, '#order-timeline');
    for (const step of ['提交点单', '分拣为黄色', '派到网格抢单池', '接单', '更新进展', '办结', '确认并评价']) expect(timeline).toContain(step);
    await fullShot(resident, 'orders-resident-detail');

    await open(resident, s.url, '/pages/index/index');
    await resident.locator('#entry-messages').waitFor();
    expect(await resident.locator('#unread-badge').count()).toBe(0);
  });

  it("member's 我的积分 shows 黄 3 + 按时 1 + 五星 1 = 5", async () => {
    await open(member, s.url, '/member/pages/points/index');
    await waitText(member, '#points-total', '5');
    const entries = await text(member, '#points-entries');
    expect(entries).toContain('黄色点单 3 分，按时办结 +1，五星好评 +1');
    expect(entries).toContain('+5');
    await fullShot(member, 'orders-member-points');
  });
});

describe('side paths', () => {
  it('filing: a blocked word is named under 问题描述, and the sixth order of the day is refused clearly', async () => {
    for (let i = 0; i < 5; i++) okData(await s.call('orders', 'file', goodOrder(), PEOPLE.otherResident));
    const neighbour = await signedIn(browser, s.url, '李建国');
    await open(neighbour, s.url, `/pages/order/new/index?building=${NODES.building1}`);
    await waitText(neighbour, '#order-building', '1号楼');
    await neighbour.locator('#order-category').getByText('维修', { exact: true }).click();
    await neighbour.locator('#similar-orders').getByText('+1 我也遇到', { exact: true }).first().waitFor();
    await neighbour.locator('#order-description textarea').fill('楼下有人发赌博网站的传单，请处理');
    await neighbour.locator('#order-contact-mobile input').fill('13800001111');
    await neighbour.getByText('提交点单', { exact: true }).click();
    await waitText(neighbour, '#order-description-card', '内容含有违规信息，请修改后再提交');
    await neighbour.locator('#order-description textarea').fill('楼下有人乱发小广告传单，请处理');
    await neighbour.getByText('提交点单', { exact: true }).click();
    await waitText(neighbour, '#order-form-error', '每人每天最多提交 5 个点单，请明天再来');
    await neighbour.context().close();
  });

  it('reject: the resident sees the reason', async () => {
    const id = await orderIn(s, 'new');
    await openOrder(staff, s.url, id);
    await press(staff, '驳回');
    await submitPopup(staff, 'popup-reject', '确认驳回', '属于物业维修范围，已转物业');
    await waitStatus(staff, '已驳回');
    await openOrder(resident, s.url, id);
    expect(await text(resident, '#order-status')).toBe('已驳回');
    expect(await text(resident, '#order-reject-reason')).toContain('属于物业维修范围，已转物业');
    expect(await actionsShown(resident)).toEqual([]);
  });

  it('cancel: the resident confirms and the order is 已取消', async () => {
    const id = await orderIn(s, 'pooled');
    await openOrder(resident, s.url, id);
    await press(resident, '撤单');
    await resident.getByText('确定撤单', { exact: true }).click();
    await waitStatus(resident, '已取消');
    expect(await text(resident, '#order-timeline')).toContain('撤单');
  });

  it('dispatch to a named member, who declines with a reason: back to 待派单', async () => {
    const id = await orderIn(s, 'triaged');
    await openOrder(staff, s.url, id);
    await press(staff, '派单');
    await staff.locator('#popup-dispatch .candidate').filter({ hasText: '张伟' }).click();
    await submitPopup(staff, 'popup-dispatch', '派给TA');
    await waitStatus(staff, '已派单');
    await openOrder(member, s.url, id);
    expect(await actionsShown(member)).toEqual(['接受派单', '婉拒']);
    await press(member, '婉拒');
    await submitPopup(member, 'popup-decline', '确认婉拒', '这周出差，来不及');
    await member.locator('#held-orders').waitFor();
    await openOrder(staff, s.url, id);
    expect(await text(staff, '#order-status')).toBe('待派单');
    expect(await text(staff, '#order-timeline')).toMatch(/婉拒派单[\s\S]*张伟 · 在职党员[\s\S]*这周出差，来不及/);
  });

  it('release: the holder gives it back to the hall; a stale 接单 there says whose it now is', async () => {
    const id = await orderIn(s, 'in_progress');
    await openOrder(member, s.url, id);
    await press(member, '退回抢单池');
    await submitPopup(member, 'popup-release', '确认退回', '需要专业电工，我处理不了');
    await waitStatus(member, '抢单中');
    const cards = member.locator('#hall-orders .o-card');
    // Another phone takes the order at the moment of this tap: its 接单 goes out on a card that is stale by then. (Taken
    // before the tap instead, the hall's own refresh could drop the card first, leaving no stale 接单 to tap.)
    let takenBy: string | null = null;
    const taken: Array<Envelope<unknown>> = [];
    await member.route('**/api/fn/orders', async (route) => {
      const by = takenBy;
      if (by && (route.request().postDataJSON() as { action?: string }).action === 'claim') {
        takenBy = null;
        taken.push(await s.call('orders', 'claim', { orderId: id }, by));
      }
      return route.continue();
    });
    const openHall = async () => {
      await open(member, s.url, '/member/pages/hall/index');
      await cards.first().waitFor();
      return cards.count();
    };

    // Taken meanwhile by the same member from another phone: it is already theirs, not another member's.
    let before = await openHall();
    takenBy = PEOPLE.member;
    await cards.first().getByText('接单', { exact: true }).click();
    await member.getByText('确定接单', { exact: true }).click();
    await member.getByText('您已在办理这个点单，不用再接单').waitFor();
    okData(taken[0]!);
    await member.waitForFunction((n) => document.querySelectorAll('#hall-orders .o-card').length === n, before - 1);

    // Taken meanwhile by another member: 接单 on the stale card says so and the list drops it.
    okData(await s.call('orders', 'release', { orderId: id, reason: '临时出差，请其他党员接' }, PEOPLE.member));
    const c1 = await s.store.collection<{ _id: string; path: string }>('areas').get(NODES.community1);
    await s.store.collection<UserDoc>('users').insertIfAbsent({
      _id: 'u-member-b',
      name: '第二位党员',
      roles: [{ role: 'member', areaId: NODES.community1, areaPath: c1!.path, grantedBy: 'test', grantedAt: 0 }],
      roleNames: ['member'],
      staffAreaIds: [],
      skills: [],
      rev: 0,
      createdAt: 0,
      homePath: c1!.path,
    });
    before = await openHall();
    takenBy = 'u-member-b';
    await cards.first().getByText('接单', { exact: true }).click();
    await member.getByText('确定接单', { exact: true }).click();
    await member.getByText('已被其他党员接单').waitFor();
    okData(taken[1]!);
    await member.waitForFunction((n) => document.querySelectorAll('#hall-orders .o-card').length === n, before - 1);
    await member.unroute('**/api/fn/orders');
  });

  it('a rating of 2 warns and reopens for 重办; staff close it with an explanation', async () => {
    const id = await orderIn(s, 'completed');
    await openOrder(resident, s.url, id);
    await press(resident, '确认并评价');
    await resident.locator('#rate-star-2').click();
    expect(await text(resident, '#rate-reopen-note')).toContain('重办');
    await submitPopup(resident, 'popup-rate', '提交评价', '灯又坏了');
    await waitStatus(resident, '重办');
    await openOrder(staff, s.url, id);
    await press(staff, '说明并办结');
    await submitPopup(staff, 'popup-closeReopened', '说明并办结', '已联系物业更换整条线路');
    await waitStatus(staff, '已完结');
  });

  it('overdue: 5 h after pooling the sweep escalates it and 派单台 已超时 shows it', async () => {
    const id = await orderIn(s, 'pooled');
    s.clock.now += 5 * 3600_000;
    expect((await sweep()).ok).toBe(true);
    await open(staff, s.url, '/staff/pages/console/index');
    await staff.locator('#console-tabs-overdue').click();
    await staff.locator('#console-orders .o-card').filter({ hasText: '已超时' }).first().waitFor();
    expect(Number(await staff.locator('#console-tabs-overdue .tab-bar__count').innerText())).toBeGreaterThanOrEqual(1);
    await fullShot(staff, 'orders-staff-console');
    await openOrder(staff, s.url, id);
    expect(await text(staff, '#order-timeline')).toContain('超时未响应');
  });
});
