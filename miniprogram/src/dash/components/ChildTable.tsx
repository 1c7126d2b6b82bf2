/** 下级对比: the node's children side by side (三率, counts, overdue), sorted by a tapped header, laggards marked; a row opens that child's board. */
import { useMemo, useState } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import type { RateKey } from '@shared/dashboard/model';
import { LAGGARD_RULE } from '@shared/dashboard/model';
import type { ChildRow, ChildrenView, Ratio } from '@shared/dashboard/schemas';
import { percent, toneOf } from '../format';

type RateCol = 'responseRate' | 'resolutionRate' | 'satisfactionRate';
type CountCol = 'filed' | 'open' | 'completed' | 'overdue';
type Col = 'name' | RateCol | CountCol;

const COLUMNS: Array<{ key: Col; label: string }> = [
  { key: 'name', label: '名称' },
  { key: 'responseRate', label: '响应率' },
  { key: 'resolutionRate', label: '解决率' },
  { key: 'satisfactionRate', label: '满意率' },
  { key: 'filed', label: '点单' },
  { key: 'open', label: '在办' },
  { key: 'completed', label: '办结' },
  { key: 'overdue', label: '超时' },
];

const isRate = (k: Col): k is RateCol => k === 'responseRate' || k === 'resolutionRate' || k === 'satisfactionRate';

/** Sort value: rates with nothing due go last whichever way, so "—" never passes for best or worst. */
function valueOf(r: ChildRow, k: Col): number | string | null {
  if (k === 'name') return null;
  if (isRate(k)) return r[k].rate;
  return r[k];
}

function sortRows(rows: ChildRow[], key: Col, dir: 1 | -1): ChildRow[] {
  if (key === 'name') return dir === 1 ? rows : [...rows].reverse();
  return [...rows].sort((a, b) => {
    const x = valueOf(a, key) as number | null;
    const y = valueOf(b, key) as number | null;
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return (x - y) * dir;
  });
}

function RateCell({ k, r, behind, id }: { k: RateKey; r: Ratio; behind: boolean; id?: string }) {
  return (
    <Text className={`child-table__cell child-table__num ${toneOf(k, r)}${behind ? ' child-table__behind' : ''}`} id={id}>
      {`${behind ? '▼' : ''}${percent(r)}`}
    </Text>
  );
}

export default function ChildTable({ v, onOpen }: { v: ChildrenView; onOpen: (row: ChildRow) => void }) {
  const [sort, setSort] = useState<{ key: Col; dir: 1 | -1 }>({ key: 'name', dir: 1 });
  const rows = useMemo(() => sortRows(v.rows, sort.key, sort.dir), [v.rows, sort]);
  // First tap on a figure sorts worst first (lowest rate, most overdue … as the header says); a second tap flips it.
  const tap = (key: Col) => setSort(sort.key === key ? { key, dir: sort.dir === 1 ? -1 : 1 } : { key, dir: key === 'name' || isRate(key) ? 1 : -1 });
  if (v.rows.length === 0) return <Text className="dash-empty">{`${v.node.levelName}下没有可对比的下级`}</Text>;
  return (
    <View className="child-table" id="child-table">
      <Text className="child-table__rule" id="child-rule">{`${LAGGARD_RULE}；点表头排序，点一行看该${v.childLevelName ?? '下级'}的看板。`}</Text>
      <ScrollView scrollX className="child-table__scroll">
        <View className="child-table__grid">
          <View className="child-table__row child-table__head">
            {COLUMNS.map((c) => (
              <Text
                key={c.key}
                className={`child-table__cell${c.key === 'name' ? ' child-table__name' : ' child-table__num'}`}
                id={`child-sort-${c.key}`}
                onClick={() => tap(c.key)}
              >
                {`${c.label}${sort.key === c.key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}`}
              </Text>
            ))}
          </View>
          <View className="child-table__row child-table__own" id="child-own">
            <Text className="child-table__cell child-table__name">{`本级整体`}</Text>
            {(['responseRate', 'resolutionRate', 'satisfactionRate'] as const).map((k) => (
              <RateCell key={k} k={k} r={v.own[k]} behind={false} id={`child-own-${k}`} />
            ))}
            <Text className="child-table__cell child-table__num tone-count">{String(v.rows.reduce((a, r) => a + r.filed, 0))}</Text>
            <Text className="child-table__cell child-table__num tone-count">{String(v.rows.reduce((a, r) => a + r.open, 0))}</Text>
            <Text className="child-table__cell child-table__num tone-count">{String(v.rows.reduce((a, r) => a + r.completed, 0))}</Text>
            <Text className="child-table__cell child-table__num tone-count">{String(v.rows.reduce((a, r) => a + r.overdue, 0))}</Text>
          </View>
          {rows.map((r) => (
            <View key={r.id} className={`child-table__row${r.behind.length ? ' child-table__lagging' : ''}`} id={`child-row-${r.id}`} onClick={() => onOpen(r)}>
              <View className="child-table__cell child-table__name">
                <Text className="child-table__link">{r.name}</Text>
                {r.behind.length > 0 && <Text className="child-table__lag">落后</Text>}
              </View>
              {(['responseRate', 'resolutionRate', 'satisfactionRate'] as const).map((k) => (
                <RateCell key={k} k={k} r={r[k]} behind={r.behind.includes(k)} />
              ))}
              <Text className="child-table__cell child-table__num tone-count">{String(r.filed)}</Text>
              <Text className="child-table__cell child-table__num tone-count">{String(r.open)}</Text>
              <Text className="child-table__cell child-table__num tone-count">{String(r.completed)}</Text>
              <Text className={`child-table__cell child-table__num ${r.overdue > 0 ? 'tone-bad' : 'tone-count'}`}>{String(r.overdue)}</Text>
            </View>
          ))}
        </View>
      </ScrollView>
    </View>
  );
}
