/** The buttons `can` allows this viewer (认领, 以单位名义认领, 登记圆梦, 确认圆梦, 审核), and the popup or confirmation each opens. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { WishDetail } from '@shared/wishes/schemas';
import { call } from '../../../api';
import ActionCard, { actionList, useActionRunner } from '../../../components/ActionCard';
import { askConsent, CONSENT } from '../../../utils/subscribe';
import DeliverPopup from './popups/DeliverPopup';
import RejectPopup from './popups/RejectPopup';
import ReviewPopup from './popups/ReviewPopup';

type Open = 'review' | 'reject' | 'deliver';

interface Props {
  wish: WishDetail;
  reload: () => Promise<void>;
  /** Opened from the review list: start with the review popup. */
  startReview: boolean;
}

export default function WishActions({ wish, reload, startReview }: Props) {
  const can = wish.can;
  const [open, setOpen] = useState<Open | null>(startReview && can.review ? 'review' : null);
  const wishId = wish.id;

  const done = (message: string) => {
    setOpen(null);
    void Taro.showToast({ title: message, icon: 'none' });
    void reload();
  };
  const { running, direct } = useActionRunner(done, reload);
  const confirm = async () => {
    const { confirm: yes } = await Taro.showModal({ title: '确认圆梦', content: '确认心愿已经实现了吗？确认后将为认领人记积分。', confirmText: '确认圆梦', cancelText: '再等等' });
    if (yes) await direct('确认圆梦', () => call('wishes', 'confirm', { wishId }), '已确认圆梦，谢谢您');
  };

  const claim = (label: string, asOrg: boolean, message: string) => () => {
    askConsent(CONSENT.claimWish);
    void direct(label, () => call('wishes', 'claim', asOrg ? { wishId, asOrg } : { wishId }), message);
  };

  const { buttons, add } = actionList();
  add(can.claim && !can.claimAsOrg, '认领心愿', 'primary', claim('认领心愿', false, '认领成功，请尽快联系受助人'));
  add(can.claim && can.claimAsOrg, '个人认领', 'primary', claim('个人认领', false, '认领成功，请尽快联系受助人'));
  add(can.claimAsOrg, '以单位名义认领', 'default', claim('以单位名义认领', true, '已以单位名义认领'));
  add(can.deliver, '登记圆梦', 'primary', () => setOpen('deliver'));
  add(can.confirm, '确认圆梦', 'primary', () => void confirm());
  add(can.review, '审核发布', 'primary', () => setOpen('review'));
  add(can.review, '不通过', 'danger', () => setOpen('reject'));

  const popupProps = { wishId, onDone: done, onClose: () => setOpen(null), onStale: () => void reload() };
  return (
    <>
      <ActionCard id="wish-actions" buttons={buttons} running={running} hint={can.claim && '认领后请在期限内圆梦，超期未圆梦的心愿会回到心愿墙。'} />
      {open === 'review' && <ReviewPopup {...popupProps} wish={wish} />}
      {open === 'reject' && <RejectPopup {...popupProps} />}
      {open === 'deliver' && <DeliverPopup {...popupProps} />}
    </>
  );
}
