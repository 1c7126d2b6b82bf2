/** 撤销角色: a reason is required (2–200 characters) and goes into the audit log. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Popup, TextArea } from '@nutui/nutui-react-taro';
import type { PersonView, RoleView } from '@shared/users/schemas';
import { api } from '../../../api';
import { formMessage } from '../../../api/errors';
import FieldError from '../../../components/FieldError';

/** Fields whose server messages are shown beside their inputs. */
const FIELDS = ['reason'];

interface Props {
  person: PersonView;
  role: RoleView;
  onClose: () => void;
  onDone: () => void;
}

export default function RevokeRolePopup({ person, role, onClose, onDone }: Props) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const topMessage = formMessage(error, FIELDS);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const { changed } = await api.users.revokeRole({
        userId: person.id,
        role: role.role,
        areaId: role.areaId,
        reason: reason.trim(),
      });
      void Taro.showToast({ title: changed ? '已撤销' : '该角色已不存在', icon: changed ? 'success' : 'none' });
      onDone();
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Popup visible position="bottom" round closeable title="撤销角色" onClose={onClose}>
      <View className="role-form" id="revoke-role-form">
        <Text className="role-form__summary">
          撤销 {person.name} 在“{role.areaName}”的{role.roleName}角色
        </Text>
        <Text className="role-form__label">撤销原因</Text>
        <TextArea value={reason} onChange={setReason} placeholder="请填写撤销原因（2–200 字），将记入操作记录" maxLength={200} showCount />
        <FieldError error={error} field="reason" />
        {topMessage && <Text className="role-form__error">{topMessage}</Text>}
        <Button className="role-form__submit" block type="danger" loading={busy} onClick={() => void submit()}>
          确认撤销
        </Button>
      </View>
    </Popup>
  );
}
