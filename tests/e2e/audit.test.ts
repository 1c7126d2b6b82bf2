/**
 * In Chromium: 孙丽 opens 操作日志 after an order went from 分拣 to 办结, a declaration was verified, a role granted,
 * an export made and her community switched to 急时. Every entry reads in words — who in what role, what, to which
 * record, the detail — and no code, id, `null` or raw timestamp shows anywhere on the page.
 */
import type { Browser, Page } from 'playwright-core';
import { orderNumber } from '../../shared/orders/model';
import { orderIn } from '../support/orders';
import { NODES, PEOPLE } from '../support/people';
import { declarationIn } from '../support/points';
import type { TestServer } from '../support/server';
import { okData, startTestServer } from '../support/server';
import { H5_DIR, launch, screenshot } from './browser';
import { open, signedIn } from './orderPages';

jest.setTimeout(120000);

let s: TestServer;
let browser: Browser;
let staff: Page;
let orderId = '';
let declarationId = '';

beforeAll(async () => {
  s = await startTestServer({ staticDir: H5_DIR });
  orderId = await orderIn(s, 'completed');
  declarationId = await declarationIn(s, 'verified');
  okData(await s.call('users', 'grantRole', { userId: PEOPLE.otherResident, role: 'grid_worker', areaId: NODES.grid1 }, PEOPLE.staff));
  okData(await s.call('dashboard', 'exportOrders', { period: 'custom', from: '2026-11-01', to: '2026-11-20' }, PEOPLE.staff));
  okData(await s.call('response', 'switchMode', { communityId: NODES.community1, mode: 'emergency', reason: '暴雨' }, PEOPLE.street));
  browser = await launch();
  staff = await signedIn(browser, s.url, '孙丽');
}, 60000);
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

test('操作日志 says who did what to which record in words, and shows no code, id, null or raw time', async () => {
  await open(staff, s.url, '/respond/pages/audit/index');
  await staff.locator('#audit-list .audit-row').filter({ hasText: '核实积分申报' }).first().waitFor({ timeout: 15000 });
  const rows = await staff.locator('#audit-list .audit-row').allInnerTexts();
  const row = (words: string) => rows.find((r) => r.includes(words)) ?? '';

  // The actions by their labels, the actors with their roles, the records by their names.
  expect(row('核实积分申报')).toContain('孙丽（社区工作人员）');
  expect(row('导出点单明细')).toContain('时间：11月1日 至 11月20日');
  expect(row('平时/急时切换')).toMatch(/吴刚（街道管理员）[\s\S]*社区「梅川第一居委会」[\s\S]*平时 → 急时，理由：暴雨/);
  expect(row('授予角色')).toMatch(/人员「李建国」[\s\S]*角色：网格员/);
  const claimed = row('· 接单');
  expect(claimed).toContain('张伟（在职党员）');
  expect(claimed).toContain(`点单 ${orderNumber(orderId)}`);
  expect(claimed).toContain('抢单中 → 处理中');
  expect(row('· 办结')).toContain('处理中 → 待评价');
  await screenshot(staff, 'audit-in-words');

  const page = await staff.locator('#audit-page').innerText();
  for (const raw of [
    'points.verify',
    'dashboard.exportOrders',
    'orders.',
    'from=',
    'to=',
    'roles=[',
    'null',
    'undefined',
    orderId,
    declarationId,
    PEOPLE.staff,
    PEOPLE.otherResident,
    NODES.community1,
    NODES.grid1,
  ])
    expect(page).not.toContain(raw);
  expect(page).not.toMatch(/\d{13}/);
  expect(page).not.toMatch(/\b[a-z]+\.[a-zA-Z]+\b/);
  expect(page).not.toMatch(/\b(in_progress|pooled|completed|emergency|normal|community_staff|grid_worker)\b/);
});
