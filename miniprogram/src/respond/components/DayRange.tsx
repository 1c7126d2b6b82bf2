/** 日期范围 filter: two date pickers (开始 / 结束) and 清除; days are YYYY-MM-DD as the server takes them. */
import { Picker, Text, View } from '@tarojs/components';
import './respond.scss';

interface Props {
  from?: string;
  to?: string;
  onChange: (range: { from?: string; to?: string }) => void;
}

export default function DayRange({ from, to, onChange }: Props) {
  return (
    <View className="day-range">
      <Picker mode="date" value={from ?? ''} onChange={(e) => onChange({ from: e.detail.value, to })}>
        <Text className="day-range__pick">{from ?? '开始日期'}</Text>
      </Picker>
      <Text className="muted">至</Text>
      <Picker mode="date" value={to ?? ''} onChange={(e) => onChange({ from, to: e.detail.value })}>
        <Text className="day-range__pick">{to ?? '结束日期'}</Text>
      </Picker>
      {(from || to) && (
        <Text className="day-range__clear" onClick={() => onChange({})}>
          清除
        </Text>
      )}
    </View>
  );
}
