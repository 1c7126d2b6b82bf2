/** The 信息库 filter bar's choices: each row has 全部 plus the values the server accepts. */
import { REGISTRATION_STATUSES, REGISTRATION_STATUS_NAMES } from '@shared/members/model';
import type { RegistrationStatus, ServedFilter } from '@shared/members/model';
import type { ExportLibraryInput } from '@shared/members/schemas';
import { MEMBER_SKILLS } from '@shared/users/roles';
import type { Skill } from '@shared/users/roles';

export const ALL = 'all' as const;

interface Chip<V extends string> {
  value: V;
  label: string;
}

export interface LibraryFilters {
  status: RegistrationStatus | typeof ALL;
  skill: Skill | typeof ALL;
  served: ServedFilter | typeof ALL;
  orgId: string;
  grid: { id: string; name: string } | null;
}

/** Members who are in service are what staff look for first. */
export const DEFAULT_FILTERS: LibraryFilters = { status: 'approved', skill: ALL, served: ALL, orgId: ALL, grid: null };

export const STATUS_CHIPS: Array<Chip<LibraryFilters['status']>> = [
  { value: ALL, label: '全部状态' },
  ...REGISTRATION_STATUSES.map((s) => ({ value: s, label: REGISTRATION_STATUS_NAMES[s] })),
];
export const SKILL_CHIPS: Array<Chip<LibraryFilters['skill']>> = [{ value: ALL, label: '全部技能' }, ...MEMBER_SKILLS.map((s) => ({ value: s, label: s }))];
export const SERVED_CHIPS: Array<Chip<LibraryFilters['served']>> = [
  { value: ALL, label: '不限' },
  { value: 'yes', label: '今年已服务' },
  { value: 'no', label: '今年未服务' },
];

/** The filters as the server's input: 全部 means "not given". */
export function toInput(f: LibraryFilters): ExportLibraryInput {
  return {
    ...(f.status !== ALL ? { status: f.status } : {}),
    ...(f.skill !== ALL ? { skill: f.skill } : {}),
    ...(f.served !== ALL ? { served: f.served } : {}),
    ...(f.orgId !== ALL ? { orgId: f.orgId } : {}),
    ...(f.grid ? { gridId: f.grid.id } : {}),
  };
}
