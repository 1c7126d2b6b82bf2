/** 我联系的住户 (一人联十户): a 微网格联络员's households, linked by staff on the node page, with where they live and a call button. */
import { Text, View } from '@tarojs/components';
import { api } from '../../../api';
import PhoneCall from '../../../components/PhoneCall';
import SectionCard from '../../../components/SectionCard';
import StatusView from '../../../components/StatusView';
import { usePullRefresh } from '../../../utils/pullRefresh';
import { useLoad } from '../../../utils/useLoad';
import './index.scss';

export default function Households() {
  const list = useLoad(() => api.users.myHouseholds({}), []);
  usePullRefresh(list.reload);
  const items = list.data?.items ?? [];
  return (
    <View className="page households" id="households">
      <Text className="hint">一人联十户：常去看看、常打电话。住户有事可以帮他们在小程序里点单，急事请直接联系网格长。</Text>
      <StatusView loading={list.loading} error={list.error} empty={items.length === 0} emptyText="还没有关联的住户，请网格长在“区域人员与事项”页为您关联" onRetry={list.reload}>
        <SectionCard title={`共 ${items.length} 户`}>
          {items.map((h) => (
            <View key={h.id} className="households__row">
              <View className="households__text">
                <Text className="households__name">{h.name}</Text>
                <Text className="muted households__home">{h.homeTrail || '未登记住处'}</Text>
              </View>
              {h.mobile ? <PhoneCall phone={h.mobile} label="打电话" /> : <Text className="muted">未留电话</Text>}
            </View>
          ))}
        </SectionCard>
      </StatusView>
    </View>
  );
}
