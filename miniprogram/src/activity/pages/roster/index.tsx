/**
 * 报名名单 ?id= (staff): the check-in QR to print, counts, every sign-up with its status (迟退 and 未到场
 * marked), and the two staff actions: 全部签退 and 结束活动.
 */
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { SIGNUP_STATUS_NAMES } from '@shared/activities/model';
import type { SignupStatus } from '@shared/activities/model';
import type { RosterRow } from '@shared/activities/schemas';
import { formatWhen } from '@shared/time';
import { api, call } from '../../../api';
import { ApiError, messageOf } from '../../../api/errors';
import SectionCard from '../../../components/SectionCard';
import StatusView from '../../../components/StatusView';
import { usePullRefresh } from '../../../utils/pullRefresh';
import { useLoad } from '../../../utils/useLoad';
import { useRefreshOnReturn } from '../../../utils/listPage';
import ActivityFacts from '../../components/ActivityFacts';
import './index.scss';

/** The counts row, in the order a day goes: signed up, arrived, left, never came; then the withdrawn. */
const COUNTED: readonly SignupStatus[] = ['signed', 'checked_in', 'checked_out', 'no_show', 'cancelled'];

function describeError(error: unknown): string | undefined {
  if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) return '这个活动不存在，或不在您管理的区域。';
  return undefined;
}

function Row({ r }: { r: RosterRow }) {
  const times = [r.checkInAt && `签到 ${formatWhen(r.checkInAt)}`, r.checkOutAt && `签退 ${formatWhen(r.checkOutAt)}`, r.cancelledAt && `取消 ${formatWhen(r.cancelledAt)}`].filter(
    Boolean,
  );
  return (
    <View className={`roster__row roster__row--${r.status}`}>
      <View className="roster__who">
        <Text className="roster__name">{r.name}</Text>
        <Text className="muted">{times.join(' · ') || `报名 ${formatWhen(r.signedAt)}`}</Text>
      </View>
      <View className="roster__state">
        <Text className="roster__status">
          {r.statusName}
          {r.late ? ' · 迟退' : ''}
        </Text>
        {r.hours !== null && (
          <Text className="muted">
            {r.hours} 小时 · +{r.points ?? 0} 分
          </Text>
        )}
      </View>
    </View>
  );
}

export default function RosterPage() {
  const activityId = useRouter().params.id ?? '';
  const { data, loading, error, reload } = useLoad(() => call('activities', 'roster', { activityId }), [activityId]);
  // The 民情二维码 work issues the code: a QR of the h5 check-in URL on the web, a mini-program code in WeChat.
  const code = useLoad(() => api.codes.forActivity({ activityId }), [activityId]);
  const qr = code.data?.image ?? '';
  const [busy, setBusy] = useState(false);
  usePullRefresh(reload);
  useRefreshOnReturn(reload);

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
                {qr ? (
                  <Image className="roster__qr-img" src={qr} mode="aspectFit" id="roster-qr-img" />
                ) : (
                  <Text className="muted">{code.error ? '签到码生成失败，请下拉刷新' : '正在生成…'}</Text>
                )}
                <Text className="roster__qr-title">{data.activity.title}</Text>
                <Text className="muted">报名的党员到场扫码签到，结束时再扫一次签退</Text>
                {process.env.TARO_ENV === 'h5' && (
                  <Button size="small" fill="outline" onClick={() => window.print()}>
                    打印签到码
                  </Button>
                )}
              </View>
            </SectionCard>
            <SectionCard title="报名情况" id="roster-counts">
              <View className="roster__counts">
                {[...COUNTED.map((st) => [SIGNUP_STATUS_NAMES[st], c[st]] as const), ['迟退', c.late] as const].map(([k, n]) => (
                  <View key={k} className="roster__count">
                    <Text className="roster__count-n">{n}</Text>
                    <Text className="muted">{k}</Text>
                  </View>
                ))}
              </View>
            </SectionCard>
            {open && (
              <View className="roster__actions">
                <Button
                  type="primary"
                  loading={busy}
                  disabled={c.checked_in === 0}
                  onClick={() => void staffAct('checkoutAll', '全部签退', '为仍在签到状态的党员签退，签退时间取活动结束时间和现在中较早的一个。')}
                >
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
