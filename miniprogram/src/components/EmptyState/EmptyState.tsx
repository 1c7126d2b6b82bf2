/** What a list shows when it has nothing: a calm picture, a sentence, and optionally one action. */
import { View } from '@tarojs/components';
import { Button, Empty } from '@nutui/nutui-react-taro';

interface Props {
  title?: string;
  description: string;
  status?: 'empty' | 'error' | 'network';
  actionText?: string;
  onAction?: () => void;
}

export default function EmptyState({ title, description, status = 'empty', actionText, onAction }: Props) {
  return (
    <View className="empty-state">
      <Empty status={status} title={title} description={description} size="small" />
      {actionText && onAction && (
        <View className="empty-state__action">
          <Button type="primary" fill="outline" size="small" onClick={onAction}>
            {actionText}
          </Button>
        </View>
      )}
    </View>
  );
}
