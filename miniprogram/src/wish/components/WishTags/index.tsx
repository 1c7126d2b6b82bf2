/** 物质/精神 and status tags: 待认领 orange, 圆梦中 blue, 已圆梦 green, the rest grey. */
import { Text, View } from '@tarojs/components';
import type { WishStatus } from '@shared/wishes/model';
import './WishTags.scss';

const TONE: Record<WishStatus, string> = {
  pending: 'blue',
  rejected: 'grey',
  published: 'orange',
  claimed: 'blue',
  delivered: 'blue',
  fulfilled: 'green',
};

interface Props {
  status: WishStatus;
  statusName: string;
  kindName: string;
  /** Ids for tests on the detail page; lists leave them out. */
  withIds?: boolean;
}

export default function WishTags({ status, statusName, kindName, withIds }: Props) {
  return (
    <View className="w-tags">
      <Text className="w-tag w-tag--grey">{kindName}</Text>
      <Text className={`w-tag w-tag--${TONE[status]}`} id={withIds ? 'wish-status' : undefined}>
        {statusName}
      </Text>
    </View>
  );
}
