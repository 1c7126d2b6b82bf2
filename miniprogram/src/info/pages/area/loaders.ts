/** Data for the area page: one level of the tree with its breadcrumbs, and name search. */
import type { AreaView, AreaWithTrail } from '@shared/areas/schemas';
import { api } from '../../../api';
import { ApiError } from '../../../api/errors';

export interface Level {
  parent: AreaView | null;
  children: AreaView[];
  /** Root first, ending with the parent itself; empty at the top. */
  crumbs: AreaView[];
}

/** A level by its parent id; with neither an id nor the top asked for, the person's own place (the server picks it). */
export async function loadLevel(parentId: string | undefined, mine = false): Promise<Level> {
  if (!parentId && mine) {
    const own = await api.areas.children({ mine: true });
    return { parent: own.parent, children: own.children, crumbs: own.crumbs ?? [] };
  }
  const [level, place] = await Promise.all([api.areas.children(parentId ? { parentId } : {}), parentId ? api.areas.get({ id: parentId }) : Promise.resolve(null)]);
  const crumbs = place ? [...place.ancestors, place.node] : [];
  return { parent: level.parent, children: level.children, crumbs };
}

export async function searchAreas(q: string): Promise<AreaWithTrail[]> {
  const { items } = await api.areas.search({ q });
  return items;
}

/** A search the server refused (outside the caller's scope) reads as "nothing here for you". */
export function describeSearchError(error: unknown): string | undefined {
  if (error instanceof ApiError && error.code === 'FORBIDDEN') return '只能搜索您所在或负责范围内的区域，请换个名称试试。';
  return undefined;
}
