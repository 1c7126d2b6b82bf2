/** 活动详情 ?id=: the facts, my sign-up (status, 签到/签退 times, hours and points), 报名 / 取消报名, staff's roster link. */
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { isLateCancel } from '@shared/activities/model';
import type { ActivityDetail } from '@shared/activities/schemas';
import { formatWhen } from '@shared/time';
import { call } from '../../../api';
import { ApiError, messageOf } from '../../../api/errors';
import ResidentPage from '../../../components/ResidentPage';
import SectionCard from '../../../components/SectionCard';
import ShareBar, { useShareCard } from '../../../components/ShareBar';
import StatusView from '../../../components/StatusView';
import { usePullRefresh } from '../../../utils/pullRefresh';
import { activityShare } from '../../../utils/shareCard';
import { useLoad } from '../../../utils/useLoad';
import { useRefreshOnReturn } from '../../../utils/listPage';
import { ORDER_ROUTES } from '../../../orders/routes';
import ActivityFacts from '../../components/ActivityFacts';
import { rosterUrl } from '../../routes';
import { scanToCheckin } from '../../scan';
import './index.scss';

function describeError(error: unknown): string | undefined {
  if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) return '这个活动只有本社区完成双报到的党员和工作人员能看到，或它已不存在。';
  return undefined;
}

function MySignup({ a }: { a: ActivityDetail }) {
  const m = a.mine;
  if (!m) return null;
  const rows: Array<[string, string | null]> = [
    ['报名时间', formatWhen(m.signedAt)],
    ['签到', m.checkInAt ? formatWhen(m.checkInAt) : null],
    ['签退', m.checkOutAt ? formatWhen(m.checkOutAt) : null],
  ];
  return (
    <SectionCard title="我的报名" id="activity-mine">
      <Text className="a-detail__status" id="activity-my-status">
        {m.statusName}
        {m.late ? (m.status === 'cancelled' ? '（开始前 24 小时内取消）' : '（曾在开始前 24 小时内取消）') : ''}
      </Text>
      {rows
        .filter(([, v]) => v)
        .map(([k, v]) => (
          <Text key={k} className="a-detail__line">
            {k}：{v}
          </Text>
        ))}
      {m.hours !== null && (
        <View className="a-detail__result" id="activity-result">
          <Text>服务 {m.hours} 小时</Text>
          <Text className="a-detail__points" onClick={() => void Taro.navigateTo({ url: ORDER_ROUTES.points })}>
            积分 +{m.points ?? 0} ›
          </Text>
        </View>
      )}
      {m.status === 'signed' && <Text className="muted">活动当天到现场扫描活动二维码签到，结束时再扫一次签退。</Text>}
    </SectionCard>
  );
}

export default function ActivityDetailPage() {
  const activityId = useRouter().params.id ?? '';
  const { data, loading, error, reload } = useLoad(() => call('activities', 'detail', { activityId }), [activityId]);
  const [busy, setBusy] = useState(false);
  usePullRefresh(reload);
  useRefreshOnReturn(reload);
  const card = data ? activityShare(data) : null;
  useShareCard(card);

  const act = async (action: 'signUp' | 'cancel', done: string) => {
    setBusy(true);
    try {
      await call('activities', action, { activityId });
      void Taro.showToast({ title: done, icon: 'success' });
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setBusy(false);
      void reload();
    }
  };
  const cancel = async () => {
    const late = data && isLateCancel(data, Date.now());
    const { confirm } = await Taro.showModal({ title: '取消报名', content: late ? '活动开始前 24 小时内取消会被记为迟退，确定取消吗？' : '确定取消报名吗？名额会让给其他党员。' });
    if (confirm) await act('cancel', '已取消报名');
  };
  const scanning = data?.mine && (data.mine.status === 'signed' || data.mine.status === 'checked_in');

  return (
    <ResidentPage className="a-detail" id="activity-detail">
      <StatusView loading={loading} error={error} empty={!data} emptyText="加载中…" describeError={describeError} onRetry={() => void reload()}>
        {data && (
          <View>
            <ActivityFacts activity={data} />
            {card && <ShareBar card={card} />}
            <MySignup a={data} />
            <View className="a-detail__actions" id="activity-actions">
              {data.canSignUp && (
                <Button block type="primary" size="large" loading={busy} onClick={() => void act('signUp', '报名成功')}>
                  我要报名
                </Button>
              )}
              {!data.canSignUp && !data.mine && data.status === 'open' && <Text className="muted a-detail__why">{data.placesLeft === 0 ? '名额已满' : '报名已截止'}</Text>}
              {scanning && process.env.TARO_ENV !== 'h5' && (
                <Button block type="primary" size="large" onClick={() => void scanToCheckin()}>
                  扫码签到 / 签退
                </Button>
              )}
              {data.canCancel && (
                <Button block fill="outline" size="large" loading={busy} onClick={() => void cancel()}>
                  取消报名
                </Button>
              )}
              {data.canManage && (
                <Button block fill="outline" size="large" onClick={() => void Taro.navigateTo({ url: rosterUrl(data.id) })}>
                  报名名单与签到码
                </Button>
              )}
            </View>
          </View>
        )}
      </StatusView>
    </ResidentPage>
  );
}
