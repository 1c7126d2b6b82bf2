/** 多方接单 units: 物业服务企业, 职能部门 and 共建单位 take orders alongside members and the pool, each within its service area. */

export const UNIT_KINDS = ['property', 'department', 'partner'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_NAMES: Record<UnitKind, string> = { property: '物业服务企业', department: '职能部门', partner: '共建单位' };

/** The unit an order is with, as the order keeps it (lists and the timeline need no unit read). */
export interface OrderUnit {
  id: string;
  name: string;
  kind: UnitKind;
}

/** The communities or grids a unit covers: an order's building path under one of them is in its area. */
export const covers = (unit: { areaPaths: readonly string[] }, path: string): boolean => unit.areaPaths.some((p) => path.startsWith(p));

/** The paths a unit covering `path` may be declared on: each ancestor node of a building path (used to find candidates in one query). */
export function coveringPaths(path: string): string[] {
  const ids = path.split('/').filter(Boolean);
  return ids.slice(0, -1).map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}

/** The unit-held order lists (单位接单): 待接单, 处理中, 已办结 (done or handed back after completion). */
export const UNIT_ORDER_SCOPES = {
  waiting: { name: '待接单', statuses: ['assigned'] },
  active: { name: '处理中', statuses: ['in_progress'] },
  done: { name: '已办结', statuses: ['completed', 'reopened', 'closed'] },
} as const;
export type UnitOrderScope = keyof typeof UNIT_ORDER_SCOPES;
export const UNIT_ORDER_SCOPE_KEYS = Object.keys(UNIT_ORDER_SCOPES) as [UnitOrderScope, ...UnitOrderScope[]];

/** The per-unit counts the dashboard keeps (`un.<unitId>_<metric>` on each counter doc): see backend/dashboard/events.ts. */
export const UNIT_METRICS = ['d', 'x', 'a', 'k', 'kd', 'ko', 'n', 'g'] as const;
export type UnitMetric = (typeof UNIT_METRICS)[number];

/** A unit's three rates on the board: 接单率 (accepted of those it answered), 按时办结率, 满意率. */
export const UNIT_RATES = ['acceptRate', 'onTimeRate', 'satisfactionRate'] as const;
export type UnitRate = (typeof UNIT_RATES)[number];
export const UNIT_RATE_NAMES: Record<UnitRate, string> = { acceptRate: '接单率', onTimeRate: '按时办结率', satisfactionRate: '满意率' };
