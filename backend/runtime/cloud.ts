/** CloudBase entry: identity from the platform (never the payload), the CloudBase store, then `handle`. */
import tcb from '@cloudbase/node-sdk';
import { AppError } from '../../shared/errors';
import { cloudPorts } from '../ports/cloud';
import { CloudbaseStore } from '../store/cloudbase';
import { users } from '../users/repo';
import { consoleLogger, handle } from './handle';
import type { Ports } from '../ports/types';
import type { Deps, FunctionDef, Identity } from './types';

type App = ReturnType<typeof tcb.init>;

/** What the platform injected about the caller: `app.auth().getUserInfo()`'s fields and the trigger source. */
export interface PlatformUserInfo {
  openId?: string;
  uid?: string;
  /** `timer` when a timer trigger started the invocation (the same variable the SDK reads in dist/utils/wxCloudToken.js). */
  triggerSource?: string;
}

/**
 * Exactly what `app.auth().getUserInfo()` returns (WX_OPENID / TCB_UUID through the SDK's own context
 * reader, which also follows WX_CONTEXT_KEYS / TCB_CONTEXT_KEYS), but without an initialised app: a caller we
 * are about to refuse costs no SDK set-up (the unbundled SDK's `tcb.init()` even probes metadata.tencentyun.com
 * outside SCF; the bundles stub that probe's HTTP client out, see scripts/build-functions.mjs).
 */
export function platformUserInfo(): PlatformUserInfo {
  const context = tcb.getCloudbaseContext();
  return { openId: context.WX_OPENID, uid: context.TCB_UUID, triggerSource: context.TRIGGER_SRC };
}

/**
 * WeChat callers carry the OPENID the platform injected; CloudBase web callers a uid; a timer trigger runs
 * as the system. Only the platform's injected context decides: a payload saying `{ Type: 'Timer' }` is
 * just data anyone can send, so it never makes the caller the system.
 */
export function cloudIdentity(info: PlatformUserInfo = platformUserInfo()): Identity | null {
  if (info.openId) return { kind: 'wechat', openid: info.openId };
  if (info.uid) return { kind: 'web', uid: info.uid };
  if (info.triggerSource === 'timer') return { kind: 'system' };
  return null;
}

/** A timer's event names its trigger; the trigger is named after the system action it runs. */
function timerAction(fn: FunctionDef, event: unknown, fallback: string | undefined): string {
  const name = typeof event === 'object' && event !== null ? (event as { TriggerName?: unknown }).TriggerName : undefined;
  if (typeof name === 'string' && fn.actions[name]?.auth === 'system') return name;
  return fallback ?? '';
}

/**
 * WeChat message pushes (消息推送) a function is configured to receive, by event name → the system action
 * that takes them. A push arrives as WeChat's message turned JSON (`{ MsgType: 'event', Event, … }`) with no
 * user identity injected; a user's own call always carries an OPENID or uid, so a push shape from one is just
 * data and gets no system rights.
 */
export type PushRoutes = Readonly<Record<string, string>>;

export function pushAction(event: unknown, routes: PushRoutes): string | null {
  if (typeof event !== 'object' || event === null) return null;
  const { MsgType, Event } = event as { MsgType?: unknown; Event?: unknown };
  if (MsgType !== 'event' || typeof Event !== 'string' || !Object.prototype.hasOwnProperty.call(routes, Event)) return null;
  return routes[Event] ?? null;
}

/** Whose WeChat OPENID a push goes to, from the person's record. */
export type OpenidOf = (userId: string) => Promise<string | null>;

/**
 * `morePorts`: ports only some functions need (the users function's phone confirmation, the pushes of the functions that
 * apply effects), kept out of the other bundles.
 */
export function cloudMain(fn: FunctionDef, defaultTimerAction?: string, pushRoutes: PushRoutes = {}, morePorts?: (app: App, openidOf: OpenidOf) => Partial<Ports>) {
  let app: App | null = null;
  let deps: Deps | null = null;
  return async (event: unknown): Promise<unknown> => {
    const info = platformUserInfo();
    const push = pushAction(event, pushRoutes);
    const identity: Identity | null = cloudIdentity(info) ?? (push ? { kind: 'system' } : null);
    // Refused before routing or touching the SDK: an unidentified caller learns nothing (not even which
    // actions exist), and `tcb.init()` with its network probe only runs for someone we will serve.
    if (!identity) return { ok: false, error: new AppError('UNAUTHENTICATED').toBody() };
    app ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
    if (!deps) {
      const store = new CloudbaseStore(app.database());
      const openidOf: OpenidOf = async (userId) => (await users(store).get(userId))?.openid ?? null;
      deps = { store, now: Date.now, log: consoleLogger, ports: { ...cloudPorts(app, consoleLogger.error), ...morePorts?.(app, openidOf) } };
    }
    const request =
      identity.kind !== 'system' ? event : info.triggerSource === 'timer' ? { action: timerAction(fn, event, defaultTimerAction), data: {} } : { action: push ?? '', data: event };
    return handle(fn, request, identity, deps);
  };
}
