/** 我的点单: orders I filed or follow (+1), 进行中 / 已完结, paged; tap for the detail. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { call } from '../../../api';
import { PAGE_SIZE } from '../../../utils/constants';
import { usePaged } from '../../../utils/usePaged';
import OrderList from '../../../orders/components/OrderList';
import TabBar from '../../../components/TabBar';
import { useLiveListPage } from '../../../utils/listPage';
import { ORDER_ROUTES } from '../../../orders/routes';
import AppTabs from '../../../components/AppTabs';
import ResidentPage from '../../../components/ResidentPage';

type Scope = 'open' | 'done';
const TABS = [
  { key: 'open', title: '进行中' },
  { key: 'done', title: '已完结' },
] as const;

export default function MyOrders() {
  const [scope, setScope] = useState<Scope>('open');
  const list = usePaged((page) => call('orders', 'mine', { scope, page, pageSize: PAGE_SIZE }), [scope]);
  // Others file, triage and claim meanwhile: the list follows while it stays open (polled only while on its first page).
  useLiveListPage(list);

  return (
    <ResidentPage>
      <TabBar tabs={TABS} active={scope} onChange={setScope} id="mine-tabs" />
      <OrderList
        list={list}
        id="my-orders"
        emptyTitle={scope === 'open' ? '没有进行中的点单' : '还没有已完结的点单'}
        emptyText={scope === 'open' ? '遇到问题或需要帮助，扫楼栋里的民情二维码或点下方按钮即可点单。' : '办结、撤销或未受理的点单会显示在这里。'}
      />
      {scope === 'open' && (
        <View className="load-more">
          <Button type="primary" onClick={() => void Taro.navigateTo({ url: ORDER_ROUTES.newOrder })}>
            我要点单
          </Button>
        </View>
      )}
      <AppTabs />
    </ResidentPage>
  );
}
