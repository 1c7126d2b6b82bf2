/** The five-level area tree (街镇 → 片区 → 社区 → 网格 → 楼栋) and the path rules that scope everything. */

export const AREA_LEVELS = ['street', 'zone', 'community', 'grid', 'building'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

export const AREA_LEVEL_NAMES: Record<AreaLevel, string> = {
  street: '街镇',
  zone: '片区',
  community: '社区',
  grid: '网格',
  building: '楼栋',
};

/**
 * A node of the tree. `path` is `/<root id>/…/<own id>/`: "everything under X" is a prefix
 * match on path, which both SQLite (expression index, range scan) and CloudBase (index, gte/lt)
 * answer from an index, unlike an ancestors array that SQLite could only scan.
 */
export interface Area {
  _id: string;
  name: string;
  level: AreaLevel;
  parentId: string | null;
  path: string;
  /** Ids from the root down to the parent, for showing the trail without more reads. */
  ancestors: string[];
  /** GB/T 2260 code for streets and communities that have one. */
  code?: string;
  /** Public service phone (community office, grid leader's work phone). */
  phone?: string;
  /** Retired nodes stay for history but are hidden from pickers and reject new records. */
  retired?: boolean;
  /** 撤销 (areas.retire): when, by whom, why, and the node retired (itself, or the ancestor whose retirement took it along). */
  retiredAt?: number;
  retiredBy?: string;
  retiredReason?: string;
  retiredWith?: string;
  /** The node a scan of this one's code is offered instead (named at retirement, kept on the whole retired subtree). */
  replacedBy?: string;
  /** Position among siblings. */
  order: number;
  /** Added in the app (areas.add): when and by whom; seeded and set-up nodes have neither. */
  createdAt?: number;
  createdBy?: string;
}

/** Which levels may sit directly under a level: the 片区 zone is optional. */
export const CHILD_LEVELS: Record<AreaLevel, readonly AreaLevel[]> = {
  street: ['zone', 'community'],
  zone: ['community'],
  community: ['grid'],
  grid: ['building'],
  building: [],
};

/**
 * Levels staff build in the app (areas.add/update/retire): 片区, 网格, 楼栋. Streets and communities come from their
 * GB/T 2260 codes at set-up (scripts/setup), so the app sets their phone but neither adds, renames nor retires them.
 * There is no 微网格 level yet: the five levels above are the model.
 */
export const EDITABLE_LEVELS: readonly AreaLevel[] = ['zone', 'grid', 'building'];

/** The level a new child of `parent` takes: the one editable level allowed under it, or null. */
export function newChildLevel(parent: AreaLevel): AreaLevel | null {
  return CHILD_LEVELS[parent].find((l) => EDITABLE_LEVELS.includes(l)) ?? null;
}

export function childPath(parentPath: string, id: string): string {
  return `${parentPath}${id}/`;
}

/** True when `path` is the node at `scopePath` or lies anywhere below it. */
export function isWithin(path: string, scopePath: string): boolean {
  return path.startsWith(scopePath);
}

/** Ids on a path, root first, the node itself last. */
export function idsOnPath(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/** Area ids are short (they go into a 32-character mini-program scene) and URL-safe. */
export const AREA_ID_PATTERN = /^[A-Za-z0-9_-]{1,24}$/;
