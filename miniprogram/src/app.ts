/** App entry: global styles, CloudBase init and WeChat's privacy listener on weapp. */
import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { initCloud } from './api/cloud';
import { listenForPrivacyRequests } from './utils/wechatPrivacy';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      initCloud();
      listenForPrivacyRequests();
    }
    // h5 scrolls each page in its own box: focusable, so a keyboard can scroll it too (axe: scrollable-region-focusable).
    if (process.env.TARO_ENV === 'h5') {
      const focusable = () => document.querySelectorAll('.taro_page:not([tabindex])').forEach((p) => p.setAttribute('tabindex', '0'));
      new MutationObserver(focusable).observe(document.body, { childList: true, subtree: true });
    }
  });
  return children;
}

export default App;
