/** Inputs and views of the `areas` function: browse the tree, a node's trail, search within scope; staff add, rename and retire nodes. */
import * as z from 'zod/mini';
import { id, input, int, oneOf, text } from '../validation';
import type { AreaLevel } from './model';
import { AREA_LEVELS } from './model';

export const childrenInput = input({
  /** Omit for the top of the tree. */
  parentId: z.optional(id('上级区域')),
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

/** 新增区域: a 片区 under a street, a 网格 under a community, a 楼栋 under a grid; the level follows from the parent. */
export const addAreaInput = input({
  parentId: id('上级区域'),
  name: nodeName('名称'),
  phone: z.optional(nodePhone('电话')),
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
export type GetAreaInput = z.infer<typeof getAreaInput>;
export type SearchAreasInput = z.infer<typeof searchAreasInput>;
export type AddAreaInput = z.infer<typeof addAreaInput>;
export type UpdateAreaInput = z.infer<typeof updateAreaInput>;
export type RetireAreaInput = z.infer<typeof retireAreaInput>;

export interface RetiredArea {
  id: string;
  /** How many nodes went with it (its subtree, itself included). */
  retired: number;
  replacedBy: AreaView | null;
}
