/** 走访详情: who, where, what was heard, photos; 转为点单 in one tap, or the order it became. */
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { formatWhen } from '@shared/time';
import { call } from '../../../api';
import SectionCard from '../../../components/SectionCard';
import StatusView from '../../../components/StatusView';
import { orderDetailUrl } from '../../../orders/routes';
import { absoluteUrl } from '../../../utils/download';
import { usePullRefresh } from '../../../utils/pullRefresh';
import { useLoad } from '../../../utils/useLoad';
import ToOrderPopup from './ToOrderPopup';
import '../../components/respond.scss';

export default function VisitPage() {
  const id = useRouter().params.id ?? '';
  const { data: v, loading, error, reload } = useLoad(() => call('diary', 'detail', { visitId: id }), [id]);
  usePullRefresh(reload);
  const [converting, setConverting] = useState(false);
  return (
    <View className="page" id="visit-detail">
      <StatusView loading={loading} error={error} empty={!v} emptyText="正在读取走访记录…" onRetry={() => void reload()}>
        {v && (
          <>
            <SectionCard title={v.residentName} extra={<Text className="r-tag">{v.tags.join(' · ')}</Text>}>
              <Text className="r-card__text" id="visit-heard-text">
                {v.heard}
              </Text>
              {v.photoUrls.map((u) => (
                <Image key={u} className="r-photo" src={absoluteUrl(u)} mode="aspectFill" />
              ))}
              <Text className="r-card__meta">{v.trail}</Text>
              <Text className="r-card__meta">
                {v.createdByName} 记于 {formatWhen(v.createdAt)}
                {v.residentLinked ? ' · 已关联登记居民' : ''}
              </Text>
            </SectionCard>
            <View className="r-actions">
              {v.orderId ? (
                <Button block fill="outline" type="primary" id="visit-order" onClick={() => void Taro.navigateTo({ url: orderDetailUrl(v.orderId as string) })}>
                  已转为点单，查看办理进度
                </Button>
              ) : (
                v.canMakeOrder && (
                  <Button block type="primary" id="visit-to-order" onClick={() => setConverting(true)}>
                    转为点单
                  </Button>
                )
              )}
            </View>
          </>
        )}
      </StatusView>
      {converting && v && <ToOrderPopup visit={v} onClose={() => setConverting(false)} />}
    </View>
  );
}
