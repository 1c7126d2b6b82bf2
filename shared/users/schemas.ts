/** Inputs and views of the `users` function: who am I, people in scope, grant and revoke roles. */
import type { AreaLevel } from '../areas/model';
import type { AreaView } from '../areas/schemas';
import * as z from 'zod/mini';
import { bool, id, input, int, noInput, oneOf, text } from '../validation';
import type { Role } from './roles';
import { ROLES } from './roles';

export const meInput = noInput;

export const PRIVACY_VERSION = '2026-11';

export const acceptPrivacyInput = input({
  version: oneOf('隐私指引版本', [PRIVACY_VERSION]),
});

export const grantRoleInput = input({
  userId: id('用户'),
  role: oneOf('角色', ROLES),
  areaId: id('区域'),
});

export const revokeRoleInput = input({
  userId: id('用户'),
  role: oneOf('角色', ROLES),
  areaId: id('区域'),
  reason: text('撤销原因', { min: 2, max: 200 }),
});

/** 完善资料: who I am and which building I live in (grants the resident role there). */
export const setHomeInput = input({
  name: text('称呼', { min: 1, max: 20 }),
  buildingId: id('居住楼栋'),
});

/** 长辈模式: larger type and buttons on every resident page, stored per person. */
export const setElderModeInput = input({ on: bool('长辈模式') });

/** 一键呼叫: who answers for my building. */
export const callContactInput = noInput;

export const listPeopleInput = input({
  areaId: id('区域'),
  role: z.optional(oneOf('角色', ROLES)),
  page: z.optional(int('页码', 1, 1000)),
  pageSize: z.optional(int('每页条数', 1, 50)),
});

export interface RoleView {
  role: Role;
  roleName: string;
  areaId: string;
  areaName: string;
  areaLevel: AreaLevel;
  /** The node's trail from the street down. */
  trail: string;
}

export interface MeView {
  id: string;
  name: string;
  mobileMasked: string | null;
  /** Where the person lives: the building and its ancestors, root first. */
  home: AreaView[];
  roles: RoleView[];
  /** What this person may do, in the users' words. */
  abilities: string[];
  privacyAccepted: boolean;
  /** 长辈模式 is on for this person. */
  elderMode: boolean;
  /** How many units (多方接单: 物业, 职能部门, 共建单位) the person acts for: the bottom bar's 接单 then leads to 单位接单. */
  units: number;
}

/** 一键呼叫 target: the grid leader of a place, or the community office when the grid has no phone. */
export interface ContactView {
  /** The grid leader's name; null when calling an office. */
  name: string | null;
  /** 网格长 / 社区居委会 / 街道. */
  roleName: string;
  phone: string;
  /** The grid or community the phone belongs to. */
  areaName: string;
}

export interface PersonView {
  id: string;
  name: string;
  mobileMasked: string | null;
  homeTrail: string;
  /** Each with whether the viewer may 撤销 it (the server's own rule), so the page offers no button that always fails. */
  roles: Array<RoleView & { canRevoke: boolean }>;
  /** The viewer may grant or revoke this person's roles at all: never their own (shared/users/permissions). */
  canChangeRoles: boolean;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type GrantRoleInput = z.infer<typeof grantRoleInput>;
export type RevokeRoleInput = z.infer<typeof revokeRoleInput>;
export type SetHomeInput = z.infer<typeof setHomeInput>;
export type ListPeopleInput = z.infer<typeof listPeopleInput>;
export type SetElderModeInput = z.infer<typeof setElderModeInput>;

export const todoInput = noInput;
/** One line of the home page's 待办: what it is, how many, and whether it comes first (超时). */
export type TodoKey = 'ack' | 'overdue' | 'new' | 'toDispatch' | 'reg' | 'wish' | 'sum' | 'verify' | 'held' | 'hall' | 'toRate' | 'unread';
export interface TodoItem {
  key: TodoKey;
  label: string;
  count: number;
  urgent: boolean;
}
export interface TodoView {
  items: TodoItem[];
}
