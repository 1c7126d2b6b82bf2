/**
 * 点单详情 ?id=: status and colour, place, description and photos, contact, deadlines, result, timeline, and next steps;
 * 分享 when the filer allowed it. Opened from a shared card by someone who may not see it whole: the public view.
 */
import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { call } from '../../../api';
import { ApiError } from '../../../api/errors';
import ShareBar, { useShareCard } from '../../../components/ShareBar';
import StatusView from '../../../components/StatusView';
import Timeline from '../../../components/Timeline';
import { usePullRefresh } from '../../../utils/pullRefresh';
import { orderShare } from '../../../utils/shareCard';
import { useLoad } from '../../../utils/useLoad';
import { useLive } from '../../../utils/useLive';
import OrderActions from './OrderActions';
import OrderSummary, { OrderHeader } from './OrderSummary';
import PublicOrder from './PublicOrder';
import ResidentPage from '../../../components/ResidentPage';
import './index.scss';

function describeError(error: unknown): string | undefined {
  // The server's words say why (the filer did not allow sharing); a missing order reads the same for everyone.
  if (error instanceof ApiError && error.code === 'FORBIDDEN') return error.message;
  if (error instanceof ApiError && error.code === 'NOT_FOUND') return '这个点单不存在，或您没有查看它的权限。';
  return undefined;
}

export default function OrderDetailPage() {
  const orderId = useRouter().params.id ?? '';
  // orders.shared: the whole order for who may see it (the same detail), the public view for a shared one.
  const { data: view, loading, error, reload, refresh } = useLoad(() => call('orders', 'shared', { orderId }), [orderId]);
  const data = view?.full;
  usePullRefresh(reload);
  // Someone else moves it too (staff triage, the member's progress): the open page follows without a reload.
  useLive(refresh);
  const card = data?.can.share ? orderShare(data) : null;
  useShareCard(card);
  // The ··· menu offers the card only where the filer allowed it and the viewer sees the order whole.
  const sharing = !!card;
  useEffect(() => {
    if (process.env.TARO_ENV === 'weapp') void (sharing ? Taro.showShareMenu({}) : Taro.hideShareMenu({}));
  }, [sharing]);

  return (
    <ResidentPage className="order-detail" id="order-detail">
      <StatusView loading={loading} error={error} empty={!view} emptyText="加载中…" describeError={describeError} onRetry={() => void reload()}>
        {data && (
          <View>
            <OrderHeader order={data} />
            <OrderActions order={data} reload={reload} />
            <OrderSummary order={data} />
            {card && <ShareBar card={card} />}
            <Timeline title="办理记录" id="order-timeline" entries={data.timeline} />
          </View>
        )}
        {view?.public && <PublicOrder order={view.public} />}
      </StatusView>
    </ResidentPage>
  );
}
