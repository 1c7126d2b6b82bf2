/**
 * 代为登记 in Chromium at 375×812: 陈静 (网格员) takes a call from 赵大爷, opens 代为登记 from the 派单台, is told what is
 * missing, files the order with source 电话 and lands on it (timeline 代为登记（电话）by her). Round the loop and a 回访
 * later, 孙丽's 数据看板 shows the 三率 by source with a 电话 row.
 */
import type { Page } from 'playwright-core';
import { act } from '../support/orders';
import { PEOPLE } from '../support/people';
import { h5Suite, screenshot, signInAs, smallPhone } from './browser';
import { open, waitStatus, waitText } from './orderPages';

jest.setTimeout(120000);

const suite = h5Suite();
let worker: Page;
let orderId = '';

beforeAll(async () => {
  worker = await smallPhone(suite.browser);
  await signInAs(worker, suite.s.url, '陈静');
}, 60000);

test('陈静 opens 代为登记 from the 派单台; an empty form says what is missing under its field', async () => {
  await open(worker, suite.s.url, '/staff/pages/console/index');
  await worker.locator('#console-behalf').click();
  await worker.locator('#staff-behalf').waitFor();
  await worker.getByText('登记点单', { exact: true }).click();
  await waitText(worker, '#staff-behalf', '请选择来源（电话、来访或网格巡查）');
  await worker.locator('#behalf-source').getByText('电话', { exact: true }).click();
  await worker.getByText('登记点单', { exact: true }).click();
  await waitText(worker, '#staff-behalf', '请选择问题所在的楼栋');
});

test('she files 赵大爷’s call: building from the picker, category, what he said, his name and phone; the order opens, 代为登记（电话）', async () => {
  await worker.locator('#behalf-building').getByText('选择楼栋', { exact: true }).click();
  const rows = worker.locator('#area-list .nut-cell');
  await rows.first().waitFor();
  await rows.filter({ hasText: '1号楼' }).getByText('选择', { exact: true }).click();
  await waitText(worker, '#behalf-building', '1号楼');
  await worker.locator('#behalf-category').getByText('维修', { exact: true }).click();
  await worker.locator('#behalf-description textarea').fill('赵大爷来电：3单元楼道灯坏了一个星期');
  await worker.locator('#behalf-contact-name input').fill('赵大爷');
  await worker.locator('#behalf-contact-mobile input').fill('13700001234');
  await screenshot(worker, 'behalf-form');
  await worker.getByText('登记点单', { exact: true }).click();
  await waitStatus(worker, '待分拣');
  await waitText(worker, '#order-timeline', '代为登记（电话）');
  await waitText(worker, '#order-timeline', '陈静');
  await waitText(worker, '#order-contact', '13700001234');
  orderId = new URL(worker.url().replace('/#/', '/')).searchParams.get('id') ?? '';
  expect(orderId).toMatch(/^o/);
});

test('after the loop and a 回访, 孙丽’s 数据看板 shows the 三率 by source with a 电话 row', async () => {
  const { s } = suite;
  await act(s, 'triage', { orderId, colour: 'yellow' }, PEOPLE.gridLeader);
  await act(s, 'pool', { orderId, level: 'grid' }, PEOPLE.staff);
  await act(s, 'claim', { orderId }, PEOPLE.member);
  await act(s, 'complete', { orderId, note: '已更换楼道灯' }, PEOPLE.member);
  await act(s, 'returnVisit', { orderId, result: 'satisfied', note: '赵大爷说灯亮了' }, PEOPLE.gridWorker);
  const staff = await smallPhone(suite.browser);
  await signInAs(staff, s.url, '孙丽');
  await open(staff, s.url, '/dash/pages/board/index');
  await staff.locator('#source-table').waitFor();
  const phone = staff.locator('#source-row-phone');
  await phone.waitFor();
  expect((await phone.innerText()).replace(/\s+/g, ' ')).toMatch(/^电话 100% 100% 100% 1 1$/);
  await staff.locator('#card-sources').scrollIntoViewIfNeeded();
  await screenshot(staff, 'dashboard-sources');
});
