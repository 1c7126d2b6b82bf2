/**
 * 网格树 (community staff, street admins): browse down from one's own node, add a 片区, 网格, 微网格 or 楼栋 with its phone,
 * rename a node or change its phone, move a 网格, 微网格 or 楼栋 with everything under it, and retire one (with a reason and, optionally, the node its codes now point to).
 * The server decides every refusal (shared/areas/permissions.ts) and says why: a duplicate name under the field, open
 * orders to move first in the form.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import type { AreaLevel } from '@shared/areas/model';
import { AREA_LEVEL_NAMES, EDITABLE_LEVELS, newChildLevels } from '@shared/areas/model';
import { TREE_EDITORS } from '@shared/areas/permissions';
import type { AreaView } from '@shared/areas/schemas';
import { api } from '../../../api';
import { messageOf } from '../../../api/errors';
import EmptyState from '../../../components/EmptyState';
import FieldError from '../../../components/FieldError';
import FormPopup, { FormField } from '../../../components/FormPopup';
import StatusView from '../../../components/StatusView';
import { pickArea } from '../../../utils/areaPicker';
import { useLoad } from '../../../utils/useLoad';
import './index.scss';

type Form = { kind: 'add'; level: AreaLevel } | { kind: 'edit'; node: AreaView } | { kind: 'retire'; node: AreaView };

const FIELDS = ['name', 'phone', 'reason', 'replacedBy'] as const;

/** Where a node may be moved to (shared/areas/model.ts CHILD_LEVELS read upwards); 片区, 社区 and 街镇 stay. */
const MOVE_TO: Partial<Record<AreaLevel, AreaLevel[]>> = { building: ['grid', 'microgrid'], microgrid: ['grid'], grid: ['community'] };

function TreeForm({ form, parent, onDone, onClose }: { form: Form; parent: AreaView; onDone: (said: string) => void; onClose: () => void }) {
  const node = form.kind === 'add' ? null : form.node;
  const [name, setName] = useState(node?.name ?? '');
  const [phone, setPhone] = useState(node?.phone ?? '');
  const [reason, setReason] = useState('');
  const [instead, setInstead] = useState<AreaView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const level = form.kind === 'add' ? form.level : form.node.level;
  const levelName = AREA_LEVEL_NAMES[level];
  const named = EDITABLE_LEVELS.includes(level);

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      if (form.kind === 'add') {
        await api.areas.add({ parentId: parent.id, name, level, ...(phone ? { phone } : {}) });
        onDone(`已新增${levelName}`);
      } else if (form.kind === 'edit') {
        await api.areas.update({ id: form.node.id, ...(named ? { name } : {}), phone });
        onDone('已保存');
      } else {
        const done = await api.areas.retire({ id: form.node.id, reason, ...(instead ? { replacedBy: instead.id } : {}) });
        onDone(done.retired > 1 ? `已撤销，连同下级共 ${done.retired} 个区域` : '已撤销');
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const chooseInstead = async () => {
    const a = await pickArea({ startId: parent.id, levels: [level], title: `选择替代的${levelName}` });
    if (a && a.id !== node?.id) setInstead(a);
  };

  const title = form.kind === 'add' ? `在「${parent.name}」下新增${levelName}` : form.kind === 'edit' ? `修改「${form.node.name}」` : `撤销${levelName}「${form.node.name}」`;
  const submitText = form.kind === 'add' ? `新增${levelName}` : form.kind === 'edit' ? '保存' : '确认撤销';
  return (
    <FormPopup
      title={title}
      id="tree-form"
      submitText={submitText}
      busy={busy}
      error={error}
      fields={FIELDS}
      danger={form.kind === 'retire'}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      {form.kind !== 'retire' ? (
        <>
          {named && (
            <FormField label="名称" hint={level === 'building' ? '如：12号楼' : level === 'microgrid' ? '如：东区微网格' : `如：第四${levelName}`}>
              <View id="tree-name">
                <Input value={name} onChange={setName} placeholder={`${levelName}名称`} maxLength={30} />
              </View>
              <FieldError error={error} field="name" />
            </FormField>
          )}
          <FormField label="电话" hint="手机号或带区号的固定电话，可不填">
            <View id="tree-phone">
              <Input value={phone} onChange={setPhone} placeholder="如：021-62345678" maxLength={20} type="tel" />
            </View>
            <FieldError error={error} field="phone" />
          </FormField>
        </>
      ) : (
        <>
          <Text className="muted tree-form__note">撤销后不再出现在列表和选择中，二维码扫描时说明已撤销；历史记录保留。其下还有未办结点单时须先转派。</Text>
          <FormField label="撤销原因">
            <View id="tree-reason">
              <Input value={reason} onChange={setReason} placeholder="如：拆除重建" maxLength={60} />
            </View>
            <FieldError error={error} field="reason" />
          </FormField>
          <FormField label={`替代的${levelName}`} hint="扫旧二维码的人会被引导到这里，可不选">
            <View className="tree-form__instead" id="tree-instead">
              <Text>{instead ? instead.name : '未选择'}</Text>
              <Button size="small" fill="outline" onClick={() => void chooseInstead()}>
                {instead ? '更换' : '选择'}
              </Button>
              {instead && (
                <Button size="small" fill="none" onClick={() => setInstead(null)}>
                  不要替代
                </Button>
              )}
            </View>
            <FieldError error={error} field="replacedBy" />
          </FormField>
        </>
      )}
    </FormPopup>
  );
}

function Row({ a, onOpen, onEdit, onMove, onRetire }: { a: AreaView; onOpen: () => void; onEdit: () => void; onMove: () => void; onRetire: () => void }) {
  const deeper = a.level !== 'building';
  return (
    <View className="tree-row" id={`tree-row-${a.id}`}>
      <View className="tree-row__text" onClick={deeper ? onOpen : undefined}>
        <Text className="tree-row__name">{`${a.name}${deeper ? ' ›' : ''}`}</Text>
        <Text className="muted">{`${a.levelName}${a.phone ? ` · ${a.phone}` : ''}`}</Text>
      </View>
      <View className="tree-row__actions">
        <Button size="small" fill="outline" onClick={onEdit}>
          修改
        </Button>
        {MOVE_TO[a.level] && (
          <Button size="small" fill="outline" onClick={onMove}>
            移动
          </Button>
        )}
        {EDITABLE_LEVELS.includes(a.level) && (
          <Button size="small" fill="outline" type="danger" onClick={onRetire}>
            撤销
          </Button>
        )}
      </View>
    </View>
  );
}

export default function StaffTree() {
  const me = useLoad(() => api.users.me(), []);
  const tops = (me.data?.roles ?? []).filter((r) => TREE_EDITORS.includes(r.role)).map((r) => r.areaId);
  const [at, setAt] = useState<string | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const here = at ?? tops[0] ?? null;
  const view = useLoad(() => (here ? api.areas.children({ parentId: here }) : Promise.resolve(null)), [here]);
  const parent = view.data?.parent ?? null;
  // Under a 网格: 微网格 or 楼栋 (a 微网格 is optional); elsewhere the one level that may sit below.
  const childLevels = parent ? newChildLevels(parent.level) : [];
  const childLevel = childLevels.at(-1) ?? null;
  // Up as far as the person's own node: above it they may not edit.
  const canGoUp = parent && parent.parentId && !tops.includes(parent.id);

  const done = (said: string) => {
    setForm(null);
    void view.reload();
    void Taro.showToast({ title: said, icon: 'none' });
  };
  // 移动: a 楼栋 to a 网格 or 微网格, a 微网格 to a 网格, a 网格 to a 社区, picked from the tree one level up; a node with
  // something under it is confirmed first (its people go along). The server says why it may not (open orders, scope, level).
  const move = async (a: AreaView) => {
    const levels = MOVE_TO[a.level] ?? [];
    const startId = a.level === 'building' && parent?.level !== 'microgrid' ? parent?.id : (parent?.parentId ?? undefined);
    const to = await pickArea({ startId, levels, title: `把「${a.name}」移到` });
    if (!to) return;
    if (a.level !== 'building') {
      const sure = await Taro.showModal({
        title: `移动${a.levelName}`,
        content: `「${a.name}」连同其下的区域、住户和在这里任职的人一起移到「${to.name}」下；已办结的点单和看板上已有的数字留在原处。`,
        confirmText: '移动',
      });
      if (!sure.confirm) return;
    }
    try {
      await api.areas.move({ id: a.id, parentId: to.id });
      done(`已移到「${to.name}」`);
    } catch (e) {
      void Taro.showModal({ title: '不能移动', content: messageOf(e), showCancel: false });
    }
  };

  return (
    <View className="page staff tree" id="staff-tree">
      <StatusView loading={me.loading} error={me.error} empty={!me.data} emptyText="加载中…" onRetry={me.reload}>
        {!here ? (
          <EmptyState title="暂无权限" description="只有社区工作人员和街道管理员可以调整网格树；网格长、网格员请联系社区。" />
        ) : (
          <StatusView loading={view.loading} error={view.error} empty={!parent} emptyText="区域不存在或已撤销" onRetry={view.reload}>
            {parent && (
              <View>
                <View className="tree-head" id="tree-head">
                  <View className="tree-head__text">
                    <Text className="tree-head__level">{parent.levelName}</Text>
                    <Text className="tree-head__name">{parent.name}</Text>
                    <Text className="muted">{parent.phone ? `电话 ${parent.phone}` : '未设电话'}</Text>
                  </View>
                  <View className="tree-head__actions">
                    {canGoUp && (
                      <Button size="small" fill="outline" onClick={() => setAt(parent.parentId)} id="tree-up">
                        上一级
                      </Button>
                    )}
                    <Button size="small" fill="outline" onClick={() => void Taro.navigateTo({ url: `/staff/pages/node/index?id=${parent.id}` })} id="tree-node">
                      人员
                    </Button>
                    <Button size="small" fill="outline" type="primary" onClick={() => setForm({ kind: 'edit', node: parent })} id="tree-edit-here">
                      修改
                    </Button>
                  </View>
                </View>
                {childLevels.length > 0 && (
                  <View className="tree-add">
                    {childLevels.map((l) => (
                      <Button
                        key={l}
                        block
                        type="primary"
                        fill={l === childLevel ? 'solid' : 'outline'}
                        onClick={() => setForm({ kind: 'add', level: l })}
                        id={l === childLevel ? 'tree-add' : `tree-add-${l}`}
                      >
                        {`新增${AREA_LEVEL_NAMES[l]}`}
                      </Button>
                    ))}
                  </View>
                )}
                <View className="tree-add">
                  <Button block fill="outline" onClick={() => void Taro.navigateTo({ url: '/staff/pages/tree-import/index' })} id="tree-import">
                    从表格导入整棵树
                  </Button>
                </View>
                <View className="tree-list" id="tree-list">
                  {view.data?.children.length ? (
                    view.data.children.map((a) => (
                      <Row
                        key={a.id}
                        a={a}
                        onOpen={() => setAt(a.id)}
                        onEdit={() => setForm({ kind: 'edit', node: a })}
                        onMove={() => void move(a)}
                        onRetire={() => setForm({ kind: 'retire', node: a })}
                      />
                    ))
                  ) : (
                    <Text className="muted tree-list__empty">{childLevel ? `还没有${AREA_LEVEL_NAMES[childLevel]}` : '没有下级区域'}</Text>
                  )}
                </View>
              </View>
            )}
          </StatusView>
        )}
      </StatusView>
      {form && parent && <TreeForm key={form.kind === 'add' ? 'add' : `${form.kind}:${form.node.id}`} form={form} parent={parent} onDone={done} onClose={() => setForm(null)} />}
    </View>
  );
}
