/** A paged list with loading, empty and error states and 加载更多 at the foot; `children` draws one item (give it a key). */
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import StatusView from '../StatusView';
import type { Paged } from '../../utils/usePaged';

interface Props<T> {
  list: Paged<T>;
  id?: string;
  className?: string;
  emptyTitle?: string;
  emptyText: string;
  /** What the total counts, in the foot's “共 N 条”: 条 unless told (个心愿…). */
  unit?: string;
  children: (item: T) => ReactNode;
}

export default function PagedList<T>({ list, id, className, emptyTitle, emptyText, unit = '条', children }: Props<T>) {
  return (
    <View id={id} className={className}>
      <StatusView
        loading={list.loading}
        error={list.items.length ? null : list.error}
        empty={list.items.length === 0}
        emptyTitle={emptyTitle}
        emptyText={emptyText}
        onRetry={() => void list.refresh()}
      >
        {list.items.map((item) => children(item))}
        <View className="load-more">
          {list.hasMore ? (
            <Button size="small" fill="outline" loading={list.loading} onClick={() => void list.loadMore()}>
              加载更多
            </Button>
          ) : (
            <Text className="muted">{list.loading ? '加载中…' : `共 ${list.total} ${unit}，已经到底了`}</Text>
          )}
        </View>
        {/* A later page failed while earlier ones are shown: keep them and say so. */}
        {list.error !== null && list.items.length > 0 && <Text className="field-error">加载失败，请下拉重试</Text>}
      </StatusView>
    </View>
  );
}
