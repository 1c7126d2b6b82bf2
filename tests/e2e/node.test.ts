/**
 * 节点页 in Chromium at 375×812 (h5): community staff open 第一网格 from 网格树, see its 网格长 and 网格员, its buildings,
 * its members and open orders; name 张伟 B角 of the 网格长 and mark the 网格长 away, after which the page shows 张伟 acting
 * for him; link the 联络员 to two households. Staff of another community opening the same page are told why not. Any console error fails the test.
 */
import type { Browser } from 'playwright-core';
import type { TestServer } from '../support/server';
import { okData, startTestServer } from '../support/server';
import { NODES, PEOPLE } from '../support/people';
import type { HouseholdView } from '../../shared/users/deputies';
import { fileOrder } from '../support/orders';
import { H5_DIR, launch, screenshot, signInAs, smallPhone } from './browser';
import { waitText } from './orderPages';

jest.setTimeout(120000);

let s: TestServer;
let browser: Browser;

beforeAll(async () => {
  s = await startTestServer({ staticDir: H5_DIR, start: Date.now() });
  browser = await launch();
}, 60000);
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

test('community staff reach 第一网格’s page from the tree, name a B角 and mark the 网格长 away', async () => {
  await fileOrder(s, { description: '5号楼门口的路灯不亮了，晚上走路看不清，请尽快修理' });
  okData(await s.call('users', 'grantRole', { userId: PEOPLE.resident, role: 'liaison', areaId: NODES.grid1 }, PEOPLE.staff));
  const staff = await smallPhone(browser);
  await signInAs(staff, s.url, '孙丽');
  await staff.goto(`${s.url}/#/staff/pages/tree/index`);
  await waitText(staff, '#tree-list', '第一网格');
  await staff.locator('#tree-list').getByText('第一网格 ›').click();
  await waitText(staff, '#tree-head', '第一网格');
  await staff.locator('#tree-node').click();

  await waitText(staff, '#node-head', '第一网格');
  await waitText(staff, '#node-staff', '赵强');
  await waitText(staff, '#node-staff', '陈静');
  await waitText(staff, '#node-children', '1号楼');
  await waitText(staff, '#node-members', '张伟');
  await waitText(staff, '#node-orders', '共 1 单');
  await waitText(staff, '#node-orders', '维修 · 第一网格 · 1号楼');

  const leader = staff.locator('.node-role').filter({ hasText: '赵强' });
  await leader.getByText('设B角', { exact: true }).click();
  await waitText(staff, '#node-picker', '为赵强（网格长）选B角');
  await staff.locator('#node-picker').getByText('张伟', { exact: true }).click();
  await waitText(staff, '#node-staff', 'B角：张伟');

  await leader.getByText('不在岗', { exact: true }).click();
  await waitText(staff, '.taro-modal__text', '改由B角张伟接收');
  await staff.getByText('确定转交', { exact: true }).click();
  await waitText(staff, '#node-staff', '代赵强履职（B角）');
  await waitText(staff, '.node-role', '不在岗');
  // 一人联十户: the 联络员 王秀英 is linked to two households of the grid.
  await staff.locator('.node-role').filter({ hasText: '王秀英' }).getByText('联户', { exact: true }).click();
  await waitText(staff, '#node-households', '陈静');
  await staff.locator('#node-households').getByText('陈静', { exact: true }).click();
  await staff.locator('#node-households').getByText('赵强', { exact: true }).click();
  await staff.locator('#node-households-save').click();
  await waitText(staff, '#node-staff', '联系 2 户');
  const linked = okData(await s.call<{ items: HouseholdView[] }>('users', 'myHouseholds', {}, PEOPLE.resident)).items;
  expect(linked.map((h) => h.name).sort()).toEqual(['赵强', '陈静'].sort());

  // Everything fits the 375-wide screen: nothing to scroll sideways.
  expect(await staff.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await screenshot(staff, 'node-page');

  const other = await smallPhone(browser);
  await signInAs(other, s.url, '周敏');
  const url = staff.url();
  await other.goto(url);
  await waitText(other, '#staff-node', '「第一网格」不在您的辖区内，不能查看该网格的人员');
});
