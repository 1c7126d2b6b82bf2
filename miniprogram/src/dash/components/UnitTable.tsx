/** 各单位（多方接单）: each unit's orders and 三率 for the node and period (units.board); units behind all units together are marked and listed first. */
import { ScrollView, Text, View } from '@tarojs/components';
import type { UnitRate } from '@shared/units/model';
import { UNIT_RATE_NAMES, UNIT_RATES } from '@shared/units/model';
import type { UnitBoardView } from '@shared/units/schemas';
import { percent } from '../format';

const COUNTS = [
  { key: 'dispatched', label: '派单' },
  { key: 'declined', label: '退回' },
  { key: 'completed', label: '办结' },
] as const;

export default function UnitTable({ v }: { v: UnitBoardView }) {
  if (v.rows.length === 0) return <Text className="dash-empty">本期没有派给物业、职能部门或共建单位的点单</Text>;
  const cell = (r: UnitRate, text: string, behind: boolean) => (
    <Text key={r} className={`child-table__cell child-table__num tone-count${behind ? ' child-table__behind' : ''}`}>
      {`${behind ? '▼' : ''}${text}`}
    </Text>
  );
  return (
    <View className="child-table" id="unit-table">
      <Text className="child-table__rule">标「落后」的：三率中有一项低于全部单位合计（表头下一行）。接单率 = 接受 ÷（接受 + 退回）。</Text>
      <ScrollView scrollX className="child-table__scroll">
        <View className="child-table__grid">
          <View className="child-table__row child-table__head">
            <Text className="child-table__cell child-table__name">单位</Text>
            {UNIT_RATES.map((r) => (
              <Text key={r} className="child-table__cell child-table__num">
                {UNIT_RATE_NAMES[r]}
              </Text>
            ))}
            {COUNTS.map((c) => (
              <Text key={c.key} className="child-table__cell child-table__num">
                {c.label}
              </Text>
            ))}
          </View>
          <View className="child-table__row child-table__own" id="unit-overall">
            <Text className="child-table__cell child-table__name">全部单位</Text>
            {UNIT_RATES.map((r) => cell(r, percent(v.overall[r]), false))}
            {COUNTS.map((c) => (
              <Text key={c.key} className="child-table__cell child-table__num tone-count">
                {String(v.rows.reduce((a, row) => a + row[c.key], 0))}
              </Text>
            ))}
          </View>
          {v.rows.map((row) => (
            <View key={row.id} className={`child-table__row${row.behind.length ? ' child-table__lagging' : ''}`} id={`unit-row-${row.id}`}>
              <View className="child-table__cell child-table__name">
                <Text>{row.name}</Text>
                {row.behind.length > 0 && <Text className="child-table__lag">落后</Text>}
              </View>
              {UNIT_RATES.map((r) => cell(r, percent(row[r]), row.behind.includes(r)))}
              {COUNTS.map((c) => (
                <Text key={c.key} className="child-table__cell child-table__num tone-count">
                  {String(row[c.key])}
                </Text>
              ))}
            </View>
          ))}
        </View>
      </ScrollView>
    </View>
  );
}
