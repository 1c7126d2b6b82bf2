/**
 * 移动有人住的楼栋 (issue 16): a street already live groups an inhabited 楼栋 into a new 微网格. The move answers at once;
 * the drain (here the minute timer, as after a lost client drain) re-points the resident's home and grant and the 楼栋长's
 * grant, a replay of it changes nothing, the resident's next order carries the new trail, and a 楼栋 with an open order stays.
 */
import type { AreaView, ChildrenView } from '../../shared/areas/schemas';
import type { AuditPage } from '../../shared/audit/schemas';
import type { SummaryView } from '../../shared/dashboard/schemas';
import type { MessageView } from '../../shared/notifications/schemas';
import type { ConsoleCounts, OrderPage } from '../../shared/orders/schemas';
import type { UserDoc } from '../../backend/users/repo';
import { FUNCTIONS } from '../../backend/functions';
import { counterId } from '../../backend/dashboard/repo';
import type { RegistrationDoc } from '../../backend/members/repo';
import { creditPoints } from '../../backend/points/ledger';
import { placementOf } from '../../backend/points/stamp';
import { drainRefs } from '../../backend/records/drain';
import { beforeUpdates, depsOver, undrained } from '../support/effects';
import { goodRegistration } from '../support/members';
import { goodOrder } from '../support/orders';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { errorOf, okData, runScript, runTimer, startTestServer } from '../support/server';

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
  expect(away).toMatchObject({ code: 'CONFLICT', message: '「搬1号楼」还有 1 个未办结点单，请先转派或办结后再移动' });
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

// The drain's appliers (rehome among them) are carried by the effects function: loaded here for the drain run in this process.
void FUNCTIONS;

type Node = { _id: string; name: string; path: string; ancestors: string[]; parentId: string | null };
const node = async (id: string) => (await s.store.collection<Node>('areas').get(id)) as Node;
const add = async (who: string, data: Record<string, unknown>) => okData(await as<{ node: AreaView }>(who, 'areas', 'add', data)).node;
const regOf = async (memberId: string) => (await s.store.collection<RegistrationDoc>('registrations').find({ memberId }, { limit: 5 }))[0] as RegistrationDoc;
const openReg = async (areaId: string) => (await s.store.collection<{ _id: string; p?: { reg?: number } }>('order_counters').get(counterId(areaId, 'open')))?.p?.reg ?? 0;
async function newPerson(id: string, name: string, buildingId: string) {
  await s.store.collection<UserDoc>('users').insert({ _id: id, name, roles: [], roleNames: [], staffAreaIds: [], rev: 0, createdAt: s.clock.now });
  okData(await as(id, 'users', 'setHome', { name, buildingId }));
}

test('a 网格 moved to another 社区 by the street: its 微网格 and 楼栋, homes, grants, invitation and 双报到 follow; its history stays with the old 社区', async () => {
  // 1. A grid of community 1 with a 微网格, a 楼栋 in each, a resident, a grid leader, an open invitation, one approved and one pending 双报到.
  const grid = await add(PEOPLE.staff, { parentId: NODES.community1, name: '迁出网格' });
  const micro = await add(PEOPLE.staff, { parentId: grid.id, name: '迁出微网格', level: 'microgrid' });
  const b1 = await add(PEOPLE.staff, { parentId: micro.id, name: '迁1号楼' });
  const b2 = await add(PEOPLE.staff, { parentId: grid.id, name: '迁2号楼' });
  await newPerson('u-mv-res', '钱阿婆', b1.id);
  await newPerson('u-mv-m1', '党员甲', b1.id);
  await newPerson('u-mv-m2', '党员乙', b2.id);
  await newPerson('u-mv-lead', '网格长乙', b2.id);
  okData(await as(PEOPLE.staff, 'users', 'grantRole', { userId: 'u-mv-lead', role: 'grid_leader', areaId: grid.id }));
  okData(await as(PEOPLE.staff, 'users', 'invite', { areaId: micro.id, post: 'liaison' }));
  okData(await as('u-mv-m1', 'members', 'register', goodRegistration(b1.id, { name: '党员甲', mobile: '13912340071' })));
  okData(await as('u-mv-m2', 'members', 'register', goodRegistration(b2.id, { name: '党员乙', mobile: '13912340072' })));
  okData(await as(PEOPLE.staff, 'members', 'approve', { registrationId: (await regOf('u-mv-m1'))._id }));
  // History: an order filed (and withdrawn) at 2号楼 today.
  const old = okData(await as<{ id: string }>('u-mv-m2', 'orders', 'file', goodOrder({ buildingId: b2.id })));
  okData(await as('u-mv-m2', 'orders', 'cancel', { orderId: old.id, reason: '已经修好了' }));
  const filed = { c1: await filedToday(NODES.community1), c2: await filedToday(NODES.community2), grid: await filedToday(grid.id) };
  const reg = { c1: await openReg(NODES.community1), c2: await openReg(NODES.community2) };
  expect(reg.c1).toBeGreaterThanOrEqual(1);

  // 2. What may not move: into its own subtree, to the wrong level, out of the mover's scope.
  const refused = async (who: string, id: string, parentId: string) => errorOf(await as(who, 'areas', 'move', { id, parentId }));
  expect((await refused(PEOPLE.street, grid.id, micro.id)).fields?.parentId).toBe('不能把「迁出网格」移到它自己或它的下级「迁出微网格」下');
  expect((await refused(PEOPLE.street, grid.id, NODES.street)).fields?.parentId).toContain('网格只能移到社区下');
  expect((await refused(PEOPLE.street, micro.id, NODES.community2)).fields?.parentId).toContain('微网格只能移到网格下');
  expect((await refused(PEOPLE.staff, grid.id, NODES.community2)).fields?.parentId).toContain('不在您的辖区内');
  expect(await refused(PEOPLE.otherStaff, grid.id, NODES.community2)).toMatchObject({ code: 'FORBIDDEN' });

  // 3. The street moves it; the answer has the node moved, the subtree and people follow in the drain (here the minute timer).
  const c2 = await node(NODES.community2);
  const to = `${c2.path}${grid.id}/`;
  expect(okData(await undrained<{ node: AreaView }>(s, 'areas', 'move', { id: grid.id, parentId: NODES.community2 }, PEOPLE.street)).node.path).toBe(to);
  expect((await node(b1.id)).path).toBe(b1.path);
  okData(await runTimer(s, 'effects', 'sweep'));
  const paths = { micro: `${to}${micro.id}/`, b1: `${to}${micro.id}/${b1.id}/`, b2: `${to}${b2.id}/` };
  expect(await node(micro.id)).toMatchObject({ path: paths.micro, ancestors: [...c2.ancestors, c2._id, grid.id] });
  expect(await node(b1.id)).toMatchObject({ path: paths.b1, ancestors: [...c2.ancestors, c2._id, grid.id, micro.id] });
  expect((await node(b2.id)).path).toBe(paths.b2);
  expect(await s.store.collection('areas').count({ path: { $prefix: grid.path } })).toBe(0);
  expect((await person('u-mv-res')).homePath).toBe(paths.b1);
  expect(grantOn(await person('u-mv-res'), b1.id)).toEqual([`resident@${paths.b1}`]);
  expect(grantOn(await person('u-mv-lead'), grid.id)).toEqual([`grid_leader@${to}`]);
  const [invitation] = await s.store.collection<{ _id: string; areaPath: string }>('invitations').find({ areaId: micro.id }, { limit: 1 });
  expect(invitation?.areaPath).toBe(paths.micro);

  // 4. The 双报到 go with the building to community 2: the approved one's member grant and points placement, the pending one's 审核 count.
  expect(await regOf('u-mv-m1')).toMatchObject({ status: 'approved', communityId: NODES.community2, gridId: grid.id, path: paths.b1 });
  expect(await regOf('u-mv-m2')).toMatchObject({ status: 'pending', communityId: NODES.community2, gridId: grid.id, path: paths.b2 });
  expect((await person('u-mv-m1')).roles.filter((g) => g.role === 'member').map((g) => `${g.areaId}@${g.areaPath}`)).toEqual([`${NODES.community2}@${c2.path}`]);
  expect(await openReg(NODES.community1)).toBe(reg.c1 - 1);
  expect(await openReg(NODES.community2)).toBe(reg.c2 + 1);
  // Where the member's next credit is placed (the ledger stamp, backend/points/stamp.ts): community 2 and the grid.
  expect(await placementOf(depsOver(s, s.store), 'u-mv-m1')).toMatchObject({ communityId: NODES.community2, gridId: grid.id, path: paths.b1 });
  // Each member is told where their 双报到 went, once (a replay of the drain tells nobody again); nobody else is told.
  okData(await runTimer(s, 'effects', 'sweep'));
  const told = async (who: string) => okData(await as<{ items: MessageView[] }>(who, 'notifications', 'list', {})).items.filter((m) => m.kind === 'registrationMoved');
  expect((await told('u-mv-m1')).map((m) => [m.title, m.body])).toEqual([['报到社区已变更', `「迁出网格」已划入${c2.name}，报到关系、报到证和此后的积分随之转入`]]);
  expect((await told('u-mv-m2')).map((m) => m.body)).toEqual([`「迁出网格」已划入${c2.name}，您的报到申请改由该社区审核`]);
  expect(await told('u-mv-res')).toEqual([]);

  // 5. History stays where it happened: the withdrawn order counts in community 1 and the grid, not in community 2; counters agree with the orders.
  expect(await filedToday(NODES.community1)).toBe(filed.c1);
  expect(await filedToday(NODES.community2)).toBe(filed.c2);
  expect(await filedToday(grid.id)).toBe(filed.grid);
  const check = await runScript(s, 'scripts/check-counters.ts');
  expect(check.out).toContain('计数器与点单时间线一致');
  // The next order counts in community 2 and reaches the grid leader.
  const next = okData(await as<{ id: string }>('u-mv-res', 'orders', 'file', goodOrder({ buildingId: b1.id })));
  expect(await filedToday(NODES.community2)).toBe(filed.c2 + 1);
  expect(await filedToday(NODES.community1)).toBe(filed.c1);
  const desk = okData(await as<{ page: OrderPage }>('u-mv-lead', 'orders', 'console', { tab: 'new' }));
  expect(desk.page.items.find((o) => o.id === next.id)?.place).toBe('迁出网格 · 迁出微网格 · 迁1号楼');

  // 6. Now with an open order below, the grid stays, and the refusal says where the order is.
  expect(await refused(PEOPLE.street, grid.id, NODES.community1)).toMatchObject({
    code: 'CONFLICT',
    message: '「迁出网格」还有 1 个未办结点单，请先转派或办结后再移动：迁出网格 · 迁出微网格 · 迁1号楼 1 个',
  });
});

test('a 微网格 moved to another 网格, its drain killed between nodes: the next drain finishes it, and a replay changes nothing', async () => {
  const micro = await add(PEOPLE.staff, { parentId: NODES.grid1, name: '断点微网格', level: 'microgrid' });
  const buildings = [];
  for (const n of [1, 2, 3, 4]) buildings.push(await add(PEOPLE.staff, { parentId: micro.id, name: `断${n}号楼` }));
  for (const [i, b] of buildings.entries()) await newPerson(`u-cut-${i}`, `住户断${i}`, b.id);
  const moved = okData(await undrained<{ node: AreaView }>(s, 'areas', 'move', { id: micro.id, parentId: NODES.grid2 }, PEOPLE.staff)).node;

  // The drain stops (the function killed) before its third node write: two 楼栋 moved, with their people, two not.
  let nodeWrites = 0;
  const stopped = beforeUpdates(s.store, async (name, f) => {
    // A node's own write is the one conditional on its old path (the effect's clearing is on `fxLast`).
    if (name === 'areas' && typeof f.path === 'string' && ++nodeWrites === 3) throw new Error('function stopped');
  });
  await expect(drainRefs(depsOver(s, stopped), [{ collection: 'areas', id: micro.id }])).rejects.toThrow('function stopped');
  const after = await Promise.all(buildings.map((b) => node(b.id)));
  expect(after.filter((b) => b.path.startsWith(moved.path))).toHaveLength(2);
  expect(after.filter((b) => b.path.startsWith(micro.path))).toHaveLength(2);

  // The minute timer finds the effect still on the 微网格 and finishes the rest.
  okData(await runTimer(s, 'effects', 'sweep'));
  for (const [i, b] of buildings.entries()) {
    const at = `${moved.path}${b.id}/`;
    expect((await node(b.id)).path).toBe(at);
    expect((await person(`u-cut-${i}`)).homePath).toBe(at);
    expect(grantOn(await person(`u-cut-${i}`), b.id)).toEqual([`resident@${at}`]);
  }
  const people = await Promise.all(buildings.map((_, i) => person(`u-cut-${i}`)));
  // Replayed: nobody and no node is written again.
  const pending = await s.store.collection<{ _id: string; fx?: unknown }>('areas').get(micro.id);
  expect(pending?.fx).toBeUndefined();
  const fx = [{ key: 'replay', at: s.clock.now, effects: [{ type: 'rehome', areaId: micro.id, from: micro.path, to: moved.path, gridId: NODES.grid2 }] }];
  await s.store.collection('areas').updateWhere({ _id: micro.id }, { $set: { fx, fxAt: s.clock.now, fxLast: 'replay' } });
  okData(await runTimer(s, 'effects', 'sweep'));
  expect(await Promise.all(buildings.map((_, i) => person(`u-cut-${i}`)))).toEqual(people);
});

test('a 楼栋 moved to a grid of another 社区: its 双报到 and member grant go to the new 社区; points already credited stay placed in the old one, new credits go to the new', async () => {
  const building = await add(PEOPLE.staff, { parentId: NODES.grid1, name: '跨1号楼' });
  await newPerson('u-x-m', '党员丙', building.id);
  okData(await as('u-x-m', 'members', 'register', goodRegistration(building.id, { name: '党员丙', mobile: '13912340081' })));
  okData(await as(PEOPLE.staff, 'members', 'approve', { registrationId: (await regOf('u-x-m'))._id }));
  const deps = depsOver(s, s.store);
  const credit = (sourceId: string) => creditPoints(deps, { memberId: 'u-x-m', delta: 2, reason: 'activity_hours', note: '服务 2 小时', sourceType: 'activity', sourceId });
  await credit('before-move');

  // Community 1's staff cannot take it out of their 社区; the street can.
  const [otherGrid] = okData(await as<{ children: AreaView[] }>(PEOPLE.street, 'areas', 'children', { parentId: NODES.community2 })).children;
  expect(errorOf(await as(PEOPLE.staff, 'areas', 'move', { id: building.id, parentId: otherGrid!.id })).fields?.parentId).toContain('不在您的辖区内');
  okData(await as(PEOPLE.street, 'areas', 'move', { id: building.id, parentId: otherGrid!.id }));
  const to = `${otherGrid!.path}${building.id}/`;
  const c2 = await node(NODES.community2);
  expect((await person('u-x-m')).homePath).toBe(to);
  expect(await regOf('u-x-m')).toMatchObject({ status: 'approved', communityId: NODES.community2, gridId: otherGrid!.id, path: to });
  expect((await person('u-x-m')).roles.filter((g) => g.role === 'member').map((g) => `${g.areaId}@${g.areaPath}`)).toEqual([`${NODES.community2}@${c2.path}`]);

  // The entry written before keeps its placement; the next credit is placed in community 2, and so is the year's total (转社区 alike).
  await credit('after-move');
  const entries = await s.store.collection<{ _id: string; communityId: string; path: string }>('points_ledger').find({ memberId: 'u-x-m' }, { limit: 5 });
  const placed = Object.fromEntries(entries.map((e) => [e._id.split(':').pop(), e.communityId]));
  expect(placed).toEqual({ 'before-move': NODES.community1, 'after-move': NODES.community2 });
  const [total] = await s.store.collection<{ _id: string; communityId: string; total: number }>('points_totals').find({ memberId: 'u-x-m' }, { limit: 2 });
  expect(total).toMatchObject({ communityId: NODES.community2, total: 4 });
  // Community 2's staff now find the member in their 在职党员信息库; community 1's no longer do.
  const inLibrary = async (who: string) => JSON.stringify(okData(await as(who, 'members', 'library', {}))).includes('党员丙');
  expect(await inLibrary(PEOPLE.otherStaff)).toBe(true);
  expect(await inLibrary(PEOPLE.staff)).toBe(false);
});
