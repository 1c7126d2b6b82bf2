/** What a list shows when it has nothing: a calm mark, a sentence, and optionally one action. */
import { Text, View } from '@tarojs/components';
import { Button, Empty } from '@nutui/nutui-react-taro';
import './EmptyState.scss';

type Status = 'empty' | 'error' | 'network';

interface Props {
  title?: string;
  description: string;
  status?: Status;
  /** One character drawn in the circle; defaults by status. */
  mark?: string;
  actionText?: string;
  onAction?: () => void;
}

/** Drawn locally: NutUI's default pictures load from a remote CDN, which neither WeChat nor offline use wants. */
const MARKS: Record<Status, string> = { empty: '空', error: '!', network: '网' };

export default function EmptyState({ title, description, status = 'empty', mark, actionText, onAction }: Props) {
  const image = (
    <View className={`empty-state__mark empty-state__mark--${status}`}>
      <Text>{mark ?? MARKS[status]}</Text>
    </View>
  );
  return (
    <View className="empty-state">
      <Empty image={image} title={title} description={description} size="small" />
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
