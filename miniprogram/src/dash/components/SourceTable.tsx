/** 按来源: the 三率 and filings per source (小程序/电话/来访/网格巡查/12345热线) for the node and period (summary.bySource); sources with nothing in the period are left out. */
import { ScrollView, Text, View } from '@tarojs/components';
import { CHILD_RATES, RATE_HELP } from '@shared/dashboard/model';
import type { SourceRow } from '@shared/dashboard/schemas';
import { ORDER_SOURCE_NAMES } from '@shared/orders/model';
import { percent, toneOf } from '../format';

const RATE_NAMES = Object.fromEntries(RATE_HELP.map((r) => [r.key, r.name]));

export default function SourceTable({ rows }: { rows: SourceRow[] }) {
  const shown = rows.filter((r) => r.filed > 0 || CHILD_RATES.some((k) => r[k].den > 0));
  if (shown.length === 0) return <Text className="dash-empty">本期没有点单</Text>;
  return (
    <View className="child-table" id="source-table">
      <Text className="child-table__rule">代为登记（电话、来访、网格巡查）和 12345 工单的群众多不用小程序，满意率主要来自电话回访。</Text>
      <ScrollView scrollX className="child-table__scroll">
        <View className="child-table__grid">
          <View className="child-table__row child-table__head">
            <Text className="child-table__cell child-table__name">来源</Text>
            {CHILD_RATES.map((k) => (
              <Text key={k} className="child-table__cell child-table__num">
                {RATE_NAMES[k]}
              </Text>
            ))}
            <Text className="child-table__cell child-table__num">提交</Text>
            <Text className="child-table__cell child-table__num">回访</Text>
          </View>
          {shown.map((row) => (
            <View key={row.source} className="child-table__row" id={`source-row-${row.source}`}>
              <Text className="child-table__cell child-table__name">{ORDER_SOURCE_NAMES[row.source]}</Text>
              {CHILD_RATES.map((k) => (
                <Text key={k} className={`child-table__cell child-table__num ${toneOf(k, row[k])}`}>
                  {percent(row[k])}
                </Text>
              ))}
              <Text className="child-table__cell child-table__num tone-count">{String(row.filed)}</Text>
              <Text className="child-table__cell child-table__num tone-count">{String(row.returnVisits)}</Text>
            </View>
          ))}
        </View>
      </ScrollView>
    </View>
  );
}
