/** Loads something async for a page: data, loading flag, error, and reload for retry / pull-to-refresh. */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Loaded<T> {
  data: T | null;
  loading: boolean;
  error: unknown;
  reload: () => Promise<void>;
  /** Loads again without the loading state: the page stays as it is and changes only if the answer does (polling). */
  refresh: () => Promise<void>;
}

export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const seq = useRef(0);

  // `load` is rebuilt every render; the caller's deps say when it really changes. They cannot be checked
  // here, so eslint checks them at every useLoad call site instead (additionalHooks in eslint.config.mjs).
  const get = useCallback(async () => {
    const mine = ++seq.current;
    try {
      const value = await load();
      if (mine === seq.current) setData(value);
    } catch (e) {
      if (mine === seq.current) setError(e);
    } finally {
      if (mine === seq.current) setLoading(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps, react-hooks/use-memo -- the caller's deps, see above
  }, deps);

  // New deps: loading again from this render on (state adjusted while rendering, not in an effect).
  const [shownFor, setShownFor] = useState(() => get);
  if (shownFor !== get) {
    setShownFor(() => get);
    setLoading(true);
    setError(null);
  }
  useEffect(() => {
    void get();
  }, [get]);

  const reload = useCallback(async () => {
    setLoading(true);
    setError(null);
    await get();
  }, [get]);

  // A silent load: keeps the screen, takes a newer answer, and leaves a failure to the next try (useLive).
  const refresh = useCallback(async () => {
    const mine = ++seq.current;
    const value = await load();
    if (mine === seq.current) {
      setData(value);
      setError(null);
      setLoading(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps, react-hooks/use-memo -- the caller's deps, as get's
  }, deps);

  return { data, loading, error, reload, refresh };
}
