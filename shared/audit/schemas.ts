/** Inputs and views of the `audit` function (操作日志), and the day-range builder other filters share. */
import * as z from 'zod/mini';
import { id, input, int } from '../validation';
import type { Page } from '../users/schemas';

/** A Shanghai calendar day as people pick it: YYYY-MM-DD. */
export function day(label: string) {
  return z.string({ error: `${label}需为日期` }).check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, `${label}应为 年-月-日，如 2026-11-20`));
}

export const listAuditInput = input({
  areaId: z.optional(id('区域')),
  actorId: z.optional(id('操作人')),
  action: z.optional(z.string({ error: '操作需为文字' }).check(z.regex(/^[a-z]+\.[A-Za-z]+$/, '操作不在可选范围内'))),
  targetType: z.optional(z.string({ error: '记录类型需为文字' }).check(z.regex(/^[a-z_]{1,30}$/, '记录类型不在可选范围内'))),
  from: z.optional(day('开始日期')),
  to: z.optional(day('结束日期')),
  page: z.optional(int('页码', 1, 1000)),
  pageSize: z.optional(int('每页条数', 1, 50)),
});

/** One entry as staff read it (shared/audit/labels.ts); ids and codes are kept for filtering and keys, never shown. */
export interface AuditView {
  id: string;
  at: number;
  actorId: string;
  actorName: string;
  /** The role they acted in: 社区工作人员, 在职党员, 系统; empty on entries recorded before roles were. */
  actorRole: string;
  action: string;
  actionName: string;
  targetType: string;
  targetName: string;
  targetId: string;
  /** The record as people name it: "点单 20261120-3F9C2A", "志愿活动「敬老院探访」", "社区「梅川第一居委会」". */
  recordName: string;
  /** Where it happened: "长征镇 / 梅川一居委 / 第一网格". */
  trail: string;
  /** The recorded detail in words ("待分拣 → 处理中", "备注：…"), empty fields left out. */
  details: string[];
}

export type ListAuditInput = z.infer<typeof listAuditInput>;
export type AuditPage = Page<AuditView> & { areaName: string };
