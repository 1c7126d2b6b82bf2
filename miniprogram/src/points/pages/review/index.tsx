/** 召集人汇总 (grid leader): the grid's new declarations; tick several and 汇总上报 them to the community, or 退回 one with a reason. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Checkbox, TextArea } from '@nutui/nutui-react-taro';
import type { DeclarationView } from '@shared/points/schemas';
import type { Page } from '@shared/users/schemas';
import { call } from '../../../api';
import { messageOf } from '../../../api/errors';
import FieldError from '../../../components/FieldError';
import { PAGE_SIZE } from '../../../utils/constants';
import { askConsent, CONSENT } from '../../../utils/subscribe';
import { usePaged } from '../../../utils/usePaged';
import FormPopup from '../../../components/FormPopup';
import { useListPage } from '../../../utils/listPage';
import DeclarationCard from '../../components/DeclarationCard';
import PagedList from '../../../components/PagedList';
import './index.scss';

export default function GridReview() {
  const [gridName, setGridName] = useState('');
  const list = usePaged(async (page): Promise<Page<DeclarationView>> => {
    const r = await call('points', 'gridQueue', { page, pageSize: PAGE_SIZE });
    setGridName(r.gridName);
    return r;
  }, []);
  useListPage(list);
  const [picked, setPicked] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [back, setBack] = useState<DeclarationView | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);

  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));
  const refresh = async () => {
    setPicked([]);
    await list.refresh();
  };

  const forward = async () => {
    askConsent(CONSENT.forwardPoints);
    setBusy(true);
    try {
      const r = await call('points', 'forward', { declarationIds: picked });
      void Taro.showToast({ title: r.skipped.length ? `已上报 ${r.forwarded.length} 条，${r.skipped.length} 条已被处理` : `已汇总上报 ${r.forwarded.length} 条`, icon: 'none' });
      await refresh();
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setBusy(false);
    }
  };

  const sendBack = async () => {
    if (!back) return;
    setBusy(true);
    setError(null);
    try {
      await call('points', 'sendBack', { declarationId: back.id, reason: reason.trim() });
      setBack(null);
      setReason('');
      void Taro.showToast({ title: '已退回', icon: 'none' });
      await refresh();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="page review" id="points-review">
      <Text className="hint">{gridName ? `${gridName}：` : ''}核对党员申报的服务，勾选后汇总上报社区核实；有问题的退回并说明原因。</Text>
      <PagedList list={list} id="review-list" emptyTitle="没有待汇总的申报" emptyText="本网格党员提交的服务申报会出现在这里。">
        {(d) => (
          <DeclarationCard key={d.id} d={d} showMember leading={<Checkbox className="review__check" checked={picked.includes(d.id)} onChange={() => toggle(d.id)} />}>
            <View className="declaration__actions">
              <Button size="small" fill="outline" onClick={() => setBack(d)} id={`review-back-${d.id}`}>
                退回
              </Button>
              <Button size="small" type={picked.includes(d.id) ? 'primary' : 'default'} onClick={() => toggle(d.id)} id={`review-pick-${d.id}`}>
                {picked.includes(d.id) ? '已选' : '选择'}
              </Button>
            </View>
          </DeclarationCard>
        )}
      </PagedList>
      <View className="review__bar">
        <Text className="review__count">已选 {picked.length} 条</Text>
        <Button type="primary" disabled={picked.length === 0} loading={busy} onClick={() => void forward()} id="review-forward">
          汇总上报
        </Button>
      </View>
      {back && (
        <FormPopup
          title={`退回 ${back.memberName} 的申报`}
          id="review-back-form"
          submitText="退回"
          danger
          busy={busy}
          error={error}
          fields={['reason']}
          onSubmit={() => void sendBack()}
          onClose={() => setBack(null)}
        >
          <View id="review-back-reason">
            <TextArea value={reason} onChange={setReason} placeholder="退回原因，如：请补充现场照片" maxLength={200} autoSize />
          </View>
          <FieldError error={error} field="reason" />
        </FormPopup>
      )}
    </View>
  );
}
