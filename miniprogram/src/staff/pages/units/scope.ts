/** The nodes whose units a person manages: their 社区工作人员 and 街道管理员 grants (the server's canManageUnitsAt). */
import type { MeView } from '@shared/users/schemas';

export interface UnitScope {
  id: string;
  name: string;
}

export function managedScopes(me: MeView): UnitScope[] {
  const seen = new Set<string>();
  return me.roles
    .filter((r) => (r.role === 'community_staff' || r.role === 'street_admin') && !seen.has(r.areaId) && seen.add(r.areaId))
    .map((r) => ({ id: r.areaId, name: r.areaName }));
}
