/**
 * 移动有人住的楼栋 (issue 16): a street already live groups an inhabited 楼栋 into a new 微网格. The move answers at once;
 * the drain (here the minute timer, as after a lost client drain) re-points the resident's home and grant and the 楼栋长's
 * grant, a replay of it changes nothing, the resident's next order carries the new trail, and a 楼栋 with an open order stays.
 */
import type { AreaView, ChildrenView } from '../../shared/areas/schemas';
import type { AuditPage } from '../../shared/audit/schemas';
import type { SummaryView } from '../../shared/dashboard/schemas';
import type { ConsoleCounts, OrderPage } from '../../shared/orders/schemas';
import type { UserDoc } from '../../backend/users/repo';
import { undrained } from '../support/effects';
import { goodOrder } from '../support/orders';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { errorOf, okData, runTimer, startTestServer } from '../support/server';

jest.setTimeout(120000);

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const HEAD = 'u-move-head';
const as = <T>(who: string, fn: string, action: string, data: Record<string, unknown>) => s.call<T>(fn as never, action, data, who);
const filedToday = async (areaId: string) => okData(await as<SummaryView>(PEOPLE.street, 'dashboard', 'summary', { areaId, period: 'today' })).totals.filed;
const person = async (id: string) => (await s.store.collection<UserDoc>('users').get(id)) as UserDoc;
const grantOn = (u: UserDoc, areaId: string) => u.roles.filter((g) => g.areaId === areaId).map((g) => `${g.role}@${g.areaPath}`);

test('an inhabited 楼栋 moved into a new 微网格: its resident and 楼栋长 follow it after the drain, once; its next order carries the new trail', async () => {
  // 1. A 楼栋 of the first grid where a resident lives and a 楼栋长 holds the seat, and a new 微网格 beside it.
  const building = okData(await as<{ node: AreaView }>(PEOPLE.staff, 'areas', 'add', { parentId: NODES.grid1, name: '搬1号楼' })).node;
  okData(await as(PEOPLE.otherResident, 'users', 'setHome', { name: '孙阿姨', buildingId: building.id }));
  await s.store.collection<UserDoc>('users').insert({ _id: HEAD, name: '楼栋长老周', roles: [], roleNames: [], staffAreaIds: [], rev: 0, createdAt: s.clock.now });
  okData(await as(PEOPLE.staff, 'users', 'grantRole', { userId: HEAD, role: 'building_head', areaId: building.id }));
  const micro = okData(await as<{ node: AreaView }>(PEOPLE.staff, 'areas', 'add', { parentId: NODES.grid1, name: '北区微网格', level: 'microgrid' })).node;

  // 2. The move answers (the client that would drain right after is gone): the node has moved, the people not yet.
  const moved = okData(await undrained<{ node: AreaView }>(s, 'areas', 'move', { id: building.id, parentId: micro.id }, PEOPLE.staff)).node;
  const to = `${micro.path}${building.id}/`;
  expect(moved.path).toBe(to);
  expect((await person(PEOPLE.otherResident)).homePath).toBe(building.path);

  // 3. The minute timer applies it: the home and both grants hold the new path.
  const pending = await s.store.collection<{ _id: string; fx?: unknown; fxAt?: number; fxLast?: string }>('areas').get(building.id);
  expect(pending?.fx).toBeTruthy();
  okData(await runTimer(s, 'effects', 'sweep'));
  const [resident, head] = [await person(PEOPLE.otherResident), await person(HEAD)];
  expect(resident.homePath).toBe(to);
  expect(grantOn(resident, building.id)).toEqual([`resident@${to}`]);
  expect(grantOn(head, building.id)).toEqual([`building_head@${to}`]);

  // 4. Replayed (the drain died after applying, before clearing): nobody is written again, the audit stays one entry.
  await s.store.collection('areas').updateWhere({ _id: building.id }, { $set: { fx: pending?.fx, fxAt: pending?.fxAt, fxLast: pending?.fxLast } });
  okData(await runTimer(s, 'effects', 'sweep'));
  expect(await person(PEOPLE.otherResident)).toEqual(resident);
  expect(await person(HEAD)).toEqual(head);
  expect((await s.store.collection<{ _id: string; fxAt?: number | null }>('areas').get(building.id))?.fxAt).toBeNull();
  const log = okData(await as<AuditPage>(PEOPLE.street, 'audit', 'list', { action: 'areas.move' })).items;
  expect(log.filter((e) => e.targetId === building.id)).toHaveLength(1);

  // 5. The 楼栋长 still finds their building, now under the 微网格.
  const own = okData(await as<ChildrenView>(HEAD, 'areas', 'children', { mine: true }));
  expect(own.parent?.id).toBe(building.id);
  expect(own.crumbs?.map((c) => c.name)).toEqual(expect.arrayContaining(['第一网格', '北区微网格', '搬1号楼']));

  // 6. The resident's next order carries the new trail, reaches the grid's 网格长 and counts in the 微网格.
  const [gridBefore, microBefore] = [await filedToday(NODES.grid1), await filedToday(micro.id)];
  const filed = okData(await as<{ id: string }>(PEOPLE.otherResident, 'orders', 'file', goodOrder({ buildingId: building.id })));
  const desk = okData(await as<{ counts: ConsoleCounts; page: OrderPage }>(PEOPLE.gridLeader, 'orders', 'console', { tab: 'new' }));
  expect(desk.page.items.find((o) => o.id === filed.id)?.place).toBe('第一网格 · 北区微网格 · 搬1号楼');
  expect(await filedToday(NODES.grid1)).toBe(gridBefore + 1);
  expect(await filedToday(micro.id)).toBe(microBefore + 1);

  // 7. With that order open the 楼栋 stays where it is; nor does it leave its 社区.
  const refused = errorOf(await as(PEOPLE.staff, 'areas', 'move', { id: building.id, parentId: NODES.grid1 }));
  expect(refused).toMatchObject({ code: 'CONFLICT', message: '「搬1号楼」还有 1 个未办结点单，请先转派或办结后再移动' });
  const [otherGrid] = okData(await as<{ children: AreaView[] }>(PEOPLE.street, 'areas', 'children', { parentId: NODES.community2 })).children;
  const away = errorOf(await as(PEOPLE.street, 'areas', 'move', { id: building.id, parentId: otherGrid?.id }));
  expect(away.fields?.parentId).toContain('楼栋只能在本社区内移动');
});

test('a 楼栋 of 150 residents moved to another grid of its 社区: every home and grant, the 双报到 and the open 楼栋长 invitation follow it', async () => {
  const building = okData(await as<{ node: AreaView }>(PEOPLE.staff, 'areas', 'add', { parentId: NODES.grid1, name: '大1号楼' })).node;
  // More residents than one page of the drain reads, each with the home and grant 登记住址 gives (users.setHome).
  const ids = Array.from({ length: 150 }, (_, i) => `u-big-${String(i).padStart(3, '0')}`);
  for (const id of ids) {
    const grant = { role: 'resident' as const, areaId: building.id, areaPath: building.path, grantedBy: id, grantedAt: s.clock.now };
    await s.store.collection<UserDoc>('users').insert({
      _id: id,
      name: `住户${id.slice(-3)}`,
      homeAreaId: building.id,
      homePath: building.path,
      roles: [grant],
      roleNames: ['resident'],
      staffAreaIds: [],
      roleAreaIds: [building.id],
      rev: 0,
      createdAt: s.clock.now,
    });
  }
  const reg = { _id: 'reg-big-1', memberId: ids[0], status: 'approved', buildingId: building.id, gridId: NODES.grid1, communityId: NODES.community1, path: building.path };
  await s.store.collection('registrations').insert(reg);
  okData(await as(PEOPLE.staff, 'users', 'invite', { areaId: building.id, post: 'building_head' }));

  okData(await as(PEOPLE.staff, 'areas', 'move', { id: building.id, parentId: NODES.grid2 }));
  const to = `${(await s.store.collection<{ _id: string; path: string }>('areas').get(NODES.grid2))?.path}${building.id}/`;
  const people = await s.store.collection<UserDoc>('users').find({ homePath: to }, { limit: 200 });
  expect(people.map((u) => u._id).sort()).toEqual(ids);
  expect(people.filter((u) => u.roles[0]?.areaPath !== to)).toEqual([]);
  expect(await s.store.collection('registrations').get('reg-big-1')).toMatchObject({ path: to, gridId: NODES.grid2 });
  const [invitation] = await s.store
    .collection<{ _id: string; areaPath: string; createdAt: number }>('invitations')
    .find({ areaId: building.id }, { sort: [['createdAt', -1]], limit: 1 });
  expect(invitation?.areaPath).toBe(to);
});
