/**
 * 调整网格树 (issue 16, point 2): street and community staff add, rename and retire nodes within their subtree; a grid
 * leader, a resident and staff of another community are refused; a retired building leaves every list and its code
 * says why and offers the replacement; retiring waits until its open orders are moved.
 */
import type { Area } from '../../shared/areas/model';
import type { AreaView, AreaWithTrail, RetiredArea } from '../../shared/areas/schemas';
import type { AuditPage } from '../../shared/audit/schemas';
import type { ScanResolution } from '../../shared/codes/schemas';
import { act, fileOrder } from '../support/orders';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { errorOf, okData, startTestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  // Locally every function shares one process, so the forgetting instance is the filing one (proved below with the
  // default 10 s TTL); in cloud mode areas and orders run in different containers, which see an edit within WG_WARM_TTL_MS.
  s = await startTestServer({ functionEnv: { WG_WARM_TTL_MS: '0' } });
});
afterAll(() => s.close());

type Children = { parent: AreaView | null; children: AreaView[] };
const add = (who: string, data: Record<string, unknown>) => s.call<{ node: AreaView }>('areas', 'add', data, who);
const children = async (parentId: string) => okData(await s.call<Children>('areas', 'children', { parentId }, PEOPLE.resident)).children;
const search = async (q: string, who: string = PEOPLE.staff) => okData(await s.call<{ items: AreaWithTrail[] }>('areas', 'search', { q, limit: 50 }, who)).items;
const resolve = (id: string) => s.call<ScanResolution>('codes', 'resolve', { scene: `n=${id}` }, PEOPLE.resident);
const auditOf = async (action: string) => okData(await s.call<AuditPage>('audit', 'list', { action }, PEOPLE.street)).items;

let grid: AreaView;
let building: AreaView;

describe('adding nodes', () => {
  it('community staff add a 网格 under their community and a 楼栋 under it, with phones; both show in the tree and the log', async () => {
    grid = okData(await add(PEOPLE.staff, { parentId: NODES.community1, name: '第九网格', phone: '021-62345678' })).node;
    expect(grid).toMatchObject({ level: 'grid', levelName: '网格', name: '第九网格', parentId: NODES.community1, phone: '021-62345678' });
    expect(grid.path).toBe(`${(await s.store.collection<Area>('areas').get(NODES.community1))?.path}${grid.id}/`);
    building = okData(await add(PEOPLE.staff, { parentId: grid.id, name: '9号楼', phone: '13911112222' })).node;
    expect(building).toMatchObject({ level: 'building', parentId: grid.id, path: `${grid.path}${building.id}/` });
    expect((await children(NODES.community1)).map((c) => c.name)).toEqual(['第一网格', '第二网格', '第三网格', '第九网格']);
    expect((await children(grid.id)).map((c) => c.name)).toEqual(['9号楼']);
    const logged = await auditOf('areas.add');
    expect(logged.map((e) => `${e.actionName} ${e.recordName}`)).toEqual(['新增区域 区域「9号楼」', '新增区域 区域「第九网格」']);
    expect(logged[1]?.details).toEqual(expect.arrayContaining(['层级：网格', '上级：梅川第一居委会', '电话：021-62345678']));
  });

  it('a street admin adds a 片区 under the street', async () => {
    const zone = okData(await add(PEOPLE.street, { parentId: NODES.street, name: '新村片区' })).node;
    expect(zone).toMatchObject({ level: 'zone', levelName: '片区', parentId: NODES.street });
    expect((await children(NODES.street)).map((c) => c.name)).toContain('新村片区');
  });

  it('refuses a name already used among the siblings, naming the field', async () => {
    const e = errorOf(await add(PEOPLE.staff, { parentId: NODES.community1, name: '第一网格' }));
    expect(e).toMatchObject({ code: 'VALIDATION', fields: { name: '「梅川第一居委会」下已有名为「第一网格」的网格，请换一个名称' } });
    expect(errorOf(await add(PEOPLE.staff, { parentId: grid.id, name: '9号楼' })).fields?.name).toContain('已有名为「9号楼」的楼栋');
  });

  it.each([
    ['staff of another community', PEOPLE.otherStaff, NODES.community1],
    ['the grid leader', PEOPLE.gridLeader, NODES.grid1],
    ['a grid worker', PEOPLE.gridWorker, NODES.grid1],
    ['a resident', PEOPLE.resident, NODES.grid1],
  ])('refuses %s', async (_who, who, parentId) => {
    const before = (await children(parentId)).length;
    const e = errorOf(await add(who, { parentId, name: '越权楼' }));
    expect(e.code).toBe('FORBIDDEN');
    expect(e.message).toContain('只能调整本辖区内的区域');
    expect(await children(parentId)).toHaveLength(before);
  });

  it.each([
    ['a community under a 片区', { parentId: 'Z1', name: '新居委' }, 'parentId', '片区下的社区由上线设置按行政区划建立'],
    ['anything under a building', { parentId: NODES.building1, name: '地下室' }, 'parentId', '楼栋下不能再新增区域'],
    ['a bad phone', { parentId: NODES.grid1, name: '5号楼', phone: '12345' }, 'phone', '电话应为 11 位手机号或带区号的固定电话'],
    ['an empty name', { parentId: NODES.grid1, name: '  ' }, 'name', '请填写名称'],
    ['an unknown parent', { parentId: 'G-nowhere', name: '5号楼' }, 'parentId', '上级区域不存在或已撤销'],
  ])('says what is wrong with %s', async (_case, data, field, message) => {
    const who = data.parentId === 'Z1' ? PEOPLE.street : PEOPLE.staff;
    const e = errorOf(await add(who, data));
    expect(e.code).toBe('VALIDATION');
    expect(e.fields?.[field]).toContain(message);
  });
});

describe('renaming and phones', () => {
  it('renames a building and changes its phone; search and get show it, a repeated name is refused', async () => {
    const renamed = okData(await s.call<{ node: AreaView }>('areas', 'update', { id: building.id, name: '9号楼（东）', phone: '021-60000000' }, PEOPLE.staff)).node;
    expect(renamed).toMatchObject({ name: '9号楼（东）', phone: '021-60000000' });
    const got = okData(await s.call<{ node: AreaView }>('areas', 'get', { id: building.id }, PEOPLE.resident)).node;
    expect(got).toMatchObject({ name: '9号楼（东）', phone: '021-60000000' });
    expect((await search('9号楼（东）')).map((a) => a.trail)).toEqual(['长征镇 / 梅川片区 / 梅川第一居委会 / 第九网格 / 9号楼（东）']);
    const log = (await auditOf('areas.update'))[0];
    expect(log?.details).toEqual(['原名称：9号楼', '电话：021-60000000']);

    okData(await add(PEOPLE.staff, { parentId: grid.id, name: '19号楼' }));
    const e = errorOf(await s.call('areas', 'update', { id: building.id, name: '19号楼' }, PEOPLE.staff));
    expect(e).toMatchObject({ code: 'VALIDATION', fields: { name: expect.stringContaining('已有名为「19号楼」的楼栋') } });
  });

  it('clears a phone with an empty one; the community sets its own phone but keeps its official name', async () => {
    expect(okData(await s.call<{ node: AreaView }>('areas', 'update', { id: building.id, phone: '' }, PEOPLE.staff)).node.phone).toBeUndefined();
    expect((await s.store.collection<Area>('areas').get(building.id))?.phone).toBeUndefined();
    expect(okData(await s.call<{ node: AreaView }>('areas', 'update', { id: NODES.community1, phone: '021-61111111' }, PEOPLE.staff)).node.phone).toBe('021-61111111');
    const e = errorOf(await s.call('areas', 'update', { id: NODES.community1, name: '梅川新村' }, PEOPLE.staff));
    expect(e.fields?.name).toBe('社区的名称来自行政区划，不能在此修改');
  });

  it('refuses the grid leader, other communities and an edit that changes nothing', async () => {
    expect(errorOf(await s.call('areas', 'update', { id: NODES.building1, name: '一号楼' }, PEOPLE.gridLeader)).code).toBe('FORBIDDEN');
    expect(errorOf(await s.call('areas', 'update', { id: NODES.building1, name: '一号楼' }, PEOPLE.otherStaff)).code).toBe('FORBIDDEN');
    expect(errorOf(await s.call('areas', 'update', { id: NODES.building1, name: '1号楼' }, PEOPLE.staff)).fields?.name).toContain('名称和电话都没有变化');
  });
});

describe('retiring', () => {
  it('waits while open orders remain below, saying how many and where', async () => {
    const first = await fileOrder(s, { buildingId: building.id });
    const second = await fileOrder(s, { buildingId: building.id });
    const e = errorOf(await s.call('areas', 'retire', { id: grid.id, reason: '并入第一网格' }, PEOPLE.staff));
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toBe('「第九网格」还有 2 个未办结点单，请先转派：第九网格 · 9号楼（东） 2 个');
    expect((await children(NODES.community1)).map((c) => c.id)).toContain(grid.id);
    for (const orderId of [first, second]) await act(s, 'cancel', { orderId }, PEOPLE.resident);
  });

  it.each([
    ['the grid leader', PEOPLE.gridLeader, () => NODES.grid1],
    ['staff of another community', PEOPLE.otherStaff, () => grid.id],
    ['community staff, their own community', PEOPLE.staff, () => NODES.community1],
  ])('refuses %s', async (_who, who, id) => {
    expect(errorOf(await s.call('areas', 'retire', { id: id(), reason: '测试' }, who)).code).toBe('FORBIDDEN');
  });

  it('refuses a replacement of another level or inside what is retired', async () => {
    const wrong = errorOf(await s.call('areas', 'retire', { id: building.id, reason: '拆除', replacedBy: NODES.grid1 }, PEOPLE.staff));
    expect(wrong.fields?.replacedBy).toBe('替代区域应为楼栋，「第一网格」是网格');
    const inside = errorOf(await s.call('areas', 'retire', { id: grid.id, reason: '拆除', replacedBy: building.id }, PEOPLE.staff));
    expect(inside.fields?.replacedBy).toBe('替代区域不能是「第九网格」本身或它的下级');
  });

  it('retires a building named with its replacement: kept for history, gone from lists, its code says why and offers the new one', async () => {
    // Warm the filing instance's copy of the building first: the retirement must not leave it fileable.
    await fileOrder(s, { buildingId: building.id }).then((orderId) => act(s, 'cancel', { orderId }, PEOPLE.resident));
    const done = okData(await s.call<RetiredArea>('areas', 'retire', { id: building.id, reason: '拆除重建', replacedBy: NODES.building1 }, PEOPLE.staff));
    expect(done).toMatchObject({ id: building.id, retired: 1, replacedBy: { id: NODES.building1, name: '1号楼' } });

    const kept = await s.store.collection<Area>('areas').get(building.id);
    expect(kept).toMatchObject({ retired: true, retiredReason: '拆除重建', retiredBy: PEOPLE.staff, replacedBy: NODES.building1, name: '9号楼（东）' });
    expect((await children(grid.id)).map((c) => c.name)).toEqual(['19号楼']);
    expect(await search('9号楼（东）')).toEqual([]);

    const scan = okData(await resolve(building.id));
    expect(scan.goal).toBe('retired');
    expect(scan.retired?.message).toBe('这个二维码对应的楼栋“9号楼（东）”已停用：该楼栋已撤销（拆除重建），请改到楼栋“1号楼”点单');
    expect(scan.node).toMatchObject({ id: NODES.building1, name: '1号楼', trail: '长征镇 / 梅川片区 / 梅川第一居委会 / 第一网格 / 1号楼' });
    expect(scan.route).toBe(`/pages/order/new/index?building=${NODES.building1}`);

    expect(errorOf(await s.call('codes', 'forNode', { areaId: building.id }, PEOPLE.staff)).code).toBe('NOT_FOUND');
    s.clock.now += 24 * 3600 * 1000;
    const filed = errorOf(
      await s.call(
        'orders',
        'file',
        { buildingId: building.id, category: '维修', description: '楼道灯坏了一个星期，晚上看不见', contactName: '王阿姨', contactMobile: '13912345678' },
        PEOPLE.resident,
      ),
    );
    expect(filed.code).toBe('NOT_FOUND');
    expect(errorOf(await s.call('areas', 'update', { id: building.id, phone: '13900000000' }, PEOPLE.staff)).code).toBe('NOT_FOUND');
    expect(errorOf(await s.call('areas', 'retire', { id: building.id, reason: '再撤' }, PEOPLE.staff)).code).toBe('CONFLICT');

    const log = (await auditOf('areas.retire'))[0];
    expect(log).toMatchObject({ actionName: '撤销区域', recordName: '区域「9号楼（东）」' });
    expect(log?.details).toEqual(['层级：楼栋', '理由：拆除重建', '替代为：1号楼']);
  });

  it('retires a grid with its buildings; a building scanned below it says why and offers no replacement', async () => {
    const done = okData(await s.call<RetiredArea>('areas', 'retire', { id: grid.id, reason: '网格调整' }, PEOPLE.staff));
    expect(done).toMatchObject({ retired: 2, replacedBy: null });
    expect((await children(NODES.community1)).map((c) => c.name)).toEqual(['第一网格', '第二网格', '第三网格']);
    expect(await search('19号楼')).toEqual([]);
    const ten = (await s.store.collection<Area>('areas').find({ parentId: grid.id, name: '19号楼' }))[0];
    expect(ten).toMatchObject({ name: '19号楼', retired: true, retiredWith: grid.id });
    // The building retired before keeps its own retirement: the grid's does not overwrite it.
    expect(await s.store.collection<Area>('areas').get(building.id)).toMatchObject({ retiredWith: building.id, retiredReason: '拆除重建', replacedBy: NODES.building1 });
    const e = errorOf(await resolve(ten!._id));
    expect(e).toMatchObject({ code: 'NOT_FOUND', message: '这个二维码对应的楼栋“19号楼”已停用：该楼栋已撤销（网格调整）。请手动选择您所在的楼栋' });
    expect((await auditOf('areas.retire'))[0]?.details).toContain('连同下级共 2 个区域');
  });
});
