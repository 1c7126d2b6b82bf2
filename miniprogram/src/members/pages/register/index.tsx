/** 双报到 (and 转移 with `?mode=transfer`): name, phone, 所在党组织, 工作单位, home building, 报到单位, skills, service times. */
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { AVAILABLE_TIMES } from '@shared/members/model';
import { MEMBER_SKILLS } from '@shared/users/roles';
import { api, call } from '../../../api';
import { ApiError, formMessage } from '../../../api/errors';
import EmptyState from '../../../components/EmptyState';
import FieldError from '../../../components/FieldError';
import ResidentPage from '../../../components/ResidentPage';
import SectionCard from '../../../components/SectionCard';
import StatusView from '../../../components/StatusView';
import ChipGroup from '../../../components/ChipGroup';
import { FormField } from '../../../components/FormPopup';
import { pickArea } from '../../../utils/areaPicker';
import { askConsent, CONSENT } from '../../../utils/subscribe';
import { useLoad } from '../../../utils/useLoad';
import { toastFormError } from '../../../utils/toastFormError';
import MultiChips from '../../components/MultiChips';
import { MEMBERS_ROUTES } from '../../routes';
import { useRegisterForm } from './useRegisterForm';
import './index.scss';

const FIELDS = ['name', 'mobile', 'partyOrg', 'workUnit', 'buildingId', 'orgId', 'skills', 'availableTimes'];
const NO_ORG = '__none__';
const mobileType = process.env.TARO_ENV === 'h5' ? 'tel' : 'number';

export default function RegisterMember() {
  const transfer = useRouter().params.mode === 'transfer';
  const loaded = useLoad(async () => {
    const [me, mine] = await Promise.all([api.users.me(), api.members.mine()]);
    return { me, mine };
  }, []);
  const { fields, ready, set, home, chooseHome, orgs } = useRegisterForm(transfer, loaded.data);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const mine = loaded.data?.mine;

  const pickHome = async () => {
    const node = await pickArea({ levels: ['building'], title: '选择居住楼栋' });
    if (node) await chooseHome(node.id).catch(setError);
  };

  const submit = async () => {
    askConsent(CONSENT.register);
    if (!home) {
      const message = '请选择您居住的楼栋';
      return setError(new ApiError('VALIDATION', message, { buildingId: message }));
    }
    setBusy(true);
    setError(null);
    try {
      // The server trims the text fields (shared/validation `text`, `mobile`).
      await call('members', transfer ? 'transfer' : 'register', { ...fields, buildingId: home.id });
      void Taro.showToast({ title: '已提交，等待社区审核', icon: 'none' });
      await Taro.redirectTo({ url: MEMBERS_ROUTES.certificate });
    } catch (e) {
      setError(e);
      toastFormError(e);
    } finally {
      setBusy(false);
    }
  };

  const blocked = !mine
    ? null
    : transfer
      ? !mine.active
        ? '您还没有通过双报到，请先申请报到。'
        : mine.pending
          ? '您已有一份申请正在审核中。'
          : null
      : mine.active || mine.pending
        ? '您已提交过双报到。'
        : null;
  const orgChips = [{ value: NO_ORG, label: '暂不关联' }, ...orgs.map((o) => ({ value: o.id, label: o.name }))];
  const top = formMessage(error, FIELDS);

  return (
    <ResidentPage className="member-register" id="member-register">
      <StatusView loading={loaded.loading || !ready} error={loaded.error} empty={!loaded.data || !ready} emptyText="" onRetry={() => void loaded.reload()}>
        {blocked ? (
          <EmptyState
            title={blocked}
            description="在报到证页面可以查看审核进度和结果。"
            actionText="查看我的报到证"
            onAction={() => void Taro.redirectTo({ url: MEMBERS_ROUTES.certificate })}
          />
        ) : (
          <View>
            <Text className="hint">
              {transfer
                ? `搬家后向新居住地社区报到。新社区审核通过后，原社区「${mine?.active?.communityName ?? ''}」的报到自动结束，积分和服务记录都保留。`
                : '在职党员到居住地社区报到（双报到）。社区审核通过后发放电子报到证，您就可以接单、认领心愿和参加志愿服务。'}
            </Text>
            <SectionCard title="基本信息">
              <TextField id="reg-name" label="姓名" value={fields.name} onChange={(v) => set('name', v)} error={error} field="name" placeholder="真实姓名" max={20} />
              <TextField
                id="reg-mobile"
                label="手机号"
                value={fields.mobile}
                onChange={(v) => set('mobile', v)}
                error={error}
                field="mobile"
                placeholder="11 位手机号"
                max={11}
                type={mobileType}
              />
              <TextField
                id="reg-party-org"
                label="所在党组织"
                value={fields.partyOrg}
                onChange={(v) => set('partyOrg', v)}
                error={error}
                field="partyOrg"
                placeholder="如：某某局机关第一党支部"
                max={60}
              />
              <TextField
                id="reg-work-unit"
                label="工作单位"
                value={fields.workUnit}
                onChange={(v) => set('workUnit', v)}
                error={error}
                field="workUnit"
                placeholder="单位全称"
                max={60}
              />
            </SectionCard>
            <SectionCard title={transfer ? '新的居住楼栋' : '居住楼栋'}>
              <View className="member-register__home" id="reg-building" onClick={() => void pickHome()}>
                <Text className={home ? '' : 'muted'}>{home ? home.trail : '点此选择您居住的楼栋'}</Text>
                <Text className="member-register__pick">{home ? '更换' : '选择'}</Text>
              </View>
              <FieldError error={error} field="buildingId" />
              {home && (
                <FormField label="报到单位" hint="选填：单位党组织已在该社区报到的可关联">
                  <ChipGroup chips={orgChips} value={fields.orgId ?? NO_ORG} onChange={(v) => set('orgId', v === NO_ORG ? null : v)} id="reg-org" />
                  <FieldError error={error} field="orgId" />
                </FormField>
              )}
            </SectionCard>
            <SectionCard title="技能特长（可多选）">
              <MultiChips values={MEMBER_SKILLS} chosen={fields.skills} onChange={(v) => set('skills', v)} id="reg-skills" />
              <FieldError error={error} field="skills" />
            </SectionCard>
            <SectionCard title="可服务时间（可多选）">
              <MultiChips values={AVAILABLE_TIMES} chosen={fields.availableTimes} onChange={(v) => set('availableTimes', v)} id="reg-times" />
              <FieldError error={error} field="availableTimes" />
            </SectionCard>
            <View className="member-register__submit">
              {top && (
                <Text className="member-register__error" id="reg-form-error">
                  {top}
                </Text>
              )}
              <Button block type="primary" size="large" loading={busy} onClick={() => void submit()} id="reg-submit">
                {transfer ? '提交转移申请' : '提交报到'}
              </Button>
              <Text className="muted">您的电话只有本社区工作人员可见，用于联系服务。</Text>
            </View>
          </View>
        )}
      </StatusView>
    </ResidentPage>
  );
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error: unknown;
  field: string;
  placeholder: string;
  max: number;
  type?: 'text' | 'tel' | 'number';
}

function TextField({ id, label, value, onChange, error, field, placeholder, max, type = 'text' }: TextFieldProps) {
  return (
    <FormField label={label}>
      <View id={id}>
        <Input type={type} value={value} onChange={onChange} placeholder={placeholder} maxLength={max} />
      </View>
      <FieldError error={error} field={field} />
    </FormField>
  );
}
