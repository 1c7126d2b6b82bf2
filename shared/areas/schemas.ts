/** Inputs and views of the `areas` function: browse the tree, a node's trail, search within scope. */
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
