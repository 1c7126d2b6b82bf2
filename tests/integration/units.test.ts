/**
 * 多方接单: units (物业服务企业, 职能部门, 共建单位) set up by 社区/街道 staff with a service area and their own staff.
 * A 物业 order end to end (派单 → 接受 → 进展 → 办结 with photos → 评单), a decline with its reason back to 待派单,
 * a unit outside the order's area refused, another unit's staff refused, and 转办 to a 职能部门 keeping the timeline.
 */
import type { Moved } from '../../shared/api';
import type { UnitBoardView, UnitOrdersView, UnitView } from '../../shared/units/schemas';
import { compareCounters, recomputeCounters } from '../../backend/dashboard/recompute';
import { shanghaiDay } from '../../shared/time';
import type { UserDoc } from '../../backend/users/repo';
import { act, detail, fileOrder, orderIn, uploadPhoto } from '../support/orders';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { errorOf, okData, startTestServer } from '../support/server';

let s: TestServer;
/** 物业 staff, 城管 staff, and staff of a 物业 that serves only 梅川第二居委会. */
const PROPERTY = 'u-unit-property';
const CITY = 'u-unit-city';
const FAR = 'u-unit-far';
let property: UnitView;
let city: UnitView;
let far: UnitView;
/** The day the first order of this file is filed: the board's period starts there. */
let firstDay: string;

const unitCall = <T>(action: string, data: Record<string, unknown>, who: string) => s.call<T>('units', action, data, who);
const create = async (data: Record<string, unknown>, who: string = PEOPLE.staff) =>
  okData(await unitCall<UnitView>('create', { contactName: '李经理', contactMobile: '13800001111', ...data }, who));
const inboxOf = async (who: string) =>
  okData(await s.call<{ items: Array<{ orderId: string | null; title: string; body: string; unread: boolean }> }>('notifications', 'list', {}, who)).items;
const unitOrders = async (unitId: string, scope: string, who: string) => okData(await unitCall<UnitOrdersView>('orders', { unitId, scope }, who));

beforeAll(async () => {
  s = await startTestServer();
  firstDay = shanghaiDay(s.clock.now);
  for (const [id, name] of [
    [PROPERTY, '钱师傅'],
    [CITY, '冯队长'],
    [FAR, '卫师傅'],
  ]) {
    await s.store.collection<UserDoc>('users').insert({ _id: id!, name: name!, roles: [], roleNames: [], staffAreaIds: [], rev: 0, createdAt: 0 });
  }
  property = await create({ scopeId: NODES.community1, kind: 'property', name: '梅川物业', areaIds: [NODES.community1] });
  city = await create({ scopeId: NODES.street, kind: 'department', name: '城管中队', areaIds: [NODES.community1, NODES.community2] }, PEOPLE.street);
  far = await create({ scopeId: NODES.community2, kind: 'property', name: '二居物业', areaIds: [NODES.community2] }, PEOPLE.otherStaff);
  okData(await unitCall('addStaff', { unitId: property.id, userId: PROPERTY }, PEOPLE.staff));
  okData(await unitCall('addStaff', { unitId: city.id, userId: CITY }, PEOPLE.street));
  okData(await unitCall('addStaff', { unitId: far.id, userId: FAR }, PEOPLE.otherStaff));
});
afterAll(() => s.close());

test('staff set up units in their scope only, with a service area under it', async () => {
  expect(property).toMatchObject({ kind: 'property', kindName: '物业服务企业', name: '梅川物业', areas: [{ id: NODES.community1 }] });
  // 梅川第一居委会's staff cannot set one up for 梅川第二, nor cover 梅川第二 from their own community.
  expect(
    errorOf(
      await unitCall(
        'create',
        { scopeId: NODES.community2, kind: 'property', name: 'X物业', areaIds: [NODES.community2], contactName: '甲', contactMobile: '13800001111' },
        PEOPLE.staff,
      ),
    ),
  ).toMatchObject({ code: 'FORBIDDEN', fields: { scopeId: expect.stringMatching(/^所属社区或街道「.+」不在您的辖区/) } });
  // Nor edit 梅川第二's unit, or a unit at all as a grid worker: the answer names the unit.
  expect(errorOf(await unitCall('update', { unitId: far.id, name: '改名物业' }, PEOPLE.staff))).toMatchObject({
    code: 'NOT_FOUND',
    fields: { unitId: '单位不存在或不在您的辖区' },
  });
  expect(errorOf(await unitCall('update', { unitId: property.id, name: '改名物业' }, PEOPLE.gridWorker))).toMatchObject({
    code: 'FORBIDDEN',
    fields: { unitId: expect.stringContaining('只有社区工作人员或街道') },
  });
  expect(errorOf(await unitCall('update', { unitId: property.id, areaIds: [NODES.community2] }, PEOPLE.staff)).fields).toEqual({
    areaIds: expect.stringContaining('不在本单位所属范围内'),
  });
  const outside = errorOf(
    await unitCall(
      'create',
      { scopeId: NODES.community1, kind: 'property', name: 'Y物业', areaIds: [NODES.community2], contactName: '甲', contactMobile: '13800001111' },
      PEOPLE.staff,
    ),
  );
  expect(outside).toMatchObject({ code: 'VALIDATION', fields: { areaIds: expect.stringContaining('不在本单位所属范围内') } });
  expect(
    errorOf(
      await unitCall(
        'create',
        { scopeId: NODES.community1, kind: 'property', name: '梅川物业', areaIds: [NODES.grid1], contactName: '甲', contactMobile: '13800001111' },
        PEOPLE.staff,
      ),
    ).fields,
  ).toEqual({
    name: '本辖区已有「梅川物业」，不能重复设置',
  });
  // A grid worker is staff but does not manage units.
  expect(errorOf(await unitCall('addStaff', { unitId: property.id, userId: PEOPLE.resident }, PEOPLE.gridWorker)).code).toBe('NOT_FOUND');
  expect(okData(await unitCall<{ staff: unknown[] }>('staff', { unitId: property.id }, PEOPLE.staff)).staff).toEqual([{ userId: PROPERTY, name: '钱师傅' }]);
  expect(okData(await unitCall<{ items: UnitView[] }>('mine', {}, PROPERTY)).items.map((u) => u.name)).toEqual(['梅川物业']);
  // 梅川第一's list holds its own units (the demo's 长征物业 too), not the street's or 梅川第二's.
  expect(okData(await unitCall<{ items: UnitView[] }>('list', { areaId: NODES.community1 }, PEOPLE.staff)).items.map((u) => u.name)).toEqual(['梅川物业', '长征物业']);
  expect(
    okData(await unitCall<{ items: UnitView[] }>('list', { areaId: NODES.street }, PEOPLE.street))
      .items.map((u) => u.name)
      .sort(),
  ).toEqual(['二居物业', '城管中队', '梅川物业', '长征物业'].sort());
  expect(errorOf(await unitCall('list', { areaId: NODES.community2 }, PEOPLE.staff)).code).toBe('FORBIDDEN');
});

test('a 物业 order goes 派单 → 接受 → 进展 → 办结 with photos → 评单, the unit named on the timeline', async () => {
  const orderId = await orderIn(s, 'triaged');
  const candidates = okData(await unitCall<{ items: UnitView[] }>('forOrder', { orderId }, PEOPLE.staff)).items.map((u) => u.name);
  expect(candidates.sort()).toEqual(['城管中队', '梅川物业', '长征物业'].sort());
  expect(okData(await unitCall<Moved>('dispatch', { orderId, unitId: property.id }, PEOPLE.staff))).toEqual({ id: orderId, status: 'assigned' });
  expect((await unitOrders(property.id, 'waiting', PROPERTY)).items.map((o) => o.id)).toContain(orderId);
  // The unit's staff get the message (it rode on the 派单's write); another unit's staff do not.
  expect(await inboxOf(PROPERTY)).toContainEqual(expect.objectContaining({ orderId, title: '派给您的单', unread: true }));
  expect((await inboxOf(FAR)).map((m) => m.orderId)).not.toContain(orderId);
  const seen = await detail(s, orderId, PROPERTY);
  expect(seen.can).toMatchObject({ accept: true, decline: true, triage: false, rate: false });
  // The unit holds it, so its staff read the resident's number.
  expect(seen.contactMobile).toBe('13912345678');
  await act(s, 'accept', { orderId }, PROPERTY);
  expect((await unitOrders(property.id, 'active', PROPERTY)).items.map((o) => o.id)).toContain(orderId);
  await act(s, 'progress', { orderId, note: '已联系电梯维保公司，明天上午到场' }, PROPERTY);
  const photo = await uploadPhoto(s, PROPERTY);
  expect(okData(await s.call<Moved>('orders', 'complete', { orderId, note: '电梯已修复并通过检测', photos: [photo] }, PROPERTY)).status).toBe('completed');
  expect((await detail(s, orderId, PEOPLE.resident)).can.rate).toBe(true);
  await act(s, 'rate', { orderId, stars: 5, comment: '物业来得很快' }, PEOPLE.resident);
  const done = await detail(s, orderId, PEOPLE.resident);
  expect(done.status).toBe('closed');
  expect(done.completionPhotoUrls).toHaveLength(1);
  expect(done.timeline.slice(-5).map((e) => [e.roleName, e.action])).toEqual([
    ['社区工作人员', '派单给梅川物业'],
    ['梅川物业', '接受派单'],
    ['梅川物业', '更新进展'],
    ['梅川物业', '办结'],
    ['居民', '确认并评价'],
  ]);
  expect((await unitOrders(property.id, 'done', PROPERTY)).items.map((o) => o.id)).toContain(orderId);
});

test('a unit declines with a reason: the order is 待派单 again with the reason on its timeline, and the unit no longer holds it', async () => {
  const orderId = await orderIn(s, 'triaged');
  okData(await unitCall('dispatch', { orderId, unitId: property.id }, PEOPLE.staff));
  expect(errorOf(await s.call('orders', 'decline', { orderId, reason: '不' }, PROPERTY)).fields).toEqual({ reason: '婉拒原因至少需要 2 个字' });
  expect((await act(s, 'decline', { orderId, reason: '不属于物业管理范围，属市政管网' }, PROPERTY)).status).toBe('triaged');
  const back = await detail(s, orderId, PEOPLE.staff);
  expect(back.status).toBe('triaged');
  expect(back.can.dispatch).toBe(true);
  expect(back.timeline.at(-1)).toMatchObject({ roleName: '梅川物业', action: '梅川物业退回派单', note: '不属于物业管理范围，属市政管网' });
  expect(errorOf(await s.call('orders', 'detail', { orderId }, PROPERTY)).code).toBe('NOT_FOUND');
  expect((await unitOrders(property.id, 'waiting', PROPERTY)).items.map((o) => o.id)).not.toContain(orderId);
});

test('a unit outside the order’s area is refused, and another unit’s staff cannot see or act on it', async () => {
  const orderId = await orderIn(s, 'triaged');
  const refused = errorOf(await unitCall('dispatch', { orderId, unitId: far.id }, PEOPLE.staff));
  expect(refused).toMatchObject({ code: 'VALIDATION', fields: { unitId: expect.stringContaining('二居物业的服务区域不包括') } });
  expect((await detail(s, orderId, PEOPLE.staff)).status).toBe('triaged');
  okData(await unitCall('dispatch', { orderId, unitId: property.id }, PEOPLE.staff));
  for (const action of ['accept', 'detail']) expect(errorOf(await s.call('orders', action, { orderId }, FAR)).code).toBe('NOT_FOUND');
  expect(errorOf(await s.call('orders', 'decline', { orderId, reason: '不是我们的' }, CITY)).code).toBe('NOT_FOUND');
  expect(errorOf(await unitCall('orders', { unitId: property.id }, FAR)).code).toBe('FORBIDDEN');
  // Unit staff do not dispatch: only staff over the order do.
  expect(errorOf(await unitCall('dispatch', { orderId, unitId: property.id }, PROPERTY)).code).toBe('FORBIDDEN');
  expect((await detail(s, orderId, PEOPLE.staff)).status).toBe('assigned');
});

test('转办 hands an item to the responsible 职能部门 with a reason; it keeps its timeline and the department works it', async () => {
  const orderId = await fileOrder(s, { category: '安全隐患', description: '小区门口人行道被流动摊贩占用，晚上很乱' });
  // Only a 职能部门 takes a 转办.
  expect(errorOf(await unitCall('transfer', { orderId, unitId: property.id, reason: '占道经营归城管' }, PEOPLE.staff)).fields).toEqual({
    unitId: '转办只能转给职能部门，梅川物业不是职能部门',
  });
  expect(errorOf(await unitCall('transfer', { orderId, unitId: city.id }, PEOPLE.staff)).fields).toEqual({ reason: '转办原因需为文字' });
  expect((await okData(await unitCall<Moved>('transfer', { orderId, unitId: city.id, reason: '占道经营属城管执法职责' }, PEOPLE.staff))).status).toBe('assigned');
  expect(await inboxOf(CITY)).toContainEqual(expect.objectContaining({ orderId, body: expect.stringContaining('转办：') }));
  expect((await inboxOf(PROPERTY)).map((m) => m.orderId)).not.toContain(orderId);
  const held = await detail(s, orderId, CITY);
  expect(held.timeline.map((e) => e.action)).toEqual(['提交点单', '转办至城管中队']);
  expect(held.timeline.at(-1)).toMatchObject({ note: '占道经营属城管执法职责' });
  expect(held.holderName).toBe('城管中队');
  await act(s, 'accept', { orderId }, CITY);
  await act(s, 'complete', { orderId, note: '已劝离摊贩并加强巡查' }, CITY);
  expect((await detail(s, orderId, PEOPLE.resident)).status).toBe('completed');
  const messages = okData(await s.call<{ items: Array<{ body: string }> }>('notifications', 'list', {}, PEOPLE.resident)).items.map((m) => m.body);
  expect(messages).toContain('您的点单已转办至城管中队：占道经营属城管执法职责');
});

test('the board counts each unit’s orders and 三率 for the street, marks the one that lags, and agrees with the recompute', async () => {
  const period = { period: 'custom', from: firstDay, to: shanghaiDay(s.clock.now) };
  const board = okData(await unitCall<UnitBoardView>('board', { areaId: NODES.street, ...period }, PEOPLE.street));
  // 梅川物业: three given (one done and rated 5★, one declined, one waiting); 城管中队: the 转办, done, not yet rated.
  expect(board.overall).toEqual({ acceptRate: { num: 2, den: 3, rate: 2 / 3 }, onTimeRate: { num: 1, den: 1, rate: 1 }, satisfactionRate: { num: 1, den: 1, rate: 1 } });
  expect(board.rows.map((r) => [r.name, r.dispatched, r.declined, r.accepted, r.completed, r.acceptRate.rate, r.behind])).toEqual([
    ['梅川物业', 3, 1, 1, 1, 0.5, ['acceptRate']],
    ['城管中队', 1, 0, 1, 1, 1, []],
  ]);
  // A community's staff see their own node; 梅川第二 staff see nothing of 梅川第一's units.
  const c1 = okData(await unitCall<UnitBoardView>('board', { areaId: NODES.community1, ...period }, PEOPLE.staff));
  expect(c1.rows.map((r) => r.name)).toEqual(['梅川物业', '城管中队']);
  expect(errorOf(await unitCall('board', { areaId: NODES.community1, ...period }, PEOPLE.otherStaff)).code).toBe('FORBIDDEN');
  expect((await compareCounters(s.store, (await recomputeCounters(s.store)).expected)).mismatches).toEqual([]);
});
