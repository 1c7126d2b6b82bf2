/** 派给单位 (物业服务企业, 职能部门, 共建单位 covering the place) or 转办 to a 职能部门 with a reason the resident is told. */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { TextArea } from '@nutui/nutui-react-taro';
import { call } from '../../../../api';
import { ApiError } from '../../../../api/errors';
import FieldError from '../../../../components/FieldError';
import StatusView from '../../../../components/StatusView';
import FormPopup, { FormField } from '../../../../components/FormPopup';
import { useLoad } from '../../../../utils/useLoad';
import type { PopupProps } from './props';
import { usePopupSubmit } from '../../../../utils/usePopupSubmit';

export default function UnitPopup({ mode, ...props }: PopupProps & { mode: 'unit' | 'transfer' }) {
  const found = useLoad(() => call('units', 'forOrder', { orderId: props.orderId }), [props.orderId]);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const { busy, error, setError, submit } = usePopupSubmit(props);
  const transfer = mode === 'transfer';
  // 转办 goes to a 职能部门 only; 派单 to any unit covering the place.
  const units = (found.data?.items ?? []).filter((u) => !transfer || u.kind === 'department');
  const chosen = units.find((u) => u.id === unitId);

  const send = () => {
    if (!unitId) return setError(new ApiError('VALIDATION', '请选择一个单位', { unitId: '请选择一个单位' }));
    const orderId = props.orderId;
    void submit(
      () => (transfer ? call('units', 'transfer', { orderId, unitId, reason: reason.trim() }) : call('units', 'dispatch', { orderId, unitId })),
      `已${transfer ? '转办至' : '派给'}${chosen?.name ?? '单位'}`,
    );
  };

  return (
    <FormPopup
      title={transfer ? '转办（非社区职责）' : '派给单位'}
      id={`popup-${mode}`}
      submitText={transfer ? '确认转办' : '派给该单位'}
      busy={busy}
      error={error}
      fields={['unitId', 'reason']}
      onClose={props.onClose}
      onSubmit={send}
    >
      <FormField label={transfer ? '责任部门' : '选择单位'} hint="服务区域包括这个楼栋的单位">
        <StatusView
          loading={found.loading}
          error={found.error}
          empty={units.length === 0}
          emptyText={transfer ? '这里还没有设置职能部门' : '这里还没有设置物业、职能部门或共建单位'}
          onRetry={() => void found.reload()}
        >
          {units.map((u) => (
            <View key={u.id} className={`candidate${u.id === unitId ? ' candidate--on' : ''}`} onClick={() => setUnitId(u.id)}>
              <View className="candidate__head">
                <Text className="candidate__name">{u.name}</Text>
                <Text className="candidate__load">{u.kindName}</Text>
              </View>
              <Text className="muted">服务区域：{u.areas.map((a) => a.name).join('、')}</Text>
            </View>
          ))}
        </StatusView>
        <FieldError error={error} field="unitId" />
      </FormField>
      {transfer && (
        <FormField label="转办原因">
          <TextArea value={reason} onChange={setReason} placeholder="居民会看到这个原因，如：占道经营属城管执法职责（2–200 字）" maxLength={200} showCount />
          <FieldError error={error} field="reason" />
        </FormField>
      )}
    </FormPopup>
  );
}
