/** One 志愿服务岗: title, duties, places held, points note; members get 认领 / 退出, staff see the holders. */
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { PostCard as Card } from '@shared/activities/schemas';
import { formatWhen } from '@shared/time';
import './ActivityCard.scss';

export default function PostCard({ post: p, action, staff }: { post: Card; action?: ReactNode; staff?: boolean }) {
  const full = p.held >= p.slots;
  return (
    <View className="a-card p-card">
      <View className="a-card__head">
        <Text className="a-card__title">{p.title}</Text>
        <Text className={p.mine ? 'a-card__tag a-card__tag--mine' : full ? 'a-card__tag a-card__tag--off' : 'a-card__tag'}>
          {p.mine ? '我已认领' : full ? '已满' : `还差 ${p.slots - p.held} 人`}
        </Text>
      </View>
      <Text className="a-card__line">{p.description}</Text>
      <View className="a-card__foot">
        <Text>
          {p.areaName} · {p.held}/{p.slots} 人
        </Text>
        {p.pointsNote && <Text>{p.pointsNote}</Text>}
      </View>
      {p.mine && p.since !== null && <Text className="a-card__line">认领于 {formatWhen(p.since)}</Text>}
      {staff && <Text className="a-card__line">在岗：{p.holders.length ? p.holders.join('、') : '暂无'}</Text>}
      {action && <View className="p-card__action">{action}</View>}
    </View>
  );
}
