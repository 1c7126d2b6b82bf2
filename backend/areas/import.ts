/**
 * 导入网格树 (issue 16, point 2): the template, the preview (every problem row numbered, nothing written) and the import
 * itself in steps of IMPORT_STEP nodes, parents first, with ids that follow from parent and name: a re-run of the same file
 * creates nothing twice and finishes an import cut short.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ImportPlan, PlannedNode } from '../../shared/areas/import';
import { IMPORT_COLUMNS, IMPORT_MAX_ROWS, planImport } from '../../shared/areas/import';
import type { Area, AreaLevel } from '../../shared/areas/model';
import { AREA_LEVEL_NAMES, childPath } from '../../shared/areas/model';
import { TREE_EDITORS, canEditNode } from '../../shared/areas/permissions';
import type { ImportPreview, ImportStep, ImportTemplate, ImportTemplateInput, ImportTreeInput } from '../../shared/areas/schemas';
import { AppError, invalid } from '../../shared/errors';
import { audited } from '../records/make';
import { withEffects } from '../records/move';
import type { Ctx } from '../runtime/types';
import { forget } from '../runtime/warm';
import { AREAS_KEPT, areas, toAreaView } from './repo';

/** Nodes one call creates: 5,000 buildings and their grids take six calls, each well inside the function's 10 s. */
export const IMPORT_STEP = 1000;
/**
 * Documents per insertMany. CloudBase documents no count limit for a batch insert (the SDK sends one insertDocument with
 * the array; the simulator takes any length), but the CloudBase adapter first reads the batch's ids with one `$in`, and a
 * read answers at most 1,000 documents: 500 keeps both requests small (about 150 KB of nodes) and far from that cap.
 */
export const INSERT_BATCH = 500;

const ID_PREFIX: Record<AreaLevel, string> = { street: 'S', zone: 'Z', community: 'C', grid: 'G', microgrid: 'M', building: 'B' };

/**
 * A sheet's rows as text, from an xlsx (zip) or a CSV in UTF-8 or GB18030 (what Excel on Chinese Windows saves); more data
 * rows than `maxRows` (a tree's 10,000 by default, a 12345 export's 50,000) is refused before anything is planned.
 */
export async function readRows(fileName: string, data: string, maxRows: number = IMPORT_MAX_ROWS): Promise<string[][]> {
  const bytes = Buffer.from(data, 'base64');
  let rows: string[][];
  if (bytes.subarray(0, 2).toString('latin1') === 'PK') rows = await readXlsx(bytes);
  else if (/\.xlsx?$/i.test(fileName) && !looksLikeText(bytes)) throw invalid('data', '无法读取这个表格文件：请用模板另存为 .xlsx 或 .csv 后再导入');
  else rows = parseCsv(decodeText(bytes));
  if (rows.length - 1 > maxRows) throw invalid('data', `表中有 ${rows.length - 1} 行，一次最多导入 ${maxRows} 行：请分几个文件导入`);
  return rows;
}

const looksLikeText = (b: Buffer) => !b.subarray(0, 512).includes(0);

function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

async function readXlsx(bytes: Buffer): Promise<string[][]> {
  // Loaded at first use (a side file in the bundle, like the exports): only the import and the template need it.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw invalid('data', '无法读取这个表格文件：请用模板另存为 .xlsx 或 .csv 后再导入');
  }
  const sheet = book.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, IMPORT_COLUMNS.length); c++) cells.push(String(row.getCell(c).text ?? ''));
    rows.push(cells);
  }
  return rows;
}

/** The node an import goes under (asked for, or the editor's own highest), every node below it and its ancestors: 2 reads (the subtree a page of 1,000 at a time on CloudBase). */
async function scopeOf(ctx: Ctx, rootId: string | undefined): Promise<{ root: Area; known: Area[] }> {
  const own = ctx.actor.roles.filter((g) => TREE_EDITORS.includes(g.role)).sort((a, b) => a.areaPath.length - b.areaPath.length);
  const id = rootId ?? own[0]?.areaId;
  if (!id) throw new AppError('FORBIDDEN', '只有社区工作人员和街道管理员可以导入网格树（网格长、网格员不能调整网格树）');
  const root = await areas(ctx.store).get(id);
  if (!root || root.retired) throw new AppError('NOT_FOUND', '要导入到的区域不存在或已撤销');
  if (!canEditNode(ctx.actor, root)) throw new AppError('FORBIDDEN', `不能导入到「${root.name}」：社区工作人员和街道管理员只能调整本辖区内的区域`);
  if (root.level !== 'street' && root.level !== 'community') throw invalid('rootId', `请导入到街道或社区：「${root.name}」是${AREA_LEVEL_NAMES[root.level]}，表格从社区一级写起`);
  const [below, above] = await Promise.all([
    areas(ctx.store).find({ path: { $prefix: root.path } }),
    root.ancestors.length ? areas(ctx.store).find({ _id: { $in: root.ancestors } }) : Promise.resolve([]),
  ]);
  return { root, known: [...above, ...below] };
}

async function planFor(ctx: Ctx, input: ImportTreeInput): Promise<{ root: Area; known: Area[]; plan: ImportPlan }> {
  const rows = await readRows(input.fileName, input.data);
  const scope = await scopeOf(ctx, input.rootId);
  return { ...scope, plan: planImport(rows, scope) };
}

/** 预览: reads the file and the tree, writes nothing. */
export async function previewImport(ctx: Ctx, input: ImportTreeInput): Promise<ImportPreview> {
  const { root, plan } = await planFor(ctx, input);
  const create = { zone: 0, grid: 0, microgrid: 0, building: 0 };
  for (const n of plan.create) if (n.level in create) create[n.level as keyof typeof create]++;
  return { root: toAreaView(root), rows: plan.rows, existing: plan.existing, create, problems: plan.problems.slice(0, 200), problemCount: plan.problems.length };
}

/**
 * A new node's id from its parent, its name and how many retired siblings had that name: the same file gives the same
 * ids, so a re-run or a racing second run inserts nothing twice (insertMany skips ids already taken).
 */
function importedId(level: AreaLevel, parentId: string, name: string, retiredNamesakes: number): string {
  const digest = createHash('sha256').update(`${parentId}\n${name}\n${retiredNamesakes}`).digest('base64url');
  return `${ID_PREFIX[level]}_${digest.slice(0, 16)}`;
}

/** The plan's nodes as documents, parents first (a planned parent's id and path are known before its children's). */
function toDocs(ctx: Ctx, plan: PlannedNode[], known: Area[]): Area[] {
  const byId = new Map(known.map((a) => [a._id, a]));
  const nextOrder = new Map<string, number>();
  const retired = new Map<string, number>();
  for (const a of known) {
    if (!a.parentId) continue;
    nextOrder.set(a.parentId, Math.max(nextOrder.get(a.parentId) ?? 0, a.order + 1));
    if (a.retired) retired.set(`${a.parentId}\n${a.name}`, (retired.get(`${a.parentId}\n${a.name}`) ?? 0) + 1);
  }
  const made = new Map<string, Area>();
  const now = ctx.now();
  return plan.map((n) => {
    const parent = 'id' in n.parent ? byId.get(n.parent.id) : made.get(n.parent.key);
    if (!parent) throw new Error(`import plan: no parent for ${n.key}`);
    const id = importedId(n.level, parent._id, n.name, retired.get(`${parent._id}\n${n.name}`) ?? 0);
    const order = nextOrder.get(parent._id) ?? 0;
    nextOrder.set(parent._id, order + 1);
    const doc: Area = {
      _id: id,
      name: n.name,
      level: n.level,
      parentId: parent._id,
      path: childPath(parent.path, id),
      ancestors: [...parent.ancestors, parent._id],
      order,
      createdAt: now,
      createdBy: ctx.actor.userId,
    };
    if (n.phone) doc.phone = n.phone;
    made.set(n.key, doc);
    return doc;
  });
}

/**
 * 导入: refused whole while any row has a problem; otherwise creates the next IMPORT_STEP nodes (parents first, in batches
 * of INSERT_BATCH) and says how many remain. A cut-short step leaves a smaller tree whose every node has its parent; the same
 * file again matches what is there by name and creates the rest. The step's audit rides on its first node.
 */
export async function importTree(ctx: Ctx, input: ImportTreeInput): Promise<ImportStep> {
  const { root, known, plan } = await planFor(ctx, input);
  if (plan.problems.length) {
    const first = plan.problems[0] as { message: string };
    throw new AppError('VALIDATION', `表中有 ${plan.problems.length} 处问题，没有导入任何区域：${first.message}`, { data: first.message });
  }
  const docs = toDocs(ctx, plan.create, known).slice(0, IMPORT_STEP);
  if (docs.length === 0) return { created: 0, remaining: 0 };
  const counts = { zone: 0, grid: 0, building: 0 } as Record<string, number>;
  for (const d of docs) counts[d.level] = (counts[d.level] ?? 0) + 1;
  const detail = { importFile: input.fileName, imported: docs.length, parentName: root.name };
  const audit = audited(ctx, { action: 'areas.import', targetType: 'area', targetId: root._id, areaPath: root.path, detail });
  const first = docs[0] as Area;
  docs[0] = withEffects(ctx, 'areas', first, [audit]);
  let created = 0;
  for (let i = 0; i < docs.length; i += INSERT_BATCH) created += (await areas(ctx.store).insertMany(docs.slice(i, i + INSERT_BATCH))).length;
  forget(ctx.store, AREAS_KEPT);
  return { created, remaining: plan.create.length - docs.length };
}

/** 下载模板: the columns, the 社区 of the caller's scope already filled in (their names must match), and a 说明 sheet. */
export async function importTemplate(ctx: Ctx, input: ImportTemplateInput): Promise<ImportTemplate> {
  const { root, known } = await scopeOf(ctx, input.rootId);
  const zoneName = new Map(known.filter((a) => a.level === 'zone').map((a) => [a._id, a.name]));
  const communities = known.filter((a) => a.level === 'community' && !a.retired && a.path.startsWith(root.path)).sort((a, b) => a.order - b.order);
  const rows = communities.map((c) => [zoneName.get(c.parentId ?? '') ?? '', c.name, '', '', '', c.phone ?? '']);
  const title = `网格树导入模板-${root.name}`;
  const tmp = path.join(os.tmpdir(), `wg-template-${randomBytes(8).toString('hex')}.${input.format}`);
  try {
    if (input.format === 'csv') {
      const line = (cells: string[]) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
      fs.writeFileSync(tmp, `\uFEFF${[line([...IMPORT_COLUMNS]), ...rows.map(line)].join('\r\n')}\r\n`);
    } else {
      const { default: ExcelJS } = await import('exceljs');
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('网格树');
      sheet.columns = IMPORT_COLUMNS.map((h) => ({ header: h, width: h === '社区' ? 22 : 16 }));
      sheet.getRow(1).font = { bold: true };
      for (const r of rows) sheet.addRow(r);
      const notes = book.addWorksheet('说明');
      for (const line of TEMPLATE_NOTES) notes.addRow([line]);
      notes.getColumn(1).width = 100;
      await book.xlsx.writeFile(tmp);
    }
    const saved = await ctx.ports.files.save(tmp, `${title}.${input.format}`);
    return { url: saved.url, name: `${title}.${input.format}` };
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

const TEMPLATE_NOTES = [
  '每行写一个区域：片区、社区、网格、微网格、楼栋从左往右是它的上级路径，最右边填了的那一格就是这一行的区域，电话是它的电话。',
  '社区由上线设置按行政区划建好，名称要与表中已填的一致；社区直接在街道下时片区留空。',
  '新网格先写一行（社区 + 网格 + 电话），它的楼栋再各写一行（社区 + 网格 + 楼栋 + 电话）；楼栋必须在网格之下。',
  '微网格可选：新微网格写一行（社区 + 网格 + 微网格），它的楼栋（楼组）各写一行（社区 + 网格 + 微网格 + 楼栋）；不分微网格的楼栋微网格列留空。',
  '同一上级下名称不能重复；已经存在的区域按名称认出，不会重复建，也不改动。',
  '上传后先看预览：有问题的行会逐行列出（行号与表格一致），全部改好之前不会写入任何区域。',
];
