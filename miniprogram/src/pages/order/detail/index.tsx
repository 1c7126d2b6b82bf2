/** 点单详情 ?id=: status and colour, place, description and photos, contact, deadlines, result, timeline, and next steps. */
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { call } from '../../../api';
import { ApiError } from '../../../api/errors';
import StatusView from '../../../components/StatusView';
import Timeline from '../../../components/Timeline';
import { usePullRefresh } from '../../../utils/pullRefresh';
import { useLoad } from '../../../utils/useLoad';
import { useLive } from '../../../utils/useLive';
import OrderActions from './OrderActions';
import OrderSummary, { OrderHeader } from './OrderSummary';
import ResidentPage from '../../../components/ResidentPage';
import './index.scss';

function describeError(error: unknown): string | undefined {
  if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) return '这个点单不存在，或您没有查看它的权限。';
  return undefined;
}

export default function OrderDetailPage() {
  const orderId = useRouter().params.id ?? '';
  const { data, loading, error, reload, refresh } = useLoad(() => call('orders', 'detail', { orderId }), [orderId]);
  usePullRefresh(reload);
  // Someone else moves it too (staff triage, the member's progress): the open page follows without a reload.
  useLive(refresh);

  return (
    <ResidentPage className="order-detail" id="order-detail">
      <StatusView loading={loading} error={error} empty={!data} emptyText="加载中…" describeError={describeError} onRetry={() => void reload()}>
        {data && (
          <View>
            <OrderHeader order={data} />
            <OrderActions order={data} reload={reload} />
            <OrderSummary order={data} />
            <Timeline title="办理记录" id="order-timeline" entries={data.timeline} />
          </View>
        )}
      </StatusView>
    </ResidentPage>
  );
}
