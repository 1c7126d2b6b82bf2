/** One order in a list: category, tags, summary, place and time; tap opens the detail, `action` adds a button. */
import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { OrderCard as Card } from '@shared/orders/schemas';
import { formatWhen } from '@shared/time';
import { orderDetailUrl } from '../../routes';
import OrderTags from '../OrderTags';
import './OrderCard.scss';

interface Props {
  order: Card;
  action?: ReactNode;
}

export default function OrderCard({ order, action }: Props) {
  const open = () => void Taro.navigateTo({ url: orderDetailUrl(order.id) });
  const facts = [
    order.requiredSkill && `需${order.requiredSkill}`,
    order.holderName && `承办：${order.holderName}`,
    order.followerCount > 0 && `${order.followerCount} 人也遇到`,
  ].filter(Boolean);
  return (
    <View className="o-card" onClick={open}>
      <View className="o-card__head">
        <Text className="o-card__category">{order.category}</Text>
        <OrderTags status={order.status} statusName={order.statusName} colour={order.colour} colourName={order.colourName} overdue={order.overdue} />
      </View>
      <Text className="o-card__summary">{order.summary}</Text>
      <View className="o-card__foot">
        <Text className="o-card__place">{order.place}</Text>
        <Text className="o-card__time">{formatWhen(order.createdAt)}</Text>
      </View>
      {facts.length > 0 && <Text className="o-card__facts">{facts.join(' · ')}</Text>}
      {action && (
        <View className="o-card__action" onClick={(e) => e.stopPropagation()}>
          {action}
        </View>
      )}
    </View>
  );
}
