/**
 * 微网格 (issue 16: 街镇—片区—居民区—微网格—楼组): staff add a 微网格 under a grid and move a new 楼栋 into it; a resident
 * scans that 楼栋's code (its grid's poster sheet has it) and files an order that reaches the grid's 网格长 and counts at the grid and at the 微网格; a
 * 微网格联络员 granted on it links the households living there; retiring the 微网格 is refused while the order is open.
 */
import type { AreaView, RetiredArea } from '../../shared/areas/schemas';
import type { AuditPage } from '../../shared/audit/schemas';
import type { CodeView, PosterFile, ScanResolution } from '../../shared/codes/schemas';
import type { ChildrenView, SummaryView } from '../../shared/dashboard/schemas';
import type { ConsoleCounts, OrderPage } from '../../shared/orders/schemas';
import { goodOrder } from '../support/orders';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { pdfPageTexts } from '../support/pdf';
import { errorOf, fetchable, okData, startTestServer } from '../support/server';

jest.setTimeout(120000);

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const as = <T>(who: string, fn: string, action: string, data: Record<string, unknown>) => s.call<T>(fn as never, action, data, who);
const children = async (parentId: string) => okData(await as<{ children: AreaView[] }>(PEOPLE.resident, 'areas', 'children', { parentId })).children;
const filedToday = async (areaId: string) => okData(await as<SummaryView>(PEOPLE.street, 'dashboard', 'summary', { areaId, period: 'today' })).totals.filed;

test('a 微网格 under a grid: a 楼栋 moved into it, scanned, filed; the order reaches the 网格长 and counts at grid and 微网格; retiring it waits for the order to close', async () => {
  // 1. Under a grid staff choose 微网格 or 楼栋; a 微网格 takes only 楼栋, and a 楼栋 nothing.
  const micro = okData(await as<{ node: AreaView }>(PEOPLE.staff, 'areas', 'add', { parentId: NODES.grid1, name: '东区微网格', level: 'microgrid', phone: '13900000101' })).node;
  expect(micro).toMatchObject({ level: 'microgrid', levelName: '微网格', parentId: NODES.grid1, phone: '13900000101' });
  const wrong = errorOf(await as(PEOPLE.staff, 'areas', 'add', { parentId: micro.id, name: '再一层', level: 'microgrid' }));
  expect(wrong.fields?.level).toBe('微网格下只能新增楼栋，不能新增微网格');
  expect(errorOf(await as(PEOPLE.staff, 'areas', 'add', { parentId: NODES.community1, name: '社区下的微网格', level: 'microgrid' })).fields?.level).toBe(
    '社区下只能新增网格，不能新增微网格',
  );
  expect(errorOf(await as(PEOPLE.gridLeader, 'areas', 'add', { parentId: NODES.grid1, name: '网格长加的', level: 'microgrid' })).code).toBe('FORBIDDEN');

  // 2. A new 楼栋 under the grid, moved into the 微网格: its path and trail now run through it.
  const building = okData(await as<{ node: AreaView }>(PEOPLE.staff, 'areas', 'add', { parentId: NODES.grid1, name: '微1号楼' })).node;
  expect(building.level).toBe('building');
  const moved = okData(await as<{ node: AreaView }>(PEOPLE.staff, 'areas', 'move', { id: building.id, parentId: micro.id })).node;
  expect(moved).toMatchObject({ parentId: micro.id, path: `${micro.path}${building.id}/` });
  expect((await children(micro.id)).map((c) => c.name)).toEqual(['微1号楼']);
  expect((await children(NODES.grid1)).map((c) => c.name)).not.toContain('微1号楼');
  // Nothing moves under a 楼栋 (a 微网格 moves to another 网格, with its subtree: tests/integration/areas.move.test.ts).
  expect(errorOf(await as(PEOPLE.staff, 'areas', 'move', { id: micro.id, parentId: NODES.building1 })).fields?.parentId).toContain('微网格只能移到网格下');
  expect(errorOf(await as(PEOPLE.staff, 'areas', 'move', { id: building.id, parentId: NODES.building1 })).fields?.parentId).toContain('楼栋只能移到网格或微网格下');
  const log = okData(await as<AuditPage>(PEOPLE.street, 'audit', 'list', { action: 'areas.move' })).items;
  expect(log).toHaveLength(1);

  // The grid's poster sheet has a page for each of its 楼栋, the one in its 微网格 last (where the 微网格 stands).
  const poster = okData(await as<PosterFile>(PEOPLE.staff, 'codes', 'posterForGrid', { gridId: NODES.grid1 }));
  const pages = await pdfPageTexts(Buffer.from(await (await fetch(fetchable(s, poster.url))).arrayBuffer()));
  expect(pages).toHaveLength(5);
  expect(pages[4]).toContain('微1号楼');

  // 3. Its code, scanned by a resident, leads to filing there; the order is the grid's and names the 微网格.
  const code = okData(await as<CodeView>(PEOPLE.staff, 'codes', 'forNode', { areaId: building.id }));
  const scan = okData(await as<ScanResolution>(PEOPLE.otherResident, 'codes', 'resolve', { scene: code.scene }));
  expect(scan).toMatchObject({ goal: 'order', node: { id: building.id } });
  expect(scan.node?.trail).toContain('第一网格 / 东区微网格 / 微1号楼');
  const [gridBefore, microBefore] = [await filedToday(NODES.grid1), await filedToday(micro.id)];
  const filed = okData(await as<{ id: string }>(PEOPLE.otherResident, 'orders', 'file', goodOrder({ buildingId: building.id })));

  // 4. It reaches the grid's 网格长 (派单台 待分拣), and counts at the grid and at the 微网格.
  const desk = okData(await as<{ counts: ConsoleCounts; page: OrderPage }>(PEOPLE.gridLeader, 'orders', 'console', { tab: 'new' }));
  const card = desk.page.items.find((o) => o.id === filed.id);
  expect(card?.place).toBe('第一网格 · 东区微网格 · 微1号楼');
  expect(await filedToday(NODES.grid1)).toBe(gridBefore + 1);
  expect(await filedToday(micro.id)).toBe(microBefore + 1);
  // The grid's 下级对比 lists the 微网格 beside the 楼栋 straight under it.
  const rows = okData(await as<ChildrenView>(PEOPLE.street, 'dashboard', 'children', { areaId: NODES.grid1, period: 'today' }));
  expect(rows.childLevelName).toBe('微网格/楼栋');
  expect(rows.rows.find((r) => r.id === micro.id)).toMatchObject({ level: 'microgrid', filed: microBefore + 1, open: 1 });
  // The 网格长 triages it yellow: the grid, not the 微网格, answers for it.
  okData(await as(PEOPLE.gridLeader, 'orders', 'triage', { orderId: filed.id, colour: 'yellow' }));
  const order = await s.store.collection<{ _id: string; owner: { areaId: string } }>('orders').get(filed.id);
  expect(order?.owner.areaId).toBe(NODES.grid1);

  // 5. Retiring the 微网格 (with its 楼栋) is refused while the order is open, and goes through once it is closed.
  const refused = errorOf(await as(PEOPLE.staff, 'areas', 'retire', { id: micro.id, reason: '合并' }));
  expect(refused).toMatchObject({ code: 'CONFLICT' });
  expect(refused.message).toBe('「东区微网格」还有 1 个未办结点单，请先转派：第一网格 · 东区微网格 · 微1号楼 1 个');
  expect((await children(micro.id)).map((c) => c.name)).toEqual(['微1号楼']);
  okData(await as(PEOPLE.otherResident, 'orders', 'cancel', { orderId: filed.id, reason: '已经修好了' }));
  const retired = okData(await as<RetiredArea>(PEOPLE.staff, 'areas', 'retire', { id: micro.id, reason: '合并' }));
  expect(retired.retired).toBe(2);
  const retireLog = okData(await as<AuditPage>(PEOPLE.street, 'audit', 'list', { action: 'areas.retire' })).items;
  expect(retireLog[0]?.details).toEqual(expect.arrayContaining(['连同下级共 2 个区域']));
});

test('a 微网格联络员 is granted on a 微网格 and links only households living in it', async () => {
  const micro = okData(await as<{ node: AreaView }>(PEOPLE.staff, 'areas', 'add', { parentId: NODES.grid2, name: '西区微网格', level: 'microgrid' })).node;
  const home = okData(await as<{ node: AreaView }>(PEOPLE.staff, 'areas', 'add', { parentId: micro.id, name: '西1号楼' })).node;
  // The liaison is a resident of the grid; a neighbour makes the new 楼栋 their home.
  okData(await as(PEOPLE.staff, 'users', 'grantRole', { userId: PEOPLE.member, role: 'liaison', areaId: micro.id }));
  okData(await as(PEOPLE.otherResident, 'users', 'setHome', { name: '孙阿姨', buildingId: home.id }));
  const link = (residentIds: string[]) =>
    as<{ households: number }>(PEOPLE.staff, 'users', 'linkHouseholds', { userId: PEOPLE.member, role: 'liaison', areaId: micro.id, residentIds });
  expect(errorOf(await link([PEOPLE.resident])).fields?.residentIds).toContain('不住在该联络员负责的区域内');
  okData(await link([PEOPLE.otherResident]));
  const mine = okData(await as<{ items: Array<{ id: string; name: string }> }>(PEOPLE.member, 'users', 'myHouseholds', {}));
  expect(mine.items.map((h) => h.name)).toEqual(['孙阿姨']);
});
