/** Top of the home and member pages: the 急时 banner of my communities and (home) open 一键响应 instructions to acknowledge. */
import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { BannerView } from '@shared/response/schemas';
import { api } from '../../api';
import { useLive } from '../../utils/useLive';
import './ResponseStrip.scss';

const pad = (n: number) => String(n).padStart(2, '0');
/** "11月20日 18:00" in Shanghai time, without pulling dayjs into the main package. */
function shanghai(at: number): string {
  const d = new Date(at + 8 * 3600_000);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
const go = (url: string) => void Taro.navigateTo({ url });

export default function ResponseStrip({ instructions = false }: { instructions?: boolean }) {
  const [view, setView] = useState<BannerView | null>(null);
  const refresh = useCallback(() => {
    api.response.banner().then(setView, () => undefined);
  }, []);
  useEffect(refresh, [refresh]);
  useLive(refresh);
  // Nothing to show takes no room: on home the entries then overlap the hero as before.
  if (!view || (view.emergency.length === 0 && !(instructions && view.openCount > 0))) return null;
  const more = view.openCount - view.open.length;
  return (
    <View className="r-strip" id="response-strip">
      {view.emergency.map((e) => (
        <View key={e.communityId} className="r-strip__alert" id="emergency-banner">
          <Text className="r-strip__alert-title">{e.communityName} 已进入急时状态</Text>
          <Text className="r-strip__alert-text">{e.reason} · 新点单直接进抢单池，请党员就近响应</Text>
        </View>
      ))}
      {instructions &&
        view.open.map((o) => (
          <View key={o.instructionId} className="r-strip__item" onClick={() => go(`/respond/pages/detail/index?id=${o.instructionId}`)}>
            <Text className="r-strip__tag">一键响应</Text>
            <Text className="r-strip__title">{o.title}</Text>
            <Text className="r-strip__meta">
              {o.senderName} · 截止 {shanghai(o.deadline)} · 点此确认收到 ›
            </Text>
          </View>
        ))}
      {instructions && more > 0 && (
        <Text className="r-strip__more" onClick={() => go('/respond/pages/inbox/index')}>
          还有 {more} 条指令待确认 ›
        </Text>
      )}
    </View>
  );
}
