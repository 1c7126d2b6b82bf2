/** 操作日志 through the real gateway: community and street staff read their subtree's audit log, filtered and paged; nobody else. */
import type { AuditPage } from '../../shared/audit/schemas';
import { orderNumber } from '../../shared/orders/model';
import { act, fileOrder } from '../support/orders';
import type { PersonKey } from '../support/people';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { errorOf, okData, startTestServer } from '../support/server';

let s: TestServer;
let orderId = '';
let otherOrder = '';
beforeAll(async () => {
  s = await startTestServer();
  orderId = await fileOrder(s);
  await act(s, 'triage', { orderId, colour: 'green' }, PEOPLE.staff);
  otherOrder = await fileOrder(s, { buildingId: NODES.buildingOther });
  await act(s, 'triage', { orderId: otherOrder, colour: 'yellow' }, PEOPLE.otherStaff);
  okData(await s.call('response', 'switchMode', { communityId: NODES.community1, mode: 'emergency', reason: '暴雨' }, PEOPLE.street));
});
afterAll(() => s.close());

const list = (data: Record<string, unknown>, who: string) => s.call<AuditPage>('audit', 'list', data, who);

it.each([
  ['resident', 'FORBIDDEN'],
  ['member', 'FORBIDDEN'],
  ['gridWorker', 'FORBIDDEN'],
  ['gridLeader', 'FORBIDDEN'],
  ['staff', 'ok'],
  ['otherStaff', 'FORBIDDEN'],
  ['street', 'ok'],
])('reading 梅川第一居委会 as %s → %s', async (role, want) => {
  const res = await list({ areaId: NODES.community1 }, PEOPLE[role as PersonKey]);
  if (want === 'ok') expect(res).toMatchObject({ ok: true });
  else expect(res).toMatchObject({ ok: false, error: { code: want } });
});

it('shows who did what, when and to which record, newest first, within the subtree only', async () => {
  const page = okData(await list({}, PEOPLE.staff));
  expect(page.areaName).toBe('梅川第一居委会');
  const rows = page.items.map((a) => [a.actionName, a.actorName, a.targetName, a.targetId]);
  expect(rows).toEqual(
    expect.arrayContaining([
      ['提交点单', '王秀英', '点单', orderId],
      ['分拣', '孙丽', '点单', orderId],
      ['平时/急时切换', '吴刚', '社区', NODES.community1],
    ]),
  );
  expect(page.items.map((a) => a.targetId)).not.toContain(otherOrder);
  expect(page.items[0]?.actionName).toBe('平时/急时切换');
  expect(page.items[0]?.trail).toContain('梅川第一居委会');
  expect([...page.items].sort((a, b) => b.at - a.at).map((a) => a.id)).toEqual(page.items.map((a) => a.id));
  const other = okData(await list({}, PEOPLE.otherStaff));
  expect(other.items.map((a) => a.targetId)).toContain(otherOrder);
  expect(other.items.map((a) => a.targetId)).not.toContain(orderId);
  const street = okData(await list({ areaId: NODES.street }, PEOPLE.street));
  expect(street.items.map((a) => a.targetId)).toEqual(expect.arrayContaining([orderId, otherOrder]));
});

it('each entry reads in words: the role the actor acted in, the record by its 单号 or name, the detail as state labels and phrases', async () => {
  const page = okData(await list({}, PEOPLE.staff));
  const triage = page.items.find((a) => a.action === 'orders.triage' && a.targetId === orderId);
  expect(triage).toMatchObject({ actorName: '孙丽', actorRole: '社区工作人员', recordName: `点单 ${orderNumber(orderId)}`, details: ['待分拣 → 待派单'] });
  const filed = page.items.find((a) => a.action === 'orders.file' && a.targetId === orderId);
  expect(filed).toMatchObject({ actorName: '王秀英', actorRole: '居民' });
  const mode = page.items.find((a) => a.action === 'response.switchMode');
  expect(mode).toMatchObject({ actorRole: '街道管理员', recordName: '社区「梅川第一居委会」', details: ['平时 → 急时', '理由：暴雨'] });
  for (const a of page.items) expect(JSON.stringify([a.actorRole, a.actionName, a.recordName, a.details])).not.toMatch(/=|null|\d{13}|[a-z]+\.[a-zA-Z]+/);
});

it('filters by actor, action, record type and dates; pages', async () => {
  const ids = async (data: Record<string, unknown>) => okData(await list(data, PEOPLE.staff)).items.map((a) => a.action);
  expect(new Set(await ids({ actorId: PEOPLE.staff }))).toEqual(new Set(['orders.triage']));
  expect(await ids({ action: 'orders.file' })).toEqual(['orders.file']);
  expect(new Set(await ids({ targetType: 'community' }))).toEqual(new Set(['response.switchMode']));
  const today = new Date(s.clock.now + 8 * 3600_000).toISOString().slice(0, 10);
  expect((await ids({ from: today, to: today })).length).toBeGreaterThan(0);
  expect(await ids({ to: '2026-01-01' })).toEqual([]);
  const first = okData(await list({ pageSize: 1 }, PEOPLE.staff));
  const second = okData(await list({ pageSize: 1, page: 2 }, PEOPLE.staff));
  expect(first.total).toBeGreaterThanOrEqual(3);
  expect(first.items[0]?.id).not.toBe(second.items[0]?.id);
});

it('bad filters name the field', async () => {
  expect(errorOf(await list({ from: '2026-13-01' }, PEOPLE.staff)).fields?.from).toBe('开始日期应为 年-月-日，如 2026-11-20');
  expect(errorOf(await list({ from: '2026-11-30', to: '2026-11-01' }, PEOPLE.staff)).fields?.to).toBe('结束日期不能早于开始日期');
  expect(errorOf(await list({ from: '2026-02-30' }, PEOPLE.staff)).fields?.from).toBe('开始日期不是有效日期');
  expect(errorOf(await list({ action: 'DROP TABLE' }, PEOPLE.staff)).fields?.action).toBe('操作不在可选范围内');
  expect(errorOf(await list({ pageSize: 500 }, PEOPLE.staff)).fields?.pageSize).toBe('每页条数不能大于 50');
  expect(errorOf(await list({ areaId: 'nowhere' }, PEOPLE.staff)).code).toBe('NOT_FOUND');
});
