/** Streamed xlsx exports (台账, ledgers, replies): rows are written as they are read, so 100k rows stay small in memory. */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { shanghaiDay } from '../../shared/time';
import type { Deps } from '../runtime/types';
import type { Collection, Doc, Filter } from '../store/port';

export type Cell = string | number | null;

export interface XlsxColumn {
  header: string;
  key: string;
  width?: number;
}

export interface XlsxSheet {
  name: string;
  columns: XlsxColumn[];
  rows: AsyncIterable<Record<string, Cell>> | Iterable<Record<string, Cell>>;
}

/** A time in a sheet: YYYY-MM-DD HH:mm in Shanghai (UTC+8, no daylight saving), absolute because the file is read later; plain arithmetic, as a 100k-row sheet calls it a million times. */
export function sheetTime(at: number | null | undefined): string {
  if (!at) return '';
  const d = new Date(at + 8 * 3600_000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
}

/** One column of a sheet built from records: its header, width and how a record fills it. */
export type Column<T> = readonly [header: string, width: number, cell: (row: T) => Cell];

/** A sheet whose columns say both the header and the cell, so a column is written once, not as a key in two lists. */
export function tableSheet<T>(name: string, columns: readonly Column<T>[], source: AsyncIterable<T> | Iterable<T>): XlsxSheet {
  async function* rows() {
    for await (const row of source) yield Object.fromEntries(columns.map(([, , cell], i) => [`c${i}`, cell(row)]));
  }
  return { name, columns: columns.map(([header, width], i) => ({ header, key: `c${i}`, width })), rows: rows() };
}

export interface ExportedFile {
  fileId: string;
  url: string;
  /** What the person sees and saves it as, e.g. 双报到台账-2026-11-22.xlsx. */
  name: string;
  rows: number;
  bytes: number;
}

/**
 * Writes the sheets to a temporary file row by row, then hands it to the file port. The file is named by its
 * title and the day it was made, unless the title already names its own period (`dated: false`).
 */
export async function exportXlsx(deps: Deps, file: { title: string; sheets: XlsxSheet[]; dated?: boolean }): Promise<ExportedFile> {
  const tmp = path.join(os.tmpdir(), `wg-export-${randomBytes(8).toString('hex')}.xlsx`);
  // Loaded at first use, not with the module: exceljs is ~1.1 MB that only the export actions need, and every
  // other action of these functions would pay for it at cold start (the bundle keeps it in a side file).
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useStyles: true, useSharedStrings: false });
  let rows = 0;
  try {
    for (const sheet of file.sheets) {
      const ws = workbook.addWorksheet(sheet.name.slice(0, 31));
      ws.columns = sheet.columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 16 }));
      ws.getRow(1).font = { bold: true };
      ws.getRow(1).commit();
      for await (const row of sheet.rows) {
        ws.addRow(row).commit();
        rows++;
      }
      ws.commit();
    }
    await workbook.commit();
    const bytes = fs.statSync(tmp).size;
    const name = file.dated === false ? `${file.title}.xlsx` : `${file.title}-${shanghaiDay(deps.now())}.xlsx`;
    const saved = await deps.ports.files.save(tmp, name);
    return { ...saved, name, rows, bytes };
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/**
 * Every document matching a filter, a page at a time in `_id` order (keyset paging: each page is one
 * indexed read however deep it is). The filter must not constrain `_id` itself.
 */
export async function* scanAll<T extends Doc>(coll: Collection<T>, filter: Filter, pageSize = 500): AsyncIterable<T> {
  let after: string | null = null;
  for (;;) {
    const page: T[] = await coll.find(after === null ? filter : { ...filter, _id: { $gt: after } }, { sort: [['_id', 1]], limit: pageSize });
    for (const doc of page) yield doc;
    if (page.length < pageSize) return;
    after = page[page.length - 1]?._id ?? null;
  }
}
