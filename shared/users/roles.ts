/** Roles, where each may be granted, and the Actor the runtime builds for every call. */
import type { AreaLevel } from '../areas/model';

/**
 * building_head 楼栋长, liaison 微网格联络员 and grid_volunteer 网格志愿者 (issue 16, by invitation) carry no staff powers:
 * they name who helps where. There is no 专职/兼职 distinction: both are 网格员 (the invitation keeps which post it was).
 */
export const ROLES = ['resident', 'member', 'building_head', 'liaison', 'grid_volunteer', 'grid_worker', 'grid_leader', 'community_staff', 'street_admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = {
  resident: '居民',
  member: '在职党员',
  building_head: '楼栋长',
  liaison: '微网格联络员',
  grid_volunteer: '网格志愿者',
  grid_worker: '网格员',
  grid_leader: '网格长',
  community_staff: '社区工作人员',
  street_admin: '街道管理员',
};

/** Higher rank may do more; used only for "who may grant whom". */
export const ROLE_RANK: Record<Role, number> = {
  resident: 0,
  member: 1,
  building_head: 1,
  liaison: 1,
  grid_volunteer: 1,
  grid_worker: 2,
  grid_leader: 3,
  community_staff: 4,
  street_admin: 5,
};

/** Levels of the area tree a role may be granted on. */
export const ROLE_LEVELS: Record<Role, readonly AreaLevel[]> = {
  resident: ['building'],
  member: ['community'],
  building_head: ['building'],
  liaison: ['grid', 'microgrid', 'building'],
  grid_volunteer: ['grid'],
  grid_worker: ['grid', 'building'],
  grid_leader: ['grid'],
  community_staff: ['community'],
  street_admin: ['street', 'zone'],
};

export const STAFF_ROLES: readonly Role[] = ['grid_worker', 'grid_leader', 'community_staff', 'street_admin'];

/** The nodes whose staff messages reach this person (their inbox, and WeChat pushes): every node of a staff grant. */
export function staffAreaIdsOf(roles: readonly Pick<RoleGrant, 'role' | 'areaId' | 'away'>[]): string[] {
  // A grant whose holder is away (AB角) reaches their B person instead, through the B person's acting grant.
  return [...new Set(roles.filter((g) => STAFF_ROLES.includes(g.role) && !g.away).map((g) => g.areaId))];
}

/** The grants that act for the person now: those of a holder marked away (AB角) reach their deputy instead. */
export const activeGrants = (roles: readonly RoleGrant[]): RoleGrant[] => roles.filter((g) => !g.away);

/** What each role may do, as the home page tells it. */
export const ROLE_ABILITIES: Record<Role, readonly string[]> = {
  resident: ['扫民情二维码点单', '查看我的点单并评单', '发布微心愿', '一键呼叫网格长'],
  member: ['在接单大厅接单', '处理派给我的单', '报名志愿服务', '申报服务积分'],
  building_head: ['联系本楼住户', '帮邻居扫码点单', '一键呼叫网格长'],
  liaison: ['联系所联住户（一人联十户）', '帮邻居扫码点单', '一键呼叫网格长'],
  grid_volunteer: ['报名志愿服务', '帮邻居扫码点单', '一键呼叫网格长'],
  grid_worker: ['记民情日记', '分拣本网格点单', '绿色事项销号'],
  grid_leader: ['本网格分拣派单', '处置黄色事项', '汇总党员积分申报'],
  community_staff: ['社区派单', '审核双报到', '核实积分', '发布志愿活动', '打印民情二维码', '授予或撤销角色'],
  street_admin: ['处置红色事项', '查看全街道数据', '一键响应', '平时/急时切换', '授予或撤销角色'],
};

/** 党员技能 (双报到 registration): orders in the pool may require one. */
export const MEMBER_SKILLS = ['法律', '医疗', '维修', '教育', '心理', '文艺', '其他'] as const;
export type Skill = (typeof MEMBER_SKILLS)[number];

/** A role held on one node of the tree; it reaches the node's whole subtree. */
export interface RoleGrant {
  role: Role;
  areaId: string;
  areaPath: string;
  grantedBy: string;
  grantedAt: number;
  /** AB角: the B person who receives this grant's items while the holder is away (docs/areas.md#ab角). */
  deputyId?: string;
  deputyName?: string;
  /** The holder is away: the grant gives them nothing until they are back, and their deputy holds an acting copy. */
  away?: boolean;
  /** On the B person: a copy of the A person's grant, held only while A is away. */
  actingFor?: { userId: string; name: string };
  /** 一人联十户: the residents a 微网格联络员 is linked to (ids of their records). */
  households?: string[];
}

/** Who is calling, as the runtime resolved it: never taken from the payload. */
export interface Actor {
  userId: string;
  name: string;
  roles: RoleGrant[];
  /** A member's registered skills (empty for everyone else). */
  skills: Skill[];
  /** Orders the member holds now, as kept on their record (the open-order cap reads it). */
  held?: number;
  /** Own orders done and awaiting the person's rating (待评价), as kept on their record (users.todo reads it with the caller). */
  toRate?: number;
  /** 一键响应 sent to the person and not yet acknowledged, as kept on their record (users.todo reads it with the caller). */
  unacked?: number;
  /** Messages created after this instant are unread, as kept on their record (the inbox reads it without a second read). */
  lastReadAt?: number;
  /** The member's 志愿岗位 stints, as kept on their record (my points' duty check reads them without another read). */
  postStints?: Record<string, PostStint>;
  /** The units (多方接单) the person works for, as kept on their record: they act on orders dispatched to them. */
  units?: string[];
}

/** One time a member held a volunteer post: from `since` until `until` (null while held). */
export interface PostStint {
  since: number;
  until: number | null;
}
