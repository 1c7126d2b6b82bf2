/** Inputs and views of the `areas` function: browse the tree, a node's trail, search within scope; staff add, rename and retire nodes. */
import * as z from 'zod/mini';
import { bool, id, input, int, oneOf, text } from '../validation';
import type { AreaLevel } from './model';
import { AREA_LEVELS } from './model';

export const childrenInput = input({
  /** Omit for the top of the tree. */
  parentId: z.optional(id('上级区域')),
  /** Without a parent: start where the person works or lives (a picker's first screen), not at the top. */
  mine: z.optional(bool('从本人范围开始')),
});

export const getAreaInput = input({ id: id('区域') });

export const searchAreasInput = input({
  q: text('区域名称', { max: 30 }),
  withinId: z.optional(id('搜索范围')),
  level: z.optional(oneOf('区域层级', AREA_LEVELS)),
  limit: z.optional(int('条数', 1, 50)),
});

/** A node's public phone: a mobile or a landline with its area code; empty clears it. */
function nodePhone(label: string) {
  return z
    .string({ error: `${label}需为文字` })
    .check(z.trim(), z.regex(/^$|^1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}(-\d{1,6})?$|^\d{7,8}$/, `${label}应为 11 位手机号或带区号的固定电话（如 021-62345678）`));
}

const nodeName = (label: string) => text(label, { max: 30 });

/**
 * 新增区域: a 片区 under a street, a 网格 under a community, a 微网格 or 楼栋 under a grid, a 楼栋 under a 微网格. The level
 * follows from the parent; under a grid `level` chooses (楼栋 when omitted).
 */
export const addAreaInput = input({
  parentId: id('上级区域'),
  name: nodeName('名称'),
  phone: z.optional(nodePhone('电话')),
  level: z.optional(oneOf('层级', AREA_LEVELS)),
});

/** 移动楼栋: a 楼栋 to another 网格 or 微网格 of the editor's scope (into or out of a 微网格 of its own grid, say). */
export const moveAreaInput = input({
  id: id('区域'),
  parentId: id('新的上级'),
});

/** 修改区域: a new name (片区, 网格, 楼栋 only), a phone (any node in scope; empty clears it), or both. */
export const updateAreaInput = input({
  id: id('区域'),
  name: z.optional(nodeName('名称')),
  phone: z.optional(nodePhone('电话')),
});

/** 撤销区域: with its subtree; refused while open orders remain there. `replacedBy` is offered to whoever scans its code. */
export const retireAreaInput = input({
  id: id('区域'),
  reason: text('撤销原因', { max: 60 }),
  replacedBy: z.optional(id('替代区域')),
});

export interface AreaView {
  id: string;
  name: string;
  level: AreaLevel;
  levelName: string;
  parentId: string | null;
  path: string;
  phone?: string;
}

export interface AreaWithTrail extends AreaView {
  /** "长征镇 / 梅川一居委 / 第一网格", root first. */
  trail: string;
}

export type ChildrenInput = z.infer<typeof childrenInput>;

/** One level of the tree; with `mine`, also the trail to the parent (root first, ending with it) for the breadcrumbs. */
export interface ChildrenView {
  parent: AreaView | null;
  children: AreaView[];
  crumbs?: AreaView[];
}
export type GetAreaInput = z.infer<typeof getAreaInput>;
export type SearchAreasInput = z.infer<typeof searchAreasInput>;
export type AddAreaInput = z.infer<typeof addAreaInput>;
export type UpdateAreaInput = z.infer<typeof updateAreaInput>;
export type RetireAreaInput = z.infer<typeof retireAreaInput>;
export type MoveAreaInput = z.infer<typeof moveAreaInput>;

export interface RetiredArea {
  id: string;
  /** How many nodes went with it (its subtree, itself included). */
  retired: number;
  replacedBy: AreaView | null;
}

/** 导入网格树: the file as the page read it (base64), under a node (default: the editor's own). The local body limit is 1 MB. */
export const IMPORT_FILE_MAX_CHARS = 960_000;
export const importTreeInput = input({
  rootId: z.optional(id('导入到')),
  fileName: text('文件名', { max: 120 }),
  data: z
    .string({ error: '文件需为文字' })
    .check(
      z.minLength(4, '请选择要导入的文件'),
      z.maxLength(IMPORT_FILE_MAX_CHARS, '文件过大（上限约 700 KB，约 1 万行）：请分几个文件导入'),
      z.regex(/^[A-Za-z0-9+/]+=*$/, '文件内容无法读取，请重新选择文件'),
    ),
});

/** 下载导入模板: xlsx (with a 说明 sheet) or CSV, pre-filled with the 社区 rows of the caller's scope. */
export const importTemplateInput = input({
  rootId: z.optional(id('导入到')),
  format: oneOf('模板格式', ['xlsx', 'csv'] as const),
});

export type ImportTreeInput = z.infer<typeof importTreeInput>;
export type ImportTemplateInput = z.infer<typeof importTemplateInput>;

/** 预览: what the file would create under `root`, or every problem row (nothing is written while there is one). */
export interface ImportPreview {
  root: AreaView;
  /** Rows with content (the header and empty rows not counted). */
  rows: number;
  /** Rows naming a node already in the tree, left as it is. */
  existing: number;
  create: { zone: number; grid: number; microgrid: number; building: number };
  /** The first 200, in row order; `problemCount` says how many in all. */
  problems: Array<{ row: number; message: string }>;
  problemCount: number;
}

/** One step of 导入: the page calls again until `remaining` is 0 (a rerun of the same file finishes a cut-short import). */
export interface ImportStep {
  created: number;
  /** Nodes of the file still to create after this step. */
  remaining: number;
}

export interface ImportTemplate {
  url: string;
  name: string;
}
