/**
 * In Chromium on a 375×812 phone: 孙丽 calls back a resident who never rated a finished order (回访). The form says what
 * is missing under its field, 不满意 asks why, and saving sends the order back for 重办; the 数据看板 then counts the
 * return visits inside 满意率 (其中回访 N 单).
 */
import type { Browser, Page } from 'playwright-core';
import { act, orderIn } from '../support/orders';
import { PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { startTestServer } from '../support/server';
import { H5_DIR, launch, screenshot, signInAs, smallPhone } from './browser';
import { actionsShown, openOrder, press, waitStatus, waitText } from './orderPages';

jest.setTimeout(120000);

let s: TestServer;
let browser: Browser;
let staff: Page;
let unrated: string;
let other: string;

beforeAll(async () => {
  s = await startTestServer({ staticDir: H5_DIR });
  browser = await launch();
  staff = await smallPhone(browser);
  // Two orders finished the same day, neither rated by the resident (she called the hotline, not the app).
  other = await orderIn(s, 'completed');
  unrated = await orderIn(s, 'completed');
  await signInAs(staff, s.url, '孙丽');
}, 60000);
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

const popup = () => staff.locator('#popup-return-visit');

test('孙丽 sees 回访 on a finished, unrated order; the form names what is missing', async () => {
  await openOrder(staff, s.url, unrated);
  await waitStatus(staff, '待评价');
  expect(await actionsShown(staff)).toContain('回访');
  await waitText(staff, '#order-actions', '居民尚未评价：电话回访后记录结果，不满意将退回重办。');
  await press(staff, '回访');
  await popup().waitFor();
  await popup().getByText('保存回访', { exact: true }).click();
  await waitText(staff, '#popup-return-visit .field-error', '请选择回访结果');
  await popup().locator('#visit-result').getByText('不满意', { exact: true }).click();
  await waitText(staff, '#visit-reopen-note', '重办');
  await popup().getByText('保存回访', { exact: true }).click();
  await waitText(staff, '#popup-return-visit .field-error', '回访结果为不满意时，请填写回访记录（居民哪里不满意）');
  await screenshot(staff, 'visit-form');
});

test('she records 不满意 with what the resident said: the order goes back for 重办, and 回访 is gone', async () => {
  await popup().locator('textarea').fill('王阿姨说楼道灯晚上还是不亮');
  await popup().getByText('保存回访', { exact: true }).click();
  await popup().waitFor({ state: 'detached', timeout: 15000 });
  await waitStatus(staff, '重办');
  await waitText(staff, '#order-timeline', '电话回访：不满意，重办');
  await waitText(staff, '#order-timeline', '王阿姨说楼道灯晚上还是不亮');
  expect(await actionsShown(staff)).not.toContain('回访');
});

test('the 数据看板 counts both return visits in 满意率 and says how many there were', async () => {
  await act(s, 'returnVisit', { orderId: other, result: 'satisfied' }, PEOPLE.gridLeader);
  await staff.goto(`${s.url}/#/pages/index/index`);
  await staff.locator('#entry-dashboard').click();
  await staff.locator('#kpi-satisfaction-rate').waitFor();
  await waitText(staff, '#kpi-satisfaction-rate-hint', '好评 1 / 评价 2 · 其中回访 2 单');
  expect(await staff.locator('#kpi-satisfaction-rate').innerText()).toBe('50%');
});
