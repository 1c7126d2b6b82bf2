/** One wish in a list: photo, tags, public title and summary, place and value; tap opens it, `action` adds a button. */
import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import type { WishCard as Card } from '@shared/wishes/schemas';
import { formatWhen } from '@shared/time';
import { wishDetailUrl } from '../../routes';
import { absoluteUrl } from '../../../utils/download';
import WishTags from '../WishTags';
import './WishCard.scss';

interface Props {
  wish: Card;
  action?: ReactNode;
}

export default function WishCard({ wish, action }: Props) {
  const open = () => void Taro.navigateTo({ url: wishDetailUrl(wish.id) });
  const by = wish.orgName ? `${wish.orgName}认领` : wish.claimantName ? `${wish.claimantName}认领` : null;
  return (
    <View className="w-card" onClick={open}>
      <View className="w-card__main">
        {wish.photoUrl && <Image className="w-card__photo" src={absoluteUrl(wish.photoUrl)} mode="aspectFill" />}
        <View className="w-card__text">
          <WishTags status={wish.status} statusName={wish.statusName} kindName={wish.kindName} />
          <Text className="w-card__title">{wish.title}</Text>
          <Text className="w-card__summary">{wish.summary}</Text>
        </View>
      </View>
      <View className="w-card__foot">
        <Text>{wish.place}</Text>
        <Text>
          {wish.value > 0 ? `约 ¥${wish.value}` : '服务类'} · {formatWhen(wish.publishedAt ?? wish.createdAt)}
        </Text>
      </View>
      {by && <Text className="w-card__by">{by}</Text>}
      {action && (
        <View className="w-card__action" onClick={(e) => e.stopPropagation()}>
          {action}
        </View>
      )}
    </View>
  );
}
