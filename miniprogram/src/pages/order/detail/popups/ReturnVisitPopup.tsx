/** 电话回访: what the resident said on the call (满意 / 基本满意 / 不满意) and a note; 不满意 sends the order back for 重办. */
import { useState } from 'react';
import { Text } from '@tarojs/components';
import { TextArea } from '@nutui/nutui-react-taro';
import type { ReturnVisitResult } from '@shared/orders/model';
import { RETURN_VISIT_NAMES, RETURN_VISIT_RESULTS } from '@shared/orders/model';
import { call } from '../../../../api';
import { ApiError } from '../../../../api/errors';
import FieldError from '../../../../components/FieldError';
import type { Chip } from '../../../../components/ChipGroup';
import ChipGroup from '../../../../components/ChipGroup';
import FormPopup, { FormField } from '../../../../components/FormPopup';
import type { PopupProps } from './props';
import { usePopupSubmit } from '../../../../utils/usePopupSubmit';

const RESULTS: Array<Chip<ReturnVisitResult>> = RETURN_VISIT_RESULTS.map((r) => ({ value: r, label: RETURN_VISIT_NAMES[r] }));

export default function ReturnVisitPopup(props: PopupProps) {
  const [result, setResult] = useState<ReturnVisitResult | null>(null);
  const [note, setNote] = useState('');
  const { busy, error, setError, submit } = usePopupSubmit(props);
  const reopens = result === 'unsatisfied';

  const send = () => {
    if (!result) return setError(new ApiError('VALIDATION', '请选择回访结果', { result: '请选择回访结果' }));
    const text = note.trim();
    void submit(() => call('orders', 'returnVisit', { orderId: props.orderId, result, note: text || undefined }), reopens ? '已记录回访，点单退回重办' : '已记录回访，点单已完结');
  };

  return (
    <FormPopup title="电话回访" id="popup-return-visit" submitText="保存回访" busy={busy} error={error} fields={['result', 'note']} onClose={props.onClose} onSubmit={send}>
      <FormField label="居民对办理结果">
        <ChipGroup chips={RESULTS} value={result} onChange={setResult} id="visit-result" />
        <FieldError error={error} field="result" />
      </FormField>
      {reopens && (
        <Text className="rate__reopen" id="visit-reopen-note">
          回访不满意，点单将退回网格重新办理（重办），请写明居民哪里不满意。
        </Text>
      )}
      <FormField label="回访记录" hint={reopens ? '必填' : '选填'}>
        <TextArea value={note} onChange={setNote} placeholder="如：已电话联系王阿姨，灯已修好" maxLength={300} showCount />
        <FieldError error={error} field="note" />
      </FormField>
    </FormPopup>
  );
}
