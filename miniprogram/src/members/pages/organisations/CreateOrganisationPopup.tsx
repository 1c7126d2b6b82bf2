/** 登记报到单位: the community (defaults to mine as staff), organisation name, contact, 共建协议 text. */
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Input, TextArea } from '@nutui/nutui-react-taro';
import { api } from '../../../api';
import FieldError from '../../../components/FieldError';
import FormPopup, { FormField } from '../../../components/FormPopup';
import { pickArea } from '../../../utils/areaPicker';
import { usePopupSubmit } from '../../../utils/usePopupSubmit';

const FIELDS = ['communityId', 'name', 'contactName', 'contactMobile', 'agreement'];

export default function CreateOrganisationPopup({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const [community, setCommunity] = useState<{ id: string; name: string } | null>(null);
  const [name, setName] = useState('');
  const [contactName, setContactName] = useState('');
  const [contactMobile, setContactMobile] = useState('');
  const [agreement, setAgreement] = useState('');
  const finished = (title: string) => {
    void Taro.showToast({ title, icon: 'success' });
    onDone();
    onClose();
  };
  const { busy, error, submit } = usePopupSubmit({ onDone: finished, onStale: onDone });

  useEffect(() => {
    api.users.me().then(
      (me) => {
        const mine = me.roles.find((r) => r.role === 'community_staff');
        if (mine) setCommunity((c) => c ?? { id: mine.areaId, name: mine.areaName });
      },
      () => undefined,
    );
  }, []);

  const chooseCommunity = async () => {
    const node = await pickArea({ levels: ['community'], title: '选择社区' });
    if (node) setCommunity({ id: node.id, name: node.name });
  };

  // The server trims every text field (shared/validation `text`, `mobile`).
  const create = () => api.members.createOrganisation({ communityId: community?.id ?? '', name, contactName, contactMobile, agreement });

  return (
    <FormPopup
      title="登记报到单位"
      id="popup-create-org"
      submitText="登记"
      busy={busy}
      error={error}
      fields={FIELDS}
      onSubmit={() => void submit(create, '已登记')}
      onClose={onClose}
    >
      <FormField label="报到社区">
        <View className="orgs__community" id="org-community" onClick={() => void chooseCommunity()}>
          <Text>{community?.name ?? '选择社区'}</Text>
        </View>
        <FieldError error={error} field="communityId" />
      </FormField>
      <FormField label="单位党组织名称">
        <View id="org-name">
          <Input value={name} onChange={setName} placeholder="如：某某局机关党委" maxLength={60} />
        </View>
        <FieldError error={error} field="name" />
      </FormField>
      <FormField label="联系人">
        <View id="org-contact-name">
          <Input value={contactName} onChange={setContactName} placeholder="姓名" maxLength={20} />
        </View>
        <FieldError error={error} field="contactName" />
      </FormField>
      <FormField label="联系电话">
        <View id="org-contact-mobile">
          <Input value={contactMobile} onChange={setContactMobile} placeholder="11 位手机号" maxLength={11} />
        </View>
        <FieldError error={error} field="contactMobile" />
      </FormField>
      <FormField label="共建协议" hint="双方约定共同做的事（10–2000 字）">
        <View id="org-agreement">
          <TextArea value={agreement} onChange={setAgreement} placeholder="如：每季度组织党员到社区开展一次志愿服务…" maxLength={2000} autoSize />
        </View>
        <FieldError error={error} field="agreement" />
      </FormField>
    </FormPopup>
  );
}
