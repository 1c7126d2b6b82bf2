/** Horizontal bars in plain CSS (no chart library in any package): one row per label, width by share of the largest. */
import { Text, View } from '@tarojs/components';

export interface Bar {
  key: string;
  label: string;
  count: number;
  colour?: string;
}

export default function BarList({ bars, id, empty }: { bars: Bar[]; id: string; empty: string }) {
  const max = Math.max(0, ...bars.map((b) => b.count));
  if (max === 0)
    return (
      <Text className="dash-empty" id={`${id}-empty`}>
        {empty}
      </Text>
    );
  return (
    <View className="bar-list" id={id}>
      {bars.map((b) => (
        <View key={b.key} className="bar-list__row" id={`${id}-${b.key}`}>
          <Text className="bar-list__label">{b.label}</Text>
          <View className="bar-list__track">
            <View className="bar-list__fill" style={{ width: `${(b.count / max) * 100}%`, background: b.colour ?? '#c8161d' }} />
          </View>
          <Text className="bar-list__count">{b.count}</Text>
        </View>
      ))}
    </View>
  );
}
