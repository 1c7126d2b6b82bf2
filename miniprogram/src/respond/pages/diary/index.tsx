/** 民情日记: the visits of my grid (网格员, 网格长) or community (社区), newest first; filter by tag, building and date. */
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { VisitTag } from '@shared/diary/model';
import { VISIT_TAGS } from '@shared/diary/model';
import type { VisitCard } from '@shared/diary/schemas';
import { formatWhen } from '@shared/time';
import { api, call } from '../../../api';
import PagedList from '../../../components/PagedList';
import { pickArea } from '../../../utils/areaPicker';
import { PAGE_SIZE } from '../../../utils/constants';
import { usePaged } from '../../../utils/usePaged';
import ChipGroup from '../../../components/ChipGroup';
import { useListPage } from '../../../utils/listPage';
import DayRange from '../../components/DayRange';
import { RESPOND_ROUTES, visitUrl } from '../../routes';
import '../../components/respond.scss';

const TAG_CHIPS = [{ value: 'all' as const, label: '全部' }, ...VISIT_TAGS.map((t) => ({ value: t, label: t }))];

function Card({ v }: { v: VisitCard }) {
  return (
    <View className="r-card visit-card" onClick={() => void Taro.navigateTo({ url: visitUrl(v.id) })}>
      <View className="r-card__head">
        <Text className="r-card__title">{v.residentName}</Text>
        {v.orderId ? <Text className="r-tag r-tag--green">已转点单</Text> : <Text className="r-tag">{v.tags.join(' · ')}</Text>}
      </View>
      <Text className="r-card__text">{v.summary}</Text>
      <Text className="r-card__meta">
        {v.place} · {v.createdByName} · {formatWhen(v.createdAt)}
        {v.photoCount ? ` · ${v.photoCount} 张照片` : ''}
      </Text>
    </View>
  );
}

export default function Diary() {
  const [tag, setTag] = useState<VisitTag | 'all'>('all');
  const [building, setBuilding] = useState<{ id: string; name: string } | null>(null);
  const [days, setDays] = useState<{ from?: string; to?: string }>({});
  const [writer, setWriter] = useState(false);
  useEffect(() => {
    api.users.me().then(
      (me) => setWriter(me.roles.some((r) => r.role === 'grid_worker' || r.role === 'grid_leader')),
      () => undefined,
    );
  }, []);
  const list = usePaged(
    (page) => call('diary', 'list', { tag: tag === 'all' ? undefined : tag, buildingId: building?.id, from: days.from, to: days.to, page, pageSize: PAGE_SIZE }),
    [tag, building?.id, days.from, days.to],
  );
  useListPage(list);
  const chooseBuilding = async () => {
    const node = await pickArea({ levels: ['building'], title: '按楼栋筛选' });
    if (node) setBuilding({ id: node.id, name: node.name });
  };
  return (
    <View className="page" id="diary-page">
      {writer && (
        <View className="r-actions">
          <Button block type="primary" id="diary-new" onClick={() => void Taro.navigateTo({ url: RESPOND_ROUTES.newVisit })}>
            记一次走访
          </Button>
        </View>
      )}
      <View className="r-filter">
        <ChipGroup scroll chips={TAG_CHIPS} value={tag} onChange={setTag} id="diary-tags" />
        <View className="r-filter__row">
          <Text className={`chip${building ? ' chip--on' : ''}`} onClick={() => (building ? setBuilding(null) : void chooseBuilding())}>
            {building ? `${building.name} ×` : '按楼栋'}
          </Text>
        </View>
        <DayRange from={days.from} to={days.to} onChange={setDays} />
      </View>
      <PagedList list={list} id="diary-list" emptyTitle="还没有走访记录" emptyText="网格员入户走访听到的情况记在这里；发现问题可一键转为点单，跟踪到办结。">
        {(v) => <Card key={v.id} v={v} />}
      </PagedList>
    </View>
  );
}
