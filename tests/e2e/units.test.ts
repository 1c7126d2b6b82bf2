/**
 * In Chromium on a 375×812 phone: 孙丽 派单 an order to 长征物业 and 转办 another to a 职能部门; 钱师傅, who acts for
 * 长征物业, finds it in 单位接单 (待接单), accepts it, posts progress and completes it, and declines a second one with a
 * reason, landing back on his list while the order is 待派单 again for 孙丽; 吴刚's 数据看板 shows both units' figures.
 */
import type { Browser, Page } from 'playwright-core';
import type { UnitView } from '../../shared/units/schemas';
import { orderIn } from '../support/orders';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { okData, startTestServer } from '../support/server';
import { H5_DIR, launch, screenshot, signInAs, smallPhone } from './browser';
import { actionsShown, open, openOrder, press, submitPopup, waitStatus, waitText } from './orderPages';

jest.setTimeout(120000);

let s: TestServer;
let browser: Browser;
let staff: Page;
let unitStaff: Page;
let first: string;
let second: string;
const UNIT_PAGE = '/unit/pages/orders/index';

beforeAll(async () => {
  s = await startTestServer({ staticDir: H5_DIR });
  browser = await launch();
  [staff, unitStaff] = await Promise.all([smallPhone(browser), smallPhone(browser)]);
  first = await orderIn(s, 'triaged');
  second = await orderIn(s, 'triaged');
  okData(
    await s.call<UnitView>(
      'units',
      'create',
      { scopeId: NODES.street, kind: 'department', name: '城管中队', areaIds: [NODES.community1], contactName: '冯队长', contactMobile: '13800002222' },
      PEOPLE.street,
    ),
  );
  await signInAs(staff, s.url, '孙丽');
  await signInAs(unitStaff, s.url, '钱师傅');
}, 60000);
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

test('孙丽 派给单位: the popup lists the units serving the place, and the order is 长征物业’s', async () => {
  await openOrder(staff, s.url, first);
  expect(await actionsShown(staff)).toEqual(expect.arrayContaining(['派给单位', '转办']));
  await press(staff, '派给单位');
  await staff.locator('#popup-unit .candidate').filter({ hasText: '城管中队' }).waitFor();
  await staff.locator('#popup-unit .candidate').filter({ hasText: '长征物业' }).click();
  await submitPopup(staff, 'popup-unit', '派给该单位');
  await waitStatus(staff, '已派单');
  await waitText(staff, '#order-timeline', '派单给长征物业');
});

test('钱师傅 finds it under 待接单 in 单位接单, accepts, posts progress and completes it', async () => {
  await open(unitStaff, s.url, UNIT_PAGE);
  await waitText(unitStaff, '#unit-head', '长征物业');
  await waitText(unitStaff, '#unit-head', '物业服务企业');
  const card = unitStaff.locator('#unit-orders .o-card');
  await card.first().waitFor();
  expect(await card.count()).toBe(1);
  await screenshot(unitStaff, 'unit-orders');
  await card.first().click();
  await waitStatus(unitStaff, '已派单');
  expect(await actionsShown(unitStaff)).toEqual(['接受派单', '婉拒']);
  await press(unitStaff, '接受派单');
  await waitStatus(unitStaff, '处理中');
  expect(await unitStaff.locator('#order-contact').innerText()).toContain('13912345678');
  await press(unitStaff, '更新进展');
  await submitPopup(unitStaff, 'popup-progress', '提交进展', '已联系电梯维保，明天上午到场');
  await waitText(unitStaff, '#order-timeline', '已联系电梯维保，明天上午到场');
  await press(unitStaff, '办结');
  await submitPopup(unitStaff, 'popup-complete', '确认办结', '电梯已修复并通过检测');
  await waitStatus(unitStaff, '待评价');
  await waitText(unitStaff, '#order-timeline', '长征物业');
  await screenshot(unitStaff, 'unit-order-done');
  await open(unitStaff, s.url, UNIT_PAGE);
  await unitStaff.locator('#unit-tabs').getByText('已办结', { exact: true }).click();
  await waitText(unitStaff, '#unit-orders', '待评价');
});

test('he declines the second with a reason: back on his list, and 孙丽 sees it 待派单 with the reason', async () => {
  okData(await s.call('units', 'dispatch', { orderId: second, unitId: 'Ndemoproperty' }, PEOPLE.staff));
  await openOrder(unitStaff, s.url, second);
  await press(unitStaff, '婉拒');
  await submitPopup(unitStaff, 'popup-decline', '确认婉拒', '属市政管网，不归物业');
  await unitStaff.locator('#unit-page').waitFor();
  await openOrder(staff, s.url, second);
  await waitStatus(staff, '待派单');
  await waitText(staff, '#order-timeline', '长征物业退回派单');
  await waitText(staff, '#order-timeline', '属市政管网，不归物业');
});

test('孙丽 转办 to the 职能部门 with a reason: only departments are offered, and the timeline keeps its history', async () => {
  await press(staff, '转办');
  const popup = staff.locator('#popup-transfer');
  await popup.locator('.candidate').filter({ hasText: '城管中队' }).waitFor();
  expect(await popup.locator('.candidate').count()).toBe(1);
  await popup.locator('.candidate').click();
  await submitPopup(staff, 'popup-transfer', '确认转办', '占道经营属城管执法职责');
  await waitStatus(staff, '已派单');
  await waitText(staff, '#order-timeline', '转办至城管中队');
  await waitText(staff, '#order-timeline', '长征物业退回派单');
});

test('the 数据看板 shows each unit’s orders and 三率 for the street', async () => {
  const street = await smallPhone(browser);
  await signInAs(street, s.url, '吴刚');
  await open(street, s.url, '/dash/pages/board/index?period=today');
  const row = street.locator('#unit-table .child-table__row').filter({ hasText: '长征物业' });
  await row.waitFor();
  // 长征物业: two given, one declined, one done on time and not yet rated: 接单率 1 of 2 answered, 按时 100%, 满意率 —.
  expect((await row.innerText()).replace(/\s+/g, ' ')).toBe('长征物业 50% 100% — 2 1 1');
  await waitText(street, '#unit-table', '城管中队');
  await screenshot(street, 'unit-board');
});
