/** 一键响应 (staff): instructions sent in my area with how many have said 收到; 发一键响应 at the top. */
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { InstructionCard } from '@shared/response/schemas';
import { formatWhen } from '@shared/time';
import { call } from '../../../api';
import PagedList from '../../../components/PagedList';
import { PAGE_SIZE } from '../../../utils/constants';
import { usePaged } from '../../../utils/usePaged';
import { useListPage } from '../../../utils/listPage';
import { RESPOND_ROUTES, instructionUrl } from '../../routes';
import '../../components/respond.scss';

function Card({ i }: { i: InstructionCard }) {
  const share = i.total ? Math.round((i.acked / i.total) * 100) : 0;
  return (
    <View className="r-card" onClick={() => void Taro.navigateTo({ url: instructionUrl(i.id) })}>
      <View className="r-card__head">
        <Text className="r-card__title">{i.title}</Text>
        <Text className={`r-tag${i.overdue ? ' r-tag--red' : i.acked === i.total ? ' r-tag--green' : ''}`}>
          {i.acked === i.total ? '全部收到' : i.overdue ? '已过截止' : `${i.total - i.acked} 人未收到`}
        </Text>
      </View>
      <Text className="r-card__text">{i.summary}</Text>
      <View className="r-progress">
        <View className="r-progress__bar" style={{ width: `${share}%` }} />
      </View>
      <Text className="r-card__meta">
        已收到 {i.acked}/{i.total} · {i.areaName} · {i.roleNames.join('、')}
      </Text>
      <Text className="r-card__meta">
        {i.senderName} 发于 {formatWhen(i.createdAt)} · 截止 {formatWhen(i.deadline)}
      </Text>
    </View>
  );
}

export default function SentInstructions() {
  const list = usePaged((page) => call('response', 'sent', { page, pageSize: PAGE_SIZE }), []);
  useListPage(list);
  return (
    <View className="page" id="response-sent">
      <View className="r-actions">
        <Button block type="primary" id="compose-instruction" onClick={() => void Taro.navigateTo({ url: RESPOND_ROUTES.compose })}>
          发一键响应
        </Button>
        <Button block fill="outline" type="primary" onClick={() => void Taro.navigateTo({ url: RESPOND_ROUTES.inbox })}>
          我收到的
        </Button>
      </View>
      <PagedList list={list} id="sent-list" emptyTitle="还没有发过指令" emptyText="防汛防台、疫情排查、紧急通知：一键发给辖区党员和网格员，谁收到了、谁还没有，一目了然。">
        {(i) => <Card key={i.id} i={i} />}
      </PagedList>
    </View>
  );
}
