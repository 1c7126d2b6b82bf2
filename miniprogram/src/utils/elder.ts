/**
 * 长辈模式 on this device: the per-person setting from `users.me`, cached in storage so every resident
 * page knows it at first paint; pages hear a switch through Taro's event centre.
 */
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { api } from '../api';
import { needsSignIn } from './session';

const KEY = 'wg_elder';
const CHANGED = 'elder:changed';
let confirmed = false;

export function cachedElderMode(): boolean {
  return Taro.getStorageSync(KEY) === '1';
}

/** Remembers what the server says (after `users.me` or a switch) and tells the open pages. */
export function rememberElderMode(on: boolean): void {
  confirmed = true;
  if (cachedElderMode() === on) return;
  Taro.setStorageSync(KEY, on ? '1' : '0');
  Taro.eventCenter.trigger(CHANGED, on);
}

/** Stores the switch on the server first, so another device sees it too. */
export async function switchElderMode(on: boolean): Promise<void> {
  const { elderMode } = await api.users.setElderMode({ on });
  rememberElderMode(elderMode);
}

/** The mode for a page: the cached value at once, checked against the server once per launch. */
export function useElderMode(): boolean {
  const [on, setOn] = useState(cachedElderMode);
  useEffect(() => {
    const onChange = (value: boolean) => setOn(value);
    Taro.eventCenter.on(CHANGED, onChange);
    if (!confirmed && !needsSignIn()) {
      confirmed = true;
      api.users.me().then(
        (me) => rememberElderMode(me.elderMode),
        () => undefined,
      );
    }
    return () => void Taro.eventCenter.off(CHANGED, onChange);
  }, []);
  return on;
}
