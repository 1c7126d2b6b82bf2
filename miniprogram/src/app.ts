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
  });
  return children;
}

export default App;
