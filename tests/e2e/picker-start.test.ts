/**
 * The area picker opens at the person's own place (issue 13, point 5), in Chromium at 375×812: 赵强, 网格长 of one
 * grid, reaches a building's code in three taps from the codes page (选择区域, the building's 选择, 下载); before, the
 * picker opened at the street and took eight. The 全部 crumb still leads to the top of the tree.
 */
import type { Page } from 'playwright-core';
import { h5Suite, signInAs, smallPhone } from './browser';
import { open, waitText } from './orderPages';

jest.setTimeout(120000);

const suite = h5Suite();
let leader: Page;

beforeAll(async () => {
  leader = await smallPhone(suite.browser);
  await signInAs(leader, suite.s.url, '赵强');
}, 60000);

it('the 网格长 picks a building of his grid straight away; its code and poster are one tap further', async () => {
  await open(leader, suite.s.url, '/codes/pages/index/index');
  await waitText(leader, '#code-card', '第一网格');
  await leader.locator('#codes').getByText('选择区域', { exact: true }).click();
  await waitText(leader, '#area-crumbs', '第一网格');
  expect(await leader.locator('#area-crumbs').innerText()).toMatch(/全部[\s\S]*长征镇[\s\S]*梅川第一居委会[\s\S]*第一网格/);
  const rows = leader.locator('#area-list .nut-cell');
  expect(await rows.count()).toBe(4);
  await rows.filter({ hasText: '2号楼' }).getByText('选择', { exact: true }).click();
  await waitText(leader, '#code-card', '2号楼');
  expect(await leader.locator('#poster-node').isVisible()).toBe(true);
});

it('the 全部 crumb goes to the top of the tree', async () => {
  await leader.locator('#codes').getByText('选择区域', { exact: true }).click();
  await waitText(leader, '#area-crumbs', '第一网格');
  await leader.locator('#area-crumbs').getByText('全部', { exact: true }).click();
  await waitText(leader, '#area-list', '长征镇');
  expect(await leader.locator('#area-list .nut-cell').count()).toBe(1);
});
