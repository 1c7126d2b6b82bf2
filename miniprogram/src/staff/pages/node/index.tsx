/**
 * 节点页: one node of the tree as its staff see it — who holds which role there (with the B角, who is away, and a 联络员's
 * households), its child nodes, the 在职党员 living under it and its open orders. Reached from 网格树 (?id=); every
 * section comes from the server within the viewer's scope (users.node, areas.children, orders.console).
 */
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ConsoleTab } from '@shared/orders/model';
import { CONSOLE_TABS } from '@shared/orders/model';
import type { NodePersonView, NodeRoleView, NodeView } from '@shared/users/deputies';
import { api, messageOf } from '../../../api';
import ChipGroup from '../../../components/ChipGroup';
import SectionCard from '../../../components/SectionCard';
import StatusView from '../../../components/StatusView';
import { useLoad } from '../../../utils/useLoad';
import './index.scss';

/** The tabs of the 派单台 that hold open orders. */
const OPEN_TABS: ConsoleTab[] = ['new', 'toDispatch', 'pool', 'active'];

interface Picking {
  person: NodePersonView;
  role: NodeRoleView;
  /** 设B角, or 联户 for a 微网格联络员. */
  kind: 'deputy' | 'households';
}

/** One role line: the role, its B角 and away state, and what the viewer may do with it. */
function RoleLine({ person, role, onPick, onAway, onLink }: { person: NodePersonView; role: NodeRoleView; onPick: () => void; onAway: () => void; onLink: () => void }) {
  const notes = [
    role.actingForName ? `代${role.actingForName}履职（B角）` : '',
    role.deputyName ? `B角：${role.deputyName}` : '',
    role.away ? '不在岗' : '',
    role.households ? `联系 ${role.households} 户` : '',
  ].filter(Boolean);
  return (
    <View className="node-role">
      <View className="node-role__text">
        <Text className="node-role__name">{role.roleName}</Text>
        {notes.length > 0 && <Text className="muted">{notes.join(' · ')}</Text>}
      </View>
      <View className="node-role__actions">
        {role.canManage && !role.away && (
          <Button size="small" fill="outline" onClick={onPick} className="node-pick">
            {role.deputyName ? '换B角' : '设B角'}
          </Button>
        )}
        {role.canManage && role.role === 'liaison' && (
          <Button size="small" fill="outline" onClick={onLink} className="node-link">
            联户
          </Button>
        )}
        {role.canMarkAway && role.deputyId && (
          <Button size="small" fill="outline" type="primary" onClick={onAway} className="node-away">
            {role.away ? '已返回' : '不在岗'}
          </Button>
        )}
      </View>
      <Text className="node-role__who">{person.name}</Text>
    </View>
  );
}

/** Choosing a B person among the people on this page (others than the holder). */
function DeputyPicker({ picking, data, onDone, onClose }: { picking: Picking; data: NodeView; onDone: (said: string) => void; onClose: () => void }) {
  const seen = new Map([...data.staff, ...data.members].map((p) => [p.id, p.name]));
  seen.delete(picking.person.id);
  const choose = async (deputyId: string) => {
    try {
      await api.users.setDeputy({ userId: picking.person.id, role: picking.role.role, areaId: data.node.id, deputyId });
      onDone(`已设${seen.get(deputyId)}为B角`);
    } catch (e) {
      void Taro.showModal({ title: '未能设置B角', content: messageOf(e), showCancel: false });
    }
  };
  return (
    <SectionCard title={`为${picking.person.name}（${picking.role.roleName}）选B角`} id="node-picker" extra={<Text onClick={onClose}>取消</Text>}>
      <View className="node-picker">
        {[...seen].map(([id, name]) => (
          <Button key={id} size="small" onClick={() => void choose(id)}>
            {name}
          </Button>
        ))}
      </View>
    </SectionCard>
  );
}

/** 一人联十户: staff tick the residents living under the node a 联络员 keeps in touch with (the whole list is saved). */
function HouseholdPicker({ picking, areaId, onDone, onClose }: { picking: Picking; areaId: string; onDone: (said: string) => void; onClose: () => void }) {
  const people = useLoad(() => api.users.listPeople({ areaId, pageSize: 50 }), [areaId]);
  const [chosen, setChosen] = useState<string[]>(picking.role.householdIds);
  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  const save = async () => {
    try {
      const { households } = await api.users.linkHouseholds({ userId: picking.person.id, role: 'liaison', areaId, residentIds: chosen });
      onDone(`${picking.person.name}联系 ${households} 户`);
    } catch (e) {
      void Taro.showModal({ title: '未能保存', content: messageOf(e), showCancel: false });
    }
  };
  const items = (people.data?.items ?? []).filter((p) => p.id !== picking.person.id);
  return (
    <SectionCard title={`${picking.person.name}联系的住户（一人联十户）`} id="node-households" extra={<Text onClick={onClose}>取消</Text>}>
      <StatusView loading={people.loading} error={people.error} empty={items.length === 0} emptyText="这里还没有登记住址的居民" onRetry={people.reload}>
        <View className="node-picker">
          {items.map((p) => (
            <Button key={p.id} size="small" type={chosen.includes(p.id) ? 'primary' : 'default'} onClick={() => toggle(p.id)}>
              {p.name}
            </Button>
          ))}
        </View>
        <Button block type="primary" onClick={() => void save()} id="node-households-save">
          {`保存（${chosen.length} 户）`}
        </Button>
      </StatusView>
    </SectionCard>
  );
}

function OpenOrders({ areaId }: { areaId: string }) {
  const [tab, setTab] = useState<ConsoleTab>('new');
  const list = useLoad(() => api.orders.console({ tab, areaId, pageSize: 10 }), [tab, areaId]);
  const counts = list.data?.counts;
  const open = counts ? OPEN_TABS.reduce((n, t) => n + counts[t], 0) : null;
  const chips = OPEN_TABS.map((t) => ({ value: t, label: `${CONSOLE_TABS[t].name}${counts ? ` ${counts[t]}` : ''}` }));
  return (
    <SectionCard title="未办结点单" extra={<Text className="muted">{open === null ? '' : `共 ${open} 单`}</Text>} id="node-orders">
      <ChipGroup chips={chips} value={tab} onChange={setTab} id="node-order-tabs" />
      <StatusView loading={list.loading} error={list.error} empty={(list.data?.page.items.length ?? 0) === 0} emptyText="没有这类点单" onRetry={list.reload}>
        {list.data?.page.items.map((o) => (
          <View key={o.id} className="node-row">
            <Text className="node-row__main">{`${o.category} · ${o.place}`}</Text>
            <Text className="muted">{`${o.statusName}${o.holderName ? ` · ${o.holderName}` : ''}${o.overdue ? ' · 已超时' : ''}`}</Text>
          </View>
        ))}
      </StatusView>
    </SectionCard>
  );
}

export default function StaffNode() {
  const areaId = useRouter().params.id ?? '';
  const [picking, setPicking] = useState<Picking | null>(null);
  const view = useLoad(() => api.users.node({ areaId }), [areaId]);
  const kids = useLoad(() => api.areas.children({ parentId: areaId }), [areaId]);
  const data = view.data;

  const done = (said: string) => {
    setPicking(null);
    void view.reload();
    void Taro.showToast({ title: said, icon: 'none' });
  };
  const markAway = async (person: NodePersonView, role: NodeRoleView) => {
    if (!data || !role.deputyId) return;
    const away = !role.away;
    const { confirm } = await Taro.showModal({
      title: away ? '标记不在岗' : '标记已返回',
      confirmText: away ? '确定转交' : '确定返回',
      cancelText: '再想想',
      content: away ? `${person.name}不在岗期间，${role.roleName}的点单、待办和消息改由B角${role.deputyName}接收。` : `${role.roleName}的事项回到${person.name}。`,
    });
    if (!confirm) return;
    try {
      await api.users.setAway({ userId: person.id, role: role.role, areaId: data.node.id, away, deputyId: role.deputyId });
      done(away ? `已转给${role.deputyName}` : `${person.name}已返回`);
    } catch (e) {
      void Taro.showModal({ title: '未能标记', content: messageOf(e), showCancel: false });
    }
  };
  const open = (id: string) => void Taro.navigateTo({ url: `/staff/pages/node/index?id=${id}` });

  return (
    <View className="page staff node" id="staff-node">
      <StatusView loading={view.loading} error={view.error} empty={!data} emptyText="区域不存在或已停用" onRetry={view.reload}>
        {data && (
          <View>
            <View className="node-head" id="node-head">
              <Text className="node-head__level">{data.node.levelName}</Text>
              <Text className="node-head__name">{data.node.name}</Text>
              <Text className="muted">{data.node.phone ? `电话 ${data.node.phone}` : '未设电话'}</Text>
            </View>
            {picking?.kind === 'deputy' && <DeputyPicker picking={picking} data={data} onDone={done} onClose={() => setPicking(null)} />}
            {picking?.kind === 'households' && <HouseholdPicker picking={picking} areaId={data.node.id} onDone={done} onClose={() => setPicking(null)} />}
            <SectionCard title="人员与角色" id="node-staff">
              {data.staff.length === 0 && <Text className="muted node-empty">这里还没有人担任角色</Text>}
              {data.staff.map((p) =>
                p.roles.map((r) => (
                  <RoleLine
                    key={`${p.id}:${r.role}:${r.actingForName ?? ''}`}
                    person={p}
                    role={r}
                    onPick={() => setPicking({ person: p, role: r, kind: 'deputy' })}
                    onAway={() => void markAway(p, r)}
                    onLink={() => setPicking({ person: p, role: r, kind: 'households' })}
                  />
                )),
              )}
            </SectionCard>
            <SectionCard title="下级区域" id="node-children">
              {(kids.data?.children ?? []).length === 0 && <Text className="muted node-empty">没有下级区域</Text>}
              {kids.data?.children.map((c) => (
                <View key={c.id} className="node-row" onClick={() => open(c.id)}>
                  <Text className="node-row__main">{c.name}</Text>
                  <Text className="muted">{`${c.levelName} ›`}</Text>
                </View>
              ))}
            </SectionCard>
            <SectionCard title="在职党员" extra={<Text className="muted">{`${data.members.length} 人`}</Text>} id="node-members">
              {data.members.length === 0 && <Text className="muted node-empty">还没有党员在这里报到</Text>}
              {data.members.map((m) => (
                <View key={m.id} className="node-row">
                  <Text className="node-row__main">{m.name}</Text>
                  <Text className="muted">{m.mobileMasked ?? ''}</Text>
                </View>
              ))}
            </SectionCard>
            <OpenOrders areaId={data.node.id} />
          </View>
        )}
      </StatusView>
    </View>
  );
}
