/** 报到单位 (staff): reporting Party organisations registered with my communities, their 共建协议 and members; 登记新单位. */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { formatWhen } from '@shared/time';
import { api } from '../../../api';
import PagedList from '../../../components/PagedList';
import { useListPage } from '../../../utils/listPage';
import { PAGE_SIZE } from '../../../utils/constants';
import { usePaged } from '../../../utils/usePaged';
import CreateOrganisationPopup from './CreateOrganisationPopup';
import './index.scss';

export default function Organisations() {
  const list = usePaged((page) => api.members.listOrganisations({ page, pageSize: PAGE_SIZE }), []);
  useListPage(list);
  const [creating, setCreating] = useState(false);

  return (
    <View className="page orgs" id="member-organisations">
      <View className="orgs__head">
        <Text className="muted">机关企事业单位党组织到社区报到，签订共建协议；党员可关联自己的报到单位。</Text>
        <Button size="small" type="primary" onClick={() => setCreating(true)} id="org-create">
          登记单位
        </Button>
      </View>
      <PagedList list={list} id="org-list" emptyTitle="还没有报到单位" emptyText="点右上角「登记单位」，录入单位党组织和共建协议。" unit="个单位">
        {(o) => (
          <View key={o.id} className="orgs__card" id={`org-${o.id}`}>
            <View className="orgs__title">
              <Text className="orgs__name">{o.name}</Text>
              <Text className="orgs__count">{o.memberCount} 名党员</Text>
            </View>
            <Text className="orgs__line">
              {o.communityName} · 联系人 {o.contactName} {o.contactMobile ?? ''}
            </Text>
            <Text className="orgs__agreement">共建协议：{o.agreement}</Text>
            <Text className="muted">登记于 {formatWhen(o.createdAt)}</Text>
          </View>
        )}
      </PagedList>
      {creating && <CreateOrganisationPopup onClose={() => setCreating(false)} onDone={() => void list.refresh()} />}
    </View>
  );
}
