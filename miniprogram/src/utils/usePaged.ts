/** A paged list: first page on load or when deps change, more on demand, refresh from page 1. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '@shared/users/schemas';

export interface Paged<T> {
  items: T[];
  total: number;
  loading: boolean;
  error: unknown;
  hasMore: boolean;
  loadMore: () => Promise<void>;
  refresh: () => Promise<void>;
}

/** A page of a list that is never counted (the inbox only grows): it says whether another page follows instead. */
export interface MorePage<T> {
  items: T[];
  more: boolean;
}

export function usePaged<T>(fetchPage: (page: number) => Promise<Page<T> | MorePage<T>>, deps: readonly unknown[]): Paged<T> {
  const [items, setItems] = useState<T[]>([]);
  const [total, setTotal] = useState(0);
  const [more, setMore] = useState<boolean | null>(null);
  const [page, setPage] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const seq = useRef(0);

  // `fetchPage` is rebuilt every render; the caller's deps say when it really changes. They cannot be checked
  // here, so eslint checks them at every usePaged call site instead (additionalHooks in eslint.config.mjs).
  const get = useCallback(async (target: number) => {
    const mine = ++seq.current;
    try {
      const result = await fetchPage(target);
      if (mine !== seq.current) return;
      setItems((prev) => (target === 1 ? result.items : [...prev, ...result.items]));
      if ('more' in result) {
        // Uncounted: the total is what has loaded, exact once the last page is in.
        setMore(result.more);
        setTotal((loaded) => (target === 1 ? 0 : loaded) + result.items.length);
      } else {
        setMore(null);
        setTotal(result.total);
      }
      setPage(target);
    } catch (e) {
      if (mine === seq.current) setError(e);
    } finally {
      if (mine === seq.current) setLoading(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps, react-hooks/use-memo -- the caller's deps, see above
  }, deps);

  // New deps: an empty list, loading, from this render on (state adjusted while rendering, not in an effect).
  const [shownFor, setShownFor] = useState(() => get);
  if (shownFor !== get) {
    setShownFor(() => get);
    setItems([]);
    setTotal(0);
    setMore(null);
    setLoading(true);
    setError(null);
  }
  useEffect(() => {
    void get(1);
  }, [get]);

  const load = useCallback(
    async (target: number) => {
      setLoading(true);
      setError(null);
      await get(target);
    },
    [get],
  );
  const hasMore = more ?? items.length < total;
  const loadMore = useCallback(async () => {
    if (!loading && hasMore) await load(page + 1);
  }, [loading, hasMore, page, load]);
  const refresh = useCallback(() => load(1), [load]);

  return { items, total, loading, error, hasMore, loadMore, refresh };
}
