/** 认领志愿服务岗 (member): open posts of my community; 认领 while places remain, 退出 to hand it back. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { PostCard as Post } from '@shared/activities/schemas';
import { call } from '../../../api';
import { messageOf } from '../../../api/errors';
import ResidentPage from '../../../components/ResidentPage';
import { PAGE_SIZE } from '../../../utils/constants';
import { usePaged } from '../../../utils/usePaged';
import { useListPage } from '../../../utils/listPage';
import PagedList from '../../../components/PagedList';
import PostCard from '../../components/PostCard';

export default function PostsPage() {
  const list = usePaged((page) => call('activities', 'posts', { page, pageSize: PAGE_SIZE }), []);
  useListPage(list);
  const [busy, setBusy] = useState<string | null>(null);

  const act = async (p: Post) => {
    if (p.mine) {
      const { confirm } = await Taro.showModal({ title: '退出岗位', content: `确定不再担任「${p.title}」吗？` });
      if (!confirm) return;
    }
    setBusy(p.id);
    try {
      await call('activities', p.mine ? 'leavePost' : 'claimPost', { postId: p.id });
      void Taro.showToast({ title: p.mine ? '已退出岗位' : '认领成功', icon: 'success' });
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setBusy(null);
      void list.refresh();
    }
  };

  return (
    <ResidentPage className="posts" id="activity-posts">
      <Text className="hint">认领一个志愿服务岗，长期为社区出力。每位在职党员每年至少认领一个岗位。</Text>
      <PagedList list={list} id="post-items" emptyTitle="暂时没有岗位" emptyText="社区发布的志愿服务岗会出现在这里，下拉可刷新。">
        {(p) => (
          <PostCard
            key={p.id}
            post={p}
            action={
              p.mine || p.held < p.slots ? (
                <Button size="small" type={p.mine ? 'default' : 'primary'} loading={busy === p.id} disabled={busy !== null} onClick={() => void act(p)}>
                  {p.mine ? '退出岗位' : '认领'}
                </Button>
              ) : undefined
            }
          />
        )}
      </PagedList>
    </ResidentPage>
  );
}
