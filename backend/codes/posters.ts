/** 打印民情二维码海报: one node's poster, or one PDF with a page per building of a grid. */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Area } from '../../shared/areas/model';
import type { PosterFile, PosterForGridInput, PosterInput } from '../../shared/codes/schemas';
import { invalid } from '../../shared/errors';
import { keptOnPath } from '../areas/levels';
import { areas } from '../areas/repo';
import { recordAudit } from '../audit/record';
import type { Ctx } from '../runtime/types';
import { warm } from '../runtime/warm';
import { contactFor } from '../users/contact';
import { renderCode } from './make';
import type { ContactView } from '../../shared/users/schemas';
import type { PosterSheet } from './pdf';
import { posterFontFile, writePosterPdf } from './pdf';
import { codeTarget, placeNames, requireManagedNode } from './targets';

/**
 * Who a poster tells people to ring, kept in the warm instance: a poster hangs on a wall for months, so a contact as it
 * stood a few seconds ago (WG_WARM_TTL_MS) prints the same; a scan (codes.resolve) still reads it fresh.
 */
const posterContact = (ctx: Ctx, path: string, known: Map<string, Area>): Promise<ContactView | null> =>
  warm(ctx.store, `poster-contact/${path}`, () => contactFor(ctx, path, known));

/** A node's page; `contact` when the caller has it already (every building of a grid rings the same grid or community). */
async function sheetFor(ctx: Ctx, node: Area, known: Map<string, Area>, contact?: ContactView | null): Promise<PosterSheet> {
  const up = (level: Area['level']) => [...node.ancestors, node._id].map((id) => known.get(id)).find((a) => a?.level === level)?.name ?? null;
  const code = await renderCode(ctx, codeTarget({ kind: 'node', id: node._id }, node.level), node.name);
  return {
    community: up('community') ?? '',
    grid: up('grid'),
    building: node.level === 'building' ? node.name : null,
    contact: contact !== undefined ? contact : await posterContact(ctx, node.path, known),
    code: code.png,
    kind: code.kind,
  };
}

async function savePdf(ctx: Ctx, node: Area, sheets: PosterSheet[], title: string, action: string): Promise<PosterFile> {
  const tmp = path.join(os.tmpdir(), `wg-poster-${randomBytes(8).toString('hex')}.pdf`);
  try {
    await writePosterPdf(sheets, tmp, title, await posterFontFile((id) => ctx.ports.files.localCopy(id)));
    const name = `${title}.pdf`;
    const saved = await ctx.ports.files.save(tmp, name);
    await recordAudit(ctx, { action, targetType: 'area', targetId: node._id, areaPath: node.path, detail: { pages: sheets.length } });
    return { ...saved, name, pages: sheets.length };
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

export async function posterForNode(ctx: Ctx, input: PosterInput): Promise<PosterFile> {
  const node = await requireManagedNode(ctx, input.areaId);
  const known = await keptOnPath(ctx.store, node.path);
  return savePdf(ctx, node, [await sheetFor(ctx, node, known)], `民情二维码-${placeNames(node, known).join('')}`, 'codes.poster');
}

/** A grid's buildings in service, those under its 微网格 included, in the tree's order (a 微网格's buildings where the 微网格 stands). */
function buildingsOf(grid: Area, subtree: Area[]): Area[] {
  const byId = new Map(subtree.map((a) => [a._id, a]));
  const top = (b: Area) => byId.get(b.ancestors[grid.ancestors.length + 1] ?? '') ?? b;
  const key = (b: Area) => [top(b).order, b.order];
  return subtree.filter((a) => a.level === 'building' && !a.retired).sort((x, y) => key(x)[0]! - key(y)[0]! || key(x)[1]! - key(y)[1]! || x.path.localeCompare(y.path));
}

export async function posterForGrid(ctx: Ctx, input: PosterForGridInput): Promise<PosterFile> {
  const grid = await requireManagedNode(ctx, input.gridId, 'gridId');
  if (grid.level !== 'grid') throw invalid('gridId', '请选择一个网格');
  const buildings = buildingsOf(grid, await areas(ctx.store).find({ path: { $prefix: grid.path }, retired: { $ne: true } }));
  if (buildings.length === 0) throw invalid('gridId', '该网格下还没有在用的楼栋');
  const known = await keptOnPath(ctx.store, grid.path);
  // A contact is the grid's, the community's or the street's (contactFor), the same for every building of the grid: found once.
  const contact = await posterContact(ctx, grid.path, known);
  const sheets: PosterSheet[] = [];
  for (const b of buildings) sheets.push(await sheetFor(ctx, b, known, contact));
  return savePdf(ctx, grid, sheets, `民情二维码-${placeNames(grid, known).join('')}`, 'codes.posterForGrid');
}
