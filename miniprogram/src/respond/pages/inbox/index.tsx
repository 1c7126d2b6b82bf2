/** 我收到的指令 (members, grid staff): 待确认 first, or all; tap to read, 收到 and reply. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatWhen } from '@shared/time';
import { call } from '../../../api';
import PagedList from '../../../components/PagedList';
import { PAGE_SIZE } from '../../../utils/constants';
import { usePaged } from '../../../utils/usePaged';
import TabBar from '../../../components/TabBar';
import { useLiveListPage } from '../../../utils/listPage';
import { instructionUrl } from '../../routes';
import '../../components/respond.scss';

type Scope = 'open' | 'all';
const TABS = [
  { key: 'open', title: '待确认' },
  { key: 'all', title: '全部' },
] as const;

export default function Inbox() {
  const [scope, setScope] = useState<Scope>('open');
  const list = usePaged((page) => call('response', 'inbox', { scope, page, pageSize: PAGE_SIZE }), [scope]);
  useLiveListPage(list);
  return (
    <View className="page" id="response-inbox">
      <TabBar tabs={TABS} active={scope} onChange={setScope} id="inbox-tabs" />
      <PagedList list={list} emptyTitle={scope === 'open' ? '没有待确认的指令' : '还没有收到指令'} emptyText="社区或街道发来的一键响应指令会出现在这里，请及时点“收到”。">
        {(r) => (
          <View key={r.instructionId} className="r-card" onClick={() => void Taro.navigateTo({ url: instructionUrl(r.instructionId) })}>
            <View className="r-card__head">
              <Text className="r-card__title">{r.title}</Text>
              <Text className={`r-tag${r.ackedAt ? ' r-tag--green' : ' r-tag--red'}`}>{r.ackedAt ? (r.replied ? '已回复' : '已收到') : r.overdue ? '已过截止' : '待确认'}</Text>
            </View>
            <Text className="r-card__meta">
              {r.senderName} · {r.areaName} · 截止 {formatWhen(r.deadline)}
            </Text>
          </View>
        )}
      </PagedList>
    </View>
  );
}
