/**
 * The daily trend as a line chart drawn with positioned, rotated CSS segments: it renders the same on weapp
 * and h5 with no canvas plumbing and no chart library (the main package stays small).
 */
import { Text, View } from '@tarojs/components';
import type { TrendPoint } from '@shared/dashboard/schemas';
import { bucketTrend } from '../format';

const W = 300;
const H = 120;
const SERIES = [
  { key: 'filed', name: '提交', hex: '#c8161d' },
  { key: 'responded', name: '接单', hex: '#e6a23c' },
  { key: 'completed', name: '办结', hex: '#3a9d5d' },
] as const;

export default function TrendLine({ points }: { points: TrendPoint[] }) {
  const data = bucketTrend(points);
  const max = Math.max(1, ...data.flatMap((p) => [p.filed, p.responded, p.completed]));
  const x = (i: number) => (data.length === 1 ? W / 2 : (i / (data.length - 1)) * W);
  const y = (n: number) => H - (n / max) * H;
  const every = Math.max(1, Math.ceil(data.length / 6));
  return (
    <View className="trend" id="trend-chart">
      <View className="trend__plot" style={{ width: `${W}px`, height: `${H}px` }}>
        <Text className="trend__max">{max}</Text>
        {SERIES.map((s) =>
          data.map((p, i) => {
            const x1 = x(i);
            const y1 = y(p[s.key]);
            const next = data[i + 1];
            const dot = <View key={`${s.key}-d${i}`} className="trend__dot" style={{ left: `${x1 - 3}px`, top: `${y1 - 3}px`, background: s.hex }} />;
            if (!next) return dot;
            const dx = x(i + 1) - x1;
            const dy = y(next[s.key]) - y1;
            const seg = (
              <View
                key={`${s.key}-s${i}`}
                className="trend__seg"
                style={{ left: `${x1}px`, top: `${y1 - 1}px`, width: `${Math.hypot(dx, dy)}px`, transform: `rotate(${Math.atan2(dy, dx)}rad)`, background: s.hex }}
              />
            );
            return [dot, seg];
          }),
        )}
      </View>
      <View className="trend__axis" style={{ width: `${W}px` }}>
        {data.map((p, i) =>
          i % every === 0 || i === data.length - 1 ? (
            <Text key={p.day} className="trend__tick" style={{ left: `${x(i)}px` }}>
              {p.label}
            </Text>
          ) : null,
        )}
      </View>
      <View className="trend__legend">
        {SERIES.map((s) => (
          <View key={s.key} className="colour-split__item">
            <View className="colour-split__dot" style={{ background: s.hex }} />
            <Text>{s.name}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
