/** 职责清单: staff anywhere in the area read it; community staff (or the street) change a community's, only the street its defaults. */
import type { Actor } from '../users/roles';
import { hasRoleAt } from '../users/permissions';
import { STAFF_ROLES } from '../users/roles';

export const canViewDuties = (a: Actor, areaPath: string) =>
  a.roles.some((g) => STAFF_ROLES.includes(g.role) && (g.areaPath.startsWith(areaPath) || areaPath.startsWith(g.areaPath)));

export const canEditDuties = (a: Actor, areaPath: string, level: 'street' | 'community') =>
  hasRoleAt(a, level === 'street' ? ['street_admin'] : ['community_staff', 'street_admin'], areaPath);
