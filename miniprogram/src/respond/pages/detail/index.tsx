/** 指令详情: what was asked and by when; recipients say 收到 and reply, the sender sees who has not, per grid. */
import { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { formatWhen } from '@shared/time';
import { call } from '../../../api';
import SectionCard from '../../../components/SectionCard';
import StatusView from '../../../components/StatusView';
import { absoluteUrl } from '../../../utils/download';
import { usePullRefresh } from '../../../utils/pullRefresh';
import { useLoad } from '../../../utils/useLoad';
import Mine from './Mine';
import Tally from './Tally';
import '../../components/respond.scss';

export default function InstructionPage() {
  const id = useRouter().params.id ?? '';
  const { data, loading, error, reload } = useLoad(() => call('response', 'detail', { instructionId: id }), [id]);
  usePullRefresh(reload);
  const refresh = () => void reload();
  return (
    <View className="page" id="instruction-detail">
      <StatusView loading={loading} error={error} empty={!data} emptyText="正在读取指令…" onRetry={refresh}>
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
            </SectionCard>
            {data.mine && <Mine id={data.id} mine={data.mine} onChanged={refresh} />}
            {data.tally && <Tally detail={data} tally={data.tally} onChanged={refresh} />}
          </>
        )}
      </StatusView>
    </View>
  );
}
