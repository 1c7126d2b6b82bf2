/**
 * 接单单位 in Chromium on a 375×812 phone (issue 14, point 1): 孙丽 goes from the 派单台 to 接单单位, is told to
 * choose a kind, sets up a 物业 covering 第一网格 (picked from the tree, which opens at her community), sees it
 * listed with its kind and area, and makes 王秀英 its staff from the people living there. 王秀英's bottom bar then
 * carries 接单, which opens 单位接单 on the new unit; a 派单 to it reaches her 消息. A 共建单位 she sets up can be one of her
 * 报到单位, whose name and contact fill the form.
 */
import type { Browser, Page } from 'playwright-core';
import type { UnitView } from '../../shared/units/schemas';
import { act, fileOrder } from '../support/orders';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { okData, startTestServer } from '../support/server';
import { H5_DIR, launch, screenshot, signInAs, smallPhone, tabNames } from './browser';
import { open, waitText } from './orderPages';

jest.setTimeout(120000);

let s: TestServer;
let browser: Browser;
let staff: Page;
const WAIT = { timeout: 15000 };
/** The element on the page in view (pages under it in the stack stay in the DOM, hidden). */
const shown = (page: Page, selector: string) => page.locator(`${selector} >> visible=true`);

beforeAll(async () => {
  s = await startTestServer({ staticDir: H5_DIR });
  browser = await launch();
  staff = await smallPhone(browser);
  await signInAs(staff, s.url, '孙丽');
}, 60000);
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

test('孙丽 sets up a 物业 covering 第一网格 and sees it listed with its kind and service area', async () => {
  await open(staff, s.url, '/staff/pages/console/index');
  await shown(staff, '#console-units').click();
  // The seeded 长征物业 is there already.
  await waitText(staff, '#unit-list', '长征物业');
  await shown(staff, '#unit-new').click();
  const form = shown(staff, '#unit-form');
  await form.waitFor(WAIT);
  await form.locator('#unit-name input').fill('梅川红色物业');
  await form.locator('#unit-contact input').fill('何经理');
  await form.locator('#unit-mobile input').fill('13800003333');
  await form.getByText('新增单位', { exact: true }).click();
  await waitText(staff, '#unit-form', '请选择单位类型');
  await form.locator('#unit-kind').getByText('物业服务企业', { exact: true }).click();
  await form.getByText('新增单位', { exact: true }).click();
  await waitText(staff, '#unit-form', '请至少选择一个服务区域');
  // The picker opens at her own community: its grids are listed straight away.
  await form.locator('#unit-add-area').click();
  await waitText(staff, '#area-crumbs', '梅川第一居委会');
  await shown(staff, '#area-list .nut-cell').filter({ hasText: '第一网格' }).getByText('选择', { exact: true }).click();
  await waitText(staff, '#unit-areas', '第一网格');
  await screenshot(staff, 'units-form');
  await form.getByText('新增单位', { exact: true }).click();
  await form.waitFor({ state: 'detached', ...WAIT });
  const card = shown(staff, '#unit-list .units__card').filter({ hasText: '梅川红色物业' });
  await card.waitFor(WAIT);
  expect((await card.innerText()).replace(/\s+/g, ' ')).toContain('梅川红色物业 物业服务企业 服务区域：第一网格 联系人：何经理 13800003333');
});

test('a 共建单位 can be one of her 报到单位: choosing it fills the name and contact, and the card names it', async () => {
  await shown(staff, '#unit-new').click();
  const form = shown(staff, '#unit-form');
  await form.waitFor(WAIT);
  await form.locator('#unit-kind').getByText('共建单位', { exact: true }).click();
  await form.locator('#unit-org').getByText('上海梅川实业有限公司党支部', { exact: true }).click();
  expect(await form.locator('#unit-name input').inputValue()).toBe('上海梅川实业有限公司党支部');
  expect(await form.locator('#unit-contact input').inputValue()).toBe('黄海燕');
  expect(await form.locator('#unit-mobile input').inputValue()).toBe('13900003001');
  await form.locator('#unit-add-area').click();
  await shown(staff, '#area-list .nut-cell').filter({ hasText: '第二网格' }).getByText('选择', { exact: true }).click();
  await waitText(staff, '#unit-areas', '第二网格');
  await form.getByText('新增单位', { exact: true }).click();
  await form.waitFor({ state: 'detached', ...WAIT });
  const card = shown(staff, '#unit-list .units__card').filter({ hasText: '上海梅川实业有限公司党支部' });
  await card.waitFor(WAIT);
  expect((await card.innerText()).replace(/\s+/g, ' ')).toContain('共建单位 报到单位：上海梅川实业有限公司党支部 服务区域：第二网格 联系人：黄海燕 13900003001');
  const { items } = okData(await s.call<{ items: UnitView[] }>('units', 'list', { areaId: NODES.community1 }, PEOPLE.staff));
  expect(items.find((u) => u.name === '上海梅川实业有限公司党支部')).toMatchObject({ kind: 'partner', orgId: 'O-demo-meichuan' });
});

test('she makes 王秀英, who lives in 第一网格, its staff', async () => {
  const card = shown(staff, '#unit-list .units__card').filter({ hasText: '梅川红色物业' });
  await card.getByText('单位人员', { exact: true }).click();
  await waitText(staff, '#unit-list', '还没有单位人员');
  await card.getByText('添加人员', { exact: true }).click();
  const pick = shown(staff, '#unit-staff-pick');
  await pick.locator('.units__person').filter({ hasText: '王秀英' }).getByText('添加', { exact: true }).click();
  await pick.waitFor({ state: 'detached', ...WAIT });
  await card.locator('.units__member').filter({ hasText: '王秀英' }).waitFor(WAIT);
  await screenshot(staff, 'units-list');
});

test('王秀英’s bottom bar now leads to 单位接单, and a 派单 to the unit reaches her 消息', async () => {
  const { items } = okData(await s.call<{ items: UnitView[] }>('units', 'list', { areaId: NODES.community1 }, PEOPLE.staff));
  const unit = items.find((u) => u.name === '梅川红色物业')!;
  // Filed by another resident: 王秀英 never holds her own case.
  const orderId = await fileOrder(s, {}, PEOPLE.otherResident);
  await act(s, 'triage', { orderId, colour: 'yellow' }, PEOPLE.staff);
  okData(await s.call('units', 'dispatch', { orderId, unitId: unit.id }, PEOPLE.staff));
  const resident = await smallPhone(browser);
  await signInAs(resident, s.url, '王秀英');
  const tabs = shown(resident, '#app-tabs');
  await tabs.waitFor(WAIT);
  expect(await tabNames(tabs)).toContain('首页 接单 消息');
  await shown(resident, '#app-tab-work').click();
  await waitText(resident, '#unit-head', '梅川红色物业');
  await resident.locator('#unit-orders .o-card').first().waitFor(WAIT);
  await shown(resident, '#app-tab-messages').click();
  await waitText(resident, '#messages', '派给您的单');
  await resident.context().close();
});
