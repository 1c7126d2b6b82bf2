/** 单位接单 (物业服务企业, 职能部门, 共建单位 staff): the unit's orders 待接单 / 处理中 / 已办结; tap one to accept, decline, post progress or complete it. */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { UnitOrderScope } from '@shared/units/model';
import { call } from '../../../api';
import { PAGE_SIZE } from '../../../utils/constants';
import { usePaged } from '../../../utils/usePaged';
import { useLoad } from '../../../utils/useLoad';
import OrderList from '../../../orders/components/OrderList';
import ChipGroup from '../../../components/ChipGroup';
import StatusView from '../../../components/StatusView';
import TabBar from '../../../components/TabBar';
import AppTabs from '../../../components/AppTabs';
import { useListPage } from '../../../utils/listPage';
import './index.scss';

const TABS = [
  { key: 'waiting', title: '待接单' },
  { key: 'active', title: '处理中' },
  { key: 'done', title: '已办结' },
] as const;

const EMPTY: Record<UnitOrderScope, string> = {
  waiting: '社区派给本单位的点单会显示在这里。',
  active: '接受派单后，点单在这里更新进展、办结。',
  done: '办结的点单会显示在这里，居民评价后完结。',
};

function UnitOrders({ unitId }: { unitId: string }) {
  const [scope, setScope] = useState<UnitOrderScope>('waiting');
  const list = usePaged((page) => call('units', 'orders', { unitId, scope, page, pageSize: PAGE_SIZE }), [unitId, scope]);
  useListPage(list);
  return (
    <>
      <TabBar tabs={TABS} active={scope} onChange={setScope} id="unit-tabs" />
      <OrderList list={list} id="unit-orders" emptyTitle={`没有${TABS.find((t) => t.key === scope)?.title}的点单`} emptyText={EMPTY[scope]} />
    </>
  );
}

export default function UnitOrdersPage() {
  const { data, loading, error, reload } = useLoad(() => call('units', 'mine', {}), []);
  const [chosen, setChosen] = useState<string | null>(null);
  const units = data?.items ?? [];
  const unit = units.find((u) => u.id === chosen) ?? units[0];
  return (
    <View className="page unit-orders" id="unit-page">
      <StatusView
        loading={loading}
        error={error}
        empty={!unit}
        emptyTitle="您还不是任何单位的人员"
        emptyText="请联系社区工作人员把您设为物业、职能部门或共建单位的人员。"
        onRetry={() => void reload()}
      >
        {unit && (
          <View>
            <View className="unit-orders__head" id="unit-head">
              <Text className="unit-orders__name">{unit.name}</Text>
              <Text className="unit-orders__kind">{unit.kindName}</Text>
            </View>
            <Text className="unit-orders__areas">服务区域：{unit.areas.map((a) => a.name).join('、')}</Text>
            {units.length > 1 && <ChipGroup chips={units.map((u) => ({ value: u.id, label: u.name }))} value={unit.id} onChange={setChosen} id="unit-choice" scroll />}
            <UnitOrders key={unit.id} unitId={unit.id} />
          </View>
        )}
      </StatusView>
      <AppTabs />
    </View>
  );
}
