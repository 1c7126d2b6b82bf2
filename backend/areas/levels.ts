/** The 社区 (or 网格, 街镇) of a path by the nodes' own levels, from the warm area cache: never by the path's depth, which 片区 and 微网格 change. */
import type { Area, AreaLevel } from '../../shared/areas/model';
import { idsOnPath } from '../../shared/areas/model';
import { levelOnPath } from '../../shared/areas/place';
import { warm } from '../runtime/warm';
import type { DocumentStore } from '../store/port';
import { AREA_LEVEL_NAMES } from '../../shared/areas/model';
import { invalid } from '../../shared/errors';
import { AREAS_KEPT, areas, areasOnPaths, keptNode } from './repo';

/**
 * Every node on `path` (a building's, a grant's, an order's), kept warm under the key keptPathOf uses for the path's last node,
 * so a scan or a filing warms it for the next lookup and concurrent lookups share one read. One read when cold (the ids are on
 * the path); a path its node has since left (a building moved, an old order) brings the node's current path in a second.
 */
export function keptOnPath(store: DocumentStore, path: string): Promise<Map<string, Area>> {
  const id = idsOnPath(path).at(-1);
  if (!id) return Promise.resolve(new Map());
  return warm(store, `${AREAS_KEPT}${id}`, async () => {
    const known = await areasOnPaths(store, [path]);
    const node = known.get(id);
    if (!node || node.path === path) return known;
    return new Map([...known, ...(await areasOnPaths(store, [node.path]))]);
  });
}

/** The node of `level` on `path` (the path's own node or above it) among nodes at hand; the node's current path when it has moved. */
export function levelIn(path: string, level: AreaLevel, known: Map<string, Area>): Area | undefined {
  const ids = idsOnPath(path);
  const id = ids.at(-1) ?? '';
  const node = known.get(id);
  return levelOnPath({ _id: id, ancestors: ids.slice(0, -1) }, level, known) ?? (node ? levelOnPath(node, level, known) : undefined);
}

/** The node of `level` on `path` from the warm cache (no read most of the time); undefined when the path has none (a street, a 片区). */
export async function levelAt(store: DocumentStore, path: string, level: AreaLevel): Promise<Area | undefined> {
  return levelIn(path, level, await keptOnPath(store, path));
}

/**
 * Every node on `paths` (a page of people's homes and grants, retired nodes too), as a warm instance keeps each node (the key
 * keptNode uses): one read of those not kept, none once warm. What areasOnPaths answers, at most WARM_TTL_MS old.
 */
export async function keptOnPaths(store: DocumentStore, paths: string[]): Promise<Map<string, Area>> {
  const ids = [...new Set(paths.flatMap(idsOnPath))];
  if (ids.length === 0) return new Map();
  // When any is not kept, all come in one read that their keys share.
  let once: Promise<Map<string, Area>> | null = null;
  const load = () =>
    (once ??= areas(store)
      .find({ _id: { $in: ids } })
      .then((found) => new Map(found.map((a) => [a._id, a]))));
  const got = await Promise.all(ids.map((id) => warm(store, `${AREAS_KEPT}node/${id}`, async () => (await load()).get(id) ?? null)));
  return new Map(got.filter((a): a is Area => a !== null).map((a) => [a._id, a]));
}

/** requireLevel from the warm instance (at most WARM_TTL_MS old): a node in service of the level the field asks for. */
export async function requireKeptLevel(store: DocumentStore, id: string, field: string, level: AreaLevel): Promise<Area> {
  const node = await keptNode(store, id);
  if (!node || node.retired) throw invalid(field, `${AREA_LEVEL_NAMES[level]}不存在或已停用`);
  if (node.level !== level) throw invalid(field, `请选择${AREA_LEVEL_NAMES[level]}，「${node.name}」是${AREA_LEVEL_NAMES[node.level]}`);
  return node;
}
