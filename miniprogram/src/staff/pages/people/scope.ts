/** The staff member's own role nodes: the default area for the people list. */
import { STAFF_ROLES } from '@shared/users/roles';
import type { MeView } from '@shared/users/schemas';
import { AREA_LEVEL_NAMES } from '@shared/areas/model';

export interface ChosenArea {
  id: string;
  name: string;
  levelName: string;
  trail: string;
}

export function staffAreas(me: MeView): ChosenArea[] {
  const seen = new Set<string>();
  const areas: ChosenArea[] = [];
  for (const r of me.roles) {
    if (!STAFF_ROLES.includes(r.role) || seen.has(r.areaId)) continue;
    seen.add(r.areaId);
    areas.push({ id: r.areaId, name: r.areaName, levelName: AREA_LEVEL_NAMES[r.areaLevel], trail: r.trail });
  }
  return areas;
}
