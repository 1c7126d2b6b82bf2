/** The headline tiles: 三率 and the other rates, median times, and members; each tile has a stable id for tests. */
import { Text, View } from '@tarojs/components';
import type { SummaryView } from '@shared/dashboard/schemas';
import { duration, fraction, percent } from '../format';

interface Tile {
  id: string;
  label: string;
  value: string;
  hint: string;
}

export default function KpiTiles({ v }: { v: SummaryView }) {
  const tiles: Tile[] = [
    { id: 'kpi-filed', label: '点单数', value: String(v.totals.filed), hint: `驳回 ${v.totals.rejected} · 撤单 ${v.totals.cancelled}` },
    { id: 'kpi-response-rate', label: '响应率', value: percent(v.rates.responseRate), hint: fraction(v.rates.responseRate) },
    { id: 'kpi-resolution-rate', label: '解决率', value: percent(v.rates.resolutionRate), hint: fraction(v.rates.resolutionRate) },
    { id: 'kpi-satisfaction-rate', label: '满意率', value: percent(v.rates.satisfactionRate), hint: fraction(v.rates.satisfactionRate) },
    { id: 'kpi-on-time-rate', label: '按时办结率', value: percent(v.rates.onTimeRate), hint: fraction(v.rates.onTimeRate) },
    { id: 'kpi-reopen-rate', label: '重办率', value: percent(v.rates.reopenRate), hint: fraction(v.rates.reopenRate) },
    { id: 'kpi-median-response', label: '响应时长中位数', value: duration(v.medians.responseMinutes), hint: `${v.totals.responded} 单已接单` },
    { id: 'kpi-median-resolution', label: '办结时长中位数', value: duration(v.medians.resolutionMinutes), hint: `${v.totals.completed} 单已办结` },
    { id: 'kpi-members', label: '报到党员', value: String(v.members.registered), hint: `${v.members.year} 年` },
    { id: 'kpi-served', label: '党员服务率', value: percent(v.members.servedRate), hint: `${v.members.served} 人已服务` },
  ];
  return (
    <View className="kpi-tiles" id="kpi-tiles">
      {tiles.map((t) => (
        <View key={t.id} className="kpi-tiles__tile">
          <Text className="kpi-tiles__value" id={t.id}>
            {t.value}
          </Text>
          <Text className="kpi-tiles__label">{t.label}</Text>
          <Text className="kpi-tiles__hint" id={`${t.id}-hint`}>
            {t.hint}
          </Text>
        </View>
      ))}
    </View>
  );
}
