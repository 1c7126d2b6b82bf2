/** The web session token (h5 only): kept in Taro storage under `wg_token`. */
import Taro from '@tarojs/taro';

export const TOKEN_KEY = 'wg_token';

export function getToken(): string | null {
  const value: unknown = Taro.getStorageSync(TOKEN_KEY);
  return typeof value === 'string' && value !== '' ? value : null;
}

export function setToken(token: string): void {
  Taro.setStorageSync(TOKEN_KEY, token);
}

export function clearToken(): void {
  Taro.removeStorageSync(TOKEN_KEY);
}

/** In WeChat the platform identifies the caller; on the web a token is needed first. */
export function needsSignIn(): boolean {
  return process.env.TARO_ENV === 'h5' && getToken() === null;
}
