/** What a list shows when it has nothing: a calm mark, a sentence, and optionally one action. */
import { View } from '@tarojs/components';
import { Button, Empty } from '@nutui/nutui-react-taro';
import AppIcon from '../AppIcon';
import type { IconName } from '../AppIcon';
import './EmptyState.scss';

type Status = 'empty' | 'error' | 'network';

interface Props {
  title?: string;
  description: string;
  status?: Status;
  /** The icon in the circle; defaults by status. */
  icon?: IconName;
  actionText?: string;
  onAction?: () => void;
}

/** Drawn locally: NutUI's default pictures load from a remote CDN, which neither WeChat nor offline use wants. */
const ICONS: Record<Status, IconName> = { empty: 'tips', error: 'warning', network: 'warning' };

export default function EmptyState({ title, description, status = 'empty', icon, actionText, onAction }: Props) {
  // 44 px: NutUI gives every icon a (no-op) click handler, so the elder figures count it as a tap target.
  const image = (
    <View className={`empty-state__mark empty-state__mark--${status}`}>
      <AppIcon name={icon ?? ICONS[status]} size={44} />
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
