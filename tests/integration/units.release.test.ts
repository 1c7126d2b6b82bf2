/**
 * 取消单位人员 (issue 16, point 3: nothing is orphaned): while someone else still acts for a unit its orders stay with
 * it; when its last staff member is removed, the orders it holds (待接单 and 处理中) go back to 待派单 at the community,
 * each with a timeline entry saying why and a message to the staff of the node that owns it. The removal answers at once.
 */
import type { Moved } from '../../shared/api';
import type { UnitView } from '../../shared/units/schemas';
import type { MessageDoc } from '../../backend/notifications/repo';
import type { OrderDoc } from '../../backend/orders/repo';
import type { UserDoc } from '../../backend/users/repo';
import { act, detail, orderIn } from '../support/orders';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { okData, startTestServer } from '../support/server';

jest.setTimeout(120000);

let s: TestServer;
const FIRST = 'u-unit-first';
const SECOND = 'u-unit-second';
let unit: UnitView;
let waiting: string;
let active: string;

const unitCall = <T>(action: string, data: Record<string, unknown>, who: string) => s.call<T>('units', action, data, who);
const order = async (id: string) => (await s.store.collection<OrderDoc>('orders').get(id))!;

beforeAll(async () => {
  s = await startTestServer();
  for (const [id, name] of [
    [FIRST, '钱师傅'],
    [SECOND, '孙师傅'],
  ]) {
    await s.store.collection<UserDoc>('users').insert({ _id: id!, name: name!, roles: [], roleNames: [], staffAreaIds: [], rev: 0, createdAt: 0 });
  }
  unit = okData(
    await unitCall<UnitView>(
      'create',
      { scopeId: NODES.community1, kind: 'property', name: '安居物业', areaIds: [NODES.community1], contactName: '李经理', contactMobile: '13800001111' },
      PEOPLE.staff,
    ),
  );
  okData(await unitCall('addStaff', { unitId: unit.id, userId: FIRST }, PEOPLE.staff));
  okData(await unitCall('addStaff', { unitId: unit.id, userId: SECOND }, PEOPLE.staff));
  waiting = await orderIn(s, 'triaged');
  active = await orderIn(s, 'triaged');
  for (const orderId of [waiting, active]) expect(okData(await unitCall<Moved>('dispatch', { orderId, unitId: unit.id }, PEOPLE.staff)).status).toBe('assigned');
  await act(s, 'accept', { orderId: active }, FIRST);
});
afterAll(() => s.close());

test('removing one of two staff leaves the unit its orders', async () => {
  okData(await unitCall('removeStaff', { unitId: unit.id, userId: FIRST }, PEOPLE.staff));
  expect(await order(waiting)).toMatchObject({ status: 'assigned', unit: { id: unit.id } });
  expect(await order(active)).toMatchObject({ status: 'in_progress', unit: { id: unit.id } });
});

test('removing the last one sends 待接单 and 处理中 back to 待派单 with the reason, and tells the owning node', async () => {
  okData(await unitCall('removeStaff', { unitId: unit.id, userId: SECOND }, PEOPLE.staff));
  for (const id of [waiting, active]) {
    const o = await order(id);
    expect(o).toMatchObject({ status: 'triaged', unit: null, holderId: null, holderName: null });
    expect((await detail(s, id)).timeline.at(-1)?.action).toBe('孙师傅已不再担任安居物业的单位人员，退回待派单');
  }
  // The node that owns each order hears of it (点单需重新安排), as when a member's role is removed.
  for (const id of [waiting, active]) {
    const told = await s.store.collection<MessageDoc>('messages').find({ orderId: id, kind: 'handedOver' });
    expect(told.map((m) => m.toAreaId)).toEqual([(await order(id)).owner?.areaId]);
  }
  // Nothing still points at the unit: its lists are empty and no open order names it.
  const open = await s.store.collection<OrderDoc>('orders').find({ 'unit.id': unit.id, status: { $in: ['assigned', 'in_progress'] } });
  expect(open).toEqual([]);
});
