/** 职责清单: 职责事项、协助事项、负面事项 of a community (or the street's defaults), each mapped to who answers; editors add, change and remove entries. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { DutyEntry, DutyList } from '@shared/duties/model';
import { DUTY_LISTS, DUTY_LIST_NAMES, partyName } from '@shared/duties/model';
import type { DutyEntryView } from '@shared/duties/schemas';
import { call } from '../../../api';
import { messageOf } from '../../../api/errors';
import ChipGroup from '../../../components/ChipGroup';
import SectionCard from '../../../components/SectionCard';
import StatusView from '../../../components/StatusView';
import { useLoad } from '../../../utils/useLoad';
import EntryPopup from './EntryPopup';
import './index.scss';

const SOURCE_NAMES: Record<DutyEntryView['source'], string> = { default: '默认', street: '街道', community: '本社区' };

export default function Duties() {
  // undefined: the reader's own community (or, for a street admin, the street).
  const [areaId, setAreaId] = useState<string | undefined>(undefined);
  const { data, loading, error, reload } = useLoad(() => call('duties', 'list', { areaId }), [areaId]);
  const [editing, setEditing] = useState<DutyEntry | { list: DutyList } | null>(null);

  const remove = async (e: DutyEntryView) => {
    if (!data) return;
    const { confirm } = await Taro.showModal({ title: '删除事项', content: `从${DUTY_LIST_NAMES[e.list]}中删除「${e.item}」吗？`, confirmText: '删除' });
    if (!confirm) return;
    try {
      await call('duties', 'remove', { areaId: data.areaId, entryId: e.id });
      void Taro.showToast({ title: '已删除', icon: 'none' });
      await reload();
    } catch (err) {
      void Taro.showToast({ title: messageOf(err), icon: 'none' });
    }
  };

  // Community staff may look at the street's defaults their list builds on; a street admin sees the street's only.
  const scopes: Array<{ value: 'own' | 'street'; label: string }> = [
    { value: 'own', label: '本社区' },
    { value: 'street', label: '街道默认' },
  ];
  const showScopes = !!data && (data.level === 'community' || areaId !== undefined);
  const done = (message: string) => {
    setEditing(null);
    void Taro.showToast({ title: message, icon: 'none' });
    void reload();
  };

  return (
    <View className="page duties" id="duties">
      <StatusView loading={loading} error={error} empty={!data} emptyText="" onRetry={() => void reload()}>
        {data && (
          <>
            {showScopes && (
              <ChipGroup
                chips={scopes}
                value={data.level === 'street' ? 'street' : 'own'}
                onChange={(v) => setAreaId(v === 'street' ? data.streetId : undefined)}
                id="duties-scope"
              />
            )}
            <Text className="hint" id="duties-title">
              {data.areaName}的职责清单。分拣时按点单类别和描述里的关键词建议责任主体；负面事项不属于社区准入范围，建议转办。
              {data.level === 'street' ? '这里是街道默认，社区可以改定。' : '标“默认”“街道”的条目沿用上级，修改后只改本社区。'}
            </Text>
            {DUTY_LISTS.map((list) => {
              const rows = data.entries.filter((e) => e.list === list);
              return (
                <SectionCard key={list} title={`${DUTY_LIST_NAMES[list]}（${rows.length} 项）`} id={`duties-${list}`}>
                  {rows.map((e) => (
                    <View key={e.id} className="duties__row" id={`duty-${e.id}`}>
                      <View className="duties__main">
                        <Text className="duties__item">
                          {e.item} → {partyName(e)}
                        </Text>
                        <Text className="muted">
                          {[e.category, e.keywords.join('、')].filter(Boolean).join(' · ')} · {SOURCE_NAMES[e.source]}
                        </Text>
                      </View>
                      {data.canEdit && (
                        <View className="duties__actions">
                          <Text className="duties__action" onClick={() => setEditing(e)}>
                            编辑
                          </Text>
                          <Text className="duties__action duties__action--danger" onClick={() => void remove(e)}>
                            删除
                          </Text>
                        </View>
                      )}
                    </View>
                  ))}
                  {data.canEdit && (
                    <Button className="duties__add" size="small" fill="outline" id={`duties-${list}-add`} onClick={() => setEditing({ list })}>
                      添加事项
                    </Button>
                  )}
                </SectionCard>
              );
            })}
          </>
        )}
      </StatusView>
      {editing && data && <EntryPopup areaId={data.areaId} entry={editing} onClose={() => setEditing(null)} onDone={done} />}
    </View>
  );
}
