/** 积分排行: members of the community or of one grid, reporting organisations (total and per member), and grids. */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { AreaRankRow, MemberRankRow } from '@shared/points/schemas';
import type { Page } from '@shared/users/schemas';
import { call } from '../../../api';
import { PAGE_SIZE } from '../../../utils/constants';
import { useLoad } from '../../../utils/useLoad';
import { usePaged } from '../../../utils/usePaged';
import ChipGroup from '../../../components/ChipGroup';
import TabBar from '../../../components/TabBar';
import { useListPage } from '../../../utils/listPage';
import PagedList from '../../../components/PagedList';
import './index.scss';

type Tab = 'community' | 'grid' | 'org' | 'grids';
const TABS: Array<{ key: Tab; title: string }> = [
  { key: 'community', title: '社区党员' },
  { key: 'grid', title: '网格党员' },
  { key: 'org', title: '报到单位' },
  { key: 'grids', title: '网格汇总' },
];

type Row = (MemberRankRow & { kind: 'member' }) | (AreaRankRow & { kind: 'area' });

function RankRow({ row }: { row: Row }) {
  const medal = row.rank <= 3 ? ` ranking__rank--top${row.rank}` : '';
  return (
    <View className="ranking__row" id={`rank-${row.kind === 'member' ? row.memberId : row.id}`}>
      <Text className={`ranking__rank${medal}`}>{row.rank}</Text>
      <View className="ranking__main">
        <Text className="ranking__name">{row.name || '（未命名）'}</Text>
        <Text className="muted">{row.kind === 'member' ? [row.gridName, row.orgName].filter(Boolean).join(' · ') || '—' : `${row.members} 名党员 · 人均 ${row.perMember} 分`}</Text>
      </View>
      <Text className="ranking__total">{row.total}</Text>
    </View>
  );
}

export default function Ranking() {
  const [tab, setTab] = useState<Tab>('community');
  const [gridId, setGridId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const grids = useLoad(() => call('points', 'gridRanking', {}), []);
  const list = usePaged(
    async (page): Promise<Page<Row>> => {
      if (tab === 'community' || tab === 'grid') {
        const r = await call('points', 'memberRanking', { scope: tab, areaId: tab === 'grid' ? (gridId ?? undefined) : undefined, page, pageSize: PAGE_SIZE });
        setTitle(`${r.year} 年 · ${r.areaName}`);
        return { ...r, items: r.items.map((m) => ({ ...m, kind: 'member' as const })) };
      }
      const r = await call('points', tab === 'org' ? 'orgRanking' : 'gridRanking', { page, pageSize: PAGE_SIZE });
      setTitle(`${r.year} 年 · ${r.communityName}`);
      return { ...r, items: r.items.map((a) => ({ ...a, kind: 'area' as const })) };
    },
    [tab, gridId],
  );
  useListPage(list);
  const gridChips = (grids.data?.items ?? []).map((g) => ({ value: g.id, label: g.name }));

  return (
    <View className="page ranking" id="points-ranking">
      <TabBar tabs={TABS} active={tab} onChange={setTab} id="ranking-tabs" />
      {tab === 'grid' && gridChips.length > 0 && <ChipGroup scroll chips={gridChips} value={gridId} onChange={setGridId} id="ranking-grids" />}
      {title && <Text className="ranking__title">{title}</Text>}
      <View className="ranking__list">
        <PagedList list={list} id="ranking-list" emptyTitle="还没有积分" emptyText={tab === 'org' ? '本社区还没有报到单位的党员获得积分。' : '今年还没有党员获得积分。'}>
          {(row) => <RankRow key={row.kind === 'member' ? row.memberId : row.id} row={row} />}
        </PagedList>
      </View>
    </View>
  );
}
