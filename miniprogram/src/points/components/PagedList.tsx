/** A paged list for the points pages: loading, empty and error states, 加载更多 at the foot. */
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import StatusView from '../../components/StatusView';
import type { Paged } from '../../utils/usePaged';

interface Props<T> {
  list: Paged<T>;
  id?: string;
  emptyTitle?: string;
  emptyText: string;
  children: (item: T) => ReactNode;
}

export default function PagedList<T>({ list, id, emptyTitle, emptyText, children }: Props<T>) {
  return (
    <View id={id}>
      <StatusView
        loading={list.loading}
        error={list.items.length ? null : list.error}
        empty={list.items.length === 0}
        emptyTitle={emptyTitle}
        emptyText={emptyText}
        onRetry={() => void list.refresh()}
      >
        {list.items.map(children)}
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
