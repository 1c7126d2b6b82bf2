/** areas: the tree is readable by every signed-in person; search stays inside the actor's scope. */
import type { AreaView, AreaWithTrail } from '../../shared/areas/schemas';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { errorOf, okData, startTestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

type Children = { parent: AreaView | null; children: AreaView[] };

describe('areas.children', () => {
  it.each(Object.values(PEOPLE))('walks street → 片区 → 社区 → 网格 → 楼栋 for %s', async (who) => {
    const top = okData(await s.call<Children>('areas', 'children', {}, who));
    expect(top.children.map((c) => c.name)).toEqual(['长征镇']);
    const zones = okData(await s.call<Children>('areas', 'children', { parentId: NODES.street }, who));
    expect(zones.children.map((c) => c.name)).toEqual(['梅川片区', '怒江片区', '建德片区', '真如片区']);
    const grids = okData(await s.call<Children>('areas', 'children', { parentId: NODES.community1 }, who));
    expect(grids.parent?.name).toBe('梅川第一居委会');
    expect(grids.children.map((c) => `${c.levelName}:${c.name}`)).toEqual(['网格:第一网格', '网格:第二网格', '网格:第三网格']);
    const buildings = okData(await s.call<Children>('areas', 'children', { parentId: NODES.grid1 }, who));
    expect(buildings.children).toHaveLength(4);
    expect(buildings.children.every((b) => b.level === 'building')).toBe(true);
  });

  it('leaves retired nodes out and refuses to browse under them', async () => {
    await s.store.collection('areas').updateWhere({ _id: NODES.grid2 }, { $set: { retired: true } });
    try {
      const grids = okData(await s.call<Children>('areas', 'children', { parentId: NODES.community1 }, PEOPLE.resident));
      expect(grids.children.map((c) => c.id)).not.toContain(NODES.grid2);
      expect(errorOf(await s.call('areas', 'children', { parentId: NODES.grid2 }, PEOPLE.resident)).code).toBe('NOT_FOUND');
    } finally {
      await s.store.collection('areas').updateWhere({ _id: NODES.grid2 }, { $unset: { retired: true } });
    }
  });

  it('needs a signed-in caller', async () => {
    expect(errorOf(await s.call('areas', 'children', {})).code).toBe('UNAUTHENTICATED');
  });
});

describe('areas.children from the person’s own place (mine)', () => {
  type Own = Children & { crumbs?: AreaView[] };
  const own = async (who: string) => okData(await s.call<Own>('areas', 'children', { mine: true }, who));

  it('a 网格长 of one grid starts at that grid, its buildings one tap away, with the trail from the street', async () => {
    const v = await own(PEOPLE.gridLeader);
    expect(v.parent?.id).toBe(NODES.grid1);
    expect(v.children).toHaveLength(4);
    expect(v.children.every((b) => b.level === 'building')).toBe(true);
    expect(v.crumbs?.map((c) => c.levelName)).toEqual(['街镇', '片区', '社区', '网格']);
    expect(v.crumbs?.at(-1)?.id).toBe(NODES.grid1);
  });

  it.each([
    ['community staff at their community', PEOPLE.staff, NODES.community1],
    ['the street admin at the street', PEOPLE.street, NODES.street],
    ['a resident at the grid they live in', PEOPLE.resident, NODES.grid1],
  ])('%s', async (_, who, at) => {
    expect((await own(who)).parent?.id).toBe(at);
  });

  it('with a parent given, mine changes nothing', async () => {
    const v = await s.call<Own>('areas', 'children', { parentId: NODES.community1, mine: true }, PEOPLE.gridLeader);
    expect(okData(v).parent?.id).toBe(NODES.community1);
  });
});

describe('areas.get', () => {
  it('returns a building with its ancestors, root first', async () => {
    const got = okData(await s.call<{ node: AreaView; ancestors: AreaView[] }>('areas', 'get', { id: NODES.building1 }, PEOPLE.resident));
    expect(got.node.name).toBe('1号楼');
    expect(got.ancestors.map((a) => a.name)).toEqual(['长征镇', '梅川片区', '梅川第一居委会', '第一网格']);
  });

  it('says NOT_FOUND for an unknown node', async () => {
    const err = errorOf(await s.call('areas', 'get', { id: 'B-nope' }, PEOPLE.resident));
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toContain('不存在');
  });
});

describe('areas.search stays in scope', () => {
  const search = async (who: string, data: Record<string, unknown>) => okData(await s.call<{ items: AreaWithTrail[] }>('areas', 'search', { limit: 50, ...data }, who)).items;

  it('a resident finds buildings of their own community only', async () => {
    const items = await search(PEOPLE.resident, { q: '号楼' });
    expect(items.length).toBe(12);
    expect(items.every((a) => a.path.includes(`/${NODES.community1}/`))).toBe(true);
    expect(items[0]?.trail).toBe('长征镇 / 梅川片区 / 梅川第一居委会 / 第一网格 / 1号楼');
  });

  it('community staff search their community, street admins the whole street', async () => {
    const mine = await search(PEOPLE.otherStaff, { q: '网格' });
    expect(mine.map((a) => a.id).sort()).toEqual([1, 2, 3].map((g) => `G310107102009-${g}`));
    const street = await search(PEOPLE.street, { q: '居委会' });
    expect(street.length).toBe(28);
  });

  it('a grid worker sees only their grid', async () => {
    const items = await search(PEOPLE.gridWorker, { q: '号楼' });
    expect(items.map((a) => a.name)).toEqual(['1号楼', '2号楼', '3号楼', '4号楼']);
  });

  it('refuses to search inside another community', async () => {
    const err = errorOf(await s.call('areas', 'search', { q: '号楼', withinId: NODES.community2 }, PEOPLE.staff));
    expect(err.code).toBe('FORBIDDEN');
  });

  it('filters by level', async () => {
    const items = await search(PEOPLE.street, { q: '梅川', level: 'community' });
    expect(items.map((a) => a.name)).toEqual(expect.arrayContaining(['梅川第一居委会', '梅川第二居委会']));
    expect(items.every((a) => a.level === 'community')).toBe(true);
  });
});
