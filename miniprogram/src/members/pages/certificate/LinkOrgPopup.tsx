/** 关联报到单位: choose one of the organisations registered with my community, or none. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { RegistrationView } from '@shared/members/schemas';
import { api } from '../../../api';
import FieldError from '../../../components/FieldError';
import StatusView from '../../../components/StatusView';
import ChipGroup from '../../../components/ChipGroup';
import FormPopup from '../../../components/FormPopup';
import { useLoad } from '../../../utils/useLoad';
import { usePopupSubmit } from '../../../utils/usePopupSubmit';

const NONE = '__none__';

export default function LinkOrgPopup({ reg, onClose, onDone }: { reg: RegistrationView; onClose: () => void; onDone: () => void }) {
  const orgs = useLoad(() => api.members.listOrganisations({ communityId: reg.communityId, pageSize: 50 }), [reg.communityId]);
  const [orgId, setOrgId] = useState(reg.orgId ?? NONE);
  const finished = (title: string) => {
    void Taro.showToast({ title, icon: 'success' });
    onDone();
    onClose();
  };
  const { busy, error, submit } = usePopupSubmit({ onDone: finished, onStale: onDone });
  const chips = [{ value: NONE, label: '不关联' }, ...(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))];

  return (
    <FormPopup
      title="关联报到单位"
      id="popup-link-org"
      submitText="保存"
      busy={busy}
      error={error}
      fields={['orgId']}
      onSubmit={() => void submit(() => api.members.linkOrg({ orgId: orgId === NONE ? null : orgId }), '已更新')}
      onClose={onClose}
    >
      <StatusView loading={orgs.loading} error={orgs.error} empty={false} emptyText="" onRetry={() => void orgs.reload()}>
        <ChipGroup chips={chips} value={orgId} onChange={setOrgId} id="link-org-chips" />
      </StatusView>
      <FieldError error={error} field="orgId" />
    </FormPopup>
  );
}
