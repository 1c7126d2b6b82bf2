/** 志愿服务管理 (community staff / street admin): my area's activities (即将开始 / 已结束) and posts; 发布活动 / 发布岗位; tap for the roster. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ActivityCard as Card, PostCard as Post } from '@shared/activities/schemas';
import type { Page } from '@shared/users/schemas';
import { call } from '../../../api';
import { PAGE_SIZE } from '../../../utils/constants';
import { usePaged } from '../../../utils/usePaged';
import { useListPage } from '../../../utils/listPage';
import TabBar from '../../../components/TabBar';
import ActivityCard from '../../components/ActivityCard';
import PagedList from '../../../components/PagedList';
import PostCard from '../../components/PostCard';
import { publishUrl, rosterUrl } from '../../routes';
import './index.scss';

type Tab = 'upcoming' | 'past' | 'posts';
const TABS: Array<{ key: Tab; title: string }> = [
  { key: 'upcoming', title: '即将开始' },
  { key: 'past', title: '已结束' },
  { key: 'posts', title: '志愿服务岗' },
];
type Row = { kind: 'activity'; item: Card } | { kind: 'post'; item: Post };

async function fetchRows(tab: Tab, page: number): Promise<Page<Row>> {
  if (tab === 'posts') {
    const r = await call('activities', 'managePosts', { page, pageSize: PAGE_SIZE });
    return { ...r, items: r.items.map((item) => ({ kind: 'post' as const, item })) };
  }
  const r = await call('activities', 'manage', { tab, page, pageSize: PAGE_SIZE });
  return { ...r, items: r.items.map((item) => ({ kind: 'activity' as const, item })) };
}

export default function ManagePage() {
  const [tab, setTab] = useState<Tab>('upcoming');
  const list = usePaged((page) => fetchRows(tab, page), [tab]);
  useListPage(list);
  return (
    <View className="page manage" id="activity-manage">
      <View className="manage__publish">
        <Button type="primary" id="publish-activity" onClick={() => void Taro.navigateTo({ url: publishUrl('activity') })}>
          发布活动
        </Button>
        <Button fill="outline" id="publish-post" onClick={() => void Taro.navigateTo({ url: publishUrl('post') })}>
          发布岗位
        </Button>
      </View>
      <TabBar tabs={TABS} active={tab} onChange={setTab} id="manage-tabs" />
      <PagedList
        list={list}
        id="manage-items"
        emptyTitle="还没有发布"
        emptyText={tab === 'posts' ? '发布楼道长、垃圾分类督导等长期岗位，党员认领后计入年度履职。' : '发布志愿活动，党员报名后扫码签到签退、自动记积分。'}
      >
        {(r) => (r.kind === 'activity' ? <ActivityCard key={r.item.id} activity={r.item} url={rosterUrl(r.item.id)} /> : <PostCard key={r.item.id} post={r.item} staff />)}
      </PagedList>
    </View>
  );
}
