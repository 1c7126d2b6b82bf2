/** The communities where I hold the member role, each with its grids and public phone. */
import type { AreaView } from '@shared/areas/schemas';
import { answersPhoneOf } from '@shared/users/permissions';
import { api } from '../../../api';

/** A node with its public phone, and whether calling it reaches someone other than me (not my own grid's line). */
export type Callable = AreaView & { callable: boolean };

export interface ReportedCommunity {
  id: string;
  name: string;
  trail: string;
  phone?: string;
  callable: boolean;
  grids: Callable[];
}

export async function loadMyCommunities(): Promise<ReportedCommunity[]> {
  const me = await api.users.me();
  const memberRoles = me.roles.filter((r) => r.role === 'member');
  return Promise.all(
    memberRoles.map(async (r) => {
      const { parent, children } = await api.areas.children({ parentId: r.areaId });
      const callable = (a: { id: string; level: AreaView['level'] }) => !answersPhoneOf(me.roles, a);
      return {
        id: r.areaId,
        name: parent?.name ?? r.areaName,
        trail: r.trail,
        phone: parent?.phone,
        callable: callable({ id: r.areaId, level: 'community' }),
        grids: children.map((g) => ({ ...g, callable: callable(g) })),
      };
    }),
  );
}
