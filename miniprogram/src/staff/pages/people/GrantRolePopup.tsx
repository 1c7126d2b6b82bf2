/** 授予角色: choose a role and the node it is granted on; shows the server's messages per field. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Popup, Radio, RadioGroup } from '@nutui/nutui-react-taro';
import { AREA_LEVEL_NAMES } from '@shared/areas/model';
import type { Role } from '@shared/users/roles';
import { ROLES, ROLE_LEVELS, ROLE_NAMES } from '@shared/users/roles';
import type { PersonView } from '@shared/users/schemas';
import { api } from '../../../api';
import { formMessage } from '../../../api/errors';
import FieldError from '../../../components/FieldError';
import { pickArea } from '../../../utils/areaPicker';
import type { ChosenArea } from './scope';

/** Fields whose server messages are shown beside their inputs. */
const FIELDS = ['role', 'areaId', 'userId'];

interface Props {
  person: PersonView;
  defaultArea: ChosenArea;
  onClose: () => void;
  onDone: () => void;
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export default function GrantRolePopup({ person, defaultArea, onClose, onDone }: Props) {
  const [role, setRole] = useState<Role>('member');
  const [area, setArea] = useState<ChosenArea>(defaultArea);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const topMessage = formMessage(error, FIELDS);
  const levels = ROLE_LEVELS[role];

  const chooseArea = async () => {
    const node = await pickArea({ startId: area.id, levels, title: `选择${ROLE_NAMES[role]}所在区域` });
    if (node) setArea({ id: node.id, name: node.name, levelName: node.levelName, trail: '' });
  };

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const { changed } = await api.users.grantRole({ userId: person.id, role, areaId: area.id });
      void Taro.showToast({ title: changed ? '已授予' : '已有该角色', icon: changed ? 'success' : 'none' });
      onDone();
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Popup visible position="bottom" round closeable title={`为 ${person.name} 授予角色`} onClose={onClose}>
      <View className="role-form" id="grant-role-form">
        <Text className="role-form__label">角色</Text>
        <RadioGroup value={role} onChange={(v) => isRole(v) && setRole(v)} direction="horizontal">
          {ROLES.map((r) => (
            <Radio key={r} value={r} shape="button">
              {ROLE_NAMES[r]}
            </Radio>
          ))}
        </RadioGroup>
        <FieldError error={error} field="role" />
        <Text className="role-form__label">区域</Text>
        <View className="role-form__area">
          <Text>
            {area.levelName} {area.name}
          </Text>
          <Button size="small" fill="outline" onClick={() => void chooseArea()}>
            选择区域
          </Button>
        </View>
        <Text className="muted">
          {ROLE_NAMES[role]}可授予在：{levels.map((l) => AREA_LEVEL_NAMES[l]).join('、')}
        </Text>
        <FieldError error={error} field="areaId" />
        <FieldError error={error} field="userId" />
        {topMessage && <Text className="role-form__error">{topMessage}</Text>}
        <Button className="role-form__submit" block type="primary" loading={busy} onClick={() => void submit()}>
          确认授予
        </Button>
      </View>
    </Popup>
  );
}
