/**
 * Sharing a record's page into the 网格微信群: in WeChat the page's ··· menu and the 分享给群友 button send a card
 * (useShareCard registers it); on h5, where there are no cards, 复制链接 puts the page's address on the clipboard.
 */
import { useEffect, useRef } from 'react';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { Button as NativeButton, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ShareCard } from '../../utils/shareCard';
import { shareLink } from '../../utils/shareCard';
import './ShareBar.scss';

/** Registers the page's share card; call it in the page itself (WeChat asks the page), with null until the record has loaded. */
export function useShareCard(card: ShareCard | null): void {
  const latest = useRef(card);
  useEffect(() => {
    latest.current = card;
  }, [card]);
  // Before the record loads (or when it cannot be seen) the card opens the page itself, never another record.
  useShareAppMessage(() => latest.current ?? { title: '网格连心' });
}

export default function ShareBar({ card }: { card: ShareCard }) {
  if (process.env.TARO_ENV === 'h5') {
    const copy = () =>
      void Taro.setClipboardData({ data: shareLink(card, window.location.href) })
        .then(() => Taro.showToast({ title: '链接已复制，可粘贴到微信群', icon: 'none' }))
        .catch(() => Taro.showToast({ title: '复制失败，请从地址栏复制链接', icon: 'none' }));
    return (
      <View className="share-bar" id="share-bar">
        <Button size="small" fill="outline" id="share-copy" onClick={copy}>
          复制链接
        </Button>
      </View>
    );
  }
  return (
    <View className="share-bar" id="share-bar">
      <NativeButton className="share-bar__native" openType="share" size="mini">
        分享给群友
      </NativeButton>
    </View>
  );
}
