/**
 * In Chromium at 375×812 (issue 13, point 5): a 新点单 or 许个心愿 left half way comes back on return; a submission whose answer
 * was lost, sent again from the restored draft, is the same order on the server, not a second; the next order starts
 * with the last order's contact.
 */
import type { Page } from 'playwright-core';
import type { OrderCard } from '../../shared/orders/schemas';
import { NODES, PEOPLE } from '../support/people';
import { okData } from '../support/server';
import { h5Suite, signInAs, smallPhone, takeConsoleErrors } from './browser';
import { open, orderIdFromUrl, waitStatus, waitText } from './orderPages';

jest.setTimeout(120000);

const suite = h5Suite();
let resident: Page;

beforeAll(async () => {
  resident = await smallPhone(suite.browser);
  await signInAs(resident, suite.s.url, '王秀英');
}, 60000);

const FORM = `/pages/order/new/index?building=${NODES.building1}`;
const DESCRIPTION = '2单元门口的地砖翘起来了，老人进出容易绊倒';
const mine = async () => okData(await suite.s.call<{ items: OrderCard[] }>('orders', 'mine', { page: 1, pageSize: 50 }, PEOPLE.resident)).items;

async function openForm(page: Page): Promise<void> {
  await open(page, suite.s.url, FORM);
  await waitText(page, '#order-building', '1号楼');
}

it('a form left half way is there again on return, with a note saying so', async () => {
  await openForm(resident);
  expect(await resident.locator('#order-draft').count()).toBe(0);
  await resident.locator('#order-category').getByText('维修', { exact: true }).click();
  await resident.locator('#order-description textarea').fill(DESCRIPTION);
  await resident.locator('#order-contact-mobile input').fill('13912340001');
  await open(resident, suite.s.url, '/pages/index/index');
  await resident.locator('#home-name').waitFor();

  await openForm(resident);
  await waitText(resident, '#order-draft', '已恢复您上次未提交的内容');
  expect(await resident.locator('#order-description textarea').inputValue()).toBe(DESCRIPTION);
  expect(await resident.locator('#order-contact-mobile input').inputValue()).toBe('13912340001');
  expect(await resident.locator('#order-category .chip--on').innerText()).toBe('维修');
});

it('an answer lost on the way back: 提交 again from the restored draft shows the one order the server wrote', async () => {
  const before = (await mine()).length;
  // The server gets the request and writes the order; the answer never reaches the phone (both tries).
  let reached = 0;
  await resident.route('**/api/fn/orders', async (route) => {
    if ((route.request().postDataJSON() as { action?: string }).action !== 'file') return route.continue();
    reached += 1;
    await route.fetch();
    await route.abort('connectionreset');
  });
  await resident.getByText('提交点单', { exact: true }).click();
  await waitText(resident, '#order-form-error', '网络连接失败');
  // Chromium logs each cut connection; exactly those two, nothing else.
  expect(takeConsoleErrors(/Failed to load resource: net::ERR_CONNECTION_RESET/)).toBe(2);
  expect(reached).toBe(2);
  expect((await mine()).length).toBe(before + 1);
  await resident.unroute('**/api/fn/orders');

  // She gives up for now and comes back later: the draft is there, and 提交 lands on the order already written.
  await open(resident, suite.s.url, '/pages/index/index');
  await resident.locator('#home-name').waitFor();
  await openForm(resident);
  await waitText(resident, '#order-draft', '已恢复');
  await resident.getByText('提交点单', { exact: true }).click();
  await waitStatus(resident, '待分拣');
  const orders = await mine();
  expect(orders.length).toBe(before + 1);
  expect(orders.find((o) => o.id === orderIdFromUrl(resident))?.summary).toContain(DESCRIPTION.slice(0, 10));
});

it('the next order starts with the last order’s contact, and no draft', async () => {
  await openForm(resident);
  await waitText(resident, '#order-building', '1号楼');
  await resident.waitForFunction(() => document.querySelector<HTMLInputElement>('#order-contact-mobile input')?.value === '13912340001');
  expect(await resident.locator('#order-draft').count()).toBe(0);
  expect(await resident.locator('#order-description textarea').inputValue()).toBe('');
});

it('许个心愿 keeps its draft too: title, story and kind come back', async () => {
  await open(resident, suite.s.url, '/wish/pages/new/index');
  await resident.locator('#wish-title input').fill('想给楼里的独居老人装个扶手');
  await resident.locator('#wish-story textarea').fill('3号楼的李奶奶腿脚不便，楼道没有扶手，上下楼很吃力。');
  await resident.locator('#wish-kind-choice .chip').first().click();
  const kind = await resident.locator('#wish-kind-choice .chip--on').innerText();
  await open(resident, suite.s.url, '/pages/index/index');
  await resident.locator('#home-name').waitFor();

  await open(resident, suite.s.url, '/wish/pages/new/index');
  await waitText(resident, '#wish-draft', '已恢复您上次未提交的内容');
  expect(await resident.locator('#wish-title input').inputValue()).toBe('想给楼里的独居老人装个扶手');
  expect(await resident.locator('#wish-story textarea').inputValue()).toContain('李奶奶');
  expect(await resident.locator('#wish-kind-choice .chip--on').innerText()).toBe(kind);
});
