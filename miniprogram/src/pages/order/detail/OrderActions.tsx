/** The buttons `can` allows this viewer, and the popup or confirmation each opens; every success reloads the detail. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { OrderDetail } from '@shared/orders/schemas';
import { call } from '../../../api';
import ActionCard, { actionList, useActionRunner } from '../../../components/ActionCard';
import { ORDER_ROUTES } from '../../../orders/routes';
import { askConsent, CONSENT } from '../../../utils/subscribe';
import CompletePopup from './popups/CompletePopup';
import MemberPopup from './popups/MemberPopup';
import PoolPopup from './popups/PoolPopup';
import ProgressPopup from './popups/ProgressPopup';
import RatePopup from './popups/RatePopup';
import ReturnVisitPopup from './popups/ReturnVisitPopup';
import TextPopup from './popups/TextPopup';
import type { TextAction } from './popups/TextPopup';
import TriagePopup from './popups/TriagePopup';
import UnitPopup from './popups/UnitPopup';

type Open = 'rate' | 'returnVisit' | 'triage' | 'pool' | 'dispatch' | 'unit' | 'transfer' | 'reassign' | 'progress' | 'complete' | TextAction;

interface Props {
  order: OrderDetail;
  reload: () => Promise<void>;
}

export default function OrderActions({ order, reload }: Props) {
  const [open, setOpen] = useState<Open | null>(null);
  const can = order.can;
  const orderId = order.id;

  const done = (message: string) => {
    setOpen(null);
    void Taro.showToast({ title: message, icon: 'none' });
    // A member (or a unit's staff) who declined no longer holds the order and may not see it any more.
    if (open === 'decline') void Taro.redirectTo({ url: order.unit ? ORDER_ROUTES.unitOrders : ORDER_ROUTES.held });
    else void reload();
  };
  const { running, direct } = useActionRunner(done, reload);
  const cancel = async () => {
    const { confirm } = await Taro.showModal({ title: '撤单', content: '撤单后网格将不再处理这个点单，确定撤单吗？', confirmText: '确定撤单', cancelText: '再想想' });
    if (confirm) await direct('撤单', () => call('orders', 'cancel', { orderId }), '已撤单');
  };
  // 接单 binds the member to the order: asked once, like 撤单.
  const claim = async () => {
    const { confirm } = await Taro.showModal({ title: '接单', content: '接单后请尽快联系居民并按时办结，确定接这个点单吗？', confirmText: '确定接单', cancelText: '再想想' });
    if (confirm) await direct('接单', () => call('orders', 'claim', { orderId }), '接单成功，请尽快联系居民');
  };

  // can.follow is also true for staff over the order and for its member; +1 is for neighbours only.
  const isNeighbour = !(can.note || can.claim || can.accept || can.progress);
  const { buttons, add } = actionList();
  const popup = (kind: Open) => () => setOpen(kind);
  add(can.rate, '确认并评价', 'primary', popup('rate'));
  add(can.claim, '接单', 'primary', () => {
    askConsent(CONSENT.holdOrder);
    void claim();
  });
  add(can.accept, '接受派单', 'primary', () => {
    askConsent(CONSENT.holdOrder);
    void direct('接受派单', () => call('orders', 'accept', { orderId }), '已接受，请尽快联系居民');
  });
  add(can.accept, '婉拒', 'danger', popup('decline'));
  add(can.complete, '办结', 'primary', popup('complete'));
  add(can.progress, '更新进展', 'default', popup('progress'));
  add(can.release, '退回抢单池', 'danger', popup('release'));
  add(can.triage, '分拣', 'primary', popup('triage'));
  add(can.triage, '驳回', 'danger', popup('reject'));
  add(can.dispatch, '派到抢单池', 'primary', popup('pool'));
  add(can.dispatch, '派单', 'default', popup('dispatch'));
  add(can.dispatch, '派给单位', 'default', popup('unit'));
  // 转办 is open wherever staff triage or dispatch (待分拣, 待派单, 重办).
  add(can.triage || can.dispatch, '转办', 'default', popup('transfer'));
  add(can.closeReopened, '说明并办结', 'primary', popup('closeReopened'));
  add(can.returnVisit, '回访', 'primary', popup('returnVisit'));
  add(can.reassign, '改派', 'default', popup('reassign'));
  add(can.note, '备注', 'default', popup('note'));
  add(can.follow && isNeighbour, '+1 我也遇到', 'primary', () => {
    askConsent(CONSENT.followOrder);
    void direct('+1 我也遇到', () => call('orders', 'follow', { orderId }), '已跟进，有进展会通知您');
  });
  add(can.cancel, '撤单', 'danger', () => void cancel());

  const popupProps = { orderId, onDone: done, onClose: () => setOpen(null), onStale: () => void reload() };
  return (
    <>
      <ActionCard
        id="order-actions"
        buttons={buttons}
        running={running}
        hint={(can.rate && '评分 2 星及以下将退回网格重办。') || (can.returnVisit && '居民尚未评价：电话回访后记录结果，不满意将退回重办。')}
      />
      {open === 'rate' && <RatePopup {...popupProps} />}
      {open === 'returnVisit' && <ReturnVisitPopup {...popupProps} />}
      {open === 'triage' && <TriagePopup {...popupProps} category={order.category} hotlineDeadline={order.hotline?.deadline} />}
      {open === 'pool' && <PoolPopup {...popupProps} />}
      {(open === 'dispatch' || open === 'reassign') && <MemberPopup {...popupProps} mode={open} holderName={order.holderName} />}
      {(open === 'unit' || open === 'transfer') && <UnitPopup {...popupProps} mode={open} />}
      {open === 'progress' && <ProgressPopup {...popupProps} />}
      {open === 'complete' && <CompletePopup {...popupProps} />}
      {(open === 'reject' || open === 'decline' || open === 'release' || open === 'note' || open === 'closeReopened') && <TextPopup {...popupProps} action={open} />}
    </>
  );
}
