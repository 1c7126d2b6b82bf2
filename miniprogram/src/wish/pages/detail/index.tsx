/** 心愿详情 ?id=(&review=1): public story and facts; the beneficiary's contact for poster, staff and claimant; next steps; the record. */
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { call } from '../../../api';
import { ApiError } from '../../../api/errors';
import ResidentPage from '../../../components/ResidentPage';
import ShareBar, { useShareCard } from '../../../components/ShareBar';
import StatusView from '../../../components/StatusView';
import Timeline from '../../../components/Timeline';
import { absoluteUrl } from '../../../utils/download';
import { usePullRefresh } from '../../../utils/pullRefresh';
import { wishShare } from '../../../utils/shareCard';
import { useLoad } from '../../../utils/useLoad';
import { useLive } from '../../../utils/useLive';
import WishActions from './WishActions';
import WishSummary, { WishHeader } from './WishSummary';
import './index.scss';

function describeError(error: unknown): string | undefined {
  if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) return '这个心愿不存在，或还在审核中、您没有查看它的权限。';
  return undefined;
}

export default function WishDetailPage() {
  const params = useRouter().params;
  const wishId = params.id ?? '';
  const { data, loading, error, reload, refresh } = useLoad(() => call('wishes', 'detail', { wishId }), [wishId]);
  usePullRefresh(reload);
  // Reviewed, claimed or delivered by someone else while open: the page follows.
  useLive(refresh);
  const card = data ? wishShare(data, data.photoUrl && absoluteUrl(data.photoUrl)) : null;
  useShareCard(card);

  return (
    <ResidentPage className="wish-detail" id="wish-detail">
      <StatusView loading={loading} error={error} empty={!data} emptyText="加载中…" describeError={describeError} onRetry={() => void reload()}>
        {data && (
          <View>
            <WishHeader wish={data} />
            {card && <ShareBar card={card} />}
            <WishActions wish={data} reload={reload} startReview={params.review === '1'} />
            <WishSummary wish={data} />
            <Timeline title="心愿记录" id="wish-timeline" entries={data.timeline} />
          </View>
        )}
      </StatusView>
    </ResidentPage>
  );
}
