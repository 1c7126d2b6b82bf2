/** A paged list of wish cards with loading, empty and error states and 加载更多 at the foot. */
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { WishCard as Card } from '@shared/wishes/schemas';
import StatusView from '../../../components/StatusView';
import type { Paged } from '../../../utils/usePaged';
import WishCard from '../WishCard';

interface Props {
  list: Paged<Card>;
  id?: string;
  emptyTitle?: string;
  emptyText: string;
  action?: (wish: Card) => ReactNode;
}

export default function WishList({ list, id, emptyTitle, emptyText, action }: Props) {
  return (
    <View id={id} className="wish-list">
      <StatusView
        loading={list.loading}
        error={list.items.length ? null : list.error}
        empty={list.items.length === 0}
        emptyTitle={emptyTitle}
        emptyText={emptyText}
        onRetry={() => void list.refresh()}
      >
        {list.items.map((w) => (
          <WishCard key={w.id} wish={w} action={action?.(w)} />
        ))}
        <View className="load-more">
          {list.hasMore ? (
            <Button size="small" fill="outline" loading={list.loading} onClick={() => void list.loadMore()}>
              加载更多
            </Button>
          ) : (
            <Text className="muted">{list.loading ? '加载中…' : `共 ${list.total} 个心愿，已经到底了`}</Text>
          )}
        </View>
        {list.error !== null && list.items.length > 0 && <Text className="field-error">加载失败，请下拉重试</Text>}
      </StatusView>
    </View>
  );
}
