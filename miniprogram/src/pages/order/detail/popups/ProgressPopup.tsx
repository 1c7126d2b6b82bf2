/** 更新进展 or 延期说明: the resident sees it on the timeline and in their messages. */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Switch, TextArea } from '@nutui/nutui-react-taro';
import { call } from '../../../../api';
import FieldError from '../../../../components/FieldError';
import FormPopup, { FormField } from '../../../../components/FormPopup';
import type { PopupProps } from './props';
import { usePopupSubmit } from '../../../../utils/usePopupSubmit';

export default function ProgressPopup(props: PopupProps) {
  const [note, setNote] = useState('');
  const [delayed, setDelayed] = useState(false);
  const { busy, error, submit } = usePopupSubmit(props);
  const send = () => void submit(() => call('orders', 'progress', { orderId: props.orderId, note: note.trim(), delayed }), delayed ? '已告知居民延期' : '进展已更新');

  return (
    <FormPopup title="更新进展" id="popup-progress" submitText="提交进展" busy={busy} error={error} fields={['note', 'delayed']} onClose={props.onClose} onSubmit={send}>
      <FormField label="进展">
        <TextArea value={note} onChange={setNote} placeholder="如：已买好灯泡，明天上午上门（2–300 字）" maxLength={300} showCount />
        <FieldError error={error} field="note" />
      </FormField>
      <View className="switch-row">
        <View>
          <Text className="switch-row__label">需要延期</Text>
          <Text className="muted switch-row__hint">无法按期办结时打开，居民会看到延期说明</Text>
        </View>
        <Switch checked={delayed} onChange={setDelayed} />
      </View>
    </FormPopup>
  );
}
