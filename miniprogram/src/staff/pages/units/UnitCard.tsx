/** One unit: kind, service area, contact; 编辑, and its staff (units.staff) with 移除 and 添加人员. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { UnitView } from '@shared/units/schemas';
import { call } from '../../../api';
import { messageOf } from '../../../api/errors';
import { useLoad } from '../../../utils/useLoad';
import AddStaffPopup from './AddStaffPopup';

interface Props {
  unit: UnitView;
  onEdit: (unit: UnitView) => void;
}

export default function UnitCard({ unit, onEdit }: Props) {
  const [open, setOpen] = useState(false);
  const [adding, setAdding] = useState(false);
  const staff = useLoad(() => (open ? call('units', 'staff', { unitId: unit.id }) : Promise.resolve(null)), [open, unit.id]);
  const people = staff.data?.staff ?? [];

  const remove = async (userId: string, name: string) => {
    const { confirm } = await Taro.showModal({ title: '移除单位人员', content: `${name}将不再代表${unit.name}接单，确定移除？` });
    if (!confirm) return;
    try {
      await call('units', 'removeStaff', { unitId: unit.id, userId });
      void staff.reload();
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    }
  };

  return (
    <View className="units__card" id={`unit-${unit.id}`}>
      <View className="units__head">
        <Text className="units__name">{unit.name}</Text>
        <Text className={`units__kind units__kind--${unit.kind}`}>{unit.kindName}</Text>
      </View>
      {unit.orgName && <Text className="units__line">报到单位：{unit.orgName}</Text>}
      <Text className="units__line">服务区域：{unit.areas.map((a) => a.name).join('、')}</Text>
      <Text className="units__line">
        联系人：{unit.contactName} {unit.contactMobile}
      </Text>
      <View className="units__actions">
        <Button size="small" fill="outline" onClick={() => onEdit(unit)}>
          编辑
        </Button>
        <Button size="small" fill="outline" type="primary" onClick={() => setOpen(!open)} className="units__staff-toggle">
          {open ? '收起人员' : '单位人员'}
        </Button>
      </View>
      {open && (
        <View className="units__staff" id={`unit-staff-${unit.id}`}>
          {staff.loading && !staff.data && <Text className="muted">加载中…</Text>}
          {staff.error !== null && <Text className="field-error">{messageOf(staff.error)}</Text>}
          {staff.data && people.length === 0 && <Text className="muted">还没有单位人员：添加后，他们在“单位接单”里接单、办结。</Text>}
          {people.map((p) => (
            <View key={p.userId} className="units__member">
              <Text>{p.name}</Text>
              <Text className="units__remove" onClick={() => void remove(p.userId, p.name)}>
                移除
              </Text>
            </View>
          ))}
          <Button size="small" type="primary" onClick={() => setAdding(true)} className="units__add-staff">
            添加人员
          </Button>
        </View>
      )}
      {adding && (
        <AddStaffPopup
          unit={unit}
          staffIds={people.map((p) => p.userId)}
          onClose={() => setAdding(false)}
          onAdded={() => {
            setAdding(false);
            void staff.reload();
          }}
        />
      )}
    </View>
  );
}
