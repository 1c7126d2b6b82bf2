/** 消息: in-app messages newest first; opening the page marks them read; a message opens what it is about. */
import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { MessageView } from '@shared/notifications/schemas';
import { formatWhen } from '@shared/time';
import { call } from '../../../api';
import StatusView from '../../../components/StatusView';
import { PAGE_SIZE } from '../../../utils/constants';
import { usePaged } from '../../../utils/usePaged';
import { useLiveListPage } from '../../../utils/listPage';
import AppTabs from '../../../components/AppTabs';
import ResidentPage from '../../../components/ResidentPage';
import { messageLink } from '@shared/notifications/links';
import './index.scss';

export default function Messages() {
  const [unread, setUnread] = useState(0);
  const list = usePaged(async (page) => {
    const result = await call('notifications', 'list', { page, pageSize: PAGE_SIZE });
    if (page === 1) setUnread(result.unread);
    return result;
  }, []);
  useLiveListPage(list);
  const marked = useRef(false);

  // The dots stay on this visit so people can see what was new; the badge clears at once.
  useEffect(() => {
    if (unread > 0 && !marked.current) {
      marked.current = true;
      call('notifications', 'markRead', {}).catch(() => undefined);
    }
  }, [unread]);

  const open = (m: MessageView) => {
    const link = messageLink(m);
    if (link) void Taro.navigateTo({ url: link.url });
  };

  return (
    <ResidentPage className="messages" id="messages">
      {unread > 0 && <Text className="messages__count">{unread} 条新消息</Text>}
      <StatusView
        loading={list.loading}
        error={list.items.length ? null : list.error}
        empty={list.items.length === 0}
        emptyTitle="暂无消息"
        emptyText="点单有了新进展、派给您的单和需要处理的事项都会通知到这里。"
        onRetry={() => void list.refresh()}
      >
        {list.items.map((m) => {
          const link = messageLink(m);
          return (
            <View key={m.id} className={`message${link ? ' message--link' : ''}`} onClick={() => open(m)}>
              <View className="message__head">
                {m.unread && <View className="message__dot" />}
                <Text className="message__title">{m.title}</Text>
                <Text className="message__time">{formatWhen(m.createdAt)}</Text>
              </View>
              <Text className="message__body">{m.body}</Text>
              {link && <Text className="message__more">{link.label} ›</Text>}
            </View>
          );
        })}
        <View className="load-more">
          {list.hasMore ? (
            <Button size="small" fill="outline" loading={list.loading} onClick={() => void list.loadMore()}>
              加载更多
            </Button>
          ) : (
            <Text className="muted">{list.loading ? '加载中…' : '已经到底了'}</Text>
          )}
        </View>
      </StatusView>
      <AppTabs />
    </ResidentPage>
  );
}
