/** Small page hooks for the order lists: refresh when the page shows again, pull-to-refresh and paging together. */
import { useRef } from 'react';
import { useDidShow, useReachBottom } from '@tarojs/taro';
import type { Paged } from './usePaged';
import { usePullRefresh } from './pullRefresh';
import { PAGE_SIZE } from './constants';
import { useLive } from './useLive';

/** Runs `refresh` whenever the page comes back into view (not on its first show, which loads anyway). */
export function useRefreshOnReturn(refresh: () => Promise<unknown>): void {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void refresh();
    shown.current = true;
  });
}

/** A paged list page: pull to refresh, next page at the bottom, fresh data after coming back. */
export function useListPage<T>(list: Paged<T>): void {
  usePullRefresh(list.refresh);
  useReachBottom(() => void list.loadMore());
  useRefreshOnReturn(list.refresh);
}

/**
 * An inbox that fills while it is open: as useListPage, and polled while it shows no more than its first page
 * (a refresh starts again from page 1, which would take away the pages someone scrolled to).
 */
export function useLiveListPage<T>(list: Paged<T>): void {
  usePullRefresh(list.refresh);
  useReachBottom(() => void list.loadMore());
  useLive(() => (list.items.length <= PAGE_SIZE ? list.refresh() : undefined));
}
