/** 人员与角色 (staff): people in an area of my scope, paged; grant and revoke roles. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { PersonView, RoleView } from '@shared/users/schemas';
import { api } from '../../../api';
import EmptyState from '../../../components/EmptyState';
import StatusView from '../../../components/StatusView';
import { pickArea } from '../../../utils/areaPicker';
import { ROUTES } from '../../../utils/routes';
import { useLoad } from '../../../utils/useLoad';
import PeopleList from './PeopleList';
import GrantRolePopup from './GrantRolePopup';
import RevokeRolePopup from './RevokeRolePopup';
import { staffAreas } from './scope';
import type { ChosenArea } from './scope';
import './index.scss';

export default function StaffPeople() {
  const me = useLoad(() => api.users.me(), []);
  const [picked, setPicked] = useState<ChosenArea | null>(null);
  const [granting, setGranting] = useState<PersonView | null>(null);
  const [revoking, setRevoking] = useState<{ person: PersonView; role: RoleView } | null>(null);
  const [version, setVersion] = useState(0);
  const ownAreas = me.data ? staffAreas(me.data) : [];
  // My first own area until I pick another.
  const area = picked ?? ownAreas[0] ?? null;

  const changeArea = async () => {
    const node = await pickArea({ startId: area?.id, title: '选择要查看的区域' });
    if (node) setPicked({ id: node.id, name: node.name, levelName: node.levelName, trail: '' });
  };
  const changed = () => setVersion((v) => v + 1);

  return (
    <View className="page staff">
      <StatusView loading={me.loading} error={me.error} empty={!me.data} emptyText="加载中…" onRetry={me.reload}>
        {ownAreas.length === 0 ? (
          <EmptyState title="暂无权限" description="您还没有网格员、网格长、社区或街道工作人员角色，无法管理人员。" />
        ) : (
          area && (
            <View>
              <View className="staff__area" id="staff-area">
                <View className="staff__area-text">
                  <Text className="staff__area-level">{area.levelName}</Text>
                  <Text className="staff__area-name">{area.name}</Text>
                </View>
                <Button size="small" fill="outline" type="primary" onClick={() => void changeArea()}>
                  切换区域
                </Button>
                <Button size="small" type="primary" onClick={() => void Taro.navigateTo({ url: ROUTES.staffInvite })} id="people-invite">
                  邀请人员
                </Button>
              </View>
              <PeopleList key={`${area.id}#${version}`} areaId={area.id} onGrant={setGranting} onRevoke={(person, role) => setRevoking({ person, role })} />
            </View>
          )
        )}
      </StatusView>
      {granting && area && <GrantRolePopup person={granting} defaultArea={area} onClose={() => setGranting(null)} onDone={changed} />}
      {revoking && <RevokeRolePopup person={revoking.person} role={revoking.role} onClose={() => setRevoking(null)} onDone={changed} />}
    </View>
  );
}
