/** Inputs and views of 职责清单: the `duties` function (list, set, remove) and the 分拣 sheet's `orders.duty`. */
import * as z from 'zod/mini';
import { id, input, oneOf, text } from '../validation';
import { ORDER_CATEGORIES } from '../orders/model';
import type { DutyEntry, DutySource, DutySuggestion } from './model';
import { DUTY_LISTS, DUTY_PARTIES } from './model';

/** A street's or community's list (without one, the reader's own community). */
export const dutiesInput = input({ areaId: z.optional(id('社区或街道')) });

/** Add (no entryId) or replace an entry; a 职能部门 entry names its department (checked by the server, backend/duties/admin.ts). */
export const setDutyInput = input({
  areaId: id('社区或街道'),
  entryId: z.optional(id('清单条目')),
  list: oneOf('所属清单', DUTY_LISTS),
  item: text('事项名称', { max: 30 }),
  category: z.optional(oneOf('点单类别', ORDER_CATEGORIES)),
  keywords: z.array(text('关键词', { max: 12 })).check(z.maxLength(10, '关键词最多 10 个')),
  party: oneOf('责任主体', DUTY_PARTIES),
  department: z.optional(text('职能部门', { max: 20 })),
});

export const removeDutyInput = input({ areaId: id('社区或街道'), entryId: id('清单条目') });

export interface DutyEntryView extends DutyEntry {
  source: DutySource;
}

export interface DutiesView {
  areaId: string;
  areaName: string;
  /** The street whose defaults this list builds on (the page's 街道默认 tab). */
  streetId: string;
  level: 'street' | 'community';
  entries: DutyEntryView[];
  canEdit: boolean;
}

/** What the 分拣 sheet shows: the suggestion for this order under its community's list (null: nothing fits). */
export interface DutyForView {
  suggestion: DutySuggestion | null;
}

export type DutiesInput = z.infer<typeof dutiesInput>;
export type SetDutyInput = z.infer<typeof setDutyInput>;
export type RemoveDutyInput = z.infer<typeof removeDutyInput>;
