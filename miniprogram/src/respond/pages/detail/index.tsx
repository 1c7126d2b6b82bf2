/** 指令详情: what was asked and by when; recipients say 收到 and reply, the sender sees who has not, per grid. */
import { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { formatWhen } from '@shared/time';
import { call } from '../../../api';
import { ApiError } from '../../../api/errors';
import SectionCard from '../../../components/SectionCard';
import ShareBar, { useShareCard } from '../../../components/ShareBar';
import StatusView from '../../../components/StatusView';
import { absoluteUrl } from '../../../utils/download';
import { usePullRefresh } from '../../../utils/pullRefresh';
import { instructionShare } from '../../../utils/shareCard';
import { useLoad } from '../../../utils/useLoad';
import { useLive } from '../../../utils/useLive';
import Mine from './Mine';
import Tally from './Tally';
import '../../components/respond.scss';

/** Someone the instruction was not sent to (a shared link opened by a stranger) learns only that, in words. */
function describeError(error: unknown): string | undefined {
  if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) return '这条指令只发给了相关区域的人员，您不在发送范围内，看不到它的内容。';
  return undefined;
}

export default function InstructionPage() {
  const id = useRouter().params.id ?? '';
  const { data, loading, error, reload, refresh: poll } = useLoad(() => call('response', 'detail', { instructionId: id }), [id]);
  usePullRefresh(reload);
  // The sender watches 收到 come in; a recipient sees a reminder or a change: no reload needed.
  useLive(poll);
  const card = data ? instructionShare(data, data.attachmentUrl && absoluteUrl(data.attachmentUrl)) : null;
  useShareCard(card);
  const refresh = () => void reload();
  return (
    <View className="page" id="instruction-detail">
      <StatusView loading={loading} error={error} empty={!data} emptyText="正在读取指令…" describeError={describeError} onRetry={refresh}>
        {data && (
          <>
            <SectionCard title={data.title} extra={data.overdue ? <Text className="r-tag r-tag--red">已过截止</Text> : undefined}>
              <Text className="r-card__text" id="instruction-text">
                {data.text}
              </Text>
              {data.attachmentUrl && <Image className="r-photo" src={absoluteUrl(data.attachmentUrl)} mode="aspectFill" id="instruction-attachment" />}
              <Text className="r-card__meta">
                {data.senderName} 发于 {formatWhen(data.createdAt)} · 截止 {formatWhen(data.deadline)}
              </Text>
              <Text className="r-card__meta">
                {data.trail} · {data.roleNames.join('、')}
              </Text>
              {card && <ShareBar card={card} />}
            </SectionCard>
            {data.mine && <Mine id={data.id} mine={data.mine} onChanged={refresh} />}
            {data.tally && <Tally detail={data} tally={data.tally} onChanged={refresh} />}
          </>
        )}
      </StatusView>
    </View>
  );
}
