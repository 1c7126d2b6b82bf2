/** Actions that need one text: 驳回, 婉拒, 退回抢单池, 备注, 说明并办结 — a reason the timeline keeps. */
import { useState } from 'react';
import { TextArea } from '@nutui/nutui-react-taro';
import type { Moved } from '@shared/api';
import { call } from '../../../../api';
import FieldError from '../../../../components/FieldError';
import FormPopup, { FormField } from '../../../../components/FormPopup';
import type { PopupProps } from './props';
import { usePopupSubmit } from '../../../../utils/usePopupSubmit';

export type TextAction = 'reject' | 'decline' | 'release' | 'note' | 'closeReopened';

interface Spec {
  title: string;
  label: string;
  placeholder: string;
  submit: string;
  done: string;
  field: 'reason' | 'note' | 'explanation';
  max: number;
  danger?: boolean;
}

const SPECS: Record<TextAction, Spec> = {
  reject: {
    title: '驳回点单',
    label: '驳回原因',
    placeholder: '居民会看到这个原因，如：属于物业维修范围，已转物业（2–200 字）',
    submit: '确认驳回',
    done: '已驳回',
    field: 'reason',
    max: 200,
    danger: true,
  },
  decline: {
    title: '婉拒派单',
    label: '婉拒原因',
    placeholder: '如：这周出差，来不及（2–200 字）',
    submit: '确认婉拒',
    done: '已婉拒，退回社区',
    field: 'reason',
    max: 200,
    danger: true,
  },
  release: {
    title: '退回抢单池',
    label: '退回原因',
    placeholder: '如：需要专业电工，我处理不了（2–200 字）',
    submit: '确认退回',
    done: '已退回抢单池',
    field: 'reason',
    max: 200,
    danger: true,
  },
  note: { title: '添加备注', label: '备注', placeholder: '记在办理记录里，如：已电话联系居民', submit: '保存备注', done: '已添加备注', field: 'note', max: 300 },
  closeReopened: {
    title: '说明情况后办结',
    label: '办结说明',
    placeholder: '向居民说明处理情况（5–300 字）',
    submit: '说明并办结',
    done: '已办结',
    field: 'explanation',
    max: 300,
  },
};

function send(action: TextAction, orderId: string, text: string): Promise<Moved> {
  switch (action) {
    case 'reject':
      return call('orders', 'reject', { orderId, reason: text });
    case 'decline':
      return call('orders', 'decline', { orderId, reason: text });
    case 'release':
      return call('orders', 'release', { orderId, reason: text });
    case 'note':
      return call('orders', 'note', { orderId, note: text });
    case 'closeReopened':
      return call('orders', 'closeReopened', { orderId, explanation: text });
  }
}

export default function TextPopup({ action, ...props }: PopupProps & { action: TextAction }) {
  const spec = SPECS[action];
  const [text, setText] = useState('');
  const { busy, error, submit } = usePopupSubmit(props);
  return (
    <FormPopup
      title={spec.title}
      id={`popup-${action}`}
      submitText={spec.submit}
      danger={spec.danger}
      busy={busy}
      error={error}
      fields={[spec.field]}
      onClose={props.onClose}
      onSubmit={() => void submit(() => send(action, props.orderId, text.trim()), spec.done)}
    >
      <FormField label={spec.label}>
        <TextArea value={text} onChange={setText} placeholder={spec.placeholder} maxLength={spec.max} showCount />
        <FieldError error={error} field={spec.field} />
      </FormField>
    </FormPopup>
  );
}
