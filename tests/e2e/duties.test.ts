/**
 * In Chromium at 375×812: 孙丽 opens 职责清单 from 时限规则, sees the three lists with their defaults, is told which field
 * is missing when a 职能部门 entry names no department, then adds it; in the 分拣 sheet a lift order is suggested to 物业,
 * a 占道经营 order is flagged 负面事项 with 转办 to 城管, and choosing another party asks for a reason the timeline keeps.
 */
import type { Browser, Page } from 'playwright-core';
import type { DutiesView } from '../../shared/duties/schemas';
import { goodOrder } from '../support/orders';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { okData, startTestServer } from '../support/server';
import { axeViolations } from './axe';
import { H5_DIR, launch, signInAs, smallPhone } from './browser';
import { open, openOrder, press, waitText } from './orderPages';

jest.setTimeout(120000);

let s: TestServer;
let browser: Browser;
let staff: Page;

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

const file = async (extra: Record<string, unknown>) => {
  s.clock.now += 24 * 3600_000;
  return okData(await s.call<{ id: string }>('orders', 'file', goodOrder(extra), PEOPLE.resident)).id;
};

test('孙丽 opens 职责清单 from 时限规则: three lists, 电梯故障 → 物业 among the defaults', async () => {
  await open(staff, s.url, '/staff/pages/rules/index');
  await staff.locator('#rules-duties').click();
  await waitText(staff, '#duties-title', '梅川第一居委会的职责清单');
  await waitText(staff, '#duties-duty', '职责事项');
  await waitText(staff, '#duty-lift', '电梯故障 → 物业');
  await waitText(staff, '#duties-assist', '噪音扰民 → 派出所');
  await waitText(staff, '#duties-negative', '占道经营 → 城管');
  // Nothing sticks out of the 375-pixel screen once the page has slid in.
  await staff.waitForFunction(() => document.documentElement.scrollWidth <= 375, undefined, { timeout: 5000 });
  expect(await axeViolations(staff)).toEqual([]);
});

test('a 职能部门 entry without a department is refused under that field; with one it is added to 本社区 only', async () => {
  await staff.locator('#duties-negative-add').click();
  const popup = staff.locator('#popup-duty');
  await popup.waitFor();
  await popup.locator('#duty-item input').fill('群租房整治');
  await popup.locator('#duty-party').getByText('职能部门', { exact: true }).click();
  await popup.locator('#duty-keywords input').fill('群租、隔断');
  await popup.getByText('保存', { exact: true }).click();
  await waitText(staff, '#popup-duty', '责任主体为职能部门时，请填写部门名称（如城管、派出所）');
  await popup.locator('#duty-department input').fill('房管所');
  await popup.getByText('保存', { exact: true }).click();
  await popup.waitFor({ state: 'detached' });
  await waitText(staff, '#duties-negative', '群租房整治 → 房管所');
  const other = okData(await s.call<DutiesView>('duties', 'list', { areaId: NODES.community2 }, PEOPLE.otherStaff));
  expect(other.entries.some((e) => e.item === '群租房整治')).toBe(false);
});

test('分拣 a lift order: the sheet suggests 物业; a 占道经营 order is flagged 负面事项 with 转办 to 城管', async () => {
  const lift = await file({ description: '2号楼电梯三天两头停在五楼不动，老人上下楼很困难' });
  await openOrder(staff, s.url, lift);
  await press(staff, '分拣');
  await waitText(staff, '#triage-duty', '建议：物业（职责事项：电梯故障）');
  await staff.locator('#popup-triage').getByText('确认分拣', { exact: true }).click();
  await staff.locator('#popup-triage').waitFor({ state: 'detached' });
  await waitText(staff, '.timeline__body', '分拣为黄色，责任主体：物业');

  const vendor = await file({ category: '其他', description: '小区门口每天傍晚有流动摊贩占道经营，堵住了消防通道' });
  await openOrder(staff, s.url, vendor);
  await press(staff, '分拣');
  await waitText(staff, '#triage-duty', '建议：城管（负面事项：占道经营）。属于负面事项（社区准入外），建议转办至城管');
});

test('choosing another party than suggested asks for a reason, which the timeline keeps', async () => {
  const lift = await file({ description: '5号楼电梯按钮失灵，电梯一直停在一楼' });
  await openOrder(staff, s.url, lift);
  await press(staff, '分拣');
  const popup = staff.locator('#popup-triage');
  await waitText(staff, '#triage-duty', '建议：物业');
  await popup.locator('#triage-party').getByText('社区/网格', { exact: true }).click();
  await popup.getByText('确认分拣', { exact: true }).click();
  await waitText(staff, '#popup-triage', '职责清单建议由物业负责，改定为社区/网格请填写理由');
  await popup.locator('#triage-party-reason textarea').fill('该楼为老旧小区，无物业管理');
  await popup.getByText('确认分拣', { exact: true }).click();
  await popup.waitFor({ state: 'detached' });
  await waitText(staff, '.timeline__body', '责任主体：社区/网格（建议为物业，已改定）');
  await waitText(staff, '.timeline__body', '该楼为老旧小区，无物业管理');
});
