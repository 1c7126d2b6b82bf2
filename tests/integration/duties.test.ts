/**
 * 职责清单: the built-in list on first read, street defaults and community overrides, the 分拣 suggestion (电梯 → 物业,
 * 占道经营 flagged 负面/准入外), a 责任主体 changed with a reason on the timeline and in the audit, who may change which list,
 * and bad input by field.
 */
import type { DutiesView, DutyForView } from '../../shared/duties/schemas';
import type { AuditPage } from '../../shared/audit/schemas';
import { act, detail, fileOrder } from '../support/orders';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { errorOf, okData, startTestServer } from '../support/server';

jest.setTimeout(120000);

let s: TestServer;
beforeAll(async () => {
  // A change reaches other instances within WG_WARM_TTL_MS (docs/duties.md); in cloud mode the list is saved by the
  // \`duties\` container and read by the \`orders\` one, so this suite keeps nothing warm. Requests: duties.cost.test.ts.
  s = await startTestServer({ functionEnv: { WG_WARM_TTL_MS: '0' } });
});
afterAll(() => s.close());

const duties = async (areaId: string, who: string = PEOPLE.staff) => okData(await s.call<DutiesView>('duties', 'list', { areaId }, who));
const suggestion = async (orderId: string) => okData(await s.call<DutyForView>('orders', 'duty', { orderId }, PEOPLE.staff)).suggestion;
const lift = { category: '维修', description: '2号楼电梯三天两头停在五楼不动，老人上下楼很困难' };

test('the first read carries the built-in list: all three lists, 电梯故障 with 物业, 占道经营 with 城管 as 负面事项', async () => {
  const view = await duties(NODES.community1);
  expect(view).toMatchObject({ areaId: NODES.community1, level: 'community', canEdit: true });
  expect(new Set(view.entries.map((e) => e.list))).toEqual(new Set(['duty', 'assist', 'negative']));
  expect(view.entries.find((e) => e.item === '电梯故障')).toMatchObject({ party: 'property', list: 'duty', source: 'default' });
  expect(view.entries.find((e) => e.item === '占道经营')).toMatchObject({ party: 'department', department: '城管', list: 'negative' });
});

test('分拣 suggests 物业 for a lift and flags 占道经营 as 负面 with 城管; no entry, no suggestion', async () => {
  const orderId = await fileOrder(s, lift);
  expect(await suggestion(orderId)).toMatchObject({ party: 'property', list: 'duty', said: '建议：物业（职责事项：电梯故障）' });
  const vendor = await fileOrder(s, { category: '其他', description: '小区门口每天傍晚有流动摊贩占道经营，堵住了消防通道' });
  expect(await suggestion(vendor)).toMatchObject({ list: 'negative', party: 'department', department: '城管', said: '建议：城管（负面事项：占道经营）' });
  const none = await fileOrder(s, { category: '其他', description: '想问问社区下周有没有书法兴趣班可以报名' });
  expect(await suggestion(none)).toBeNull();
});

test('a street default changes every community; a community override changes only its own; removing hides an inherited entry', async () => {
  const { list, item, keywords } = (await duties(NODES.community1)).entries.find((e) => e.id === 'noise')!;
  const base = { list, item, keywords, party: 'department' };
  const street = okData(await s.call<DutiesView>('duties', 'set', { ...base, areaId: NODES.street, entryId: 'noise', department: '治安派出所' }, PEOPLE.street));
  expect(street.entries.find((e) => e.id === 'noise')).toMatchObject({ department: '治安派出所', source: 'street' });
  expect((await duties(NODES.community2, PEOPLE.otherStaff)).entries.find((e) => e.id === 'noise')).toMatchObject({ department: '治安派出所', source: 'street' });

  const own = okData(await s.call<DutiesView>('duties', 'set', { ...base, areaId: NODES.community1, entryId: 'noise', party: 'community', department: undefined }, PEOPLE.staff));
  expect(own.entries.find((e) => e.id === 'noise')).toMatchObject({ party: 'community', department: null, source: 'community' });
  expect((await duties(NODES.community2, PEOPLE.otherStaff)).entries.find((e) => e.id === 'noise')).toMatchObject({ department: '治安派出所' });

  const added = okData(
    await s.call<DutiesView>('duties', 'set', { areaId: NODES.community1, list: 'duty', item: '二次供水水箱清洗', keywords: ['水箱'], party: 'property' }, PEOPLE.staff),
  );
  expect(added.entries.find((e) => e.item === '二次供水水箱清洗')).toMatchObject({ source: 'community', party: 'property' });
  expect((await duties(NODES.community2, PEOPLE.otherStaff)).entries.some((e) => e.item === '二次供水水箱清洗')).toBe(false);

  const removed = okData(await s.call<DutiesView>('duties', 'remove', { areaId: NODES.community1, entryId: 'wage' }, PEOPLE.staff));
  expect(removed.entries.some((e) => e.id === 'wage')).toBe(false);
  expect((await duties(NODES.community2, PEOPLE.otherStaff)).entries.some((e) => e.id === 'wage')).toBe(true);
  const noisy = await fileOrder(s, { category: '其他', description: '楼上邻居每晚装修噪音扰民到十一点' });
  expect(await suggestion(noisy)).toMatchObject({ party: 'community', said: '建议：社区/网格（协助事项：噪音扰民）' });
});

test('分拣 as suggested needs no reason; choosing another party needs one, which the timeline and the audit keep', async () => {
  const same = await fileOrder(s, lift);
  await act(s, 'triage', { orderId: same, colour: 'yellow', party: 'property' }, PEOPLE.staff);
  expect((await detail(s, same)).timeline.at(-1)).toMatchObject({ action: '分拣为黄色，责任主体：物业', note: null });

  const other = await fileOrder(s, lift);
  const bare = errorOf(await s.call('orders', 'triage', { orderId: other, colour: 'yellow', party: 'department', department: '区房管局' }, PEOPLE.staff));
  expect(bare.fields).toEqual({ partyReason: '职责清单建议由物业负责，改定为区房管局请填写理由' });
  await act(s, 'triage', { orderId: other, colour: 'yellow', party: 'department', department: '区房管局', partyReason: '该楼无物业，属直管公房' }, PEOPLE.staff);
  expect((await detail(s, other)).timeline.at(-1)).toMatchObject({
    action: '分拣为黄色，责任主体：区房管局（建议为物业，已改定）',
    note: '该楼无物业，属直管公房',
  });
  const audit = okData(await s.call<AuditPage>('audit', 'list', { areaId: NODES.community1 }, PEOPLE.street));
  expect(audit.items.some((a) => a.targetId === other && JSON.stringify(a).includes('该楼无物业，属直管公房'))).toBe(true);
});

test('who may: community staff their own community only, the street its defaults; others read nothing', async () => {
  const entry = { list: 'duty', item: '楼道堆物清理', keywords: ['堆物'], party: 'property' };
  expect(errorOf(await s.call('duties', 'set', { ...entry, areaId: NODES.street }, PEOPLE.staff))).toMatchObject({
    code: 'FORBIDDEN',
    message: '只有街道管理员可以修改街道默认职责清单',
  });
  expect(errorOf(await s.call('duties', 'set', { ...entry, areaId: NODES.community2 }, PEOPLE.staff)).code).toBe('FORBIDDEN');
  expect(errorOf(await s.call('duties', 'remove', { areaId: NODES.community1, entryId: 'lift' }, PEOPLE.gridWorker)).code).toBe('FORBIDDEN');
  expect(errorOf(await s.call('duties', 'list', { areaId: NODES.community1 }, PEOPLE.resident)).code).toBe('FORBIDDEN');
  expect(errorOf(await s.call('duties', 'list', { areaId: NODES.community1 }, PEOPLE.member)).code).toBe('FORBIDDEN');
  expect(await duties(NODES.community1, PEOPLE.gridWorker)).toMatchObject({ canEdit: false });
  // Without an area asked for: staff read their community's list, a street admin the street's defaults.
  expect(okData(await s.call<DutiesView>('duties', 'list', {}, PEOPLE.street))).toMatchObject({ areaId: NODES.street, level: 'street', canEdit: true });
  expect(okData(await s.call<DutiesView>('duties', 'list', {}, PEOPLE.staff))).toMatchObject({ areaId: NODES.community1, streetId: NODES.street, canEdit: true });
  const orderId = await fileOrder(s, lift);
  expect(errorOf(await s.call('orders', 'duty', { orderId }, PEOPLE.otherStaff)).code).toMatch(/NOT_FOUND|FORBIDDEN/);
  okData(await s.call('duties', 'set', { ...entry, areaId: NODES.community2 }, PEOPLE.street));
});

test('bad input is refused by field', async () => {
  const call = (data: Record<string, unknown>) =>
    s.call('duties', 'set', { areaId: NODES.community1, list: 'duty', item: '楼道堆物', keywords: ['堆物'], party: 'property', ...data }, PEOPLE.staff);
  expect(errorOf(await call({ party: 'department' })).fields).toEqual({ department: '责任主体为职能部门时，请填写部门名称（如城管、派出所）' });
  expect(errorOf(await call({ keywords: [] })).fields).toEqual({ keywords: '请至少填写一个关键词，或选择点单类别' });
  expect(errorOf(await call({ item: '' })).fields).toMatchObject({ item: '请填写事项名称' });
  expect(Object.keys(errorOf(await call({ list: 'other' })).fields ?? {})).toEqual(['list']);
  expect(errorOf(await call({ entryId: 'nope' })).fields).toEqual({ entryId: '清单条目不存在或已删除，请刷新后重试' });
  expect(errorOf(await call({ areaId: NODES.grid1 })).fields).toEqual({ areaId: '职责清单按社区或街道设置，请选择一个社区或街道' });
});
