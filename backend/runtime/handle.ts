/** The one wrapper every function runs through: route, authenticate, parse, run, map errors to the envelope. */
import type { Envelope } from '../../shared/errors';
import { AppError, invalid } from '../../shared/errors';
import { parseInput } from '../../shared/validation';
import { loadActor } from '../users/actor';
import type { PendingRef } from '../records/effects';
import type { Ctx, Deps, FunctionDef, Identity } from './types';

export async function handle(fn: FunctionDef, event: unknown, identity: Identity | null, deps: Deps): Promise<Envelope<unknown>> {
  let actionName = '?';
  try {
    const request = readEvent(event);
    actionName = request.action;
    const def = Object.prototype.hasOwnProperty.call(fn.actions, request.action) ? fn.actions[request.action] : undefined;
    if (!def) throw invalid('action', `未知的操作：${request.action}`);
    if (!identity) throw new AppError('UNAUTHENTICATED');
    if ((def.auth === 'system') !== (identity.kind === 'system')) {
      throw new AppError(identity.kind === 'system' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
    }
    // Parsed first so the action can name what it will read; a bad input still answers after the sign-in check.
    let data: unknown;
    let bad: unknown = null;
    try {
      data = parseInput(def.input, request.data);
    } catch (e) {
      bad = e;
    }
    const wants = bad === null && def.prefetch ? def.prefetch(data) : {};
    // The caller (with anyone else the action names) and the record it acts on, read at the same time.
    const finds = wants.finds ?? [];
    const [loaded, ...docs] = await Promise.all([
      identity.kind === 'system' || def.auth === 'caller' ? { actor: null, others: [] } : loadActor(deps.store, identity, wants.users ?? []),
      ...finds.map((f) => deps.store.collection(f.collection).find(f.filter, { limit: f.limit })),
      ...(wants.docs ?? []).map((d) => deps.store.collection(d.collection).get(d.id)),
    ]);
    const { actor, others, self } = loaded as Awaited<ReturnType<typeof loadActor>>;
    if (def.auth === 'user' && !actor) throw new AppError('UNAUTHENTICATED', '请先完成注册或重新登录');
    if (bad !== null) throw bad;
    const prefetched = new Map<string, unknown>([
      // The caller's own record too (readOnce: their home, their settings), as read for the Actor.
      ...[...others, ...(self ? [self] : [])].map((u) => [`users/${u._id}`, u] as const),
      ...finds.map((f, i) => [`find:${f.key}`, docs[i]] as const),
      ...(wants.docs ?? []).map((d, i) => [`${d.collection}/${d.id}`, docs[finds.length + i] ?? null] as const),
    ]);
    const pending: PendingRef[] = [];
    const ctx = { ...deps, actor, identity, pending, prefetched } as Ctx;
    const result = await def.run(ctx, data);
    // Records the action left with effects to apply: the client asks `effects.drain` for them right away.
    return { ok: true, data: result === undefined ? null : result, ...(pending.length ? { pending } : {}) };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: e.toBody() };
    // Unexpected: log with the stack for us, answer without it for the caller.
    deps.log.error(`${fn.name}.${actionName} failed`, e);
    return { ok: false, error: new AppError('INTERNAL').toBody() };
  }
}

/** `{ action, data }`; platforms add their own keys (WeChat injects `userInfo`), which are ignored. */
function readEvent(event: unknown): { action: string; data: unknown } {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    throw invalid('_', '请求内容需为对象');
  }
  const { action, data } = event as { action?: unknown; data?: unknown };
  if (typeof action !== 'string' || action.length === 0 || action.length > 64) {
    throw invalid('action', '缺少操作名称');
  }
  return { action, data };
}

export const consoleLogger = {
  error(message: string, detail?: unknown) {
    console.error(`[error] ${message}`, detail);
  },
  info(message: string, detail?: unknown) {
    console.log(`[info] ${message}`, detail ?? '');
  },
};
