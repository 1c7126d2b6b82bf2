/** The communities where I hold the member role, each with its grids and public phone. */
import type { AreaView } from '@shared/areas/schemas';
import { api } from '../../../api';

export interface ReportedCommunity {
  id: string;
  name: string;
  trail: string;
  phone?: string;
  grids: AreaView[];
}

export async function loadMyCommunities(): Promise<ReportedCommunity[]> {
  const me = await api.users.me();
  const memberRoles = me.roles.filter((r) => r.role === 'member');
  return Promise.all(
    memberRoles.map(async (r) => {
      const { parent, children } = await api.areas.children({ parentId: r.areaId });
      return { id: r.areaId, name: parent?.name ?? r.areaName, trail: r.trail, phone: parent?.phone, grids: children };
    }),
  );
}
