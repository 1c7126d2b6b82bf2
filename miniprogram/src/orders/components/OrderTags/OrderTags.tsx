/** 红/黄/绿 colour, status and 已超时 tags: the colours people read an order by at a glance. */
import { Text, View } from '@tarojs/components';
import type { Colour, OrderStatus } from '@shared/orders/model';
import './OrderTags.scss';

/** Status → tone: waiting on staff, being handled, waiting on the resident, done well, ended. */
const STATUS_TONE: Record<OrderStatus, string> = {
  new: 'blue',
  triaged: 'blue',
  pooled: 'orange',
  assigned: 'blue',
  in_progress: 'blue',
  completed: 'orange',
  reopened: 'red',
  closed: 'green',
  rejected: 'grey',
  cancelled: 'grey',
};

interface Props {
  status: OrderStatus;
  statusName: string;
  colour: Colour | null;
  colourName: string | null;
  overdue: boolean;
  /** Ids for tests on the detail page; lists leave them out. */
  withIds?: boolean;
}

export default function OrderTags({ status, statusName, colour, colourName, overdue, withIds }: Props) {
  return (
    <View className="o-tags">
      <Text className={`o-tag o-tag--${STATUS_TONE[status]}`} id={withIds ? 'order-status' : undefined}>
        {statusName}
      </Text>
      {colour && (
        <Text className={`o-tag o-tag--solid-${colour}`} id={withIds ? 'order-colour' : undefined}>
          {colourName}
        </Text>
      )}
      {overdue && <Text className="o-tag o-tag--solid-red">已超时</Text>}
    </View>
  );
}
