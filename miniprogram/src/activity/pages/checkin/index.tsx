/**
 * 签到落地页 ?id=: what opening (scanning) the activity's QR does. The scan is the action: the first
 * as a signed-up member checks in, the second checks out; the result is shown big, or why not.
 */
import { useCallback, useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Loading } from '@nutui/nutui-react-taro';
import type { ScanResult } from '@shared/activities/schemas';
import { formatWhen } from '@shared/time';
import { call } from '../../../api';
import { ApiError, messageOf } from '../../../api/errors';
import ResidentPage from '../../../components/ResidentPage';
import { ORDER_ROUTES } from '../../../orders/routes';
import { activityDetailUrl } from '../../routes';
import './index.scss';

const GOOD = new Set<ScanResult['kind']>(['checked_in', 'checked_out']);

function failureTitle(error: unknown): string {
  if (error instanceof ApiError && error.code === 'NOT_FOUND') return '签到码无效';
  if (error instanceof ApiError && error.code === 'VALIDATION') return '签到码无效';
  return '无法签到';
}

export default function CheckinPage() {
  const activityId = useRouter().params.id ?? '';
  const [result, setResult] = useState<ScanResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(true);

  // The page opens busy; a retry goes busy again before it scans.
  const scan = useCallback(
    () =>
      call('activities', 'scan', { activityId })
        .then(setResult, (e: unknown) => {
          setResult(null);
          setError(e);
        })
        .finally(() => setBusy(false)),
    [activityId],
  );
  useEffect(() => {
    void scan();
  }, [scan]);
  const retry = () => {
    setBusy(true);
    setError(null);
    void scan();
  };

  const ok = result && GOOD.has(result.kind);
  return (
    <ResidentPage className="checkin" id="checkin">
      {busy && !result && !error ? (
        <View className="checkin__card">
          <Loading type="circular" />
          <Text className="checkin__sub">正在签到…</Text>
        </View>
      ) : result ? (
        <View className={`checkin__card${ok ? ' checkin__card--ok' : ''}`} id="checkin-result">
          <Text className="checkin__mark">{ok ? '✓' : 'i'}</Text>
          <Text className="checkin__title" id="checkin-title">
            {result.title}
          </Text>
          <Text className="checkin__sub">{result.activityTitle}</Text>
          <Text className="checkin__sub">{formatWhen(result.at)}</Text>
          {result.hours !== null && (
            <View className="checkin__numbers" id="checkin-numbers">
              <Text>服务 {result.hours} 小时</Text>
              <Text>积分 +{result.points ?? 0}</Text>
            </View>
          )}
          {result.kind === 'checked_in' && <Text className="checkin__hint">活动结束时请再扫一次签到码签退，按签到签退时间记服务时长和积分。</Text>}
          {result.kind === 'already_in' && <Text className="checkin__hint">您刚刚已签到。活动结束时再扫一次即可签退。</Text>}
        </View>
      ) : (
        <View className="checkin__card checkin__card--bad" id="checkin-result">
          <Text className="checkin__mark">!</Text>
          <Text className="checkin__title" id="checkin-title">
            {failureTitle(error)}
          </Text>
          <Text className="checkin__why" id="checkin-why">
            {messageOf(error)}
          </Text>
          <Button fill="outline" onClick={retry}>
            重试
          </Button>
        </View>
      )}
      <View className="checkin__links">
        <Button block fill="outline" onClick={() => void Taro.redirectTo({ url: activityDetailUrl(activityId) })}>
          查看活动
        </Button>
        {result?.points != null && (
          <Button block fill="outline" onClick={() => void Taro.navigateTo({ url: ORDER_ROUTES.points })}>
            我的积分
          </Button>
        )}
      </View>
    </ResidentPage>
  );
}
