/** Levels on a node's path, read from nodes already at hand (no store reads): the grid of a building under a 微网格 too. Server-side only, kept out of the mini-program's main package. */
import type { Area, AreaLevel } from './model';

/**
 * The node of `level` on a node's path (itself or an ancestor), from a map holding the path (keptPathOf, areasOnPaths):
 * "the grid of a building" whether the building sits under the grid or under one of its 微网格.
 */
export function levelOnPath(node: Pick<Area, '_id' | 'ancestors'>, level: AreaLevel, known: Map<string, Area>): Area | undefined {
  for (const id of [node._id, ...[...node.ancestors].reverse()]) {
    const a = known.get(id);
    if (a?.level === level) return a;
  }
  return undefined;
}

/** "第一网格 · 3号楼" or "第一网格 · 东片微网格 · 3号楼": where a record at a building is, as orders show it. */
export function placeName(building: Pick<Area, '_id' | 'ancestors' | 'name'>, known: Map<string, Area>): string {
  const grid = levelOnPath(building, 'grid', known);
  const micro = levelOnPath(building, 'microgrid', known);
  return [grid?.name, micro?.name, building.name].filter(Boolean).join(' · ');
}
