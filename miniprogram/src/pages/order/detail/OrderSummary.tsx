/** The order as the viewer may see it: status and colour, place, description and photos, contact, deadlines, result. */
import { Text, View } from '@tarojs/components';
import type { OrderStatus } from '@shared/orders/model';
import type { OrderDetail } from '@shared/orders/schemas';
import { formatDeadline, formatWhen } from '@shared/time';
import PhoneCall from '../../../components/PhoneCall';
import SectionCard from '../../../components/SectionCard';
import OrderTags from '../../../orders/components/OrderTags';
import PhotoGrid from '../../../components/PhotoGrid';
import Stars from './Stars';

/** What happens next, in the resident's words. */
const NEXT_STEP: Record<OrderStatus, string> = {
  new: '已提交，等待网格员分拣',
  triaged: '已受理，正在安排党员办理',
  pooled: '已发布到抢单池，等待党员接单',
  assigned: '已派给党员，等待党员确认',
  in_progress: '党员正在办理',
  completed: '已办结，等待居民确认并评价',
  reopened: '评价不满意，网格正在重新办理',
  closed: '已完结，感谢您的参与',
  rejected: '网格未受理此点单',
  cancelled: '点单已撤销',
};

function Row({ label, value, id }: { label: string; value: string; id?: string }) {
  return (
    <View className="detail__row">
      <Text className="detail__label">{label}</Text>
      <Text className="detail__value" id={id}>
        {value}
      </Text>
    </View>
  );
}

/** 办结期限: a 12345 ticket's is the hotline's 办理时限 even before 分拣. */
function resolveText(order: OrderDetail): string {
  const by = order.resolveBy ?? order.hotline?.deadline;
  if (!by) return '分拣后确定';
  return `${formatDeadline(by)}前办结${order.hotline ? '（12345热线时限）' : ''}`;
}

export function OrderHeader({ order }: { order: OrderDetail }) {
  return (
    <View className="detail__hero">
      <View className="detail__hero-head">
        <Text className="detail__category" id="order-category-name">
          {order.category}
        </Text>
        <OrderTags status={order.status} statusName={order.statusName} colour={order.colour} colourName={order.colourName} overdue={order.overdue} withIds />
      </View>
      <Text className="detail__next" id="order-next">
        {NEXT_STEP[order.status]}
      </Text>
      <Text className="detail__place" id="order-place">
        {order.place}
      </Text>
      <Text className="detail__trail">{order.trail}</Text>
    </View>
  );
}

export default function OrderSummary({ order }: { order: OrderDetail }) {
  // 拨打 only where it reaches someone else (can.call): never the resident her own phone.
  const callable = order.can.call && order.contactMobile && !order.contactMobile.includes('*') ? order.contactMobile : null;
  return (
    <View>
      {order.rejectReason && (
        <SectionCard title="未受理原因" id="order-reject-reason">
          <Text className="detail__reason">{order.rejectReason}</Text>
        </SectionCard>
      )}
      {order.rating && (
        <SectionCard title="居民评价" id="order-rating">
          <Stars value={order.rating.stars} />
          {order.rating.comment && <Text className="detail__text">{order.rating.comment}</Text>}
        </SectionCard>
      )}
      <SectionCard title="问题描述" id="order-description-view">
        <Text className="detail__text">{order.description}</Text>
        <PhotoGrid urls={order.photoUrls} id="order-photo-grid" />
        <Text className="muted">
          提交于 {formatWhen(order.createdAt)}
          {order.followerCount > 0 ? ` · ${order.followerCount} 位邻居也遇到` : ''}
        </Text>
        <Text className="muted" id="order-no">
          单号 {order.no}
        </Text>
      </SectionCard>
      <SectionCard title="联系人" id="order-contact">
        <View className="detail__contact">
          <Text className="detail__value">
            {order.contactName}
            {order.contactMobile ? `  ${order.contactMobile}` : ''}
          </Text>
          {callable && <PhoneCall phone={callable} />}
        </View>
        {!order.contactMobile && <Text className="muted">居民选择了对党员匿名，请通过网格员联系。</Text>}
      </SectionCard>
      <SectionCard title="办理信息" id="order-deadlines">
        <Row label="承办党员" value={order.holderName ?? '暂无'} id="order-holder" />
        {order.requiredSkill && <Row label="所需技能" value={order.requiredSkill} />}
        <Row label="响应期限" value={order.respondBy ? `${formatDeadline(order.respondBy)}前响应` : '分拣后确定'} id="order-respond-by" />
        <Row label="办结期限" value={resolveText(order)} id="order-resolve-by" />
        {order.hotline && (
          <Text className="muted" id="order-hotline">
            12345 工单 {order.hotline.ticket}：办结期限按热线的办理时限，分拣定颜色不改变它
          </Text>
        )}
        {order.overdue && <Text className="detail__overdue">已超过期限，已上报上一级督办</Text>}
        {order.completionPhotoUrls.length > 0 && (
          <View>
            <Text className="detail__label">办结照片</Text>
            <PhotoGrid urls={order.completionPhotoUrls} id="order-completion-photos" />
          </View>
        )}
      </SectionCard>
    </View>
  );
}
