/** users: me for every role, role grants scoped to the granter's subtree and audited, people lists in scope. */
import type { MeView, Page, PersonView } from '../../shared/users/schemas';
import type { AuditDoc } from '../../backend/audit/record';
import { ensureAllIndexes } from '../../backend/collections';
import type { UserDoc } from '../../backend/users/repo';
import { staffOn } from '../../backend/users/repo';
import type { Filter } from '../../backend/store/port';
import type { PersonKey } from '../support/people';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { errorOf, okData, startTestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const me = async (who: string) => okData(await s.call<MeView>('users', 'me', {}, who));
const audits = (filter: Filter) => s.store.collection<AuditDoc>('audit').find(filter);

describe('users.me', () => {
  const expected: Record<PersonKey, { name: string; role: string; home: string }> = {
    resident: { name: '王秀英', role: '居民', home: '1号楼' },
    otherResident: { name: '李建国', role: '居民', home: '7号楼' },
    member: { name: '张伟', role: '在职党员', home: '2号楼' },
    memberOutOfScope: { name: '刘洋', role: '在职党员', home: '1号楼' },
    gridWorker: { name: '陈静', role: '网格员', home: '3号楼' },
    gridLeader: { name: '赵强', role: '网格长', home: '4号楼' },
    staff: { name: '孙丽', role: '社区工作人员', home: '9号楼' },
    otherStaff: { name: '周敏', role: '社区工作人员', home: '5号楼' },
    street: { name: '吴刚', role: '街道管理员', home: '10号楼' },
  };
  it.each(Object.entries(expected))('tells %s who they are, where they live and what they may do', async (key, want) => {
    const view = await me(PEOPLE[key as PersonKey]);
    expect(view.name).toBe(want.name);
    expect(view.home.map((a) => a.levelName)).toEqual(['街镇', '片区', '社区', '网格', '楼栋']);
    expect(view.home[4]?.name).toBe(want.home);
    expect(view.roles.map((r) => r.roleName)).toContain(want.role);
    expect(view.abilities.length).toBeGreaterThan(0);
    expect(view.mobileMasked).toMatch(/^139\*{4}\d{4}$/);
  });

  it('shows the street admin 一键响应 and a resident no staff abilities', async () => {
    expect((await me(PEOPLE.street)).abilities).toContain('一键响应');
    expect((await me(PEOPLE.resident)).abilities).not.toContain('社区派单');
  });

  it('records privacy consent with its version', async () => {
    expect((await me(PEOPLE.otherResident)).privacyAccepted).toBe(false);
    expect(errorOf(await s.call('users', 'acceptPrivacy', { version: '1999' }, PEOPLE.otherResident)).fields).toHaveProperty('version');
    okData(await s.call('users', 'acceptPrivacy', { version: '2026-11' }, PEOPLE.otherResident));
    expect((await me(PEOPLE.otherResident)).privacyAccepted).toBe(true);
  });
});

describe('users.grantRole: who may grant a 网格员 on 第一网格', () => {
  const cases: Array<[PersonKey, 'ok' | 'FORBIDDEN']> = [
    ['resident', 'FORBIDDEN'],
    ['otherResident', 'FORBIDDEN'],
    ['member', 'FORBIDDEN'],
    ['memberOutOfScope', 'FORBIDDEN'],
    ['gridWorker', 'FORBIDDEN'],
    ['gridLeader', 'ok'],
    ['staff', 'ok'],
    ['otherStaff', 'FORBIDDEN'],
    ['street', 'ok'],
  ];
  it.each(cases)('%s → %s', async (who, outcome) => {
    const target = PEOPLE.otherResident;
    const before = (await audits({ action: 'users.grantRole', actorId: PEOPLE[who] })).length;
    const env = await s.call<{ changed: boolean }>('users', 'grantRole', { userId: target, role: 'grid_worker', areaId: NODES.grid1 }, PEOPLE[who]);
    if (outcome === 'ok') {
      expect(okData(env).changed).toBe(true);
      expect((await audits({ action: 'users.grantRole', actorId: PEOPLE[who] })).length).toBe(before + 1);
      okData(await s.call('users', 'revokeRole', { userId: target, role: 'grid_worker', areaId: NODES.grid1, reason: '测试撤销' }, PEOPLE[who]));
    } else {
      expect(errorOf(env).code).toBe(outcome);
      expect((await audits({ action: 'users.grantRole', actorId: PEOPLE[who] })).length).toBe(before);
    }
    expect((await me(target)).roles.map((r) => r.role)).not.toContain('grid_worker');
  });
});

describe('a role reaches its whole subtree and nothing outside it', () => {
  it('a new 网格长 of 第二网格 can list people there and in its buildings, not in 第一网格', async () => {
    const newbie = PEOPLE.otherResident;
    const list = (areaId: string) => s.call<Page<PersonView>>('users', 'listPeople', { areaId }, newbie);
    expect(errorOf(await list(NODES.grid2)).code).toBe('FORBIDDEN');
    okData(await s.call('users', 'grantRole', { userId: newbie, role: 'grid_leader', areaId: NODES.grid2 }, PEOPLE.staff));
    const grid2 = okData(await list(NODES.grid2));
    expect(grid2.items.map((p) => p.name)).toEqual(['李建国']);
    okData(await list('B310107102008-2-3'));
    expect(errorOf(await list(NODES.grid1)).code).toBe('FORBIDDEN');
    expect(errorOf(await list(NODES.community1)).code).toBe('FORBIDDEN');
    okData(await s.call('users', 'revokeRole', { userId: newbie, role: 'grid_leader', areaId: NODES.grid2, reason: '调岗' }, PEOPLE.staff));
    expect(errorOf(await list(NODES.grid2)).code).toBe('FORBIDDEN');
  });
});

describe('users.grantRole rules', () => {
  it('is idempotent: granting twice changes nothing the second time and audits once', async () => {
    const args = { userId: PEOPLE.resident, role: 'member', areaId: NODES.community1 };
    expect(okData(await s.call<{ changed: boolean }>('users', 'grantRole', args, PEOPLE.staff)).changed).toBe(true);
    expect(okData(await s.call<{ changed: boolean }>('users', 'grantRole', args, PEOPLE.staff)).changed).toBe(false);
    const rows = await audits({ action: 'users.grantRole', targetId: PEOPLE.resident });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: PEOPLE.staff, areaPath: expect.stringContaining(NODES.community1), detail: { role: 'member' } });
  });

  it('refuses a role on the wrong level, naming the field', async () => {
    const err = errorOf(await s.call('users', 'grantRole', { userId: PEOPLE.resident, role: 'grid_leader', areaId: NODES.community1 }, PEOPLE.street));
    expect(err.code).toBe('VALIDATION');
    expect(err.fields?.areaId).toContain('网格长只能设在网格上');
  });

  it('does not let community staff create a street admin', async () => {
    const err = errorOf(await s.call('users', 'grantRole', { userId: PEOPLE.resident, role: 'street_admin', areaId: NODES.street }, PEOPLE.staff));
    expect(err.code).toBe('FORBIDDEN');
  });

  it('says NOT_FOUND for an unknown person or node', async () => {
    expect(errorOf(await s.call('users', 'grantRole', { userId: 'u-nobody', role: 'member', areaId: NODES.community1 }, PEOPLE.staff)).code).toBe('NOT_FOUND');
    expect(errorOf(await s.call('users', 'grantRole', { userId: PEOPLE.resident, role: 'member', areaId: 'C000' }, PEOPLE.staff)).code).toBe('NOT_FOUND');
  });

  it('revoking needs a reason and is audited with it', async () => {
    const err = errorOf(await s.call('users', 'revokeRole', { userId: PEOPLE.resident, role: 'member', areaId: NODES.community1 }, PEOPLE.staff));
    expect(err.fields).toHaveProperty('reason');
    okData(await s.call('users', 'revokeRole', { userId: PEOPLE.resident, role: 'member', areaId: NODES.community1, reason: '搬离本社区' }, PEOPLE.staff));
    const rows = await audits({ action: 'users.revokeRole', targetId: PEOPLE.resident });
    expect(rows.map((r) => r.detail.reason)).toEqual(['搬离本社区']);
  });
});

describe('users.listPeople', () => {
  it('lists a community with masked phones, paged and filtered by role', async () => {
    const page = okData(await s.call<Page<PersonView>>('users', 'listPeople', { areaId: NODES.community1, pageSize: 3 }, PEOPLE.staff));
    expect(page.total).toBe(7);
    expect(page.items).toHaveLength(3);
    expect(JSON.stringify(page)).not.toMatch(/139\d{8}/);
    const members = okData(await s.call<Page<PersonView>>('users', 'listPeople', { areaId: NODES.community1, role: 'member' }, PEOPLE.staff));
    expect(members.items.map((p) => p.name)).toEqual(['张伟']);
  });

  it('offers 撤销 only on the roles the server lets the viewer revoke: every other one is refused', async () => {
    const page = okData(await s.call<Page<PersonView>>('users', 'listPeople', { areaId: NODES.grid1, pageSize: 50 }, PEOPLE.gridLeader));
    const shown = page.items.flatMap((p) => p.roles.map((r) => ({ person: p, role: r })));
    const offered = shown.filter((x) => x.role.canRevoke);
    const withheld = shown.filter((x) => !x.role.canRevoke);
    expect(offered.map((x) => x.role.role)).toContain('grid_worker');
    expect(withheld.map((x) => x.role.role)).toEqual(expect.arrayContaining(['member', 'grid_leader']));
    expect(offered.every((x) => x.person.id !== PEOPLE.gridLeader)).toBe(true);
    for (const { person, role } of withheld) {
      const answer = await s.call('users', 'revokeRole', { userId: person.id, role: role.role, areaId: role.areaId, reason: '试一试' }, PEOPLE.gridLeader);
      expect([person.name, role.roleName, errorOf(answer).code]).toEqual([person.name, role.roleName, 'FORBIDDEN']);
    }
  });

  it('is forbidden to residents, members and staff of another community', async () => {
    for (const who of [PEOPLE.resident, PEOPLE.member, PEOPLE.otherStaff]) {
      expect(errorOf(await s.call('users', 'listPeople', { areaId: NODES.community1 }, who)).code).toBe('FORBIDDEN');
    }
  });
});

describe("the nodes where a person is staff (whom a node's WeChat pushes reach) follow their roles", () => {
  const staffNodes = async (id: string) => (await s.store.collection<UserDoc>('users').get(id))?.staffAreaIds;
  const grant = (role: string, areaId: string) => s.call('users', 'grantRole', { userId: PEOPLE.otherResident, role, areaId }, PEOPLE.staff);
  const revoke = (role: string, areaId: string) => s.call('users', 'revokeRole', { userId: PEOPLE.otherResident, role, areaId, reason: '调岗' }, PEOPLE.staff);

  it('a staff role adds its node, a revoke takes it away; a member role adds none', async () => {
    expect(await staffNodes(PEOPLE.otherResident)).toEqual([]);
    okData(await grant('grid_worker', NODES.grid1));
    okData(await grant('grid_leader', NODES.grid2));
    okData(await grant('member', NODES.community1));
    expect(await staffNodes(PEOPLE.otherResident)).toEqual([NODES.grid1, NODES.grid2]);
    const onGrids = await staffOn(s.store, [NODES.grid1, NODES.grid2], 100);
    expect(onGrids.map((u) => u._id)).toContain(PEOPLE.otherResident);
    expect(onGrids.map((u) => u._id)).toContain(PEOPLE.gridLeader);
    okData(await revoke('grid_worker', NODES.grid1));
    expect(await staffNodes(PEOPLE.otherResident)).toEqual([NODES.grid2]);
    expect((await staffOn(s.store, [NODES.grid1], 100)).map((u) => u._id)).not.toContain(PEOPLE.otherResident);
    okData(await revoke('grid_leader', NODES.grid2));
    okData(await revoke('member', NODES.community1));
    expect(await staffNodes(PEOPLE.otherResident)).toEqual([]);
  });

  it('a person stored before the field existed gets it at start, or on their next call', async () => {
    const legacy = s.store.collection<Omit<UserDoc, 'staffAreaIds'>>('users');
    const grant1 = { role: 'grid_leader' as const, areaId: NODES.grid1, areaPath: '/', grantedBy: 'test', grantedAt: 0 };
    await legacy.insert({ _id: 'u-old-1', name: '老档案一', roles: [grant1], roleNames: ['grid_leader'], rev: 0, createdAt: 0 });
    await legacy.insert({ _id: 'u-old-2', name: '老档案二', roles: [grant1], roleNames: ['grid_leader'], rev: 0, createdAt: 0 });
    await ensureAllIndexes(s.store);
    expect(await staffNodes('u-old-1')).toEqual([NODES.grid1]);
    await legacy.updateWhere({ _id: 'u-old-2' }, { $unset: { staffAreaIds: true } });
    okData(await s.call('users', 'me', {}, 'u-old-2'));
    expect(await staffNodes('u-old-2')).toEqual([NODES.grid1]);
  });
});
