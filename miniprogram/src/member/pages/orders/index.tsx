/** 我的接单 (member): orders I hold (在办) and those I held and finished (已办); tap to act on one. */
import { useState } from 'react';
import { View } from '@tarojs/components';
import { call } from '../../../api';
import { PAGE_SIZE } from '../../../utils/constants';
import { usePaged } from '../../../utils/usePaged';
import OrderList from '../../../orders/components/OrderList';
import TabBar from '../../../components/TabBar';
import ResponseStrip from '../../../components/ResponseStrip';
import { useListPage } from '../../../utils/listPage';

type Scope = 'open' | 'done';
const TABS = [
  { key: 'open', title: '在办' },
  { key: 'done', title: '已办' },
] as const;

export default function HeldOrders() {
  const [scope, setScope] = useState<Scope>('open');
  const list = usePaged((page) => call('orders', 'held', { scope, page, pageSize: PAGE_SIZE }), [scope]);
  useListPage(list);

  return (
    <View className="page" id="member-orders">
      <ResponseStrip />
      <TabBar tabs={TABS} active={scope} onChange={setScope} id="held-tabs" />
      <OrderList
        list={list}
        id="held-orders"
        emptyTitle={scope === 'open' ? '手上没有在办的点单' : '还没有办过的点单'}
        emptyText={scope === 'open' ? '去接单大厅看看有没有邻居需要帮忙。' : '办结的点单会显示在这里。'}
      />
    </View>
  );
}
