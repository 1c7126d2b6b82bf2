/** The area tree (街镇 → 片区 → 社区 → 网格 → 微网格 → 楼栋; 片区 and 微网格 optional) and the path rules that scope everything. */

export const AREA_LEVELS = ['street', 'zone', 'community', 'grid', 'microgrid', 'building'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

export const AREA_LEVEL_NAMES: Record<AreaLevel, string> = {
  street: '街镇',
  zone: '片区',
  community: '社区',
  grid: '网格',
  microgrid: '微网格',
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

/**
 * Which levels may sit directly under a level: the 片区 zone (street → community) and the 微网格 microgrid
 * (grid → building, Shanghai's 居民区—微网格—楼组) are optional, so a tree without them stays valid.
 */
export const CHILD_LEVELS: Record<AreaLevel, readonly AreaLevel[]> = {
  street: ['zone', 'community'],
  zone: ['community'],
  community: ['grid'],
  grid: ['microgrid', 'building'],
  microgrid: ['building'],
  building: [],
};

/**
 * Levels staff build in the app (areas.add/update/retire): 片区, 网格, 微网格, 楼栋. Streets and communities come from their
 * GB/T 2260 codes at set-up (scripts/setup), so the app sets their phone but neither adds, renames nor retires them.
 */
export const EDITABLE_LEVELS: readonly AreaLevel[] = ['zone', 'grid', 'microgrid', 'building'];

/** The levels staff may add under `parent` (under a grid: 微网格 or 楼栋), most usual last. */
export function newChildLevels(parent: AreaLevel): AreaLevel[] {
  return CHILD_LEVELS[parent].filter((l) => EDITABLE_LEVELS.includes(l));
}

/** The level a new child of `parent` takes when none is asked for: the last editable one (a grid's 楼栋), or null. */
export function newChildLevel(parent: AreaLevel): AreaLevel | null {
  return newChildLevels(parent).at(-1) ?? null;
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
