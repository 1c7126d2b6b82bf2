/**
 * 网格树 in Chromium at 375×812 (h5): community staff reach it from the 派单台, add a 网格 (a duplicate name is said
 * under the field), go into it, add a 楼栋 with its phone, rename it, are told to move its open order before retiring
 * it, and retire it once the order is gone. A grid leader is told the tree is not theirs. A retired building's code,
 * scanned, says why and offers the replacement. Under a 网格 staff add a 微网格 and a 楼栋 inside it, and move a 微网格 with
 * its 楼栋 to another 网格 (picked from the tree, confirmed, refused with the reason when an order is open).
 */
import type { Page } from 'playwright-core';
import type { Area } from '../../shared/areas/model';
import { goodOrder } from '../support/orders';
import { NODES, PEOPLE } from '../support/people';
import { okData } from '../support/server';
import { h5Suite, screenshot, signInAs, smallPhone } from './browser';
import { waitText } from './orderPages';

jest.setTimeout(120000);
/** Longer than Taro h5's hide (two timers and a 0.2 s fade) once the page under the dialog has settled. */
const READING_MS = 800;

const suite = h5Suite({ start: Date.now() });
const WAIT = { timeout: 15000 };

const byName = async (parentId: string, name: string) => (await suite.s.store.collection<Area>('areas').find({ parentId, name }))[0];

/** Fills the open form's inputs by their wrapper ids and presses its submit button. */
async function fillForm(page: Page, values: Record<string, string>, submit: string): Promise<void> {
  const form = page.locator('#tree-form');
  await form.waitFor(WAIT);
  for (const [id, value] of Object.entries(values)) await form.locator(`#${id} input`).fill(value);
  await form.getByText(submit, { exact: true }).click();
}

test('community staff build, rename and retire part of their tree on a small phone', async () => {
  const staff = await smallPhone(suite.browser);
  await signInAs(staff, suite.s.url, '孙丽');
  await staff.goto(`${suite.s.url}/#/staff/pages/console/index`);
  await staff.locator('#console-tree').click();
  await waitText(staff, '#tree-head', '梅川第一居委会');
  await waitText(staff, '#tree-list', '第一网格');

  await staff.locator('#tree-add').click();
  await fillForm(staff, { 'tree-name': '第一网格' }, '新增网格');
  await waitText(staff, '#tree-form', '「梅川第一居委会」下已有名为「第一网格」的网格，请换一个名称');
  await fillForm(staff, { 'tree-name': '第九网格', 'tree-phone': '021-62345678' }, '新增网格');
  await staff.locator('#tree-form').waitFor({ state: 'detached', ...WAIT });
  await waitText(staff, '#tree-list', '第九网格');

  await staff.locator('#tree-list').getByText('第九网格 ›').click();
  await waitText(staff, '#tree-head', '第九网格');
  await waitText(staff, '#tree-head', '电话 021-62345678');
  await staff.locator('#tree-add').click();
  await fillForm(staff, { 'tree-name': '9号楼', 'tree-phone': '13911112222' }, '新增楼栋');
  await waitText(staff, '#tree-list', '9号楼');
  const grid = await byName(NODES.community1, '第九网格');
  const building = await byName(grid!._id, '9号楼');
  expect(building).toMatchObject({ level: 'building', phone: '13911112222', path: `${grid!.path}${building!._id}/` });

  const row = staff.locator(`#tree-row-${building!._id}`);
  await row.getByText('修改', { exact: true }).click();
  await fillForm(staff, { 'tree-name': '9号楼（东）' }, '保存');
  await waitText(staff, '#tree-list', '9号楼（东）');
  // Nothing on the page scrolls sideways at 375 wide.
  expect(await staff.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await screenshot(staff, 'tree-grid');

  const order = okData(await suite.s.call<{ id: string }>('orders', 'file', goodOrder({ buildingId: building!._id }), PEOPLE.resident)).id;
  await row.getByText('撤销', { exact: true }).click();
  await fillForm(staff, { 'tree-reason': '拆除重建' }, '确认撤销');
  await waitText(staff, '#tree-form', '「9号楼（东）」还有 1 个未办结点单，请先转派：第九网格 · 9号楼（东） 1 个');
  await screenshot(staff, 'tree-retire-refused');
  okData(await suite.s.call('orders', 'cancel', { orderId: order }, PEOPLE.resident));
  await staff.locator('#tree-form').getByText('确认撤销', { exact: true }).click();
  await staff.locator('#tree-form').waitFor({ state: 'detached', ...WAIT });
  await waitText(staff, '#tree-list', '还没有楼栋');
  expect(await suite.s.store.collection<Area>('areas').get(building!._id)).toMatchObject({ retired: true, retiredReason: '拆除重建', name: '9号楼（东）' });
});

test('a grid leader is told the tree is not theirs to change', async () => {
  const leader = await smallPhone(suite.browser);
  await signInAs(leader, suite.s.url, '赵强');
  await leader.goto(`${suite.s.url}/#/staff/pages/tree/index`);
  await waitText(leader, '#staff-tree', '只有社区工作人员和街道管理员可以调整网格树');
});

test("a retired building's code says why and offers the replacement", async () => {
  const grid = await byName(NODES.community1, '第九网格');
  const old = okData(await suite.s.call<{ node: { id: string } }>('areas', 'add', { parentId: grid!._id, name: '旧楼' }, PEOPLE.staff)).node.id;
  okData(await suite.s.call('areas', 'retire', { id: old, reason: '楼号调整', replacedBy: NODES.building1 }, PEOPLE.staff));
  const resident = await smallPhone(suite.browser);
  await signInAs(resident, suite.s.url, '王秀英');
  await resident.goto(`${suite.s.url}/#/pages/scan/index?scene=${encodeURIComponent(`n=${old}`)}`);
  await waitText(resident, '#scan-retired', '该楼栋已撤销（楼号调整），请改到楼栋“1号楼”点单');
  await waitText(resident, '#scan-landing', '长征镇 / 梅川片区 / 梅川第一居委会 / 第一网格 / 1号楼');
  await screenshot(resident, 'tree-scan-retired');
  await resident.locator('#scan-landing').getByText('我要点单', { exact: true }).click();
  await resident.waitForURL(new RegExp(`building=${NODES.building1}`), WAIT);
});

test('under a 网格 staff choose 微网格 or 楼栋: a 微网格 is added, opened, and takes a 楼栋', async () => {
  const staff = await smallPhone(suite.browser);
  await signInAs(staff, suite.s.url, '孙丽');
  await staff.goto(`${suite.s.url}/#/staff/pages/tree/index`);
  await waitText(staff, '#tree-list', '第一网格');
  await staff.locator('#tree-list').getByText('第一网格 ›').click();
  await waitText(staff, '#tree-head', '第一网格');
  await waitText(staff, '#tree-add-microgrid', '新增微网格');
  await waitText(staff, '#tree-add', '新增楼栋');
  await staff.locator('#tree-add-microgrid').click();
  await fillForm(staff, { 'tree-name': '东区微网格', 'tree-phone': '13900000101' }, '新增微网格');
  await staff.locator('#tree-form').waitFor({ state: 'detached', ...WAIT });
  const micro = await byName(NODES.grid1, '东区微网格');
  expect(micro).toMatchObject({ level: 'microgrid', phone: '13900000101', parentId: NODES.grid1 });
  const row = staff.locator(`#tree-row-${micro!._id}`);
  await waitText(staff, `#tree-row-${micro!._id}`, '微网格 · 13900000101');
  expect(await staff.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await screenshot(staff, 'tree-microgrid');

  // Inside a 微网格 only 楼栋 (楼组) may be added.
  await row.getByText('东区微网格 ›').click();
  await waitText(staff, '#tree-head', '微网格');
  await waitText(staff, '#tree-list', '还没有楼栋');
  expect(await staff.locator('#tree-add-microgrid').count()).toBe(0);
  await staff.locator('#tree-add').click();
  await fillForm(staff, { 'tree-name': '东1号楼' }, '新增楼栋');
  await waitText(staff, '#tree-list', '东1号楼');
  const building = await byName(micro!._id, '东1号楼');
  expect(building).toMatchObject({ level: 'building', path: `${micro!.path}${building!._id}/` });
});

test('staff move a 微网格 with its 楼栋 to another 网格: picked from the tree, confirmed; an open order refuses it with where it is', async () => {
  const micro = okData(await suite.s.call<{ node: { id: string } }>('areas', 'add', { parentId: NODES.grid1, name: '西区微网格', level: 'microgrid' }, PEOPLE.staff)).node.id;
  const building = okData(await suite.s.call<{ node: { id: string } }>('areas', 'add', { parentId: micro, name: '西1号楼' }, PEOPLE.staff)).node.id;
  const order = okData(await suite.s.call<{ id: string }>('orders', 'file', goodOrder({ buildingId: building }), PEOPLE.resident)).id;
  const staff = await smallPhone(suite.browser);
  await signInAs(staff, suite.s.url, '孙丽');
  await staff.goto(`${suite.s.url}/#/staff/pages/tree/index`);
  await staff.locator('#tree-list').getByText('第一网格 ›').click();
  await waitText(staff, `#tree-row-${micro}`, '西区微网格');
  // A 微网格's row now has 修改, 移动 and 撤销, still within 375 wide.
  expect(await staff.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  const moveTo = async () => {
    await staff.locator(`#tree-row-${micro}`).getByText('移动', { exact: true }).click();
    // The picker opens at the 社区, where only 网格 may be chosen.
    await waitText(staff, '#area-crumbs', '梅川第一居委会');
    await staff.locator('#area-list .nut-cell').filter({ hasText: '第二网格' }).getByText('选择', { exact: true }).click();
    await waitText(staff, '.taro-modal__text', '「西区微网格」连同其下的区域、住户和在这里任职的人一起移到「第二网格」下');
    // The dialog stays while it is read, after the picker has gone: Taro h5 used to hide a modal opened before its
    // router had put the tree page back (0.3 s after the pick), so a reader found it gone.
    await staff.locator('.page.area').waitFor({ state: 'detached', ...WAIT });
    await staff.waitForTimeout(READING_MS);
    await staff.locator('.taro-modal__foot').getByText('移动', { exact: true }).click();
  };
  await moveTo();
  await waitText(staff, '.taro-modal__text', '「西区微网格」还有 1 个未办结点单，请先转派或办结后再移动：第一网格 · 西区微网格 · 西1号楼 1 个');
  await screenshot(staff, 'tree-move-refused');
  await staff.locator('.taro-modal__foot').getByText('确定', { exact: true }).click();
  await staff.locator('.taro-modal__text').waitFor({ state: 'hidden' });

  okData(await suite.s.call('orders', 'cancel', { orderId: order }, PEOPLE.resident));
  await moveTo();
  await staff.locator(`#tree-row-${micro}`).waitFor({ state: 'detached', ...WAIT });
  const grid2 = await suite.s.store.collection<Area>('areas').get(NODES.grid2);
  expect(await suite.s.store.collection<Area>('areas').get(micro)).toMatchObject({ parentId: NODES.grid2, path: `${grid2!.path}${micro}/` });
  // The drain the page asked for moved the 楼栋 below it too.
  const moved = async () => (await suite.s.store.collection<Area>('areas').get(building))?.path;
  for (let i = 0; i < 50 && (await moved()) !== `${grid2!.path}${micro}/${building}/`; i++) await staff.waitForTimeout(100);
  expect(await moved()).toBe(`${grid2!.path}${micro}/${building}/`);
});
