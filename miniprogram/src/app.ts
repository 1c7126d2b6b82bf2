/** App entry: global styles, CloudBase init and WeChat's privacy listener on weapp; the back/home bar on h5. */
import { createElement, Fragment } from 'react';
import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { initCloud } from './api/cloud';
import H5Nav from './components/H5Nav';
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
  // On h5 the pages render inside the app, so the bar beside them shows over every page (nothing on weapp); it goes
  // first because the router hides an open page that is not the last in its box.
  return createElement(Fragment, null, createElement(H5Nav), children);
}

export default App;
