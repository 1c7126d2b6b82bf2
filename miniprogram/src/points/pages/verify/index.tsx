/**
 * 社区核实 (community staff): forwarded declarations, and those still waiting at a grid (no 网格长 acts on them);
 * 核实 credits the points entered (default hours × rule), 不通过 needs a reason.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import type { DeclarationStatus } from '@shared/points/model';
import type { DeclarationView } from '@shared/points/schemas';
import type { Page } from '@shared/users/schemas';
import { call } from '../../../api';
import { ApiError } from '../../../api/errors';
import FieldError from '../../../components/FieldError';
import { PAGE_SIZE } from '../../../utils/constants';
import { askConsent, CONSENT } from '../../../utils/subscribe';
import { usePaged } from '../../../utils/usePaged';
import FormPopup, { FormField } from '../../../components/FormPopup';
import TabBar from '../../../components/TabBar';
import { useListPage } from '../../../utils/listPage';
import DeclarationCard from '../../components/DeclarationCard';
import PagedList from '../../../components/PagedList';
import { POINTS_ROUTES } from '../../routes';
import './index.scss';

type Tab = Extract<DeclarationStatus, 'forwarded' | 'declared' | 'verified' | 'rejected'>;
const TABS: Array<{ key: Tab; title: string }> = [
  { key: 'forwarded', title: '待核实' },
  { key: 'declared', title: '网格未汇总' },
  { key: 'verified', title: '已核实' },
  { key: 'rejected', title: '未通过' },
];

export default function CommunityVerify() {
  const [tab, setTab] = useState<Tab>('forwarded');
  const [community, setCommunity] = useState('');
  const list = usePaged(
    async (page): Promise<Page<DeclarationView>> => {
      const r = await call('points', 'verifyQueue', { status: tab, page, pageSize: PAGE_SIZE });
      setCommunity(r.communityName);
      return r;
    },
    [tab],
  );
  useListPage(list);
  const [open, setOpen] = useState<{ d: DeclarationView; kind: 'verify' | 'reject' } | null>(null);
  const [points, setPoints] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const start = (d: DeclarationView, kind: 'verify' | 'reject') => {
    setOpen({ d, kind });
    setPoints(String(d.suggestedPoints));
    setText('');
    setError(null);
  };

  const submit = async () => {
    askConsent(CONSENT.verifyPoints);
    if (!open) return;
    const p = Number(points);
    if (open.kind === 'verify' && (!points.trim() || !Number.isInteger(p))) return setError(new ApiError('VALIDATION', '请填写整数积分', { points: '请填写整数积分' }));
    setBusy(true);
    setError(null);
    try {
      if (open.kind === 'verify') {
        const r = await call('points', 'verify', { declarationId: open.d.id, points: p, note: text.trim() || undefined });
        void Taro.showToast({ title: `已核实，记 ${r.points} 分`, icon: 'none' });
      } else {
        await call('points', 'reject', { declarationId: open.d.id, reason: text.trim() });
        void Taro.showToast({ title: '已标记不通过', icon: 'none' });
      }
      setOpen(null);
      await list.refresh();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="page" id="points-verify">
      <TabBar tabs={TABS} active={tab} onChange={setTab} id="verify-tabs" />
      <Text className="hint">{community ? `${community}：` : ''}网格长汇总上报的服务申报，核实属实后记入积分；不属实的说明原因。</Text>
      <View className="verify__links">
        <Text className="verify__link" id="verify-duty" onClick={() => void Taro.navigateTo({ url: POINTS_ROUTES.duty })}>
          年度履责与评优导出 ›
        </Text>
        <Text className="verify__link" onClick={() => void Taro.navigateTo({ url: POINTS_ROUTES.rules })}>
          积分规则 ›
        </Text>
      </View>
      <PagedList list={list} id="verify-list" emptyTitle="暂无申报" emptyText="网格长汇总上报的申报会出现在这里。">
        {(d) => (
          <DeclarationCard key={d.id} d={d} showMember>
            {d.canVerify && (
              <View className="declaration__actions">
                <Button size="small" fill="outline" onClick={() => start(d, 'reject')} id={`verify-reject-${d.id}`}>
                  不通过
                </Button>
                <Button size="small" type="primary" onClick={() => start(d, 'verify')} id={`verify-ok-${d.id}`}>
                  核实记分
                </Button>
              </View>
            )}
          </DeclarationCard>
        )}
      </PagedList>
      {open && (
        <FormPopup
          title={open.kind === 'verify' ? `核实 ${open.d.memberName} 的申报` : `${open.d.memberName} 的申报不通过`}
          id="verify-form"
          submitText={open.kind === 'verify' ? '确认记分' : '不通过'}
          danger={open.kind === 'reject'}
          busy={busy}
          error={error}
          fields={['points', 'note', 'reason']}
          onSubmit={() => void submit()}
          onClose={() => setOpen(null)}
        >
          {open.kind === 'verify' && (
            <FormField label="记入积分" hint={`按规则 ${open.d.hours} 小时 = ${open.d.suggestedPoints} 分，可调整`}>
              <View id="verify-points">
                <Input type="number" value={points} onChange={setPoints} maxLength={3} />
              </View>
              <FieldError error={error} field="points" />
            </FormField>
          )}
          <FormField label={open.kind === 'verify' ? '核实说明' : '不通过原因'} hint={open.kind === 'verify' ? '选填' : undefined}>
            <View id="verify-text">
              <TextArea value={text} onChange={setText} placeholder={open.kind === 'verify' ? '如：已与活动负责人核对' : '如：当天没有该项活动'} maxLength={200} autoSize />
            </View>
            <FieldError error={error} field={open.kind === 'verify' ? 'note' : 'reason'} />
          </FormField>
        </FormPopup>
      )}
    </View>
  );
}
