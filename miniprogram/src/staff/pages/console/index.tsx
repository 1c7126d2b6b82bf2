/** 派单台 (staff): 待分拣 / 待派单 / 抢单中 / 进行中 / 已超时 / 已完结 with counts, 颜色 and 类别 filters, paged. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Colour, ConsoleTab, OrderCategory } from '@shared/orders/model';
import { CONSOLE_TABS } from '@shared/orders/model';
import type { ConsoleCounts } from '@shared/orders/schemas';
import { call } from '../../../api';
import { PAGE_SIZE } from '../../../utils/constants';
import { usePaged } from '../../../utils/usePaged';
import OrderList from '../../../orders/components/OrderList';
import { ORDER_ROUTES } from '../../../orders/routes';
import TabBar from '../../../components/TabBar';
import AppTabs from '../../../components/AppTabs';
import { useLiveListPage } from '../../../utils/listPage';
import { ROUTES } from '../../../utils/routes';
import ConsoleFilters from './ConsoleFilters';
import './index.scss';

const TAB_KEYS = Object.keys(CONSOLE_TABS) as ConsoleTab[];

const EMPTY_TEXT: Record<ConsoleTab, string> = {
  new: '没有待分拣的点单，居民提交的新点单会先出现在这里。',
  toDispatch: '没有待派单的点单。分拣后的点单和重办的点单在这里派给党员或抢单池。',
  pool: '抢单池里没有等待党员接单的点单。',
  active: '没有正在办理的点单。',
  overdue: '没有超时的点单，继续保持！',
  done: '还没有已完结的点单。',
};

export default function StaffConsole() {
  // The home page's 待办 opens the console on the tab its count came from.
  const [tab, setTab] = useState<ConsoleTab>(() => TAB_KEYS.find((k) => k === Taro.getCurrentInstance().router?.params.tab) ?? 'new');
  const [colour, setColour] = useState<Colour | null>(null);
  const [category, setCategory] = useState<OrderCategory | null>(null);
  const [counts, setCounts] = useState<ConsoleCounts | null>(null);
  const list = usePaged(
    async (page) => {
      const result = await call('orders', 'console', { tab, colour: colour ?? undefined, category: category ?? undefined, page, pageSize: PAGE_SIZE });
      setCounts(result.counts);
      return result.page;
    },
    [tab, colour, category],
  );
  // Others file, triage and claim meanwhile: the list follows while it stays open (polled only while on its first page).
  useLiveListPage(list);
  const tabs = TAB_KEYS.map((key) => ({ key, title: CONSOLE_TABS[key].name, count: counts?.[key] }));

  return (
    <View className="page console" id="staff-console">
      <TabBar tiles tabs={tabs} active={tab} onChange={setTab} id="console-tabs" />
      <ConsoleFilters colour={colour} category={category} onColour={setColour} onCategory={setCategory} />
      <Text className="console__rules" id="console-behalf" onClick={() => void Taro.navigateTo({ url: ORDER_ROUTES.behalf })}>
        ＋ 代为登记（电话 / 来访 / 网格巡查）›
      </Text>
      <Text className="console__rules" id="console-rules" onClick={() => void Taro.navigateTo({ url: ORDER_ROUTES.rules })}>
        时限规则（自然日 / 工作日）›
      </Text>
      {/* The server refuses grid leaders and workers; the page tells them so. */}
      <Text className="console__rules" id="console-tree" onClick={() => void Taro.navigateTo({ url: ROUTES.staffTree })}>
        网格树（新增、改名、撤销片区 / 网格 / 楼栋）›
      </Text>
      <Text className="console__rules" id="console-units" onClick={() => void Taro.navigateTo({ url: '/staff/pages/units/index' })}>
        接单单位（物业、职能部门、共建单位）›
      </Text>
      <OrderList list={list} id="console-orders" emptyTitle={`${CONSOLE_TABS[tab].name}：暂无`} emptyText={EMPTY_TEXT[tab]} />
      <AppTabs />
    </View>
  );
}
