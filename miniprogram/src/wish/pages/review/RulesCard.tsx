/** 心愿规则 of the staff member's community: the value cap and the claim period, editable in a popup. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import type { WishRulesView } from '@shared/wishes/schemas';
import { call } from '../../../api';
import FieldError from '../../../components/FieldError';
import SectionCard from '../../../components/SectionCard';
import { useLoad } from '../../../utils/useLoad';
import FormPopup, { FormField } from '../../../components/FormPopup';
import { usePopupSubmit } from '../../../utils/usePopupSubmit';

const numberType = process.env.TARO_ENV === 'h5' ? 'tel' : 'number';

function RulesPopup({ rules, onDone, onClose }: { rules: WishRulesView; onDone: () => void; onClose: () => void }) {
  const [valueCap, setValueCap] = useState(String(rules.valueCap));
  const [claimDays, setClaimDays] = useState(String(rules.claimDays));
  const saved = (title: string) => {
    void Taro.showToast({ title, icon: 'success' });
    onDone();
  };
  const { busy, error, submit } = usePopupSubmit({ onDone: saved, onStale: onDone });
  const save = () => submit(() => call('wishes', 'setRules', { communityId: rules.communityId, valueCap: Number(valueCap), claimDays: Number(claimDays) }), '规则已保存');
  return (
    <FormPopup
      title={`${rules.communityName}心愿规则`}
      id="popup-rules"
      submitText="保存规则"
      busy={busy}
      error={error}
      fields={['valueCap', 'claimDays']}
      onClose={onClose}
      onSubmit={() => void save()}
    >
      <FormField label="心愿估值上限（元）">
        <Input type={numberType} value={valueCap} onChange={setValueCap} maxLength={5} />
        <FieldError error={error} field="valueCap" />
      </FormField>
      <FormField label="认领后圆梦期限（天）" hint="超期未圆梦回到心愿墙">
        <Input type={numberType} value={claimDays} onChange={setClaimDays} maxLength={2} />
        <FieldError error={error} field="claimDays" />
      </FormField>
    </FormPopup>
  );
}

export default function RulesCard() {
  const { data, reload } = useLoad(() => call('wishes', 'rules', {}), []);
  const [editing, setEditing] = useState(false);
  if (!data) return null;
  return (
    <SectionCard
      title="心愿规则"
      id="wish-rules"
      extra={
        data.canEdit ? (
          <Button size="small" fill="outline" type="primary" onClick={() => setEditing(true)}>
            修改
          </Button>
        ) : undefined
      }
    >
      <View>
        <Text className="muted" id="wish-rules-text">
          {data.communityName}：心愿估值不超过 {data.valueCap} 元；认领后 {data.claimDays} 天内圆梦，超期回到心愿墙。
        </Text>
      </View>
      {editing && (
        <RulesPopup
          rules={data}
          onClose={() => setEditing(false)}
          onDone={() => {
            setEditing(false);
            void reload();
          }}
        />
      )}
    </SectionCard>
  );
}
