/**
 * Live screens: a page refreshes when it is shown again and polls gently while it stays in view, paused when it is
 * hidden (another page on top, the app or browser tab in the background), so nobody has to reload by hand.
 */
import { useEffect, useRef } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';

/** Every 20 s: fresh enough for a status or a count, a few calls a minute per open page. */
export const LIVE_MS = 20_000;

/** The browser tab is in the background (h5); a mini-program hides the page instead, which stops the timer. */
const backgrounded = () => typeof document !== 'undefined' && document.visibilityState === 'hidden';

/**
 * Calls `refresh` each time the page comes back into view and every `intervalMs` while it is visible. Not on the show
 * that comes with mounting (the caller loads then): a component mounted after its page showed (home's 待办, once
 * `me` is in) first hears of a show when the page comes back. A refresh still running is not started again; the
 * latest `refresh` is the one called.
 */
export function useLive(refresh: () => unknown, intervalMs = LIVE_MS): void {
  const latest = useRef(refresh);
  const busy = useRef(false);
  // A show refreshes only after a hide: the page's first show comes with mounting, when the caller loads anyway.
  const hidden = useRef(false);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  useEffect(() => {
    latest.current = refresh;
  });

  const run = useRef(async () => {
    if (busy.current || backgrounded()) return;
    busy.current = true;
    try {
      await latest.current();
    } catch {
      // A poll that fails leaves the screen as it was; the next one tries again.
    } finally {
      busy.current = false;
    }
  });
  const stop = useRef(() => {
    if (timer.current !== null) clearInterval(timer.current);
    timer.current = null;
  });
  const start = useRef(() => {
    stop.current();
    timer.current = setInterval(() => void run.current(), intervalMs);
  });

  useDidShow(() => {
    if (hidden.current) void run.current();
    hidden.current = false;
    start.current();
  });
  useDidHide(() => {
    hidden.current = true;
    stop.current();
  });
  useEffect(() => {
    // Mounted inside a page that is already showing (a component appearing later): start without waiting for a show.
    if (timer.current === null) start.current();
    const halt = stop.current;
    return halt;
  }, []);
}
