/** Pull-to-refresh for a page (needs `enablePullDownRefresh: true` in its config). */
import Taro, { usePullDownRefresh } from '@tarojs/taro';

export function usePullRefresh(refresh: () => Promise<unknown>): void {
  usePullDownRefresh(() => {
    refresh()
      .catch(() => undefined)
      .finally(() => Taro.stopPullDownRefresh());
  });
}
