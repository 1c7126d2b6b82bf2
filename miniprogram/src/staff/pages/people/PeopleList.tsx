/** People in one area, 20 at a time: pull to refresh, more on reaching the bottom or 加载更多. */
import { useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { PersonView, RoleView } from '@shared/users/schemas';
import { api } from '../../../api';
import StatusView from '../../../components/StatusView';
import RoleTag from '../../../components/RoleTag';
import { PAGE_SIZE } from '../../../utils/constants';
import { usePaged } from '../../../utils/usePaged';
import { usePullRefresh } from '../../../utils/pullRefresh';

interface Props {
  areaId: string;
  onGrant: (person: PersonView) => void;
  onRevoke: (person: PersonView, role: RoleView) => void;
}

export default function PeopleList({ areaId, onGrant, onRevoke }: Props) {
  const list = usePaged((page) => api.users.listPeople({ areaId, page, pageSize: PAGE_SIZE }), [areaId]);
  usePullRefresh(list.refresh);
  useReachBottom(() => void list.loadMore());

  return (
    <View id="staff-people">
      <Text className="staff__count">共 {list.total} 人</Text>
      <StatusView loading={list.loading} error={list.items.length ? null : list.error} empty={list.items.length === 0} emptyText="这个区域还没有登记的人员" onRetry={list.refresh}>
        {list.items.map((p) => (
          <View key={p.id} className="person">
            <View className="person__head">
              <Text className="person__name">{p.name}</Text>
              {p.mobileMasked && <Text className="person__mobile">{p.mobileMasked}</Text>}
            </View>
            <Text className="person__home">{p.homeTrail || '未登记住处'}</Text>
            <View className="person__roles">
              {p.roles.map((r) => (
                <View key={`${r.role}@${r.areaId}`} className="person__role">
                  <RoleTag text={r.roleName} />
                  <Text className="person__role-area">{r.areaName}</Text>
                  {r.canRevoke && (
                    <Text className="person__revoke" onClick={() => onRevoke(p, r)}>
                      撤销
                    </Text>
                  )}
                </View>
              ))}
            </View>
            <View className="person__actions">
              {p.canChangeRoles ? (
                <Button size="small" type="primary" onClick={() => onGrant(p)}>
                  授予角色
                </Button>
              ) : (
                <Text className="muted">本人的角色由其他工作人员或上级调整</Text>
              )}
            </View>
          </View>
        ))}
        <View className="load-more">
          {list.hasMore ? (
            <Button size="small" fill="outline" loading={list.loading} onClick={() => void list.loadMore()}>
              加载更多
            </Button>
          ) : (
            <Text className="muted">{list.loading ? '加载中…' : '已经到底了'}</Text>
          )}
        </View>
        {list.error !== null && list.items.length > 0 && <Text className="field-error">加载失败，请重试</Text>}
      </StatusView>
    </View>
  );
}
