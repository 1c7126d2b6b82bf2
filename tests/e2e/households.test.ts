/**
 * 一人联十户 in Chromium at 375×812: 李建国 is made 微网格联络员 of 第一网格 and linked to 王秀英 by 社区 staff; his
 * 我联系的住户 page (his home's 联系住户 tile) lists her with where she lives and a call button with her number. Before he has households, the
 * page says how to get them.
 */
import type { Page } from 'playwright-core';
import { NODES, PEOPLE } from '../support/people';
import { okData } from '../support/server';
import { h5Suite, signInAs, smallPhone } from './browser';
import { open, waitText } from './orderPages';

jest.setTimeout(120000);

const suite = h5Suite({}, async (s) => {
  okData(await s.call('users', 'grantRole', { userId: PEOPLE.otherResident, role: 'liaison', areaId: NODES.grid1 }, PEOPLE.staff));
});
let liaison: Page;

beforeAll(async () => {
  liaison = await smallPhone(suite.browser);
  await signInAs(liaison, suite.s.url, '李建国');
}, 60000);

it('with no households yet, the page says who links them', async () => {
  await open(liaison, suite.s.url, '/staff/pages/households/index');
  await waitText(liaison, '#households', '还没有关联的住户');
});

it('once linked, 王秀英 is listed with her building and a call button with her number', async () => {
  okData(await suite.s.call('users', 'linkHouseholds', { userId: PEOPLE.otherResident, role: 'liaison', areaId: NODES.grid1, residentIds: [PEOPLE.resident] }, PEOPLE.staff));
  // From his home, as he would: the 联系住户 tile.
  await open(liaison, suite.s.url, '/pages/index/index');
  await liaison.locator('#entry-households').click();
  await waitText(liaison, '#households', '王秀英');
  const row = liaison.locator('.households__row').filter({ hasText: '王秀英' });
  expect(await row.innerText()).toContain('1号楼');
  expect(await row.locator('a.phone-call').getAttribute('href')).toBe('tel:13900001001');
  expect(await liaison.locator('#households').innerText()).toContain('共 1 户');
});
