/** Builds what people see of people: the home trail, role cards, masked phones. */
import type { Area } from '../../shared/areas/model';
import { ROLE_NAMES } from '../../shared/users/roles';
import type { RoleGrant } from '../../shared/users/roles';
import type { RoleView } from '../../shared/users/schemas';
import { trailOf } from '../areas/repo';

export function roleView(g: RoleGrant, known: Map<string, Area>): RoleView {
  const node = known.get(g.areaId);
  return {
    role: g.role,
    roleName: ROLE_NAMES[g.role],
    areaId: g.areaId,
    areaName: node?.name ?? '（已停用区域）',
    areaLevel: node?.level ?? 'building',
    trail: trailOf(g.areaPath, known),
  };
}
