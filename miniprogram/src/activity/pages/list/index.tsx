/** 志愿活动 (member): activities of my community — 即将开始 / 我报名的 / 已结束 — with places left; a link to 志愿服务岗. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ListTab } from '@shared/activities/schemas';
import { call } from '../../../api';
import { PAGE_SIZE } from '../../../utils/constants';
import { usePaged } from '../../../utils/usePaged';
import { useListPage } from '../../../utils/listPage';
import TabBar from '../../../components/TabBar';
import ActivityCard from '../../components/ActivityCard';
import PagedList from '../../../components/PagedList';
import { ACTIVITY_ROUTES } from '../../routes';
import './index.scss';

const TABS: Array<{ key: ListTab; title: string }> = [
  { key: 'upcoming', title: '即将开始' },
  { key: 'mine', title: '我报名的' },
  { key: 'past', title: '已结束' },
];
const EMPTY: Record<ListTab, string> = {
  upcoming: '社区发布的志愿活动会出现在这里，下拉可刷新。',
  mine: '报名参加的活动会出现在这里。',
  past: '结束的活动会出现在这里。',
};

export default function ActivityList() {
  const [tab, setTab] = useState<ListTab>('upcoming');
  const list = usePaged((page) => call('activities', 'list', { tab, page, pageSize: PAGE_SIZE }), [tab]);
  useListPage(list);
  return (
    <View className="page activity-list" id="activity-list">
      <TabBar tabs={TABS} active={tab} onChange={setTab} id="activity-tabs" />
      <View className="activity-list__posts" id="entry-posts" onClick={() => void Taro.navigateTo({ url: ACTIVITY_ROUTES.posts })}>
        <Text>认领志愿服务岗（楼道长、垃圾分类督导…）</Text>
        <Text className="activity-list__arrow">›</Text>
      </View>
      <PagedList list={list} id="activity-items" emptyTitle="暂时没有活动" emptyText={EMPTY[tab]}>
        {(a) => <ActivityCard key={a.id} activity={a} />}
      </PagedList>
    </View>
  );
}
