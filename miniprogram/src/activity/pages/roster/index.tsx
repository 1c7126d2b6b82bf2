/**
 * 报名名单 ?id= (staff): the check-in QR to print, counts, every sign-up with its status (迟退 and 未到场
 * marked), and the two staff actions: 全部签退 and 结束活动.
 */
import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { RosterRow } from '@shared/activities/schemas';
import { formatWhen } from '@shared/time';
import { call } from '../../../api';
import { ApiError, messageOf } from '../../../api/errors';
import SectionCard from '../../../components/SectionCard';
import StatusView from '../../../components/StatusView';
import { usePullRefresh } from '../../../utils/pullRefresh';
import { useLoad } from '../../../utils/useLoad';
import { useRefreshOnReturn } from '../../../orders/hooks';
import ActivityFacts from '../../components/ActivityFacts';
import { checkinLink, qrImage } from '../../qr';
import './index.scss';

function describeError(error: unknown): string | undefined {
  if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) return '这个活动不存在，或不在您管理的区域。';
  return undefined;
}

function Row({ r }: { r: RosterRow }) {
  const times = [r.checkInAt && `签到 ${formatWhen(r.checkInAt)}`, r.checkOutAt && `签退 ${formatWhen(r.checkOutAt)}`, r.cancelledAt && `取消 ${formatWhen(r.cancelledAt)}`].filter(Boolean);
  return (
    <View className={`roster__row roster__row--${r.status}`}>
      <View className="roster__who">
        <Text className="roster__name">{r.name}</Text>
        <Text className="muted">{times.join(' · ') || `报名 ${formatWhen(r.signedAt)}`}</Text>
      </View>
      <View className="roster__state">
        <Text className="roster__status">{r.statusName}{r.late ? ' · 迟退' : ''}</Text>
        {r.hours !== null && <Text className="muted">{r.hours} 小时 · +{r.points ?? 0} 分</Text>}
      </View>
    </View>
  );
}

export default function RosterPage() {
  const activityId = useRouter().params.id ?? '';
  const { data, loading, error, reload } = useLoad(() => call('activities', 'roster', { activityId }), [activityId]);
  const [qr, setQr] = useState('');
  const [busy, setBusy] = useState(false);
  usePullRefresh(reload);
  useRefreshOnReturn(reload);
  useEffect(() => {
    qrImage(checkinLink(activityId)).then(setQr, () => setQr(''));
  }, [activityId]);

  const staffAct = async (action: 'checkoutAll' | 'close', title: string, content: string) => {
    const { confirm } = await Taro.showModal({ title, content });
    if (!confirm) return;
    setBusy(true);
    try {
      const r = await call('activities', action, { activityId });
      const noShows = 'noShows' in r ? `，${r.noShows} 人未到场` : '';
      void Taro.showToast({ title: `已签退 ${r.checkedOut} 人${noShows}`, icon: 'none' });
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setBusy(false);
      void reload();
    }
  };

  const c = data?.counts;
  const open = data?.activity.status === 'open';
  return (
    <View className="page roster" id="activity-roster">
      <StatusView loading={loading} error={error} empty={!data} emptyText="加载中…" describeError={describeError} onRetry={() => void reload()}>
        {data && c && (
          <View>
            <ActivityFacts activity={data.activity} />
            <SectionCard title="签到码" id="roster-qr">
              <View className="roster__qr">
                {qr ? <Image className="roster__qr-img" src={qr} mode="aspectFit" id="roster-qr-img" /> : <Text className="muted">正在生成…</Text>}
                <Text className="roster__qr-title">{data.activity.title}</Text>
                <Text className="muted">报名的党员到场扫码签到，结束时再扫一次签退</Text>
                {process.env.TARO_ENV === 'h5' && (
                  <Button size="small" fill="outline" onClick={() => window.print()}>打印签到码</Button>
                )}
              </View>
            </SectionCard>
            <SectionCard title="报名情况" id="roster-counts">
              <View className="roster__counts">
                {([['已报名', c.signed], ['已签到', c.checked_in], ['已签退', c.checked_out], ['未到场', c.no_show], ['取消', c.cancelled], ['迟退', c.late]] as const).map(([k, n]) => (
                  <View key={k} className="roster__count">
                    <Text className="roster__count-n">{n}</Text>
                    <Text className="muted">{k}</Text>
                  </View>
                ))}
              </View>
            </SectionCard>
            {open && (
              <View className="roster__actions">
                <Button type="primary" loading={busy} disabled={c.checked_in === 0} onClick={() => void staffAct('checkoutAll', '全部签退', '为仍在签到状态的党员签退，签退时间取活动结束时间和现在中较早的一个。')}>
                  全部签退
                </Button>
                <Button fill="outline" loading={busy} onClick={() => void staffAct('close', '结束活动', '结束后不能再签到签退；报名但没有签到的党员记为未到场。')}>
                  结束活动
                </Button>
              </View>
            )}
            <SectionCard title={`名单（${data.rows.length}）`} id="roster-rows">
              {data.rows.length === 0 ? <Text className="muted">还没有人报名</Text> : data.rows.map((r) => <Row key={r.memberId} r={r} />)}
            </SectionCard>
          </View>
        )}
      </StatusView>
    </View>
  );
}
