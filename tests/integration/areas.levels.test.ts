/**
 * A person's 社区 by level, not by path depth (issue 16): with a 微网格 between 网格 and 楼栋, in a 社区 under a 片区 (the demo's)
 * or straight under the street, a resident searches their whole 社区, and sees 附近已有相同问题 — and may +1 it — for an open order
 * of the same category filed in another 楼栋 of it; nobody from another 社区 does, and staff search their own subtree as before.
 */
import type { Area } from '../../shared/areas/model';
import type { AreaView, AreaWithTrail } from '../../shared/areas/schemas';
import type { FunctionName } from '../../shared/api';
import type { OrderCard } from '../../shared/orders/schemas';
import { areaNode, communityId, insertTree } from '../../scripts/setup/bootstrap';
import type { UserDoc } from '../../backend/users/repo';
import { roleFields } from '../../backend/users/repo';
import { goodOrder } from '../support/orders';
import { gridId } from '../../local/seed';
import { C1, NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { okData, startTestServer } from '../support/server';

jest.setTimeout(120000);

const GRID3 = gridId(C1, 3);

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const as = async <T>(who: string, fn: FunctionName, action: string, data: Record<string, unknown>) => okData(await s.call<T>(fn, action, data, who));
/** A new person from WeChat (first contact enrolls them), living in `buildingId` (完善资料). */
const newcomer = async (openid: string, name: string, buildingId: string) => {
  okData(await s.callAsWechat(openid, 'users', 'me', {}));
  okData(await s.callAsWechat(openid, 'users', 'setHome', { name, buildingId }));
  return <T>(fn: FunctionName, action: string, data: Record<string, unknown>) => s.callAsWechat<T>(openid, fn, action, data).then(okData);
};
const add = async (who: string, parentId: string, name: string, level?: 'grid' | 'microgrid') =>
  (await as<{ node: AreaView }>(who, 'areas', 'add', { parentId, name, ...(level ? { level } : {}) })).node;
const search = async (who: string, q: string) => (await as<{ items: AreaWithTrail[] }>(who, 'areas', 'search', { q, limit: 50 })).items;
const similar = async (who: string, buildingId: string) => (await as<{ items: OrderCard[] }>(who, 'orders', 'similar', { buildingId, category: '维修' })).items.map((o) => o.id);
const pathOf = async (id: string) => (await s.store.collection<Area>('areas').get(id))?.path ?? '';

test('in a 社区 under a 片区: a resident of a 微网格 楼栋 searches the whole 社区 and sees the same problem filed in another grid’s 微网格', async () => {
  const community = await pathOf(NODES.community1);
  expect(community.split('/').filter(Boolean)).toHaveLength(3); // 街镇 / 梅川片区 / 梅川第一居委会
  const east = await add(PEOPLE.staff, NODES.grid1, '东区微网格', 'microgrid');
  const east1 = await add(PEOPLE.staff, east.id, '东1号楼');
  const west = await add(PEOPLE.staff, NODES.grid2, '西区微网格', 'microgrid');
  const west1 = await add(PEOPLE.staff, west.id, '西1号楼');
  const li = await newcomer('o-levels-li', '李阿姨', east1.id);

  // The whole 社区: the other grids' 楼栋 and 微网格 too, nothing of 梅川第二居委会.
  const found = await li<{ items: AreaWithTrail[] }>('areas', 'search', { q: '号楼', limit: 50 });
  expect(found.items.map((a) => a.name)).toEqual(expect.arrayContaining(['东1号楼', '西1号楼', '1号楼', '5号楼', '12号楼']));
  expect(found.items).toHaveLength(14); // 3 grids × 4 楼栋 + the two new ones
  expect(found.items.every((a) => a.path.startsWith(community))).toBe(true);
  expect((await li<{ items: AreaWithTrail[] }>('areas', 'search', { q: '网格', limit: 50 })).items.map((a) => a.name)).toEqual(
    expect.arrayContaining(['第一网格', '第三网格', '东区微网格', '西区微网格']),
  );

  // Filed in 西1号楼 (another grid's 微网格): 李阿姨 (东区微网格) and a neighbour straight under 第一网格 see it; 梅川第二 does not.
  const filed = (await as<{ id: string }>(PEOPLE.member, 'orders', 'file', goodOrder({ buildingId: west1.id }))).id;
  expect((await li<{ items: OrderCard[] }>('orders', 'similar', { buildingId: west1.id, category: '维修' })).items.map((o) => o.id)).toEqual([filed]);
  expect(await similar(PEOPLE.resident, west1.id)).toEqual([filed]);
  expect(await similar(PEOPLE.memberOutOfScope, west1.id)).toEqual([]);
  // Another category is not the same problem.
  expect((await li<{ items: OrderCard[] }>('orders', 'similar', { buildingId: west1.id, category: '环境卫生' })).items).toEqual([]);
  // +1 我也遇到: she follows it; someone of 梅川第二 cannot find it.
  expect((await li<{ followerCount: number }>('orders', 'follow', { orderId: filed })).followerCount).toBe(1);
  expect((await s.call('orders', 'follow', { orderId: filed }, PEOPLE.memberOutOfScope)) as unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  // Her order list has it; its detail no longer offers +1.
  expect((await li<{ items: OrderCard[] }>('orders', 'mine', {})).items.map((o) => o.id)).toEqual([filed]);
  expect((await li<{ can: { follow: boolean } }>('orders', 'detail', { orderId: filed })).can.follow).toBe(false);

  // Staff scoping is unchanged: the 网格长 of 第一网格 searches his grid (with its 微网格), the 社区 its 社区, the other 社区 none of it.
  const leader = await search(PEOPLE.gridLeader, '号楼');
  expect(leader.map((a) => a.name).sort()).toEqual(['1号楼', '2号楼', '3号楼', '4号楼', '东1号楼']);
  expect((await search(PEOPLE.staff, '号楼')).map((a) => a.name)).toEqual(expect.arrayContaining(['东1号楼', '西1号楼', '12号楼']));
  expect((await search(PEOPLE.otherStaff, '号楼')).filter((a) => a.path.startsWith(community))).toEqual([]);
});

test('in a 社区 straight under the street: the same, from a 楼栋 under a 网格 and from one under a 微网格', async () => {
  // A 居委会 set up without a 片区 (as `npm run setup` places one the layout names no 片区 for), its tree built by the street admin.
  const street = (await s.store.collection<Area>('areas').get(NODES.street))!;
  const plain = areaNode(communityId('310107102990'), '测试居委会', 'community', street, 99);
  await insertTree(s.store, [street, plain]);
  expect(plain.path.split('/').filter(Boolean)).toHaveLength(2);
  const north = await add(PEOPLE.street, plain._id, '北网格', 'grid');
  const south = await add(PEOPLE.street, plain._id, '南网格', 'grid');
  const northA = await add(PEOPLE.street, north.id, '北A号楼');
  const southMicro = await add(PEOPLE.street, south.id, '南区微网格', 'microgrid');
  const southA = await add(PEOPLE.street, southMicro.id, '南A号楼');
  const qian = await newcomer('o-levels-qian', '钱大爷', northA.id);
  const zhou = await newcomer('o-levels-zhou', '周阿婆', southA.id);

  // Each searches the whole 测试居委会 — and only it.
  for (const who of [qian, zhou]) {
    const found = (await who<{ items: AreaWithTrail[] }>('areas', 'search', { q: '号楼', limit: 50 })).items;
    expect(found.map((a) => a.name).sort()).toEqual(['北A号楼', '南A号楼']);
  }
  expect((await zhou<{ items: AreaWithTrail[] }>('areas', 'search', { q: '网格', limit: 50 })).items.map((a) => a.name).sort()).toEqual(['北网格', '南区微网格', '南网格']);

  // Filed in 南A号楼 (under the 微网格): 钱大爷 in the other grid sees it and follows it; 梅川第一 does not see it.
  const filed = (await as<{ id: string }>(PEOPLE.member, 'orders', 'file', goodOrder({ buildingId: southA.id }))).id;
  expect((await qian<{ items: OrderCard[] }>('orders', 'similar', { buildingId: southA.id, category: '维修' })).items.map((o) => o.id)).toEqual([filed]);
  expect(await similar(PEOPLE.resident, southA.id)).toEqual([]);
  expect((await qian<{ followerCount: number }>('orders', 'follow', { orderId: filed })).followerCount).toBe(1);
  // And the other way: filed in 北A号楼 (straight under its grid), 周阿婆 under the 微网格 sees it.
  const back = (await as<{ id: string }>(PEOPLE.gridWorker, 'orders', 'file', goodOrder({ buildingId: northA.id }))).id;
  expect((await zhou<{ items: OrderCard[] }>('orders', 'similar', { buildingId: northA.id, category: '维修' })).items.map((o) => o.id)).toEqual([back]);
});

test('an order in a 微网格 楼栋 keeps its 社区’s 时限规则, and its 派单 picker lists the whole 社区’s members', async () => {
  const north = await add(PEOPLE.staff, GRID3, '北区微网格', 'microgrid');
  const north1 = await add(PEOPLE.staff, north.id, '北1号楼');
  okData(await s.call('duties', 'setRule', { communityId: NODES.community1, colour: 'yellow', respondHours: 5, resolveHours: 50, days: 'natural' }, PEOPLE.staff));
  const filed = (await as<{ id: string }>(PEOPLE.otherResident, 'orders', 'file', goodOrder({ buildingId: north1.id }))).id;
  const at = s.clock.now;
  okData(await s.call('orders', 'triage', { orderId: filed, colour: 'yellow' }, PEOPLE.staff));
  const order = await s.store.collection<{ _id: string; respondBy: number; resolveBy: number; owner: { areaId: string } }>('orders').get(filed);
  expect(order).toMatchObject({ respondBy: at + 5 * 3600_000, resolveBy: at + 50 * 3600_000, owner: { areaId: GRID3 } });
  // 张伟 lives in 第一网格: a member of the 社区, so a candidate for an order in 第三网格’s 微网格.
  const candidates = await as<{ items: Array<{ id: string; homeTrail: string }> }>(PEOPLE.staff, 'orders', 'candidates', { orderId: filed });
  expect(candidates.items.map((c) => c.id)).toContain(PEOPLE.member);
  // The community’s pool is the 社区, not the grid.
  okData(await s.call('orders', 'pool', { orderId: filed, level: 'community' }, PEOPLE.staff));
  expect((await s.store.collection<{ _id: string; pool: { areaId: string } }>('orders').get(filed))?.pool.areaId).toBe(NODES.community1);
});

test('a 网格员 whose grant sits on a 微网格 楼栋 opens the 积分规则 and 时限规则 of their 社区 without naming it', async () => {
  const micro = await add(PEOPLE.staff, NODES.grid1, '南区微网格', 'microgrid');
  const south1 = await add(PEOPLE.staff, micro.id, '南1号楼');
  const grant = { role: 'grid_worker' as const, areaId: south1.id, areaPath: await pathOf(south1.id), grantedBy: PEOPLE.staff, grantedAt: s.clock.now };
  await s.store.collection<UserDoc>('users').insert({ _id: 'u-levels-gw', name: '钱网格员', ...roleFields([grant]), rev: 0, createdAt: s.clock.now });
  // By depth the 社区 was two above the grant: here that is 第一网格, which was refused as "请选择社区（居委会）".
  expect((await as<{ communityId: string }>('u-levels-gw', 'points', 'rules', {})).communityId).toBe(NODES.community1);
  expect((await as<{ communityId: string }>('u-levels-gw', 'duties', 'rules', {})).communityId).toBe(NODES.community1);
});
