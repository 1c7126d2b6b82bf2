/** 时限规则: per colour, the hours to respond and to complete and whether they count 自然日 or 工作日; community or street staff change them. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input, Switch } from '@nutui/nutui-react-taro';
import type { Colour, DayCount } from '@shared/orders/model';
import { COLOURS, COLOUR_NAMES } from '@shared/orders/model';
import type { OrderRulesView } from '@shared/orders/schemas';
import { call } from '../../../api';
import { ORDER_ROUTES } from '../../../orders/routes';
import { messageOf } from '../../../api/errors';
import FieldError from '../../../components/FieldError';
import SectionCard from '../../../components/SectionCard';
import StatusView from '../../../components/StatusView';
import { useLoad } from '../../../utils/useLoad';
import './index.scss';

interface Draft {
  respondHours: string;
  resolveHours: string;
  days: DayCount;
}

const draftsOf = (v: OrderRulesView) =>
  Object.fromEntries(
    COLOURS.map((c) => [c, { respondHours: String(v.colours[c].respondHours), resolveHours: String(v.colours[c].resolveHours), days: v.colours[c].days }]),
  ) as Record<Colour, Draft>;

/** Blank or non-numeric input goes out as NaN (JSON null), so the server's message names the field. */
const num = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));

export default function OrderRules() {
  const { data, loading, error, reload } = useLoad(() => call('duties', 'rules', {}), []);
  const [drafts, setDrafts] = useState<Record<Colour, Draft> | null>(null);
  const [shown, setShown] = useState<OrderRulesView | null>(null);
  const [busy, setBusy] = useState<Colour | null>(null);
  const [saveError, setSaveError] = useState<{ colour: Colour; error: unknown } | null>(null);
  // The inputs start again from every (re)load of the rules.
  if (data && data !== shown) {
    setShown(data);
    setDrafts(draftsOf(data));
  }

  const save = async (colour: Colour) => {
    if (!data || !drafts) return;
    const d = drafts[colour];
    setBusy(colour);
    setSaveError(null);
    try {
      await call('duties', 'setRule', { communityId: data.communityId, colour, respondHours: num(d.respondHours), resolveHours: num(d.resolveHours), days: d.days });
      void Taro.showToast({ title: '已保存，之后分拣的点单按新规则', icon: 'none' });
      await reload();
    } catch (e) {
      setSaveError({ colour, error: e });
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setBusy(null);
    }
  };

  const edit = (colour: Colour, change: Partial<Draft>) => drafts && setDrafts({ ...drafts, [colour]: { ...drafts[colour], ...change } });

  return (
    <View className="page rules" id="order-rules">
      <StatusView loading={loading} error={error} empty={!data} emptyText="" onRetry={() => void reload()}>
        {data && drafts && (
          <>
            <Text className="hint">
              {data.communityName}的时限规则{data.isDefault ? '（默认）' : ''}。按工作日计算时，周末和法定节假日不计时，调休上班日照常计时。修改只影响之后分拣的点单。
            </Text>
            <Text className="rules__duties" id="rules-duties" onClick={() => void Taro.navigateTo({ url: ORDER_ROUTES.duties })}>
              职责清单（职责事项 / 协助事项 / 负面事项）›
            </Text>
            {data.calendarGap.length > 0 && (
              <Text className="rules__gap" id="calendar-gap">
                {data.calendarGap.join('、')} 年的放假安排尚未收录：时限跨入这一年时，工作日暂按周一至周五计算，节假日和调休不计。请联系运维更新日历。
              </Text>
            )}
            {COLOURS.map((c) => {
              const err = saveError?.colour === c ? saveError.error : null;
              return (
                <SectionCard key={c} title={`${COLOUR_NAMES[c]}色事项`} id={`rule-${c}`}>
                  <View className="rules__row">
                    <Text className="rules__label">响应时限</Text>
                    <View className="rules__input" id={`rule-${c}-respond`}>
                      <Input type="number" value={drafts[c].respondHours} disabled={!data.canEdit} onChange={(v) => edit(c, { respondHours: v })} maxLength={4} />
                    </View>
                    <Text className="muted">小时</Text>
                  </View>
                  <FieldError error={err} field="respondHours" />
                  <View className="rules__row">
                    <Text className="rules__label">办结时限</Text>
                    <View className="rules__input" id={`rule-${c}-resolve`}>
                      <Input type="number" value={drafts[c].resolveHours} disabled={!data.canEdit} onChange={(v) => edit(c, { resolveHours: v })} maxLength={4} />
                    </View>
                    <Text className="muted">小时</Text>
                  </View>
                  <FieldError error={err} field="resolveHours" />
                  <View className="rules__row">
                    <Text className="rules__label">按工作日计算</Text>
                    <Switch checked={drafts[c].days === 'working'} disabled={!data.canEdit} onChange={(on) => edit(c, { days: on ? 'working' : 'natural' })} />
                  </View>
                  {data.canEdit && (
                    <View className="rules__save">
                      <Button block type="primary" loading={busy === c} onClick={() => void save(c)} id={`rule-${c}-save`}>
                        保存{COLOUR_NAMES[c]}色规则
                      </Button>
                    </View>
                  )}
                </SectionCard>
              );
            })}
          </>
        )}
      </StatusView>
    </View>
  );
}
