/** CloudBase entry: identity from the platform (never the payload), the CloudBase store, then `handle`. */
import tcb from '@cloudbase/node-sdk';
import { AppError } from '../../shared/errors';
import { cloudPorts } from '../ports/cloud';
import { CloudbaseStore } from '../store/cloudbase';
import { users } from '../users/repo';
import { consoleLogger, handle } from './handle';
import type { Deps, FunctionDef, Identity } from './types';

type App = ReturnType<typeof tcb.init>;

/** The part of `app.auth().getUserInfo()` we use. */
export interface PlatformUserInfo {
  openId?: string;
  uid?: string;
}

/** Timer triggers arrive as `{ Type: 'Timer', TriggerName }` and run as the system. */
function isTimer(event: unknown): event is { Type: 'Timer'; TriggerName?: string } {
  return typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer';
}

/**
 * Exactly what `app.auth().getUserInfo()` returns (WX_OPENID / TCB_UUID through the SDK's own context
 * reader, which also follows WX_CONTEXT_KEYS / TCB_CONTEXT_KEYS), but without an initialised app:
 * `tcb.init()` fires a probe of metadata.tencentyun.com whenever it is not inside SCF, and a caller we
 * are about to refuse must not cost a network round-trip (nor make an offline bundle check touch the network).
 */
export function platformUserInfo(): PlatformUserInfo {
  const context = tcb.getCloudbaseContext();
  return { openId: context.WX_OPENID, uid: context.TCB_UUID };
}

/** WeChat callers carry the OPENID the platform injected; CloudBase web callers a uid. */
export function cloudIdentity(event: unknown, info: PlatformUserInfo = platformUserInfo()): Identity | null {
  if (isTimer(event)) return { kind: 'system' };
  if (info.openId) return { kind: 'wechat', openid: info.openId };
  if (info.uid) return { kind: 'web', uid: info.uid };
  return null;
}

export function cloudMain(fn: FunctionDef, timerAction?: string) {
  let app: App | null = null;
  let deps: Deps | null = null;
  return async (event: unknown): Promise<unknown> => {
    const identity = cloudIdentity(event);
    // Refused before routing or touching the SDK: an unidentified caller learns nothing (not even which
    // actions exist), and `tcb.init()` with its network probe only runs for someone we will serve.
    if (!identity) return { ok: false, error: new AppError('UNAUTHENTICATED').toBody() };
    app ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
    if (!deps) {
      const store = new CloudbaseStore(app.database());
      const openidOf = async (userId: string) => (await users(store).get(userId))?.openid ?? null;
      deps = { store, now: Date.now, log: consoleLogger, ports: cloudPorts(app, openidOf) };
    }
    const request = isTimer(event) ? { action: timerAction ?? '', data: {} } : event;
    return handle(fn, request, identity, deps);
  };
}
