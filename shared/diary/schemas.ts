/** Inputs and views of the `diary` function: record a visit, list and read the diary, turn a finding into an order. */
import * as z from 'zod/mini';
import { id, input, int, mobile, oneOf, requestKey, text } from '../validation';
import { photos } from '../photos';
import { ORDER_CATEGORIES } from '../orders/model';
import type { OrderCategory } from '../orders/model';
import { day } from '../audit/schemas';
import type { Page } from '../users/schemas';
import type { VisitTag } from './model';
import { DIARY_LIMITS, VISIT_TAGS } from './model';

const visitId = id('走访记录');

export const recordVisitInput = input({
  buildingId: id('楼栋'),
  residentName: text('走访对象', { min: 1, max: 20 }),
  residentId: z.optional(id('关联居民')),
  heard: text('听到的情况', { min: 5, max: 1000 }),
  tags: z
    .array(oneOf('标签', VISIT_TAGS), { error: '标签需为列表' })
    .check(z.minLength(1, '请至少选择一个标签'), z.maxLength(DIARY_LIMITS.tags, `标签最多 ${DIARY_LIMITS.tags} 个`)),
  photos: z.optional(photos('照片')),
  requestKey,
});

export const listVisitsInput = input({
  areaId: z.optional(id('区域')),
  tag: z.optional(oneOf('标签', VISIT_TAGS)),
  buildingId: z.optional(id('楼栋')),
  from: z.optional(day('开始日期')),
  to: z.optional(day('结束日期')),
  page: z.optional(int('页码', 1, 1000)),
  pageSize: z.optional(int('每页条数', 1, 50)),
});

export const visitIdInput = input({ visitId });

/** 转为点单: the category is the staff's call; description and contact default to the visit's. */
export const visitToOrderInput = input({
  visitId,
  category: oneOf('类别', ORDER_CATEGORIES),
  description: z.optional(text('问题描述', { min: 5, max: 500 })),
  contactName: z.optional(text('联系人', { min: 1, max: 20 })),
  contactMobile: z.optional(mobile('联系电话')),
});

export interface VisitCard {
  id: string;
  residentName: string;
  /** "第一网格 · 1号楼" */
  place: string;
  summary: string;
  tags: VisitTag[];
  photoCount: number;
  createdAt: number;
  createdByName: string;
  orderId: string | null;
}

export interface VisitView extends VisitCard {
  heard: string;
  buildingId: string;
  trail: string;
  residentLinked: boolean;
  photoUrls: string[];
  /** Whether the viewer may turn it into an order now. */
  canMakeOrder: boolean;
  suggestedCategory: OrderCategory;
}

export type RecordVisitInput = z.infer<typeof recordVisitInput>;
export type ListVisitsInput = z.infer<typeof listVisitsInput>;
export type VisitIdInput = z.infer<typeof visitIdInput>;
export type VisitToOrderInput = z.infer<typeof visitToOrderInput>;
export type VisitPage = Page<VisitCard> & { areaName: string };
