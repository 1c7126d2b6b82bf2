/**
 * 照片安全检查: every submitted photo goes to WeChat's mediaCheckAsync (v2); the verdict comes back later as a
 * `wxa_media_check` message push, and a photo not judged safe comes off the record it is on, with an audit entry.
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/mediaCheckAsync.html
 */
import { invalid } from '../../shared/errors';
import type { MediaChecked, MediaCheckedInput, MediaVerdict } from '../../shared/notifications/schemas';
import { recordAudit } from '../audit/record';
import type { Author, ContentScene } from '../ports/types';
import type { Deps, GuestCtx, Identity } from '../runtime/types';
import type { Collection, Doc, DocumentStore } from '../store/port';

/** A command's view of who is submitting: the deps plus the caller's identity. */
export type Authored = Deps & { identity: Identity };

export function authorOf(ctx: Authored): Author {
  return { openid: ctx.identity.kind === 'wechat' ? ctx.identity.openid : null };
}

/** Where a checked photo sits: a list field (`photos`, `completion.photos`) or a single one (`attachment`, `reply.photo`). */
export interface PhotoTarget {
  collection: string;
  recordId: string;
  field: string;
  /** For the audit entry: what kind of record, and where in the tree (audit is read by subtree). */
  targetType: string;
  areaPath: string;
}

export interface PhotoCheckDoc {
  /** WeChat's trace_id. */
  _id: string;
  fileId: string | null;
  /** Null until the submission is written: the push may arrive before that. */
  target: PhotoTarget | null;
  verdict: MediaVerdict | null;
  label: number | null;
  startedAt: number | null;
  checkedAt: number | null;
}

export const photoChecks = (store: DocumentStore): Collection<PhotoCheckDoc> => store.collection<PhotoCheckDoc>('photo_checks');

/** Checks WeChat accepted for a submission's photos; `register` ties them to the record once it is written. */
export interface ScreenedPhotos {
  register(target: Omit<PhotoTarget, 'field'> & { field?: string }): Promise<void>;
  /** The same, as effects carried by the record's own write (backend/records). */
  effects(target: Omit<PhotoTarget, 'field'> & { field?: string }): PhotoCheckEffect[];
}

/** Ties a started check to the record that shows the photo, once that record is written. */
export interface PhotoCheckEffect {
  type: 'photoCheck';
  traceId: string;
  fileId: string;
  target: PhotoTarget;
}

export const PHOTO_CHECK_UNAVAILABLE = '照片安全检查暂不可用，请稍后再试';

/**
 * Starts the checks before anything is written: when WeChat will not take them, the submission is refused
 * (fail closed) rather than published unchecked.
 */
export async function startPhotoChecks(ctx: Authored, field: string, fileIds: string[], scene: ContentScene): Promise<ScreenedPhotos> {
  let checks: Array<{ fileId: string; traceId: string }> = [];
  if (fileIds.length) {
    try {
      checks = await ctx.ports.content.checkImages(fileIds, authorOf(ctx), scene);
    } catch (e) {
      ctx.log.error('mediaCheckAsync failed; refusing the photos', e);
      throw invalid(field, PHOTO_CHECK_UNAVAILABLE);
    }
  }
  return {
    async register(where) {
      const target: PhotoTarget = { field, ...where };
      for (const c of checks) await registerCheck(ctx, c.traceId, c.fileId, target);
    },
    effects(where) {
      const target: PhotoTarget = { field, ...where };
      return checks.map((c) => ({ type: 'photoCheck', traceId: c.traceId, fileId: c.fileId, target }));
    },
  };
}

/** Idempotent: a second run finds the doc and re-applies the verdict it holds (hiding is conditional). */
export async function registerCheck(deps: Deps, traceId: string, fileId: string, target: PhotoTarget): Promise<void> {
  const doc: PhotoCheckDoc = { _id: traceId, fileId, target, verdict: null, label: null, startedAt: deps.now(), checkedAt: null };
  if (await photoChecks(deps.store).insertIfAbsent(doc)) return;
  // The verdict came first and left its doc: say where the photo is, then act on what it said.
  await photoChecks(deps.store).updateWhere({ _id: traceId }, { $set: { fileId, target, startedAt: doc.startedAt } });
  const seen = await photoChecks(deps.store).get(traceId);
  if (seen?.verdict && seen.verdict !== 'pass') await hidePhoto(deps, { ...seen, fileId, target });
}

/** Only an explicit pass lets a photo stay: risky, review and a failed check all take it down. */
function verdictOf(event: MediaCheckedInput): MediaVerdict {
  if (event.errcode !== undefined && event.errcode !== 0) return 'error';
  const suggest = event.result?.suggest;
  return suggest === 'pass' || suggest === 'risky' || suggest === 'review' ? suggest : 'error';
}

/**
 * The `wxa_media_check` push. Idempotent (WeChat retries pushes): only the first verdict for a trace id is
 * acted on. An unknown trace id is kept, in case its submission is still being written.
 */
export async function mediaChecked(ctx: GuestCtx, event: MediaCheckedInput): Promise<MediaChecked> {
  const verdict = verdictOf(event);
  const label = typeof event.result?.label === 'number' ? event.result.label : null;
  const now = ctx.now();
  const fresh: PhotoCheckDoc = { _id: event.trace_id, fileId: null, target: null, verdict, label, startedAt: null, checkedAt: now };
  if (await photoChecks(ctx.store).insertIfAbsent(fresh)) return { verdict, hidden: false };
  const first = await photoChecks(ctx.store).updateWhere({ _id: event.trace_id, verdict: null }, { $set: { verdict, label, checkedAt: now } });
  if (first !== 1 || verdict === 'pass') return { verdict, hidden: false };
  const check = await photoChecks(ctx.store).get(event.trace_id);
  return { verdict, hidden: check ? await hidePhoto(ctx, check) : false };
}

type AnyDoc = Doc & Record<string, unknown>;

function at(doc: AnyDoc, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[k] : undefined), doc);
}

const fileIdOf = (p: unknown): unknown => (typeof p === 'object' && p !== null ? (p as { fileId?: unknown }).fileId : undefined);

const SYSTEM = { userId: 'system', name: '系统', roles: [], skills: [] };

/** Takes the photo off its record (a list loses it, a single photo becomes none) and leaves an audit entry. */
async function hidePhoto(deps: Deps, check: PhotoCheckDoc): Promise<boolean> {
  const { target, fileId } = check;
  if (!target || !fileId) return false;
  const records = deps.store.collection<AnyDoc>(target.collection);
  const record = await records.get(target.recordId);
  if (!record) return false;
  const current = at(record, target.field);
  let next: unknown;
  if (Array.isArray(current)) {
    next = current.filter((p) => fileIdOf(p) !== fileId);
    if ((next as unknown[]).length === current.length) return false;
  } else if (fileIdOf(current) === fileId) {
    next = null;
  } else {
    return false;
  }
  await records.updateWhere({ _id: target.recordId }, { $set: { [target.field]: next } });
  await recordAudit(
    { ...deps, actor: SYSTEM, identity: { kind: 'system' } },
    {
      action: 'content.hidePhoto',
      targetType: target.targetType,
      targetId: target.recordId,
      areaPath: target.areaPath,
      detail: { field: target.field, fileId, verdict: check.verdict, label: check.label, traceId: check._id },
    },
  );
  return true;
}
