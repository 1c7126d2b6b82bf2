/**
 * 导入网格树 (issue 16, point 2): a sheet's rows (片区 / 社区 / 网格 / 微网格 / 楼栋 / 电话) checked against the tree as it is, as
 * one plan: every problem row numbered, or the nodes still to create, parents first. Pure: the server reads the file and
 * the tree, this decides; a re-import of the same file plans nothing (names are matched under their parent).
 */
import type { Area, AreaLevel } from './model';
import { AREA_LEVEL_NAMES, isWithin } from './model';

/** The template's columns, in order; 片区 and 微网格 are optional levels (left empty where a street or grid has none). */
export const IMPORT_COLUMNS = ['片区', '社区', '网格', '微网格', '楼栋', '电话'] as const;
/** Rows a file may hold: a street's 5,000 buildings and their grids with room to spare. */
export const IMPORT_MAX_ROWS = 10_000;

type Column = 'zone' | 'community' | 'microgrid' | 'grid' | 'building' | 'phone';
/** Header words accepted for each column (the template's first; what offices tend to write besides). */
const HEADERS: Record<Column, readonly string[]> = {
  zone: ['片区'],
  community: ['社区', '居委会', '社区（居委会）', '社区/居委会', '居民区'],
  grid: ['网格'],
  microgrid: ['微网格'],
  building: ['楼栋', '楼组', '楼栋（楼组）', '楼栋/楼组'],
  phone: ['电话', '联系电话'],
};
const REQUIRED: readonly Column[] = ['community', 'grid', 'building'];
const PATH_LEVELS = ['zone', 'community', 'grid', 'microgrid', 'building'] as const;

const PHONE = /^1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}(-\d{1,6})?$|^\d{7,8}$/;
const NAME_MAX = 30;
/** As shared/validation.ts text(): a name is plain text, never markup. */
const TAG = /<\s*\/?\s*[a-zA-Z!]/;

export interface ImportProblem {
  /** The row as the spreadsheet numbers it (the header is row 1). */
  row: number;
  message: string;
}

/** A node the import will create: its id is decided by the server (from its parent and name), its parent may be new too. */
export interface PlannedNode {
  key: string;
  name: string;
  level: AreaLevel;
  /** An existing node's id, or the key of a planned one. */
  parent: { id: string } | { key: string };
  phone?: string;
  row: number;
}

export interface ImportPlan {
  problems: ImportProblem[];
  /** Parents before children (zones, grids, 微网格, buildings). Empty when there are problems: nothing is written then. */
  create: PlannedNode[];
  /** Rows naming a node already in the tree (left as it is). */
  existing: number;
  rows: number;
}

/** The column each header cell stands for, or a message naming what is missing. */
export function readHeader(header: string[]): { columns: Partial<Record<Column, number>> } | { error: string } {
  const columns: Partial<Record<Column, number>> = {};
  header.forEach((cell, i) => {
    const word = cell.replace(/\s+/g, '');
    for (const [col, words] of Object.entries(HEADERS) as Array<[Column, readonly string[]]>) {
      if (words.includes(word) && columns[col] === undefined) columns[col] = i;
    }
  });
  const missing = REQUIRED.filter((c) => columns[c] === undefined).map((c) => HEADERS[c][0]);
  if (missing.length) return { error: `第 1 行应为表头，缺少「${missing.join('」「')}」列（模板的列：${IMPORT_COLUMNS.join('、')}）` };
  return { columns };
}

interface Tree {
  /** The node the import is under (a street or a community) and its ancestors; every node below it. */
  root: Area;
  known: Area[];
}

const clean = (s: string | undefined) => (s ?? '').replace(/[\s\u3000]+/g, ' ').trim();

/**
 * The plan for `rows` (row 0 the header) under `tree.root`. A row names one node by its path: the last filled of
 * 片区 / 社区 / 网格 / 微网格 / 楼栋, the ones before it its parents, which must be in the tree already or named by a row of the file.
 */
export function planImport(rows: string[][], tree: Tree): ImportPlan {
  const problems: ImportProblem[] = [];
  const head = readHeader(rows[0] ?? []);
  if ('error' in head) return { problems: [{ row: 1, message: head.error }], create: [], existing: 0, rows: 0 };
  const col = head.columns;
  const inService = tree.known.filter((a) => !a.retired);
  const street = inService.find((a) => a.level === 'street' && a.parentId === null);
  /** Children in service by parent id, by name. */
  const byParent = new Map<string, Map<string, Area>>();
  for (const a of inService) {
    if (!a.parentId) continue;
    const m = byParent.get(a.parentId) ?? new Map<string, Area>();
    m.set(a.name, a);
    byParent.set(a.parentId, m);
  }
  const byId = new Map(inService.map((a) => [a._id, a]));
  const communities = new Map(inService.filter((a) => a.level === 'community').map((a) => [a.name, a]));
  const planned = new Map<string, PlannedNode>();
  let existing = 0;
  let count = 0;

  type Ref = { area: Area } | { node: PlannedNode };
  const rowsOf = rows.slice(1);
  // First pass: each row's cells; second: resolve paths (a parent may be named by a later row).
  const parsed = rowsOf.map((cells, i) => {
    const at = (c: Column) => (col[c] === undefined ? '' : clean(cells[col[c] as number]));
    return {
      row: i + 2,
      zone: at('zone'),
      community: at('community'),
      microgrid: at('microgrid'),
      grid: at('grid'),
      building: at('building'),
      phone: at('phone').replace(/\s/g, ''),
    };
  });
  const bad = new Set<number>();
  const say = (row: number, message: string) => {
    bad.add(row);
    problems.push({ row, message: `第 ${row} 行：${message}` });
  };

  const keyOf = (parentKey: string, name: string) => `${parentKey}\n${name}`;
  /** Declared nodes by key, first (rows naming the same node twice are duplicates). */
  const declared = new Map<string, { level: AreaLevel; row: number }>();
  for (const r of parsed) {
    const filled = PATH_LEVELS.filter((l) => r[l]);
    if (filled.length === 0 && !r.phone) continue;
    count++;
    if (filled.length === 0) {
      say(r.row, '只填了电话：请填写片区、社区、网格或楼栋的名称');
      continue;
    }
    const long = filled.find((l) => r[l].length > NAME_MAX);
    if (long) {
      say(r.row, `${AREA_LEVEL_NAMES[long]}名称不能超过 ${NAME_MAX} 个字`);
      continue;
    }
    const tagged = filled.find((l) => TAG.test(r[l]));
    if (tagged) {
      say(r.row, `${AREA_LEVEL_NAMES[tagged]}名称不能包含网页标签`);
      continue;
    }
    if (r.phone && !PHONE.test(r.phone)) {
      say(r.row, `电话「${r.phone}」应为 11 位手机号或带区号的固定电话（如 021-62345678）`);
      continue;
    }
    if (r.building && !r.grid) {
      say(r.row, r.community ? `楼栋「${r.building}」须在网格之下：「${r.community}」下没有填写网格` : `楼栋「${r.building}」须填写所在社区和网格`);
      continue;
    }
    if (r.microgrid && !r.grid) {
      say(r.row, `层级不对：微网格「${r.microgrid}」须填写所在网格（微网格在网格之下）`);
      continue;
    }
    if (r.grid && !r.community) {
      say(r.row, `层级不对：网格「${r.grid}」须填写所在社区（网格在社区之下）`);
      continue;
    }
    // A path key that ignores the optional zone for communities (a community is found by its name in the street).
    const key = filled
      .filter((l) => l !== 'zone' || filled.length === 1)
      .map((l) => r[l])
      .join('\n');
    const level = filled[filled.length - 1] as (typeof PATH_LEVELS)[number];
    const seen = declared.get(key);
    if (seen) {
      const above = filled[filled.length - 2];
      const parentName = above ? r[above] : (street?.name ?? '街道');
      say(r.row, `与第 ${seen.row} 行重复：「${parentName}」下已有名为「${r[level]}」的${AREA_LEVEL_NAMES[level]}`);
      continue;
    }
    declared.set(key, { level, row: r.row });
  }
  const resolveNew = (row: number, level: AreaLevel, name: string, parent: Ref, phone?: string): Ref => {
    const parentArea = 'area' in parent ? parent.area : null;
    const parentKey = parentArea ? parentArea._id : (parent as { node: PlannedNode }).node.key;
    if (parentArea) {
      const found = byParent.get(parentArea._id)?.get(name);
      if (found) {
        if (found.level !== level) throw new RowError(row, `层级不对：「${parentArea.name}」下的「${name}」是${AREA_LEVEL_NAMES[found.level]}，不是${AREA_LEVEL_NAMES[level]}`);
        return { area: found };
      }
    }
    const key = keyOf(parentKey, name);
    const had = planned.get(key);
    if (had) return { node: had };
    const node: PlannedNode = { key, name, level, parent: parentArea ? { id: parentArea._id } : { key: parentKey }, row, ...(phone ? { phone } : {}) };
    planned.set(key, node);
    return { node };
  };

  // Second pass over the rows that read well: their parents, in the tree or in the file, and the scope.
  for (const r of parsed) {
    const filled = PATH_LEVELS.filter((l) => r[l]);
    if (filled.length === 0 || bad.has(r.row)) continue;
    try {
      const target = filled[filled.length - 1] as (typeof PATH_LEVELS)[number];
      const phoneFor = (l: string) => (l === target && r.phone ? r.phone : undefined);
      const declaredHere = (path: string[]) => declared.has(path.join('\n'));
      let ref: Ref;
      if (filled.length === 1 && target === 'zone') {
        if (!street) throw new RowError(r.row, '片区只能由街道管理员导入（在街道之下）');
        ref = resolveNew(r.row, 'zone', r.zone, { area: street }, phoneFor('zone'));
      } else {
        const community = communities.get(r.community);
        if (!community) {
          const outside = tree.root.level === 'community' && r.community !== tree.root.name;
          throw new RowError(
            r.row,
            outside
              ? `「${r.community}」不在您的辖区内：您只能导入「${tree.root.name}」之下的网格和楼栋`
              : `缺少上级：社区「${r.community}」不存在（社区由上线设置按行政区划建立，请核对名称）`,
          );
        }
        if (r.zone) {
          const zoneOf = inService.find((a) => a._id === community.parentId);
          if (zoneOf?.level !== 'zone' || zoneOf.name !== r.zone)
            throw new RowError(
              r.row,
              `缺少上级：社区「${r.community}」不在片区「${r.zone}」下${zoneOf ? `（在「${zoneOf.name}」下）` : ''}，片区列请${zoneOf?.level === 'zone' ? `填「${zoneOf.name}」` : '留空'}`,
            );
        }
        ref = { area: community };
        if (r.grid) {
          const gridExists = byParent.get(community._id)?.get(r.grid);
          if (!gridExists && target !== 'grid' && !declaredHere([r.community, r.grid]))
            throw new RowError(r.row, `缺少上级：「${r.community}」下没有网格「${r.grid}」，请先加一行该网格（或核对名称）`);
          ref = resolveNew(r.row, 'grid', r.grid, ref, phoneFor('grid'));
        }
        if (r.microgrid) {
          const microExists = 'area' in ref && byParent.get(ref.area._id)?.get(r.microgrid);
          if (!microExists && target !== 'microgrid' && !declaredHere([r.community, r.grid, r.microgrid]))
            throw new RowError(r.row, `缺少上级：网格「${r.grid}」下没有微网格「${r.microgrid}」，请先加一行该微网格（或核对名称）`);
          ref = resolveNew(r.row, 'microgrid', r.microgrid, ref, phoneFor('microgrid'));
        }
        if (r.building) ref = resolveNew(r.row, 'building', r.building, ref, phoneFor('building'));
      }
      if ('area' in ref) existing++;
      // An existing node's own path, or for a new one the path of its nearest existing ancestor (the first part of its key).
      const under = 'area' in ref ? ref.area.path : (byId.get(ref.node.key.split('\n')[0] as string)?.path ?? '');
      if (!isWithin(under, tree.root.path)) throw new RowError(r.row, `「${r[target]}」不在您的辖区内：您只能导入「${tree.root.name}」之下的区域`);
    } catch (e) {
      if (!(e instanceof RowError)) throw e;
      say(e.row, e.message);
    }
  }
  if (problems.length) return { problems: sorted(problems), create: [], existing: 0, rows: count };
  const order: AreaLevel[] = ['zone', 'grid', 'microgrid', 'building'];
  const create = [...planned.values()].sort((a, b) => order.indexOf(a.level) - order.indexOf(b.level) || a.row - b.row);
  return { problems: [], create, existing, rows: count };
}

class RowError extends Error {
  constructor(
    readonly row: number,
    message: string,
  ) {
    super(message);
  }
}

const sorted = (p: ImportProblem[]) => [...p].sort((a, b) => a.row - b.row);
