/**
 * The local gateway's cloud-mode call path: a dev-signed-in person becomes a WeChat user with a stable
 * OPENID, and their call runs in the function's container as wx.cloud.callFunction would run it.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { Identity } from '../../backend/runtime/types';
import type { DocumentStore } from '../../backend/store/port';
import type { UserDoc } from '../../backend/users/repo';
import { users } from '../../backend/users/repo';
import type { FunctionRunner } from '../server';
import type { CloudSim } from './index';

/** A stable, OPENID-shaped id per person and environment (28 characters, like WeChat's). */
export function simOpenid(envId: string, userId: string): string {
  return `o${createHash('sha256').update(`${envId}:${userId}`).digest('base64url').slice(0, 27)}`;
}

export function cloudFunctionRunner(sim: CloudSim, store: DocumentStore): FunctionRunner {
  const known = new Map<string, string>();
  /** The person's WeChat OPENID: the one on record, or (first time) the stable one, recorded as enrolment would. */
  async function openidOf(userId: string): Promise<string | null> {
    const hit = known.get(userId);
    if (hit) return hit;
    const user = await users(store).get(userId);
    // A token for nobody on record (a deleted or invented person) signs in as nobody, as it does locally.
    if (!user) return null;
    let openid = user.openid ?? null;
    if (!openid) {
      openid = simOpenid(sim.envId, userId);
      await store.collection<UserDoc>('users').updateWhere({ _id: userId, openid: { $exists: false } }, { $set: { openid } });
    }
    known.set(userId, openid);
    return openid;
  }
  return {
    async call(name: string, event: unknown, identity: Identity | null) {
      const openid = identity?.kind === 'local' ? await openidOf(identity.userId) : '';
      if (openid === null) return { status: 200, body: { ok: false, error: new AppError('UNAUTHENTICATED').toBody() } };
      const payload = typeof event === 'object' && event !== null && !Array.isArray(event) ? (event as Record<string, unknown>) : { value: event };
      const r = await sim.invoke(name, { kind: 'call', openid, appid: sim.appid, event: payload });
      // wx.cloud.callFunction resolves with the function's result, or fails with the platform's errCode/errMsg.
      return r.ok ? { status: 200, body: r.result } : { status: 502, body: { errCode: r.errCode, errMsg: `cloud.callFunction:fail ${r.errCode} ${r.errMsg}` } };
    },
  };
}
