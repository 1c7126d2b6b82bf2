/** 不通过 (staff) with a reason the poster sees. */
import { useState } from 'react';
import { TextArea } from '@nutui/nutui-react-taro';
import { call } from '../../../../api';
import FieldError from '../../../../components/FieldError';
import FormPopup, { FormField } from '../../../../components/FormPopup';
import type { PopupProps } from './props';
import { usePopupSubmit } from '../../../../utils/usePopupSubmit';

export default function RejectPopup(props: PopupProps) {
  const [reason, setReason] = useState('');
  const { busy, error, submit } = usePopupSubmit(props);
  return (
    <FormPopup
      title="审核不通过"
      id="popup-reject"
      submitText="确认不通过"
      danger
      busy={busy}
      error={error}
      fields={['reason']}
      onClose={props.onClose}
      onSubmit={() => void submit(() => call('wishes', 'reject', { wishId: props.wishId, reason: reason.trim() }), '已退回，许愿人会看到原因')}
    >
      <FormField label="不通过原因">
        <TextArea value={reason} onChange={setReason} placeholder="许愿人会看到这个原因，如：价值超出微心愿范围，建议申请临时救助（2–200 字）" maxLength={200} showCount />
        <FieldError error={error} field="reason" />
      </FormField>
    </FormPopup>
  );
}
