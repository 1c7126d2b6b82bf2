/** 报到审核 (staff): pending 双报到 and transfer applications, oldest first; 通过 issues the 报到证, 驳回 needs a reason. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import type { RegistrationView } from '@shared/members/schemas';
import { api, messageOf } from '../../../api';
import FieldError from '../../../components/FieldError';
import PagedList from '../../../components/PagedList';
import FormPopup from '../../../components/FormPopup';
import { useListPage } from '../../../utils/listPage';
import { PAGE_SIZE } from '../../../utils/constants';
import { askConsent, CONSENT } from '../../../utils/subscribe';
import { usePaged } from '../../../utils/usePaged';
import { usePopupSubmit } from '../../../utils/usePopupSubmit';
import RegistrationCard from '../../components/RegistrationCard';
import { MEMBERS_ROUTES } from '../../routes';
import './index.scss';

export default function ReviewRegistrations() {
  const list = usePaged((page) => api.members.pending({ page, pageSize: PAGE_SIZE }), []);
  useListPage(list);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<RegistrationView | null>(null);

  const approve = async (reg: RegistrationView) => {
    askConsent(CONSENT.reviewRegistration);
    // 通过 issues a 报到证 at once: asked once.
    const { confirm } = await Taro.showModal({ title: '通过双报到', content: `通过 ${reg.name} 的申请并发放报到证吗？`, confirmText: '确定通过', cancelText: '再想想' });
    if (!confirm) return;
    setBusyId(reg.id);
    try {
      const { certNo } = await api.members.approve({ registrationId: reg.id });
      await list.refresh();
      // A dialog, not a toast: the toast's narrow box broke the number at its hyphen ("CZ-/2026-000003").
      await Taro.showModal({ title: `已通过 ${reg.name} 的申请`, content: `报到证编号 ${certNo ?? ''}`, showCancel: false, confirmText: '知道了' });
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
      await list.refresh();
    } finally {
      setBusyId(null);
    }
  };

  return (
    <View className="page member-review" id="member-review">
      <View className="member-review__links">
        <Text onClick={() => void Taro.navigateTo({ url: MEMBERS_ROUTES.library })}>党员信息库 ›</Text>
        <Text onClick={() => void Taro.navigateTo({ url: MEMBERS_ROUTES.organisations })}>报到单位 ›</Text>
        <Text onClick={() => void Taro.navigateTo({ url: MEMBERS_ROUTES.verify })} id="review-verify">
          扫码核验 ›
        </Text>
      </View>
      <PagedList list={list} id="review-list" emptyTitle="没有待审核的报到" emptyText="党员提交双报到或转移申请后会出现在这里。" unit="条待审核">
        {(r) => (
          <RegistrationCard
            key={r.id}
            reg={r}
            actions={
              r.canDecide ? (
                <>
                  <Button size="small" fill="outline" type="danger" onClick={() => setRejecting(r)} id={`reject-${r.id}`}>
                    驳回
                  </Button>
                  <Button size="small" type="primary" loading={busyId === r.id} onClick={() => void approve(r)} id={`approve-${r.id}`}>
                    通过
                  </Button>
                </>
              ) : (
                <Text className="muted" id={`own-${r.id}`}>
                  本人的申请，请由其他工作人员或街道审核
                </Text>
              )
            }
          />
        )}
      </PagedList>
      {rejecting && <RejectPopup reg={rejecting} onClose={() => setRejecting(null)} onDone={() => void list.refresh()} />}
    </View>
  );
}

function RejectPopup({ reg, onClose, onDone }: { reg: RegistrationView; onClose: () => void; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const finished = (title: string) => {
    void Taro.showToast({ title, icon: 'success' });
    onDone();
    onClose();
  };
  const { busy, error, submit } = usePopupSubmit({ onDone: finished, onStale: onDone });
  const reject = () => api.members.reject({ registrationId: reg.id, reason });
  const send = () => {
    askConsent(CONSENT.reviewRegistration);
    void submit(reject, '已驳回');
  };
  return (
    <FormPopup
      title={`驳回 ${reg.name} 的申请`}
      id="popup-reject-registration"
      submitText="确认驳回"
      danger
      busy={busy}
      error={error}
      fields={['reason']}
      onSubmit={send}
      onClose={onClose}
    >
      <View className="form-field" id="reject-reason">
        <TextArea value={reason} onChange={setReason} placeholder="请写明原因，申请人会看到（2–200 字）" maxLength={200} showCount autoSize />
      </View>
      <FieldError error={error} field="reason" />
    </FormPopup>
  );
}
