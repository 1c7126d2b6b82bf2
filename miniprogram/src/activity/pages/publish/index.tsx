/** 发布 (community staff / street admin) ?kind=activity|post: a dated 志愿活动 or a standing 志愿服务岗, for my community or one of its grids. */
import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { PUBLISHER_ROLES } from '@shared/activities/permissions';
import { api, call } from '../../../api';
import { ApiError, formMessage } from '../../../api/errors';
import FieldError from '../../../components/FieldError';
import SectionCard from '../../../components/SectionCard';
import { pickArea } from '../../../utils/areaPicker';
import { toastFormError } from '../../../utils/toastFormError';
import ChipGroup from '../../../components/ChipGroup';
import DateTimeField from '../../../components/DateTimeField';
import { FormField } from '../../../components/FormPopup';
import { activityDetailUrl, ACTIVITY_ROUTES } from '../../routes';
import type { FormValues } from './fields';
import { activityInput, defaultValues, postInput, shiftedWithStart } from './fields';
import './index.scss';

type Kind = 'activity' | 'post';
const KIND_CHIPS = [
  { value: 'activity' as const, label: '志愿活动' },
  { value: 'post' as const, label: '志愿服务岗' },
];
const FIELDS = ['areaId', 'title', 'description', 'place', 'startAt', 'endAt', 'deadline', 'capacity', 'perHour', 'slots', 'pointsNote'];

interface Place {
  id: string;
  name: string;
}

export default function PublishPage() {
  const [kind, setKind] = useState<Kind>(useRouter().params.kind === 'post' ? 'post' : 'activity');
  const [place, setPlace] = useState<Place | null>(null);
  const [v, setV] = useState<FormValues>(() => defaultValues(Date.now()));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = (k: keyof FormValues) => (value: string) => setV((old) => ({ ...old, [k]: value }));
  // Moving the start carries the end and the sign-up deadline along, so the three stay in step.
  const moveStart = (value: string) => setV((old) => ({ ...old, ...shiftedWithStart(old, value) }));

  useEffect(() => {
    api.users.me().then(
      (me) => {
        const mine = me.roles.find((r) => r.role === 'community_staff') ?? me.roles.find((r) => PUBLISHER_ROLES.includes(r.role) && r.areaLevel === 'community');
        if (mine) setPlace((p) => p ?? { id: mine.areaId, name: mine.areaName });
      },
      () => undefined,
    );
  }, []);

  const choose = async () => {
    const node = await pickArea({ startId: place?.id, levels: ['community', 'grid'], title: '选择社区或网格' });
    if (node) setPlace({ id: node.id, name: node.name });
  };

  const submit = async () => {
    if (!place) return setError(new ApiError('VALIDATION', '请选择所属社区或网格', { areaId: '请选择所属社区或网格' }));
    setBusy(true);
    setError(null);
    try {
      if (kind === 'activity') {
        const { id } = await call('activities', 'publish', activityInput(place.id, v));
        void Taro.showToast({ title: '活动已发布', icon: 'success' });
        await Taro.redirectTo({ url: activityDetailUrl(id) });
      } else {
        await call('activities', 'publishPost', postInput(place.id, v));
        void Taro.showToast({ title: '岗位已发布', icon: 'success' });
        await Taro.redirectTo({ url: ACTIVITY_ROUTES.manage });
      }
    } catch (e) {
      setError(e);
      toastFormError(e);
    } finally {
      setBusy(false);
    }
  };

  const text = (k: keyof FormValues, label: string, placeholder: string, hint?: string) => (
    <FormField label={label} hint={hint}>
      <View id={`publish-${k}`}>
        <Input value={v[k]} onChange={set(k)} placeholder={placeholder} />
      </View>
      <FieldError error={error} field={k} />
    </FormField>
  );
  const when = (k: 'startAt' | 'endAt' | 'deadline', label: string, hint?: string) => (
    <FormField label={label} hint={hint}>
      <DateTimeField id={`publish-${k}`} value={v[k]} onChange={k === 'startAt' ? moveStart : set(k)} />
      <FieldError error={error} field={k} />
    </FormField>
  );
  const top = formMessage(error, FIELDS);

  return (
    <View className="page publish" id="activity-publish">
      <SectionCard title="发布什么">
        <ChipGroup chips={KIND_CHIPS} value={kind} onChange={setKind} id="publish-kind" />
        <Text className="muted">
          {kind === 'activity'
            ? '有固定时间、地点和人数的活动，党员报名后到现场扫码签到签退，按时长记积分。'
            : '长期岗位（楼道长、垃圾分类督导…），党员认领后长期承担，计入年度履职。'}
        </Text>
      </SectionCard>
      <SectionCard title="所属社区或网格">
        <View className="publish__place" id="publish-area" onClick={() => void choose()}>
          <Text>{place?.name ?? '请选择'}</Text>
          <Text className="muted">更换 ›</Text>
        </View>
        <FieldError error={error} field="areaId" />
      </SectionCard>
      <SectionCard title={kind === 'activity' ? '活动信息' : '岗位信息'}>
        {text('title', kind === 'activity' ? '活动名称' : '岗位名称', kind === 'activity' ? '如：垃圾分类宣传' : '如：楼道长')}
        <FormField label={kind === 'activity' ? '活动内容' : '岗位职责'}>
          <View id="publish-description">
            <TextArea value={v.description} onChange={set('description')} placeholder="做什么、注意什么（5 字以上）" maxLength={kind === 'activity' ? 1000 : 500} autoSize />
          </View>
          <FieldError error={error} field="description" />
        </FormField>
        {kind === 'activity' ? (
          <>
            {text('place', '活动地点', '如：梅川路小区南门')}
            {when('startAt', '开始时间')}
            {when('endAt', '结束时间')}
            {when('deadline', '报名截止', '不晚于开始时间')}
            {text('capacity', '招募人数', '至少 1 人')}
            {text('perHour', '每小时积分', '不填按社区积分规则', '选填')}
          </>
        ) : (
          <>
            {text('slots', '需要人数', '至少 1 人')}
            {text('pointsNote', '积分说明', '如：每月履职 2 分', '选填')}
          </>
        )}
      </SectionCard>
      <View className="publish__submit">
        {top && (
          <Text className="field-error" id="publish-error">
            {top}
          </Text>
        )}
        <Button block type="primary" size="large" loading={busy} onClick={() => void submit()}>
          {kind === 'activity' ? '发布活动' : '发布岗位'}
        </Button>
      </View>
    </View>
  );
}
