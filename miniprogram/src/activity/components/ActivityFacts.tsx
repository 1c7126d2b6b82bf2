/** The activity's facts block: time, place, where, places, points rule, sign-up deadline, publisher, description. */
import { Text, View } from '@tarojs/components';
import { formatSpan } from '@shared/activities/model';
import type { ActivityDetail } from '@shared/activities/schemas';
import { formatWhen } from '@shared/time';
import './ActivityFacts.scss';

export default function ActivityFacts({ activity: a }: { activity: ActivityDetail }) {
  const rows: Array<[string, string, string]> = [
    ['时间', formatSpan(a.startAt, a.endAt), 'activity-time'],
    ['地点', a.place, 'activity-place'],
    ['所属', a.areaName, 'activity-area'],
    ['名额', `招募 ${a.capacity} 人，剩 ${a.placesLeft} 个`, 'activity-places'],
    ['积分', `每服务 1 小时 ${a.perHour} 分（按签到签退计时，0.5 小时起算）`, 'activity-rule'],
    ['报名截止', formatWhen(a.deadline), 'activity-deadline'],
    ['发布人', a.createdByName, 'activity-publisher'],
  ];
  return (
    <View className="a-facts">
      <View className="a-facts__head">
        <Text className="a-facts__title" id="activity-title">
          {a.title}
        </Text>
        <Text className={`a-facts__status${a.phaseName === '已结束' ? ' a-facts__status--off' : ''}`} id="activity-phase">
          {a.phaseName}
        </Text>
      </View>
      {rows.map(([label, value, id]) => (
        <View key={id} className="a-facts__row">
          <Text className="a-facts__label">{label}</Text>
          <Text className="a-facts__value" id={id}>
            {value}
          </Text>
        </View>
      ))}
      <Text className="a-facts__text">{a.description}</Text>
    </View>
  );
}
