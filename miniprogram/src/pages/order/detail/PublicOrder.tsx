/** A shared order for someone who may not see it whole: what and where, how far it has got, the filer's name masked; no phone, photos or timeline. */
import { Text, View } from '@tarojs/components';
import type { PublicOrderView } from '@shared/orders/schemas';
import { formatWhen } from '@shared/time';
import SectionCard from '../../../components/SectionCard';

export default function PublicOrder({ order }: { order: PublicOrderView }) {
  return (
    <View id="order-public">
      <View className="detail__hero">
        <View className="detail__hero-head">
          <Text className="detail__category">{order.category}</Text>
          <Text className="o-tag o-tag--blue" id="order-public-status">
            {order.statusName}
            {order.colourName ? ` · ${order.colourName}` : ''}
          </Text>
        </View>
        <Text className="detail__trail">{order.trail}</Text>
      </View>
      <SectionCard title="问题描述">
        <Text className="detail__description" id="order-public-description">
          {order.description}
        </Text>
        <Text className="muted detail__trail">
          {order.filerName} · {formatWhen(order.createdAt)} 提交 · 单号 {order.no}
          {order.followerCount > 0 ? ` · ${order.followerCount} 人也遇到` : ''}
        </Text>
      </SectionCard>
      <Text className="muted detail__public-note">这是分享到网格群的点单，只显示问题和进度；联系方式、照片和办理记录只有填单人、办理人和工作人员能看到。</Text>
    </View>
  );
}
