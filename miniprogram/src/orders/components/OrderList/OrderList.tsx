/** A paged list of order cards with loading, empty and error states and 加载更多 at the foot. */
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { OrderCard as Card } from '@shared/orders/schemas';
import StatusView from '../../../components/StatusView';
import type { Paged } from '../../../utils/usePaged';
import OrderCard from '../OrderCard';

interface Props {
  list: Paged<Card>;
  id?: string;
  emptyTitle?: string;
  emptyText: string;
  action?: (order: Card) => ReactNode;
}

export default function OrderList({ list, id, emptyTitle, emptyText, action }: Props) {
  return (
    <View id={id} className="order-list">
      <StatusView
        loading={list.loading}
        error={list.items.length ? null : list.error}
        empty={list.items.length === 0}
        emptyTitle={emptyTitle}
        emptyText={emptyText}
        onRetry={() => void list.refresh()}
      >
        {list.items.map((o) => (
          <OrderCard key={o.id} order={o} action={action?.(o)} />
        ))}
        <View className="load-more">
          {list.hasMore ? (
            <Button size="small" fill="outline" loading={list.loading} onClick={() => void list.loadMore()}>
              加载更多
            </Button>
          ) : (
            <Text className="muted">{list.loading ? '加载中…' : `共 ${list.total} 条，已经到底了`}</Text>
          )}
        </View>
        {list.error !== null && list.items.length > 0 && <Text className="field-error">加载失败，请下拉重试</Text>}
      </StatusView>
    </View>
  );
}
