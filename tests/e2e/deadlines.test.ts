/**
 * In Chromium on 9月30日, the day before 国庆: 孙丽 opens 时限规则 from the 派单台, is told what is wrong with a
 * bad entry, switches 红 to working days and saves; a red order triaged that morning then shows on its page as
 * due after the holiday, in words: 10月8日（周四）10:00前办结.
 */
import type { Browser, Page } from 'playwright-core';
import { CALENDAR_YEARS } from '../../shared/calendar/workdays';
import type { OrderRulesView } from '../../shared/orders/schemas';
import { act, goodOrder } from '../support/orders';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { okData, startTestServer } from '../support/server';
import { H5_DIR, launch } from './browser';
import { open, openOrder, signedIn, waitText } from './orderPages';

jest.setTimeout(120000);

let s: TestServer;
let browser: Browser;
let staff: Page;

beforeAll(async () => {
  s = await startTestServer({ staticDir: H5_DIR, start: Date.parse('2026-09-30T10:00:00+08:00') });
  browser = await launch();
  staff = await signedIn(browser, s.url, '孙丽');
}, 60000);
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

const rules = async () => okData(await s.call<OrderRulesView>('duties', 'rules', { communityId: NODES.community1 }, PEOPLE.staff));

test('孙丽 opens 时限规则 from the 派单台; a 办结时限 of 0 is refused under its field, nothing saved', async () => {
  await open(staff, s.url, '/staff/pages/console/index');
  await staff.locator('#console-rules').click();
  const red = staff.locator('#rule-red');
  await red.waitFor();
  await waitText(staff, '#order-rules', '梅川第一居委会的时限规则（默认）');
  expect(await red.locator('#rule-red-resolve input').inputValue()).toBe('24');
  await red.locator('#rule-red-resolve input').fill('0');
  await red.locator('#rule-red-save').click();
  await waitText(staff, '#rule-red', '办结时限（小时）不能小于 1');
  expect((await rules()).isDefault).toBe(true);
});

test('she switches 红 to working days and saves; the rules say so', async () => {
  const red = staff.locator('#rule-red');
  await red.locator('#rule-red-resolve input').fill('24');
  await red.locator('.nut-switch').click();
  await red.locator('#rule-red-save').click();
  await waitText(staff, '#order-rules', '梅川第一居委会的时限规则。');
  expect((await rules()).colours).toMatchObject({ red: { respondHours: 1, resolveHours: 24, days: 'working' }, yellow: { days: 'natural' } });
});

test('a red order triaged now shows its deadline after 国庆, as a date and time', async () => {
  const id = okData(await s.call<{ id: string }>('orders', 'file', goodOrder(), PEOPLE.resident)).id;
  await act(s, 'triage', { orderId: id, colour: 'red' }, PEOPLE.staff);
  await openOrder(staff, s.url, id);
  await waitText(staff, '#order-resolve-by', '10月8日（周四）10:00前办结');
  await waitText(staff, '#order-respond-by', '9月30日（周三）11:00前响应');
});

test('from 15 December without next year’s 放假安排, the rules page says how deadlines count meanwhile', async () => {
  await open(staff, s.url, '/staff/pages/rules/index');
  await waitText(staff, '#order-rules', '梅川第一居委会的时限规则');
  expect(await staff.locator('#calendar-gap').count()).toBe(0);
  const next = Math.max(...CALENDAR_YEARS) + 1;
  s.clock.now = Date.parse(`${next - 1}-12-15T09:00:00+08:00`);
  // Two and a half months on, her session has lapsed: she signs in again, as she would.
  const later = await signedIn(browser, s.url, '孙丽');
  await open(later, s.url, '/staff/pages/rules/index');
  await waitText(later, '#calendar-gap', `${next} 年的放假安排尚未收录`);
  expect(await later.locator('#calendar-gap').innerText()).toContain('工作日暂按周一至周五计算');
});
