/** One activity in a list: title, time, place, places left and my status; tap opens the detail (or the roster for staff). */
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatSpan } from '@shared/activities/model';
import type { ActivityCard as Card } from '@shared/activities/schemas';
import { activityDetailUrl } from '../routes';
import './ActivityCard.scss';

interface Props {
  activity: Card;
  /** Where a tap goes; the member's detail page by default. */
  url?: string;
}

export default function ActivityCard({ activity: a, url }: Props) {
  const closed = a.phaseName === '已结束';
  const tag = a.mine ? a.mine.statusName : closed ? '已结束' : a.placesLeft === 0 ? '已满' : `剩 ${a.placesLeft} 个名额`;
  const tagClass = a.mine ? 'a-card__tag a-card__tag--mine' : closed || a.placesLeft === 0 ? 'a-card__tag a-card__tag--off' : 'a-card__tag';
  return (
    <View className="a-card" onClick={() => void Taro.navigateTo({ url: url ?? activityDetailUrl(a.id) })}>
      <View className="a-card__head">
        <Text className="a-card__title">{a.title}</Text>
        <Text className={tagClass}>{tag}</Text>
      </View>
      <Text className="a-card__line">时间：{formatSpan(a.startAt, a.endAt)}</Text>
      <Text className="a-card__line">地点：{a.place}</Text>
      <View className="a-card__foot">
        <Text>
          {a.areaName} · 招募 {a.capacity} 人
        </Text>
        <Text>每小时 {a.perHour} 分</Text>
      </View>
      {a.mine?.hours != null && (
        <Text className="a-card__result">
          服务 {a.mine.hours} 小时 · 积分 +{a.mine.points ?? 0}
        </Text>
      )}
    </View>
  );
}
