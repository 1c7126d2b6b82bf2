/** 我的积分 (member): the year's total, rank in my community, duty progress, every ledger entry; links to 申报 and 排行. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { LedgerEntryView } from '@shared/points/schemas';
import { formatWhen } from '@shared/time';
import { call } from '../../../api';
import ResidentPage from '../../../components/ResidentPage';
import StatusView from '../../../components/StatusView';
import { usePullRefresh } from '../../../utils/pullRefresh';
import { useLoad } from '../../../utils/useLoad';
import { useRefreshOnReturn } from '../../../utils/listPage';
import { orderDetailUrl } from '../../../orders/routes';
import { POINTS_ROUTES } from '../../../points/routes';
import { activityDetailUrl } from '../../../activity/routes';
import { wishDetailUrl } from '../../../wish/routes';
import './index.scss';

/** Where an entry's source can be opened: orders, wishes and activities have pages; declarations open my declarations. */
function sourceUrl(e: LedgerEntryView): string | null {
  if (e.sourceType === 'order') return orderDetailUrl(e.sourceId);
  if (e.sourceType === 'wish') return wishDetailUrl(e.sourceId);
  // An activity credit's source is `<activityId>:<memberId>`.
  if (e.sourceType === 'activity') return activityDetailUrl(e.sourceId.split(':')[0] ?? '');
  if (e.sourceType === 'declaration') return POINTS_ROUTES.declarations;
  return null;
}

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
  const go = (url: string) => void Taro.navigateTo({ url });

  return (
    <ResidentPage className="points" id="member-points">
      <View className="points__hero">
        <View className="points__year">
          <Text className="points__step" onClick={() => step(-1)}>
            ‹
          </Text>
          <Text>{shown ? `${shown} 年` : '本年度'}积分</Text>
          <Text className="points__step" onClick={() => step(1)}>
            ›
          </Text>
        </View>
        <Text className="points__total" id="points-total">
          {data?.total ?? '—'}
        </Text>
        <Text className="points__note" id="points-rank">
          {data?.rank ? `${data.communityName ?? '本社区'}第 ${data.rank} 名（共 ${data.rankedOf} 人）` : '完成点单、心愿、志愿服务和申报都会记分'}
        </Text>
      </View>
      {data && (
        <View className="points__duty" id="points-duty">
          <Text className="points__duty-title">年度履责</Text>
          <Text className={data.duty.served ? 'points__duty-ok' : 'points__duty-no'}>{data.duty.served ? '✓' : '○'} 下沉社区服务至少 1 次</Text>
          <Text className={data.duty.holdsPost ? 'points__duty-ok' : 'points__duty-no'}>{data.duty.holdsPost ? '✓' : '○'} 认领至少 1 个志愿服务岗</Text>
        </View>
      )}
      <View className="points__links">
        <Text className="points__link" id="points-go-declare" onClick={() => go(POINTS_ROUTES.declare)}>
          申报服务
        </Text>
        <Text className="points__link" onClick={() => go(POINTS_ROUTES.declarations)}>
          我的申报
        </Text>
        <Text className="points__link" onClick={() => go(POINTS_ROUTES.ranking)}>
          积分排行
        </Text>
      </View>
      <StatusView
        loading={loading}
        error={error}
        empty={!data?.entries.length}
        emptyTitle="这一年还没有积分"
        emptyText="接单办结、圆梦微心愿、参加志愿活动或申报服务，核实后就会记入积分。"
        onRetry={() => void reload()}
      >
        <View className="points__list" id="points-entries">
          {data?.entries.map((e) => {
            const url = sourceUrl(e);
            return (
              <View key={e.id} className="points__entry" onClick={url ? () => go(url) : undefined}>
                <View className="points__entry-main">
                  <Text className="points__reason">{e.reasonName}</Text>
                  <Text className="points__entry-note">{e.note}</Text>
                  <Text className="muted">{formatWhen(e.at)}</Text>
                </View>
                <Text className={e.delta >= 0 ? 'points__delta' : 'points__delta points__delta--minus'}>{e.delta >= 0 ? `+${e.delta}` : e.delta}</Text>
              </View>
            );
          })}
        </View>
      </StatusView>
    </ResidentPage>
  );
}
