/** The wish as this viewer may see it: the public story and facts for all; the beneficiary's contact for the people who need it. */
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import type { WishStatus } from '@shared/wishes/model';
import type { WishDetail } from '@shared/wishes/schemas';
import { formatWhen } from '@shared/time';
import PhoneCall from '../../../components/PhoneCall';
import SectionCard from '../../../components/SectionCard';
import { absoluteUrl } from '../../../utils/download';
import WishTags from '../../components/WishTags';

/** What happens next, in people's words. */
const NEXT_STEP: Record<WishStatus, string> = {
  pending: '已提交，等待社区审核',
  rejected: '社区审核未通过',
  published: '已在心愿墙上，等待党员认领',
  claimed: '已有人认领，正在圆梦',
  delivered: '认领人已登记圆梦，等待受助人确认',
  fulfilled: '心愿已经实现',
};

function Row({ label, value, id }: { label: string; value: string; id?: string }) {
  return (
    <View className="wish-detail__row">
      <Text className="wish-detail__label">{label}</Text>
      <Text className="wish-detail__value" id={id}>
        {value}
      </Text>
    </View>
  );
}

function Photo({ url, id }: { url: string; id: string }) {
  const src = absoluteUrl(url);
  return <Image className="wish-detail__photo" id={id} src={src} mode="aspectFill" onClick={() => void Taro.previewImage({ urls: [src] })} />;
}

export function WishHeader({ wish }: { wish: WishDetail }) {
  return (
    <View className="wish-detail__hero">
      <WishTags status={wish.status} statusName={wish.statusName} kindName={wish.kindName} withIds />
      <Text className="wish-detail__title" id="wish-title-view">
        {wish.title}
      </Text>
      <Text className="wish-detail__next" id="wish-next">
        {NEXT_STEP[wish.status]}
      </Text>
      <Text className="wish-detail__place">{wish.place}</Text>
    </View>
  );
}

export default function WishSummary({ wish }: { wish: WishDetail }) {
  const p = wish.private;
  return (
    <View>
      {wish.rejectReason && (
        <SectionCard title="未通过原因" id="wish-reject-reason">
          <Text className="wish-detail__reason">{wish.rejectReason}</Text>
        </SectionCard>
      )}
      <SectionCard title="心愿故事" id="wish-story-view">
        <Text className="wish-detail__text">{wish.story}</Text>
        {wish.photoUrl && <Photo url={wish.photoUrl} id="wish-photo-view" />}
      </SectionCard>
      <SectionCard title="心愿信息" id="wish-facts">
        <Row label="类型" value={wish.kindName} />
        <Row label="估算价值" value={wish.value > 0 ? `约 ${wish.value} 元` : '服务类，无需花费'} />
        <Row label="认领人" value={wish.orgName ? `${wish.orgName}（${wish.claimantName ?? ''}）` : (wish.claimantName ?? '暂无')} id="wish-claimant" />
        {wish.claimDeadline && <Row label="圆梦期限" value={formatWhen(wish.claimDeadline)} id="wish-deadline" />}
        {wish.fulfilledAt && <Row label="圆梦时间" value={formatWhen(wish.fulfilledAt)} />}
      </SectionCard>
      {p && (
        <SectionCard title="受助人（不公开）" id="wish-private">
          <View className="wish-detail__contact">
            <Text className="wish-detail__value">
              {p.beneficiaryName} {p.contactMobile}
            </Text>
            {p.canCall && <PhoneCall phone={p.contactMobile} />}
          </View>
          {p.door && <Row label="门牌号" value={p.door} />}
          <Row label="许愿人" value={p.onBehalf ? `${p.posterName}（社区代许）` : p.posterName} />
          {wish.status === 'pending' || wish.status === 'rejected' ? null : <Text className="muted">心愿墙上只显示审核后的公开内容，不显示以上信息。</Text>}
        </SectionCard>
      )}
      {wish.delivery && (
        <SectionCard title="圆梦记录" id="wish-delivery">
          <Text className="wish-detail__text">{wish.delivery.note}</Text>
          {wish.delivery.photoUrl && <Photo url={wish.delivery.photoUrl} id="wish-delivery-photo" />}
          <Text className="muted">登记于 {formatWhen(wish.delivery.at)}</Text>
        </SectionCard>
      )}
    </View>
  );
}
