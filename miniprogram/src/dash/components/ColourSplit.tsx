/** 3色 split of the period's filings as one stacked bar with a legend (CSS only). */
import { Text, View } from '@tarojs/components';
import type { Colour } from '@shared/orders/model';
import { COLOUR_NAMES } from '@shared/orders/model';

export const COLOUR_HEX: Record<Colour, string> = { red: '#d9363e', yellow: '#e6a23c', green: '#3a9d5d' };

export default function ColourSplit({ split, untriaged }: { split: Array<{ colour: Colour; count: number }>; untriaged: number }) {
  const total = split.reduce((a, b) => a + b.count, 0) + untriaged;
  if (total === 0) return <Text className="dash-empty">本期没有点单</Text>;
  const parts = [
    ...split.map((s) => ({ key: s.colour, name: `${COLOUR_NAMES[s.colour]}色`, count: s.count, hex: COLOUR_HEX[s.colour] })),
    { key: 'none', name: '未分拣/驳回', count: untriaged, hex: '#c0c4cc' },
  ];
  return (
    <View className="colour-split" id="colour-split">
      <View className="colour-split__bar">
        {parts
          .filter((p) => p.count > 0)
          .map((p) => (
            <View key={p.key} className="colour-split__part" style={{ width: `${(p.count / total) * 100}%`, background: p.hex }} />
          ))}
      </View>
      <View className="colour-split__legend">
        {parts.map((p) => (
          <View key={p.key} className="colour-split__item" id={`colour-${p.key}`}>
            <View className="colour-split__dot" style={{ background: p.hex }} />
            <Text>{`${p.name} ${p.count}`}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
