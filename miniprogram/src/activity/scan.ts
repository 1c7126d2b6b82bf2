/** 扫码签到 in WeChat: scan the activity's QR and open the check-in page for the activity it names. */
import Taro from '@tarojs/taro';
import { decodeUriOrSame } from '@shared/uri';
import { checkinUrl } from './routes';

/**
 * The activity id in a scanned code: the h5 URL `…#/activity/pages/checkin/index?id=X`, or the mini-program
 * code's path `pages/scan/index?scene=a%3DX` (shared/codes/scene), or a bare scene `a=X`.
 */
export function activityIdIn(scanned: string): string | null {
  const m = /(?:[?&]id=|(?:^|[?&]scene=)a=)([A-Za-z0-9_-]{1,64})/.exec(decodeUriOrSame(scanned));
  return m?.[1] ?? null;
}

export async function scanToCheckin(): Promise<void> {
  try {
    const { result, path } = await Taro.scanCode({ onlyFromCamera: true });
    const id = activityIdIn(path || result);
    if (!id) {
      void Taro.showToast({ title: '这不是志愿活动的签到码', icon: 'none' });
      return;
    }
    await Taro.navigateTo({ url: checkinUrl(id) });
  } catch {
    // Closed the scanner: nothing to do.
  }
}
