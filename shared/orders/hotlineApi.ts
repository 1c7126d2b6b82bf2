/** The `hotline` function's contract (12345 工单): upload a file in parts, preview, import in steps, the queue, placing, the mapping, the export. */
import * as z from 'zod/mini';
import type { Call } from '../api';
import { id, input, int, oneOf, text } from '../validation';
import type { HotlineField, HotlineProblem } from './hotline';
import { HOTLINE_FIELDS } from './hotline';

/** A part of the file as base64; the local body limit is 1 MB, so a 20 MB file goes up in parts. */
export const HOTLINE_PART_CHARS = 900_000;
export const HOTLINE_MAX_PARTS = 32;

const file = {
  areaId: z.optional(id('导入到')),
  uploadId: id('上传编号'),
  parts: int('文件分段数', 1, HOTLINE_MAX_PARTS),
  fileName: text('文件名', { max: 120 }),
};

export const uploadPartInput = input({
  uploadId: id('上传编号'),
  part: int('文件分段', 0, HOTLINE_MAX_PARTS - 1),
  data: z
    .string({ error: '文件需为文字' })
    .check(z.minLength(4, '请选择要导入的文件'), z.maxLength(HOTLINE_PART_CHARS, '文件分段过大'), z.regex(/^[A-Za-z0-9+/]+=*$/, '文件内容无法读取，请重新选择文件')),
});
export const hotlinePreviewInput = input(file);
export const hotlineImportInput = input({ ...file, from: int('从第几张工单', 0, 50_000) });
export const hotlineAreaInput = input({ areaId: z.optional(id('街道或社区')) });
export const setMappingInput = input({
  areaId: z.optional(id('街道或社区')),
  mapping: z.partialRecord(z.enum(HOTLINE_FIELDS), text('列名', { max: 20 })),
});
export const placeTicketInput = input({ ticketId: id('工单'), buildingId: id('楼栋') });
export const hotlineExportInput = input({ areaId: z.optional(id('街道或社区')), format: oneOf('导出格式', ['xlsx', 'csv'] as const) });

export type UploadPartInput = z.infer<typeof uploadPartInput>;
export type HotlinePreviewInput = z.infer<typeof hotlinePreviewInput>;
export type HotlineImportInput = z.infer<typeof hotlineImportInput>;
export type HotlineAreaInput = z.infer<typeof hotlineAreaInput>;
export type SetMappingInput = z.infer<typeof setMappingInput>;
export type PlaceTicketInput = z.infer<typeof placeTicketInput>;
export type HotlineExportInput = z.infer<typeof hotlineExportInput>;

export interface HotlinePreview {
  areaName: string;
  /** Tickets the file holds (problem rows not counted), those already imported, and of the new ones how many land on a building. */
  tickets: number;
  existing: number;
  placed: number;
  queued: number;
  /** The first 200, in row order; `problemCount` says how many in all. */
  problems: HotlineProblem[];
  problemCount: number;
  /** The file's header row (row 1, blank cells left out): what 列对应 offers to pick from. */
  header: string[];
}

/** One step of 导入: the page calls again from `next` until it is null; a re-run of the same file creates nothing twice. */
export interface HotlineStep {
  total: number;
  /** Orders filed and tickets queued by this step (tickets imported before are skipped). */
  created: number;
  queued: number;
  next: number | null;
}

export interface HotlineMappingView {
  streetId: string;
  streetName: string;
  /** Header per field, the street's own where saved, else the default. */
  headers: Record<HotlineField, string>;
  /** Each field in the export's usual order: its name (the default header), the header it reads now, whether a ticket needs it. */
  fields: { field: HotlineField; label: string; header: string; required: boolean }[];
  saved: boolean;
  /** Street admins of the street change it; community staff read it (it decides every community's imports). */
  canEdit: boolean;
}

export interface QueuedTicket {
  id: string;
  ticket: string;
  address: string;
  content: string;
  calledAt: number;
  reason: 'unknown' | 'ambiguous';
  candidates: string[];
}

export interface HotlineApi {
  /** One part of the file (parts are kept a day for the steps that follow). */
  upload: Call<UploadPartInput, { part: number }>;
  /** Reads the file, writes nothing: problems by row, how many tickets land on a building and how many wait. */
  preview: Call<HotlinePreviewInput, HotlinePreview>;
  /** Files the next tickets from `from` (problem rows are skipped and listed by preview). */
  import: Call<HotlineImportInput, HotlineStep>;
  mapping: Call<HotlineAreaInput, HotlineMappingView>;
  /** Street admins only (mapping.canEdit): the street's own header per field, kept where it differs from the default. */
  setMapping: Call<SetMappingInput, HotlineMappingView>;
  /** Tickets waiting to be placed on a building, oldest call first (100 at most). */
  queue: Call<HotlineAreaInput, { items: QueuedTicket[]; total: number }>;
  /** Places a queued ticket on a building, which files its order. */
  place: Call<PlaceTicketInput, { orderId: string }>;
  /** The street's tickets in the imported file's layout plus 办理结果, 办结时间, 回访结果. */
  export: Call<HotlineExportInput, { url: string; name: string }>;
}
