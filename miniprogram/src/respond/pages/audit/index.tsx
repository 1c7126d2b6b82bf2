/** 操作日志 (community / street staff): who did what, when, to which record in my area; filter by type, person, action and dates. */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { TARGET_FILTERS, TARGET_NAMES } from '@shared/audit/model';
import type { AuditView } from '@shared/audit/schemas';
import { formatWhen } from '@shared/time';
import { call } from '../../../api';
import PagedList from '../../../components/PagedList';
import { pickArea } from '../../../utils/areaPicker';
import { PAGE_SIZE } from '../../../utils/constants';
import { usePaged } from '../../../utils/usePaged';
import ChipGroup from '../../../components/ChipGroup';
import { useListPage } from '../../../utils/listPage';
import DayRange from '../../components/DayRange';
import '../../components/respond.scss';

type Target = (typeof TARGET_FILTERS)[number] | 'all';
const TYPE_CHIPS = [{ value: 'all' as const, label: '全部' }, ...TARGET_FILTERS.map((t) => ({ value: t, label: TARGET_NAMES[t] ?? t }))];

interface Picked {
  id: string;
  name: string;
}

/** One entry in words (who, in what role, did what, to which record); tapping the person or the action filters by it. */
function Row({ a, onActor, onAction }: { a: AuditView; onActor: (p: Picked) => void; onAction: (p: Picked) => void }) {
  return (
    <View className="r-card audit-row">
      <View className="r-card__head">
        <Text className="r-card__title">
          <Text onClick={() => onActor({ id: a.actorId, name: a.actorName })}>{a.actorName}</Text>
          {a.actorRole && a.actorRole !== a.actorName && <Text className="muted">（{a.actorRole}）</Text>}
          <Text> · </Text>
          <Text onClick={() => onAction({ id: a.action, name: a.actionName })}>{a.actionName}</Text>
        </Text>
        <Text className="muted">{formatWhen(a.at)}</Text>
      </View>
      <Text className="r-card__meta audit-row__record">{a.recordName}</Text>
      {a.details.length > 0 && <Text className="r-card__meta audit-row__details">{a.details.join('，')}</Text>}
      <Text className="r-card__meta">{a.trail}</Text>
    </View>
  );
}

export default function AuditLog() {
  const [area, setArea] = useState<Picked | null>(null);
  const [type, setType] = useState<Target>('all');
  const [actor, setActor] = useState<Picked | null>(null);
  const [action, setAction] = useState<Picked | null>(null);
  const [days, setDays] = useState<{ from?: string; to?: string }>({});
  const list = usePaged(
    (page) =>
      call('audit', 'list', {
        areaId: area?.id,
        targetType: type === 'all' ? undefined : type,
        actorId: actor?.id,
        action: action?.id,
        from: days.from,
        to: days.to,
        page,
        pageSize: PAGE_SIZE,
      }),
    [area?.id, type, actor?.id, action?.id, days.from, days.to],
  );
  useListPage(list);
  const chooseArea = async () => {
    const node = await pickArea({ startId: area?.id, title: '选择区域' });
    if (node) setArea({ id: node.id, name: node.name });
  };
  return (
    <View className="page" id="audit-page">
      <View className="r-filter">
        <View className="r-filter__row">
          <Text className="muted">范围：{area?.name ?? '我负责的区域'}</Text>
          <Text className="chip" onClick={() => void chooseArea()}>
            更换
          </Text>
        </View>
        <ChipGroup scroll chips={TYPE_CHIPS} value={type} onChange={setType} id="audit-types" />
        <View className="r-filter__row">
          {actor && (
            <Text className="chip chip--on" onClick={() => setActor(null)}>
              操作人：{actor.name} ×
            </Text>
          )}
          {action && (
            <Text className="chip chip--on" onClick={() => setAction(null)}>
              操作：{action.name} ×
            </Text>
          )}
          {!actor && !action && <Text className="muted">点记录里的人名或操作可按其筛选</Text>}
        </View>
        <DayRange from={days.from} to={days.to} onChange={setDays} />
      </View>
      <PagedList list={list} id="audit-list" emptyTitle="没有符合条件的记录" emptyText="分拣、派单、授予角色、平时/急时切换等每一次操作都会记在这里。">
        {(a) => <Row key={a.id} a={a} onActor={setActor} onAction={setAction} />}
      </PagedList>
    </View>
  );
}
