/** Wraps a list or page body: spinner while loading, message + 重试 on error, EmptyState when empty. */
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Loading } from '@nutui/nutui-react-taro';
import { ApiError, messageOf } from '../../api/errors';
import EmptyState from '../EmptyState';
import './StatusView.scss';

interface Props {
  loading: boolean;
  error: unknown;
  empty: boolean;
  emptyText: string;
  emptyTitle?: string;
  onRetry?: () => void;
  /** Shown instead of the generic error message, e.g. for FORBIDDEN. */
  describeError?: (error: unknown) => string | undefined;
  children?: ReactNode;
}

export default function StatusView(props: Props) {
  const { loading, error, empty, emptyText, emptyTitle, onRetry, describeError, children } = props;
  if (error) {
    const network = error instanceof ApiError && error.code === 'NETWORK';
    return (
      <EmptyState
        status={network ? 'network' : 'error'}
        title={network ? '网络不给力' : '出错了'}
        description={describeError?.(error) ?? messageOf(error)}
        actionText={onRetry ? '重试' : undefined}
        onAction={onRetry}
      />
    );
  }
  if (loading && empty) {
    return (
      <View className="status-view__loading">
        <Loading type="circular" />
        <Text className="status-view__text">加载中…</Text>
      </View>
    );
  }
  if (empty) return <EmptyState title={emptyTitle} description={emptyText} />;
  return <>{children}</>;
}
