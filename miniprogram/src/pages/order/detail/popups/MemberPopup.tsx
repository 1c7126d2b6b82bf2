/** 派单 / 改派 to a named member: candidates of the order's community with skills and open load (改派 needs a reason). */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { TextArea } from '@nutui/nutui-react-taro';
import { ORDER_LIMITS } from '@shared/orders/model';
import { call } from '../../../../api';
import { ApiError } from '../../../../api/errors';
import FieldError from '../../../../components/FieldError';
import StatusView from '../../../../components/StatusView';
import FormPopup, { FormField } from '../../../../components/FormPopup';
import { useLoad } from '../../../../utils/useLoad';
import type { PopupProps } from './props';
import { usePopupSubmit } from '../../../../utils/usePopupSubmit';
import { askConsent, CONSENT } from '../../../../utils/subscribe';

export default function MemberPopup({ mode, holderName, ...props }: PopupProps & { mode: 'dispatch' | 'reassign'; holderName: string | null }) {
  const candidates = useLoad(() => call('orders', 'candidates', { orderId: props.orderId }), [props.orderId]);
  const [memberId, setMemberId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const { busy, error, setError, submit } = usePopupSubmit(props);
  const reassign = mode === 'reassign';
  const chosen = candidates.data?.items.find((c) => c.id === memberId);

  const send = () => {
    askConsent(CONSENT.dispatchOrder);
    if (!memberId) return setError(new ApiError('VALIDATION', '请选择一位党员', { memberId: '请选择一位党员' }));
    const done = `已${reassign ? '改派' : '派'}给${chosen?.name ?? '党员'}`;
    void submit(
      () => (reassign ? call('orders', 'reassign', { orderId: props.orderId, memberId, reason: reason.trim() }) : call('orders', 'dispatch', { orderId: props.orderId, memberId })),
      done,
    );
  };

  return (
    <FormPopup
      title={reassign ? `改派（现由${holderName ?? '—'}办理）` : '派单给党员'}
      id={`popup-${mode}`}
      submitText={reassign ? '确认改派' : '派给TA'}
      busy={busy}
      error={error}
      fields={['memberId', 'reason']}
      onClose={props.onClose}
      onSubmit={send}
    >
      <FormField label="选择党员" hint="按在办单数从少到多">
        <StatusView
          loading={candidates.loading}
          error={candidates.error}
          empty={!candidates.data?.items.length}
          emptyText="本社区还没有已报到的党员"
          onRetry={() => void candidates.reload()}
        >
          {candidates.data?.items.map((c) => (
            <View key={c.id} className={`candidate${c.id === memberId ? ' candidate--on' : ''}`} onClick={() => setMemberId(c.id)}>
              <View className="candidate__head">
                <Text className="candidate__name">{c.name}</Text>
                <Text className={c.openLoad >= ORDER_LIMITS.memberOpenOrders ? 'candidate__load candidate__load--full' : 'candidate__load'}>在办 {c.openLoad} 单</Text>
              </View>
              <Text className="muted">{c.skills.length ? `技能：${c.skills.join('、')}` : '未登记技能'}</Text>
              {c.homeTrail && <Text className="candidate__home">{c.homeTrail}</Text>}
            </View>
          ))}
        </StatusView>
        <FieldError error={error} field="memberId" />
      </FormField>
      {reassign && (
        <FormField label="改派原因">
          <TextArea value={reason} onChange={setReason} placeholder="如：原党员临时出差（2–200 字）" maxLength={200} showCount />
          <FieldError error={error} field="reason" />
        </FormField>
      )}
    </FormPopup>
  );
}
