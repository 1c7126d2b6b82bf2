/** The headline tiles: 三率 and the other rates coloured by meaning, each rate's formula one tap away (ⓘ); stable ids for tests. */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { RateKey } from '@shared/dashboard/model';
import { RATE_HELP } from '@shared/dashboard/model';
import type { Ratio, SummaryView } from '@shared/dashboard/schemas';
import { counted, duration, fraction, percent, toneOf } from '../format';

interface Tile {
  id: string;
  label: string;
  value: string;
  hint: string;
  /** The definition shown by ⓘ, and the band the value is coloured by (none: a plain count, neutral). */
  help?: RateKey;
  ratio?: Ratio;
}

const HELP = new Map<string, string>(RATE_HELP.map((r) => [r.key, r.text]));

export default function KpiTiles({ v }: { v: SummaryView }) {
  const [shown, setShown] = useState<string | null>(null);
  const r = v.rates;
  const tiles: Tile[] = [
    { id: 'kpi-filed', label: '点单数', value: String(v.totals.filed), hint: `驳回 ${v.totals.rejected} · 撤单 ${v.totals.cancelled}` },
    { id: 'kpi-response-rate', label: '响应率', value: percent(r.responseRate), hint: counted(r.responseRate, '按时', '应响应'), help: 'responseRate', ratio: r.responseRate },
    {
      id: 'kpi-resolution-rate',
      label: '解决率',
      value: percent(r.resolutionRate),
      hint: counted(r.resolutionRate, '已解决', '应解决'),
      help: 'resolutionRate',
      ratio: r.resolutionRate,
    },
    {
      id: 'kpi-satisfaction-rate',
      label: '满意率',
      value: percent(r.satisfactionRate),
      hint: `${counted(r.satisfactionRate, '好评', '评价')}${v.totals.returnVisits ? ` · 其中回访 ${v.totals.returnVisits} 单` : ''}`,
      help: 'satisfactionRate',
      ratio: r.satisfactionRate,
    },
    { id: 'kpi-on-time-rate', label: '按时办结率', value: percent(r.onTimeRate), hint: fraction(r.onTimeRate), help: 'onTimeRate', ratio: r.onTimeRate },
    { id: 'kpi-reopen-rate', label: '重办率', value: percent(r.reopenRate), hint: fraction(r.reopenRate), help: 'reopenRate', ratio: r.reopenRate },
    { id: 'kpi-median-response', label: '响应时长中位数', value: duration(v.medians.responseMinutes), hint: `${v.totals.responded} 单已接单`, help: 'medians' },
    { id: 'kpi-median-resolution', label: '办结时长中位数', value: duration(v.medians.resolutionMinutes), hint: `${v.totals.completed} 单已办结`, help: 'medians' },
    { id: 'kpi-members', label: '报到党员', value: String(v.members.registered), hint: `${v.members.year} 年` },
    { id: 'kpi-served', label: '党员服务率', value: percent(v.members.servedRate), hint: `${v.members.served} 人已服务`, help: 'served', ratio: v.members.servedRate },
  ];
  return (
    <View className="kpi-tiles" id="kpi-tiles">
      {tiles.map((t) => (
        <View key={t.id} className="kpi-tiles__tile">
          <Text className={`kpi-tiles__value ${toneOf(t.ratio ? (t.help ?? null) : null, t.ratio)}`} id={t.id}>
            {t.value}
          </Text>
          <View className="kpi-tiles__label">
            <Text>{t.label}</Text>
            {t.help && (
              <Text className="kpi-tiles__info" id={`${t.id}-info`} onClick={() => setShown(shown === t.id ? null : t.id)}>
                ⓘ
              </Text>
            )}
          </View>
          <Text className="kpi-tiles__hint" id={`${t.id}-hint`}>
            {t.hint}
          </Text>
          {t.help && shown === t.id && (
            <Text className="kpi-tiles__def" id={`${t.id}-def`}>
              {HELP.get(t.help)}
            </Text>
          )}
        </View>
      ))}
    </View>
  );
}
