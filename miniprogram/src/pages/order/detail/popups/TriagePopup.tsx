/** 分拣: accept with a 3色 colour (and optionally a corrected category); the colour sets the deadlines. */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { Colour, OrderCategory } from '@shared/orders/model';
import { COLOURS, COLOUR_NAMES, DEFAULT_COLOUR_RULES, ORDER_CATEGORIES } from '@shared/orders/model';
import { call } from '../../../../api';
import FieldError from '../../../../components/FieldError';
import ChipGroup, { chipsOf } from '../../../../components/ChipGroup';
import FormPopup, { FormField } from '../../../../components/FormPopup';
import type { PopupProps } from './props';
import { usePopupSubmit } from '../../../../utils/usePopupSubmit';
import { askConsent, CONSENT } from '../../../../utils/subscribe';

const WHO: Record<Colour, string> = { red: '上报街道处置', yellow: '网格长牵头处置', green: '网格员直接办理销号' };

function hours(h: number): string {
  return h >= 24 && h % 24 === 0 ? `${h / 24} 天` : `${h} 小时`;
}

export default function TriagePopup({ category, ...props }: PopupProps & { category: OrderCategory }) {
  const [colour, setColour] = useState<Colour>('yellow');
  const [corrected, setCorrected] = useState<OrderCategory>(category);
  const { busy, error, submit } = usePopupSubmit(props);
  const send = () => {
    askConsent(CONSENT.dispatchOrder);
    void submit(() => call('orders', 'triage', { orderId: props.orderId, colour, category: corrected === category ? undefined : corrected }), `已分拣为${COLOUR_NAMES[colour]}色`);
  };

  return (
    <FormPopup title="分拣点单" id="popup-triage" submitText="确认分拣" busy={busy} error={error} fields={['colour', 'category']} onClose={props.onClose} onSubmit={send}>
      <FormField label="事项颜色" hint="决定响应和办结期限">
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
    </FormPopup>
  );
}
