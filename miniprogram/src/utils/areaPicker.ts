/** Opens the area page in pick mode and resolves with the node chosen there (null if the user went back). */
import Taro from '@tarojs/taro';
import type { AreaLevel } from '@shared/areas/model';
import type { AreaView } from '@shared/areas/schemas';
import { ROUTES, withQuery } from './routes';

const PICKED = 'area:picked';
const CLOSED = 'area:closed';

export interface PickAreaOptions {
  /** Start browsing at this node instead of the top of the caller's scope. */
  startId?: string;
  /** Only nodes of these levels may be chosen; all levels when omitted. */
  levels?: readonly AreaLevel[];
  /** Shown as the page title, e.g. "选择楼栋". */
  title?: string;
}

export function pickArea(options: PickAreaOptions = {}): Promise<AreaView | null> {
  // The choice is handed over once the calling page is shown again, not when the picker closes: Taro h5 swaps its
  // current page after navigateBack asynchronously, and a modal the caller opens before that (移动's 确认) is taken
  // for the picker page's and hidden by the router (taro-h5 interaction: __afterTaroRouterChange → hideModal).
  // router.onShow is the page's show event key Taro documents for listening from outside the page.
  const callerShown = Taro.getCurrentInstance().router?.onShow;
  return new Promise((resolve) => {
    const done = (node: AreaView | null) => {
      Taro.eventCenter.off(PICKED, onPicked);
      Taro.eventCenter.off(CLOSED, onClosed);
      resolve(node);
    };
    const onPicked = (node: AreaView) => {
      if (!callerShown) return done(node);
      Taro.eventCenter.off(PICKED, onPicked);
      Taro.eventCenter.once(callerShown, () => done(node));
    };
    const onClosed = () => done(null);
    Taro.eventCenter.on(PICKED, onPicked);
    Taro.eventCenter.on(CLOSED, onClosed);
    const url = withQuery(ROUTES.area, {
      mode: 'pick',
      startId: options.startId,
      levels: options.levels?.join(','),
      title: options.title,
    });
    Taro.navigateTo({ url }).catch(() => done(null));
  });
}

/** Called by the area page when the user chooses a node. */
export function emitAreaPicked(node: AreaView): void {
  Taro.eventCenter.trigger(PICKED, node);
}

/** Called by the area page when it closes without a choice. */
export function emitAreaPickClosed(): void {
  Taro.eventCenter.trigger(CLOSED);
}
