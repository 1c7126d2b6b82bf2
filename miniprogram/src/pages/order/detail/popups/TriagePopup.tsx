/** 分拣: accept with a 3色 colour (and optionally a corrected category), and the 责任主体 the 职责清单 suggests or another with a reason. */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Input, TextArea } from '@nutui/nutui-react-taro';
import type { DutyParty } from '@shared/duties/model';
import { DUTY_PARTIES, DUTY_PARTY_NAMES, partyName } from '@shared/duties/model';
import type { Colour, OrderCategory } from '@shared/orders/model';
import { COLOURS, COLOUR_NAMES, DEFAULT_COLOUR_RULES, ORDER_CATEGORIES } from '@shared/orders/model';
import { formatDeadline } from '@shared/time';
import { call } from '../../../../api';
import FieldError from '../../../../components/FieldError';
import ChipGroup, { chipsOf } from '../../../../components/ChipGroup';
import FormPopup, { FormField } from '../../../../components/FormPopup';
import type { PopupProps } from './props';
import { usePopupSubmit } from '../../../../utils/usePopupSubmit';
import { askConsent, CONSENT } from '../../../../utils/subscribe';
import { useLoad } from '../../../../utils/useLoad';
import '../../../../components/fieldBox.scss';

const WHO: Record<Colour, string> = { red: '上报街道处置', yellow: '网格长牵头处置', green: '网格员直接办理销号' };

function hours(h: number): string {
  return h >= 24 && h % 24 === 0 ? `${h / 24} 天` : `${h} 小时`;
}

export default function TriagePopup({ category, hotlineDeadline, ...props }: PopupProps & { category: OrderCategory; hotlineDeadline?: number }) {
  const [colour, setColour] = useState<Colour>('yellow');
  const [corrected, setCorrected] = useState<OrderCategory>(category);
  const { busy, error, submit } = usePopupSubmit(props);
  // The server's suggestion from the community's 职责清单 (category + description keywords).
  const duty = useLoad(() => call('orders', 'duty', { orderId: props.orderId }), [props.orderId]);
  const suggestion = duty.data?.suggestion ?? null;
  const [party, setParty] = useState<DutyParty | null>(null);
  const [department, setDepartment] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const chosenParty = party ?? suggestion?.party ?? null;
  const chosenDepartment = department ?? suggestion?.department ?? '';
  const overrides = !!suggestion && !!chosenParty && partyName({ party: chosenParty, department: chosenDepartment }) !== partyName(suggestion);
  const send = () => {
    askConsent(CONSENT.dispatchOrder);
    const duty = chosenParty
      ? {
          party: chosenParty,
          department: chosenParty === 'department' && chosenDepartment.trim() ? chosenDepartment : undefined,
          partyReason: overrides && reason.trim() ? reason : undefined,
        }
      : {};
    void submit(
      () => call('orders', 'triage', { orderId: props.orderId, colour, category: corrected === category ? undefined : corrected, ...duty }),
      `已分拣为${COLOUR_NAMES[colour]}色`,
    );
  };

  return (
    <FormPopup
      title="分拣点单"
      id="popup-triage"
      submitText="确认分拣"
      busy={busy}
      error={error}
      fields={['colour', 'category', 'party', 'department', 'partyReason']}
      onClose={props.onClose}
      onSubmit={send}
    >
      <FormField label="事项颜色" hint={hotlineDeadline ? '决定谁牵头和响应期限' : '决定响应和办结期限'}>
        {hotlineDeadline && (
          <Text className="triage-duty" id="triage-hotline">
            12345 工单：办结期限按热线的办理时限 {formatDeadline(hotlineDeadline)}，不随颜色改变
          </Text>
        )}
        {COLOURS.map((c) => (
          <View key={c} id={`triage-${c}`} className={`colour-option colour-option--${c}${c === colour ? ' colour-option--on' : ''}`} onClick={() => setColour(c)}>
            <Text className={`colour-option__dot colour-option__dot--${c}`}>{COLOUR_NAMES[c]}</Text>
            <View className="colour-option__text">
              <Text className="colour-option__who">{WHO[c]}</Text>
              <Text className="muted">
                {hours(DEFAULT_COLOUR_RULES[c].respondHours)}内响应 · {hours(DEFAULT_COLOUR_RULES[c].resolveHours)}内办结（默认）
              </Text>
            </View>
          </View>
        ))}
        <FieldError error={error} field="colour" />
      </FormField>
      <FormField label="类别" hint="居民选错时可更正">
        <ChipGroup chips={chipsOf(ORDER_CATEGORIES)} value={corrected} onChange={setCorrected} id="triage-category" />
        <FieldError error={error} field="category" />
      </FormField>
      <FormField label="责任主体" hint="按职责清单建议，可改定">
        {suggestion && (
          <Text className={`triage-duty${suggestion.list === 'negative' ? ' triage-duty--negative' : ''}`} id="triage-duty">
            {suggestion.said}
            {suggestion.list === 'negative' ? `。属于负面事项（社区准入外），建议转办至${partyName(suggestion)}` : ''}
          </Text>
        )}
        {!suggestion && !duty.loading && (
          <Text className="muted" id="triage-duty-none">
            职责清单里没有对应事项，可自行选择
          </Text>
        )}
        <ChipGroup chips={DUTY_PARTIES.map((p) => ({ value: p, label: DUTY_PARTY_NAMES[p] }))} value={chosenParty} onChange={setParty} id="triage-party" />
        <FieldError error={error} field="party" />
        {chosenParty === 'department' && (
          <View id="triage-department">
            <Input className="field-box" value={chosenDepartment} placeholder="部门名称，如城管、派出所" maxLength={20} onChange={setDepartment} />
          </View>
        )}
        <FieldError error={error} field="department" />
        {overrides && (
          <View id="triage-party-reason">
            <TextArea className="field-box" value={reason} placeholder={`与建议（${partyName(suggestion!)}）不同，请说明理由（2–200 字）`} maxLength={200} onChange={setReason} />
          </View>
        )}
        <FieldError error={error} field="partyReason" />
      </FormField>
    </FormPopup>
  );
}
