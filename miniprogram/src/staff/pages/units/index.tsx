/** 接单单位 (社区 / 街道 staff): the units of my scope with kind and service area; 新增, 编辑, and who acts for each. */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { UnitView } from '@shared/units/schemas';
import { api, call } from '../../../api';
import ChipGroup from '../../../components/ChipGroup';
import EmptyState from '../../../components/EmptyState';
import StatusView from '../../../components/StatusView';
import { usePullRefresh } from '../../../utils/pullRefresh';
import { useLoad } from '../../../utils/useLoad';
import { managedScopes } from './scope';
import type { UnitScope } from './scope';
import UnitCard from './UnitCard';
import UnitForm from './UnitForm';
import './index.scss';

function UnitList({ scope }: { scope: UnitScope }) {
  const found = useLoad(() => call('units', 'list', { areaId: scope.id }), [scope.id]);
  const [editing, setEditing] = useState<UnitView | 'new' | null>(null);
  usePullRefresh(found.reload);
  const units = found.data?.items ?? [];
  const done = () => {
    setEditing(null);
    void found.reload();
  };
  return (
    <View>
      <View className="units__bar">
        <Text className="units__count">共 {units.length} 个单位</Text>
        <Button size="small" type="primary" onClick={() => setEditing('new')} id="unit-new">
          新增单位
        </Button>
      </View>
      <StatusView
        loading={found.loading}
        error={found.error}
        empty={units.length === 0}
        emptyTitle="还没有接单单位"
        emptyText="新增物业服务企业、职能部门或共建单位，选好服务区域，点单就能派给它们。"
        onRetry={() => void found.reload()}
      >
        <View id="unit-list">
          {units.map((u) => (
            <UnitCard key={u.id} unit={u} onEdit={setEditing} />
          ))}
        </View>
      </StatusView>
      {editing && <UnitForm scope={scope} unit={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} onDone={done} />}
    </View>
  );
}

export default function StaffUnits() {
  const me = useLoad(() => api.users.me(), []);
  const [chosen, setChosen] = useState<string | null>(null);
  const scopes = me.data ? managedScopes(me.data) : [];
  const scope = scopes.find((s) => s.id === chosen) ?? scopes[0];
  return (
    <View className="page units" id="staff-units">
      <StatusView loading={me.loading} error={me.error} empty={!me.data} emptyText="加载中…" onRetry={me.reload}>
        {!scope ? (
          <EmptyState title="暂无权限" description="社区工作人员和街道管理员可以设置物业、职能部门和共建单位。" />
        ) : (
          <View>
            {scopes.length > 1 && <ChipGroup chips={scopes.map((s) => ({ value: s.id, label: s.name }))} value={scope.id} onChange={setChosen} id="unit-scope" scroll />}
            <Text className="hint">{scope.name}的接单单位：派单和转办时，只列出服务区域包括点单楼栋的单位。</Text>
            <UnitList key={scope.id} scope={scope} />
          </View>
        )}
      </StatusView>
    </View>
  );
}
