/** Moves a declaration along its machine through the one mover: the conditional update carries the timeline entry, the audit record and whatever else the step causes. */
import { AppError } from '../../shared/errors';
import type { DeclarationCode, DeclarationStatus, DeclarationStep } from '../../shared/points/machine';
import { DECLARATION_MACHINE } from '../../shared/points/machine';
import { DECLARATION_STATUSES, canStepFrom } from '../../shared/points/model';
import type { EntryData, TimelineEntry } from '../../shared/records/machine';
import type { Effect } from '../records/effects';
import { audited } from '../records/make';
import { moveRecord } from '../records/move';
import { readOnce } from '../runtime/prefetch';
import type { Ctx, Prefetch } from '../runtime/types';
import type { DeclarationDoc } from './repo';

/** One timeline entry: who, in which part (党员, 网格长, 社区, 系统), and the code of what happened with its data. */
export function stepOf(ctx: Pick<Ctx, 'now'> & { actor: { userId: string; name: string } }, role: string, code: DeclarationCode, data?: EntryData, note?: string): TimelineEntry {
  const e: TimelineEntry = { at: ctx.now(), actorId: ctx.actor.userId, actorName: ctx.actor.name, role, code };
  if (data) e.data = data;
  if (note) e.note = note;
  return e;
}

export function conflict(doc: Pick<DeclarationDoc, 'status'>): AppError {
  return new AppError('CONFLICT', `这条申报当前为「${DECLARATION_STATUSES[doc.status]}」，请刷新后再看`);
}

/** Declaration actions name their declaration: the handler reads it beside the caller. */
export const theDeclaration = (input: { declarationId: string }): Prefetch => ({ docs: [{ collection: 'points_declarations', id: input.declarationId }] });

/** A declaration someone other than its member may act on by `may`; NOT_FOUND or FORBIDDEN otherwise. */
export async function requireDeclaration(ctx: Ctx, id: string, may: (d: DeclarationDoc) => boolean, forbidden: string): Promise<DeclarationDoc> {
  const doc = await readOnce<DeclarationDoc>(ctx, 'points_declarations', id);
  if (!doc) throw new AppError('NOT_FOUND', '申报不存在');
  if (doc.memberId === ctx.actor.userId) throw new AppError('FORBIDDEN', '不能处理自己的申报');
  if (!may(doc)) throw new AppError('FORBIDDEN', forbidden);
  return doc;
}

export interface Move {
  /** The actor's part, in the timeline's words. */
  role: string;
  data?: EntryData;
  note?: string;
  set?: Record<string, unknown>;
  /** What the audit record says beside the step. */
  detail: Record<string, unknown>;
  /** What else the step causes (the member's message, the points). */
  effects: Effect[];
}

/** Applies `step` if the declaration is still in the status we read; CONFLICT otherwise. One request. */
export async function moveDeclaration(ctx: Ctx, doc: DeclarationDoc, step: DeclarationStep, move: Move): Promise<DeclarationStatus> {
  if (!canStepFrom(step, doc.status)) throw conflict(doc);
  const to = DECLARATION_MACHINE.transitions[step].to;
  await moveRecord(ctx, {
    collection: 'points_declarations',
    record: doc,
    to,
    entry: stepOf(ctx, move.role, step, move.data, move.note),
    set: { ...move.set, updatedAt: ctx.now() },
    effects: [audited(ctx, { action: `points.${step}`, targetType: 'points_declaration', targetId: doc._id, areaPath: doc.path, detail: move.detail }), ...move.effects],
    conflict: '这条申报刚被他人处理，请刷新后再看',
  });
  return to;
}
