/** 今天 / 本周 / 本月 / 本年 / 自定义, with two date pickers for a custom range. */
import { Picker, Text, View } from '@tarojs/components';
import type { Period } from '@shared/dashboard/model';
import { PERIOD_NAMES, PERIODS } from '@shared/dashboard/model';
import TabBar from '../../components/TabBar';

interface Props {
  period: Period;
  from: string;
  to: string;
  onPeriod: (p: Period) => void;
  onRange: (from: string, to: string) => void;
}

export default function PeriodBar({ period, from, to, onPeriod, onRange }: Props) {
  return (
    <View className="period-bar">
      <TabBar id="period-tabs" tabs={PERIODS.map((p) => ({ key: p, title: PERIOD_NAMES[p] }))} active={period} onChange={onPeriod} />
      {period === 'custom' && (
        <View className="period-bar__range" id="period-range">
          <Picker mode="date" value={from} onChange={(e) => onRange(String(e.detail.value), to)}>
            <Text className="period-bar__date" id="period-from">
              {from || '开始日期'}
            </Text>
          </Picker>
          <Text>至</Text>
          <Picker mode="date" value={to} onChange={(e) => onRange(from, String(e.detail.value))}>
            <Text className="period-bar__date" id="period-to">
              {to || '结束日期'}
            </Text>
          </Picker>
        </View>
      )}
    </View>
  );
}
