/** 添加单位人员: people living in an area (the unit's first service area, or one picked from the tree), each one tap to add. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Popup } from '@nutui/nutui-react-taro';
import type { UnitView } from '@shared/units/schemas';
import { api, call } from '../../../api';
import { messageOf } from '../../../api/errors';
import StatusView from '../../../components/StatusView';
import { PAGE_SIZE } from '../../../utils/constants';
import { pickArea } from '../../../utils/areaPicker';
import { usePaged } from '../../../utils/usePaged';

interface Props {
  unit: UnitView;
  /** Already on the unit's staff: shown as such, not offered. */
  staffIds: readonly string[];
  onClose: () => void;
  onAdded: () => void;
}

export default function AddStaffPopup({ unit, staffIds, onClose, onAdded }: Props) {
  const [area, setArea] = useState(unit.areas[0] ?? null);
  const [busy, setBusy] = useState<string | null>(null);
  const areaId = area?.id;
  const list = usePaged(
    (page) => (areaId ? api.users.listPeople({ areaId, page, pageSize: PAGE_SIZE }) : Promise.resolve({ items: [], total: 0, page, pageSize: PAGE_SIZE })),
    [areaId],
  );

  const change = async () => {
    const node = await pickArea({ title: '选择人员所在区域' });
    if (node) setArea({ id: node.id, name: node.name });
  };
  const add = async (userId: string, name: string) => {
    setBusy(userId);
    try {
      await call('units', 'addStaff', { unitId: unit.id, userId });
      void Taro.showToast({ title: `已把${name}设为${unit.name}的人员`, icon: 'none' });
      onAdded();
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Popup visible position="bottom" round closeable title={`添加${unit.name}的人员`} onClose={onClose}>
      <View className="units__pick" id="unit-staff-pick">
        <View className="units__pick-area">
          <Text>住在：{area?.name ?? '（请选择区域）'}</Text>
          <Text className="units__link" id="unit-staff-area" onClick={() => void change()}>
            切换区域 ›
          </Text>
        </View>
        <StatusView
          loading={list.loading}
          error={list.error}
          empty={list.items.length === 0}
          emptyText="这个区域还没有登记的人员，请先请对方登录小程序并登记住处"
          onRetry={list.refresh}
        >
          {list.items.map((p) => (
            <View key={p.id} className="units__person">
              <Text className="units__person-name">{p.name}</Text>
              <Text className="muted">{p.homeTrail}</Text>
              {staffIds.includes(p.id) ? (
                <Text className="muted">已是本单位人员</Text>
              ) : (
                <Button size="small" type="primary" loading={busy === p.id} onClick={() => void add(p.id, p.name)}>
                  添加
                </Button>
              )}
            </View>
          ))}
          {list.hasMore && (
            <Button size="small" fill="outline" loading={list.loading} onClick={() => void list.loadMore()}>
              加载更多
            </Button>
          )}
        </StatusView>
      </View>
    </Popup>
  );
}
