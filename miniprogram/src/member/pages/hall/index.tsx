/** 接单大厅 (member): pooled orders of my grids and community, by skill; 接单 on each card (exactly one member wins). */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { OrderCard } from '@shared/orders/schemas';
import type { Skill } from '@shared/users/roles';
import { MEMBER_SKILLS } from '@shared/users/roles';
import { call } from '../../../api';
import { messageOf } from '../../../api/errors';
import { PAGE_SIZE } from '../../../utils/constants';
import { askConsent, CONSENT } from '../../../utils/subscribe';
import { usePaged } from '../../../utils/usePaged';
import type { Chip } from '../../../components/ChipGroup';
import ChipGroup from '../../../components/ChipGroup';
import AppTabs from '../../../components/AppTabs';
import OrderList from '../../../orders/components/OrderList';
import { isConflict } from '../../../utils/fieldErrors';
import { useLiveListPage } from '../../../utils/listPage';
import { orderDetailUrl } from '../../../orders/routes';
import ResponseStrip from '../../../components/ResponseStrip';
import './index.scss';

const SKILL_CHIPS: Array<Chip<Skill | 'all'>> = [{ value: 'all', label: '全部' }, ...MEMBER_SKILLS.map((s) => ({ value: s, label: s }))];

export default function OrderHall() {
  const [skill, setSkill] = useState<Skill | 'all'>('all');
  const [claiming, setClaiming] = useState<string | null>(null);
  const list = usePaged((page) => call('orders', 'hall', { skill: skill === 'all' ? undefined : skill, page, pageSize: PAGE_SIZE }), [skill]);
  // Others file, triage and claim meanwhile: the list follows while it stays open (polled only while on its first page).
  useLiveListPage(list);

  const claim = async (order: OrderCard) => {
    askConsent(CONSENT.holdOrder);
    // 接单 binds me to the order: asked once, so a slip of the finger cannot take one.
    const { confirm } = await Taro.showModal({ title: '接单', content: '接单后请尽快联系居民并按时办结，确定接这个点单吗？', confirmText: '确定接单', cancelText: '再想想' });
    if (!confirm) return;
    setClaiming(order.id);
    try {
      await call('orders', 'claim', { orderId: order.id });
      void Taro.showToast({ title: '接单成功', icon: 'success' });
      await Taro.navigateTo({ url: orderDetailUrl(order.id) });
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
      if (isConflict(e)) void list.refresh();
    } finally {
      setClaiming(null);
    }
  };

  return (
    <View className="page hall" id="member-hall">
      <ResponseStrip />
      <View className="hall__filter">
        <Text className="hall__filter-label">技能</Text>
        <ChipGroup scroll chips={SKILL_CHIPS} value={skill} onChange={setSkill} id="hall-skill" />
      </View>
      <Text className="hint">群众点单，党员接单：先到先得，接单后请尽快联系居民。</Text>
      <OrderList
        list={list}
        id="hall-orders"
        emptyTitle="抢单池暂时是空的"
        emptyText="网格派到抢单池的点单会出现在这里，下拉可刷新。"
        action={(o) => (
          <Button type="primary" size="small" loading={claiming === o.id} disabled={claiming !== null} onClick={() => void claim(o)}>
            接单
          </Button>
        )}
      />
      <AppTabs />
    </View>
  );
}
