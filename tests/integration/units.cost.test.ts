/** 多方接单 makes at most 3 database requests per action (docs/units.md), in both modes. */
import type { UnitView } from '../../shared/units/schemas';
import type { UserDoc } from '../../backend/users/repo';
import type { Meter } from '../support/cost';
import { meterAndRuntime, WARM_FOR_COSTS } from '../support/cost';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { startTestServer } from '../support/server';

jest.setTimeout(120000);

let s: TestServer;
let requests: Meter;
let run: <T>(fn: 'units' | 'orders', action: string, data: Record<string, unknown>, who: string) => Promise<T>;
const UNIT_STAFF = 'u-unit-cost';
beforeAll(async () => {
  s = await startTestServer({ functionEnv: WARM_FOR_COSTS });
  ({ requests, run } = meterAndRuntime(s));
  await s.store.collection<UserDoc>('users').insert({ _id: UNIT_STAFF, name: '钱师傅', roles: [], roleNames: [], staffAreaIds: [], rev: 0, createdAt: 0 });
});
afterAll(() => s.close());

const order = { buildingId: NODES.building1, category: '维修', description: '电梯三天两头停在五楼不动', contactName: '王阿姨', contactMobile: '13912345678' };

test('create 3, addStaff 3, update 3, staff 3, mine 2, 派单 list 3, 派单 3, accept/progress/complete 3 each, the unit’s list 3, decline 3, 转办 3, the board 3', async () => {
  const contact = { contactName: '李经理', contactMobile: '13800001111' };
  const create = await requests('units', 'create', { scopeId: NODES.community1, kind: 'property', name: '梅川物业', areaIds: [NODES.community1], ...contact }, PEOPLE.staff);
  const unit = (await run<{ items: UnitView[] }>('units', 'list', { areaId: NODES.community1 }, PEOPLE.staff)).items.find((u) => u.name === '梅川物业');
  const addStaff = await requests('units', 'addStaff', { unitId: unit!.id, userId: UNIT_STAFF }, PEOPLE.staff);
  const update = await requests('units', 'update', { unitId: unit!.id, areaIds: [NODES.community1, NODES.grid1] }, PEOPLE.staff);
  const staff = await requests('units', 'staff', { unitId: unit!.id }, PEOPLE.staff);
  const mine = await requests('units', 'mine', {}, UNIT_STAFF);

  const file = async () => {
    s.clock.now += 24 * 3600_000;
    const { id } = await run<{ id: string }>('orders', 'file', order, PEOPLE.resident);
    await run('orders', 'triage', { orderId: id, colour: 'yellow' }, PEOPLE.staff);
    return id;
  };
  const orderId = await file();
  // The 派单 popup lists the units covering the place; choosing one follows in the same warm instance.
  const forOrder = await requests('units', 'forOrder', { orderId }, PEOPLE.staff);
  const dispatch = await requests('units', 'dispatch', { orderId, unitId: unit!.id }, PEOPLE.staff);
  const list = await requests('units', 'orders', { unitId: unit!.id, scope: 'waiting' }, UNIT_STAFF);
  const accept = await requests('orders', 'accept', { orderId }, UNIT_STAFF);
  const progress = await requests('orders', 'progress', { orderId, note: '已联系维保公司' }, UNIT_STAFF);
  const complete = await requests('orders', 'complete', { orderId, note: '电梯已修复' }, UNIT_STAFF);

  const second = await file();
  await run('units', 'forOrder', { orderId: second }, PEOPLE.staff);
  await run('units', 'dispatch', { orderId: second, unitId: unit!.id }, PEOPLE.staff);
  const decline = await requests('orders', 'decline', { orderId: second, reason: '不属于物业管理范围' }, UNIT_STAFF);

  const department = await run<UnitView>(
    'units',
    'create',
    { scopeId: NODES.street, kind: 'department', name: '城管中队', areaIds: [NODES.community1], ...contact },
    PEOPLE.street,
  );
  await run('units', 'forOrder', { orderId: second }, PEOPLE.staff);
  const transfer = await requests('units', 'transfer', { orderId: second, unitId: department.id, reason: '占道经营属城管执法职责' }, PEOPLE.staff);

  // The board, once this instance keeps the node (as the 下级对比 does): the caller, the period's counter docs, the units' names.
  const period = { areaId: NODES.street, period: 'year' };
  await run('units', 'board', period, PEOPLE.street);
  const board = await requests('units', 'board', period, PEOPLE.street);

  expect({ board, create, addStaff, update, staff, mine, forOrder, dispatch, list, accept, progress, complete, decline, transfer }).toEqual({
    board: 3,
    create: 3,
    addStaff: 3,
    update: 3,
    staff: 3,
    mine: 2,
    forOrder: 3,
    dispatch: 3,
    list: 3,
    accept: 3,
    progress: 3,
    complete: 3,
    decline: 3,
    transfer: 3,
  });
});
