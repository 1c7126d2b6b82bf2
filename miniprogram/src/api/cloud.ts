/** weapp transport: Taro.cloud.callFunction, whose `result` is the same envelope the gateway sends. */
import Taro from '@tarojs/taro';
import type { Envelope } from '@shared/errors';
import { toEnvelope } from './envelope';
import { ApiError, NETWORK_MESSAGE } from './errors';

let initialised = false;

/**
 * Called once from app.ts with WG_CLOUD_ENV from the build. Without it `env` is omitted and the
 * client uses the mini-program's default environment: DYNAMIC_CURRENT_ENV exists only in the
 * server SDK (wx-server-sdk), not on wx.cloud in the mini-program.
 */
export function initCloud(): void {
  if (initialised) return;
  Taro.cloud.init(WG_CLOUD_ENV ? { env: WG_CLOUD_ENV, traceUser: true } : { traceUser: true });
  initialised = true;
}

export async function callOverCloud(fn: string, action: string, data: unknown): Promise<Envelope<unknown>> {
  initCloud();
  let result: unknown;
  try {
    const res = await Taro.cloud.callFunction({ name: fn, data: { action, data } });
    result = res.result;
  } catch {
    throw new ApiError('NETWORK', NETWORK_MESSAGE);
  }
  return toEnvelope(result);
}
