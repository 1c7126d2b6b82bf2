/** 平时/急时 (community / street staff): a community's mode, switching it with a reason, and its history. */
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import type { CommunityMode } from '@shared/response/model';
import { formatWhen } from '@shared/time';
import { call } from '../../../api';
import FieldError from '../../../components/FieldError';
import SectionCard from '../../../components/SectionCard';
import StatusView from '../../../components/StatusView';
import FormPopup from '../../../components/FormPopup';
import { pickArea } from '../../../utils/areaPicker';
import { usePullRefresh } from '../../../utils/pullRefresh';
import { useLoad } from '../../../utils/useLoad';
import { askConsent, CONSENT } from '../../../utils/subscribe';
import '../../components/respond.scss';

export default function ModePage() {
  const [communityId, setCommunityId] = useState<string | undefined>(useRouter().params.community);
  const { data, loading, error, reload } = useLoad(() => call('response', 'modeStatus', communityId ? { communityId } : {}), [communityId]);
  usePullRefresh(reload);
  const [target, setTarget] = useState<CommunityMode | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<unknown>(null);

  const choose = async () => {
    const node = await pickArea({ startId: communityId, levels: ['community'], title: '选择社区' });
    if (node) setCommunityId(node.id);
  };
  const submit = async () => {
    if (target === 'emergency') askConsent(CONSENT.emergencyMode);
    const c = data?.community;
    if (!c || !target) return;
    setBusy(true);
    setFormError(null);
    try {
      await call('response', 'switchMode', { communityId: c.id, mode: target, reason: reason.trim() });
      void Taro.showToast({ title: target === 'emergency' ? '已切换为急时' : '已恢复平时', icon: 'success' });
      setTarget(null);
      setReason('');
      await reload();
    } catch (e) {
      setFormError(e);
    } finally {
      setBusy(false);
    }
  };

  const c = data?.community;
  return (
    <View className="page" id="mode-page">
      <Text className="hint">急时：本社区新点单跳过分拣，按红色事项直接进入社区抢单池，党员端显示急时提示。平时：恢复正常分拣派单。</Text>
      <StatusView loading={loading} error={error} empty={!data} emptyText="正在读取…" onRetry={() => void reload()}>
        {data && (
          <>
            {data.emergencies.length > 0 && (
              <SectionCard title="辖区内处于急时的社区">
                {data.emergencies.map((e) => (
                  <View key={e.communityId} className="r-person" onClick={() => setCommunityId(e.communityId)}>
                    <Text className="r-person__name">{e.communityName}</Text>
                    <Text className="r-tag r-tag--red">急时 · {formatWhen(e.since)}</Text>
                  </View>
                ))}
              </SectionCard>
            )}
            <SectionCard
              title={c ? c.name : '请选择社区'}
              extra={
                <Button size="small" fill="outline" type="primary" onClick={() => void choose()}>
                  选择社区
                </Button>
              }
              id="mode-card"
            >
              {c ? (
                <>
                  <Text className="muted">{c.trail}</Text>
                  <Text className={`r-big${c.mode === 'emergency' ? ' r-big--emergency' : ''}`} id="mode-current">
                    {c.modeName}
                  </Text>
                  {c.since && (
                    <Text className="r-card__meta">
                      自 {formatWhen(c.since)} 起{c.reason ? ` · ${c.reason}` : ''}
                    </Text>
                  )}
                  <View className="r-actions">
                    <Button block type={c.mode === 'emergency' ? 'default' : 'danger'} onClick={() => setTarget(c.mode === 'emergency' ? 'normal' : 'emergency')} id="mode-switch">
                      {c.mode === 'emergency' ? '恢复平时' : '切换为急时'}
                    </Button>
                  </View>
                </>
              ) : (
                <Text className="muted">街道管理员请先选择要查看或切换的社区。</Text>
              )}
            </SectionCard>
            {c && (
              <SectionCard title="切换记录" id="mode-history">
                {data.history.length === 0 && <Text className="muted">还没有切换过</Text>}
                {data.history.map((h) => (
                  <View key={h.id} className="r-person">
                    <View>
                      <Text className="r-person__name">切换为{h.modeName}</Text>
                      <Text className="r-card__meta">{h.reason}</Text>
                    </View>
                    <Text className="muted">
                      {h.byName} · {formatWhen(h.at)}
                    </Text>
                  </View>
                ))}
              </SectionCard>
            )}
          </>
        )}
      </StatusView>
      {target && (
        <FormPopup
          title={target === 'emergency' ? '切换为急时' : '恢复平时'}
          id="popup-mode"
          submitText={target === 'emergency' ? '确认切换为急时' : '确认恢复平时'}
          busy={busy}
          error={formError}
          fields={['reason']}
          danger={target === 'emergency'}
          onSubmit={() => void submit()}
          onClose={() => setTarget(null)}
        >
          <TextArea
            className="field-box"
            value={reason}
            onChange={setReason}
            placeholder={target === 'emergency' ? '原因，如：台风红色预警' : '说明，如：台风已过境，恢复正常'}
            maxLength={200}
            autoSize
          />
          <FieldError error={formError} field="reason" />
        </FormPopup>
      )}
    </View>
  );
}
