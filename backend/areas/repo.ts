/** Storage of the area tree: the `areas` collection, trails and views. */
import type { Area, AreaLevel } from '../../shared/areas/model';
import { AREA_LEVEL_NAMES, idsOnPath } from '../../shared/areas/model';
import type { AreaView } from '../../shared/areas/schemas';
import { AppError, invalid } from '../../shared/errors';
import { forgetIf, warm } from '../runtime/warm';
import type { Collection, DocumentStore } from '../store/port';

export const areas = (store: DocumentStore): Collection<Area> => store.collection<Area>('areas');

export function toAreaView(a: Area): AreaView {
  const view: AreaView = {
    id: a._id,
    name: a.name,
    level: a.level,
    levelName: AREA_LEVEL_NAMES[a.level],
    parentId: a.parentId,
    path: a.path,
  };
  if (a.phone) view.phone = a.phone;
  return view;
}

/** A node that exists and is in service, or NOT_FOUND naming what was looked for. */
export async function requireArea(store: DocumentStore, id: string, what = '区域'): Promise<Area> {
  const node = await areas(store).get(id);
  if (!node || node.retired) throw new AppError('NOT_FOUND', `${what}不存在或已停用`);
  return node;
}

/** A node in service of the level a field asks for (社区 for `communityId`, 网格 for `gridId`): a VALIDATION error on that field otherwise. */
export async function requireLevel(store: DocumentStore, id: string, field: string, level: AreaLevel): Promise<Area> {
  const node = await areas(store).get(id);
  if (!node || node.retired) throw invalid(field, `${AREA_LEVEL_NAMES[level]}不存在或已停用`);
  if (node.level !== level) throw invalid(field, `请选择${AREA_LEVEL_NAMES[level]}，「${node.name}」是${AREA_LEVEL_NAMES[node.level]}`);
  return node;
}

/** Every node on the given paths, in one read, keyed by id. */
export async function areasOnPaths(store: DocumentStore, paths: string[]): Promise<Map<string, Area>> {
  const ids = [...new Set(paths.flatMap(idsOnPath))];
  if (ids.length === 0) return new Map();
  const found = await areas(store).find({ _id: { $in: ids } });
  return new Map(found.map((a) => [a._id, a]));
}

/** "长征镇 / 梅川一居委 / 第一网格" from a path and a map holding its nodes. */
export function trailOf(path: string, known: Map<string, Area>): string {
  return idsOnPath(path)
    .map((id) => known.get(id)?.name)
    .filter(Boolean)
    .join(' / ');
}

/** Warm-cache keys of area nodes (backend/runtime/warm.ts); a write to a node forgets them. */
export const AREAS_KEPT = 'areas/';

/**
 * A node in service and every node on its path, as a warm instance keeps them (at most WARM_TTL_MS old):
 * filing reads no area at all most of the time. NOT_FOUND as requireArea when the node is missing or retired.
 */
export async function keptPathOf(store: DocumentStore, id: string, what = '区域'): Promise<{ node: Area; known: Map<string, Area> }> {
  const known = await warm(store, `${AREAS_KEPT}${id}`, async () => {
    const node = await areas(store).get(id);
    return node ? areasOnPaths(store, [node.path]) : new Map<string, Area>();
  });
  const node = known.get(id);
  if (!node || node.retired) throw new AppError('NOT_FOUND', `${what}不存在或已停用`);
  return { node, known };
}

/** Every area a kept value holds (a node, a list, a map of a path), whatever shape its keeper chose. */
function keptAreas(v: unknown): Area[] {
  if (v instanceof Map) return [...v.values()].flatMap(keptAreas);
  if (Array.isArray(v)) return v.flatMap(keptAreas);
  return v && typeof v === 'object' && '_id' in v && 'path' in v ? [v as Area] : [];
}

/**
 * After this instance changed `nodes` (renamed, moved, retired with their subtrees): forgets the kept copies that hold
 * one of them or anything below, or are keyed by one of `ids` (a parent's children), and keeps the rest warm, so an
 * edit does not make the next one read the whole tree again. Other instances see the change within WARM_TTL_MS.
 */
export function forgetAreas(store: DocumentStore, nodes: Array<Pick<Area, '_id' | 'path'>>, ids: string[] = []): void {
  const keys = [...nodes.map((n) => n._id), ...ids];
  forgetIf(store, AREAS_KEPT, (key, v) => keys.some((id) => key.includes(id)) || keptAreas(v).some((a) => nodes.some((n) => a._id === n._id || a.path.startsWith(n.path))));
}

/** Keeps a node this instance has just written or listed (added, a page of children): the next edit of it reads nothing more. */
export function keepNode(store: DocumentStore, node: Area): void {
  const key = `${AREAS_KEPT}node/${node._id}`;
  forgetIf(store, key, (k) => k === key);
  void warm(store, key, () => Promise.resolve(node));
}

/** One node as a warm instance keeps it (at most WARM_TTL_MS old), retired or not: one read when cold. */
export function keptNode(store: DocumentStore, id: string): Promise<Area | null> {
  return warm(store, `${AREAS_KEPT}node/${id}`, () => areas(store).get(id));
}

/** More children than any real node has: a node with its children is one read. */
export const FAMILY_MAX = 2000;

/**
 * A node with its children (retired ones too), as a warm instance keeps them (at most WARM_TTL_MS old): a move's new
 * parent and the names beside it. An add, move, rename or retirement through this instance forgets it (`forgetAreas`,
 * the key names the parent); another instance's copy may miss a sibling named meanwhile for those seconds.
 */
export function keptFamily(store: DocumentStore, id: string): Promise<Area[]> {
  return warm(store, `${AREAS_KEPT}family/${id}`, () => areas(store).find({ $or: [{ _id: id }, { parentId: id }] }, { limit: FAMILY_MAX + 1 }));
}

/** Keeps a node's family as this instance has just written it (a new node has no children; a move's parent gained one). */
export function keepFamily(store: DocumentStore, id: string, family: Area[]): void {
  const key = `${AREAS_KEPT}family/${id}`;
  forgetIf(store, key, (k) => k === key);
  void warm(store, key, () => Promise.resolve(family));
}
