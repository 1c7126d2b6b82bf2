/** 积分规则: the community's points per action; community staff change them (only later credits follow the change). */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { RULE_LABELS } from '@shared/points/model';
import type { RulesView } from '@shared/points/schemas';
import { formatWhen } from '@shared/time';
import { call } from '../../../api';
import { formMessage, messageOf } from '../../../api/errors';
import FieldError from '../../../components/FieldError';
import SectionCard from '../../../components/SectionCard';
import StatusView from '../../../components/StatusView';
import { useLoad } from '../../../utils/useLoad';
import './index.scss';

type Key = keyof typeof RULE_LABELS;
const KEYS = Object.keys(RULE_LABELS) as Key[];

function flatten(r: RulesView['rules']): Record<Key, string> {
  return {
    'orderByColour.green': String(r.orderByColour.green),
    'orderByColour.yellow': String(r.orderByColour.yellow),
    'orderByColour.red': String(r.orderByColour.red),
    onTimeBonus: String(r.onTimeBonus),
    fiveStarBonus: String(r.fiveStarBonus),
    wishFulfilled: String(r.wishFulfilled),
    activityPerHour: String(r.activityPerHour),
  };
}

/** Blank or non-numeric input goes out as NaN (JSON null), so the server's message names the field. */
const num = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));

export default function PointsRules() {
  const { data, loading, error, reload } = useLoad(() => call('points', 'rules', {}), []);
  const [values, setValues] = useState<Record<Key, string> | null>(null);
  const [valuesOf, setValuesOf] = useState<RulesView | null>(null);
  const [busy, setBusy] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  // The inputs start again from every (re)load of the rules.
  if (data && data !== valuesOf) {
    setValuesOf(data);
    setValues(flatten(data.rules));
  }

  const save = async () => {
    if (!data || !values) return;
    setBusy(true);
    setSaveError(null);
    try {
      await call('points', 'setRules', {
        communityId: data.communityId,
        orderByColour: { green: num(values['orderByColour.green']), yellow: num(values['orderByColour.yellow']), red: num(values['orderByColour.red']) },
        onTimeBonus: num(values.onTimeBonus),
        fiveStarBonus: num(values.fiveStarBonus),
        wishFulfilled: num(values.wishFulfilled),
        activityPerHour: num(values.activityPerHour),
      });
      void Taro.showToast({ title: '已保存，之后的记分按新规则', icon: 'none' });
      await reload();
    } catch (e) {
      setSaveError(e);
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="page rules" id="points-rules">
      <StatusView loading={loading} error={error} empty={!data} emptyText="" onRetry={() => void reload()}>
        {data && values && (
          <>
            <Text className="hint">
              {data.communityName}的积分规则{data.isDefault ? '（默认）' : `，${data.updatedByName ?? ''} ${data.updatedAt ? formatWhen(data.updatedAt) : ''}修改`}
              。修改只影响之后的记分，已记的积分不变。申报服务按核实时确认的分值记分。
            </Text>
            <SectionCard title="每项记分">
              {KEYS.map((k) => (
                <View key={k} className="rules__row">
                  <Text className="rules__label">{RULE_LABELS[k]}</Text>
                  <View className="rules__input" id={`rule-${k.replace('.', '-')}`}>
                    <Input type="number" value={values[k]} disabled={!data.canEdit} onChange={(v) => setValues({ ...values, [k]: v })} maxLength={3} />
                  </View>
                  <Text className="muted">分</Text>
                  <FieldError error={saveError} field={k} />
                </View>
              ))}
            </SectionCard>
            {data.canEdit && (
              <View className="rules__save">
                {formMessage(saveError, KEYS) && <Text className="field-error">{formMessage(saveError, KEYS)}</Text>}
                <Button block type="primary" loading={busy} onClick={() => void save()} id="rules-save">
                  保存规则
                </Button>
              </View>
            )}
          </>
        )}
      </StatusView>
    </View>
  );
}
