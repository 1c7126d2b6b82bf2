/**
 * 新增 / 编辑单位: kind (only when new), name, contact, and the service area chosen from the tree (社区 or 网格). A new 共建单位
 * may be one of the scope's 报到单位 (单位报到): choosing it fills the name and contact from the 报到单位 when they are empty.
 */
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import type { OrganisationView } from '@shared/members/schemas';
import type { UnitKind } from '@shared/units/model';
import { UNIT_KIND_NAMES, UNIT_KINDS } from '@shared/units/model';
import type { UnitView } from '@shared/units/schemas';
import { call } from '../../../api';
import { ApiError } from '../../../api/errors';
import ChipGroup from '../../../components/ChipGroup';
import FieldError from '../../../components/FieldError';
import FormPopup, { FormField } from '../../../components/FormPopup';
import { pickArea } from '../../../utils/areaPicker';
import type { UnitScope } from './scope';

interface Props {
  scope: UnitScope;
  /** The unit being edited; a new one when absent. */
  unit?: UnitView;
  onClose: () => void;
  onDone: () => void;
}

const KIND_CHIPS = UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_NAMES[k] }));

export default function UnitForm({ scope, unit, onClose, onDone }: Props) {
  const [kind, setKind] = useState<UnitKind | null>(unit?.kind ?? null);
  const [name, setName] = useState(unit?.name ?? '');
  const [contactName, setContactName] = useState(unit?.contactName ?? '');
  const [contactMobile, setContactMobile] = useState(unit?.contactMobile ?? '');
  const [areas, setAreas] = useState(unit?.areas ?? []);
  const [orgId, setOrgId] = useState<string | null>(null);
  const [orgs, setOrgs] = useState<OrganisationView[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // The 报到单位 of the scope, read once when a new unit is to be a 共建单位 (the first 50: a community has a handful).
  const wantOrgs = !unit && kind === 'partner' && orgs === null;
  useEffect(() => {
    if (!wantOrgs) return;
    call('members', 'listOrganisations', { pageSize: 50 }).then(
      (p) => setOrgs(p.items),
      (e: unknown) => setError(e),
    );
  }, [wantOrgs]);

  const pickOrg = (id: string | null) => {
    setOrgId(id);
    const org = orgs?.find((o) => o.id === id);
    if (!org) return;
    if (!name.trim()) setName(org.name);
    if (!contactName.trim()) setContactName(org.contactName);
    if (!contactMobile.trim() && org.contactMobile) setContactMobile(org.contactMobile);
  };

  // The picker opens at the person's own place (areas.children { mine }); only 社区 and 网格 can be chosen.
  const addArea = async () => {
    const node = await pickArea({ levels: ['community', 'grid'], title: '选择服务区域' });
    if (!node || areas.some((a) => a.id === node.id)) return;
    setAreas([...areas, { id: node.id, name: node.name }]);
    setError(null);
  };

  const save = async () => {
    if (!unit && !kind) return setError(new ApiError('VALIDATION', '请选择单位类型', { kind: '请选择单位类型' }));
    setBusy(true);
    setError(null);
    const fields = { name: name.trim(), contactName: contactName.trim(), contactMobile: contactMobile.trim(), areaIds: areas.map((a) => a.id) };
    try {
      if (unit) await call('units', 'update', { unitId: unit.id, ...fields });
      else if (kind) await call('units', 'create', { scopeId: scope.id, kind, ...fields, ...(kind === 'partner' && orgId ? { orgId } : {}) });
      void Taro.showToast({ title: unit ? '已保存' : `已新增${fields.name}`, icon: 'none' });
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormPopup
      title={unit ? `编辑${unit.name}` : `新增接单单位（${scope.name}）`}
      id="unit-form"
      submitText={unit ? '保存' : '新增单位'}
      busy={busy}
      error={error}
      fields={['kind', 'orgId', 'name', 'contactName', 'contactMobile', 'areaIds']}
      onClose={onClose}
      onSubmit={() => void save()}
    >
      {!unit && (
        <FormField label="单位类型">
          <ChipGroup chips={KIND_CHIPS} value={kind} onChange={setKind} id="unit-kind" />
          <FieldError error={error} field="kind" />
        </FormField>
      )}
      {!unit && kind === 'partner' && (
        <FormField label="关联报到单位" hint="是已报到的单位时选它，否则不选">
          {orgs === null ? (
            <Text className="units__line">加载中…</Text>
          ) : orgs.length === 0 ? (
            <Text className="units__line">辖区内还没有报到单位</Text>
          ) : (
            <ChipGroup
              chips={[{ value: '', label: '不关联' }, ...orgs.map((o) => ({ value: o.id, label: o.name }))]}
              value={orgId ?? ''}
              onChange={(v) => pickOrg(v || null)}
              id="unit-org"
            />
          )}
          <FieldError error={error} field="orgId" />
        </FormField>
      )}
      <FormField label="单位名称">
        <View className="units__input" id="unit-name">
          <Input value={name} onChange={setName} placeholder="如：长征物业" maxLength={40} />
        </View>
        <FieldError error={error} field="name" />
      </FormField>
      <FormField label="联系人">
        <View className="units__input" id="unit-contact">
          <Input value={contactName} onChange={setContactName} placeholder="姓名" maxLength={20} />
        </View>
        <FieldError error={error} field="contactName" />
      </FormField>
      <FormField label="联系电话">
        <View className="units__input" id="unit-mobile">
          <Input type="tel" value={contactMobile} onChange={setContactMobile} placeholder="手机号" maxLength={11} />
        </View>
        <FieldError error={error} field="contactMobile" />
      </FormField>
      <FormField label="服务区域" hint="负责的社区或网格">
        <View className="units__areas" id="unit-areas">
          {areas.map((a) => (
            <Text key={a.id} className="units__area">
              {a.name}
              <Text className="units__area-x" onClick={() => setAreas(areas.filter((x) => x.id !== a.id))}>
                {' '}
                ×
              </Text>
            </Text>
          ))}
          <Text className="units__add-area" id="unit-add-area" onClick={() => void addArea()}>
            ＋ 选择区域
          </Text>
        </View>
        <FieldError error={error} field="areaIds" />
      </FormField>
    </FormPopup>
  );
}
