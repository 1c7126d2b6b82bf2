/** 我的积分 (member): the year's total and every ledger entry with its reason and note, newest first. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatWhen } from '@shared/time';
import { call } from '../../../api';
import StatusView from '../../../components/StatusView';
import { usePullRefresh } from '../../../utils/pullRefresh';
import { useLoad } from '../../../utils/useLoad';
import { useRefreshOnReturn } from '../../../orders/hooks';
import { orderDetailUrl } from '../../../orders/routes';
import './index.scss';

export default function MyPoints() {
  /** Undefined until the person steps to another year: the server says which year is "this year". */
  const [year, setYear] = useState<number>();
  const { data, loading, error, reload } = useLoad(() => call('points', 'mine', year ? { year } : {}), [year]);
  usePullRefresh(reload);
  useRefreshOnReturn(reload);
  const shown = data?.year ?? year;
  const step = (delta: number) => {
    if (shown) setYear(shown + delta);
  };

  return (
    <View className="page points" id="member-points">
      <View className="points__hero">
        <View className="points__year">
          <Text className="points__step" onClick={() => step(-1)}>‹</Text>
          <Text>{shown ? `${shown} 年` : '本年度'}积分</Text>
          <Text className="points__step" onClick={() => step(1)}>›</Text>
        </View>
        <Text className="points__total" id="points-total">{data?.total ?? '—'}</Text>
        <Text className="points__note">完成点单、心愿和志愿服务都会记分，每笔都有据可查</Text>
      </View>
      <StatusView loading={loading} error={error} empty={!data?.entries.length} emptyTitle="这一年还没有积分" emptyText="在接单大厅接单并办结，居民评价后就会记入积分。" onRetry={() => void reload()}>
        <View className="points__list" id="points-entries">
          {data?.entries.map((e) => (
            <View key={e.id} className="points__entry" onClick={() => void Taro.navigateTo({ url: orderDetailUrl(e.sourceId) })}>
              <View className="points__entry-main">
                <Text className="points__reason">{e.reasonName}</Text>
                <Text className="points__entry-note">{e.note}</Text>
                <Text className="muted">{formatWhen(e.at)}</Text>
              </View>
              <Text className={e.delta >= 0 ? 'points__delta' : 'points__delta points__delta--minus'}>
                {e.delta >= 0 ? `+${e.delta}` : e.delta}
              </Text>
            </View>
          ))}
        </View>
      </StatusView>
    </View>
  );
}
