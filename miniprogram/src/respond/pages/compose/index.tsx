/** 发一键响应 (community / street staff): where to (subtree), to whom (roles), what, by when; an optional photo or file picture. */
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import type { RecipientRole } from '@shared/response/model';
import { api, call } from '../../../api';
import { ApiError, formMessage, messageOf } from '../../../api/errors';
import FieldError from '../../../components/FieldError';
import SectionCard from '../../../components/SectionCard';
import { pickArea } from '../../../utils/areaPicker';
import { FormField } from '../../../components/FormPopup';
import type { PickedPhoto } from '../../../components/PhotoPicker';
import ChipGroup from '../../../components/ChipGroup';
import { firstFieldError } from '../../../utils/fieldErrors';
import OnePhoto from '../../../components/OnePhoto';
import DateTimeField from '../../../components/DateTimeField';
import Toggles from '../../components/Toggles';
import { instructionUrl } from '../../routes';
import '../../components/respond.scss';

const ROLE_OPTIONS: Array<{ value: RecipientRole; label: string }> = [
  { value: 'member', label: '在职党员' },
  { value: 'grid_worker', label: '网格员' },
  { value: 'grid_leader', label: '网格长' },
];
type Due = 'h2' | 'today' | 'tomorrow' | 'd3' | 'custom';
const DUE_CHIPS: Array<{ value: Due; label: string }> = [
  { value: 'h2', label: '2 小时内' },
  { value: 'today', label: '今天 18:00' },
  { value: 'tomorrow', label: '明天 12:00' },
  { value: 'd3', label: '3 天内' },
  { value: 'custom', label: '自定义' },
];
const HOUR = 3600_000;
/** Shanghai midnight of the day `at` falls on, plus `hours`. */
function shanghaiAt(at: number, days: number, hours: number): number {
  const midnight = at - ((at + 8 * HOUR) % (24 * HOUR));
  return midnight + days * 24 * HOUR + hours * HOUR;
}
function deadlineOf(due: Due, now: number): number {
  if (due === 'h2') return now + 2 * HOUR;
  if (due === 'today') return Math.max(shanghaiAt(now, 0, 18), now + HOUR);
  if (due === 'tomorrow') return shanghaiAt(now, 1, 12);
  return now + 72 * HOUR;
}
/** "YYYY-MM-DD HH:mm" in Shanghai time, as the date and time pickers hold it. */
const shanghaiText = (at: number): string => new Date(at + 8 * HOUR).toISOString().slice(0, 16).replace('T', ' ');
const fromShanghaiText = (text: string): number => Date.parse(`${text.replace(' ', 'T')}:00+08:00`);
const FIELDS = ['areaId', 'roles', 'title', 'text', 'deadline'];

export default function Compose() {
  const [area, setArea] = useState<{ id: string; trail: string } | null>(null);
  const [roles, setRoles] = useState<RecipientRole[]>(['member', 'grid_worker', 'grid_leader']);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [due, setDue] = useState<Due>('today');
  // A chosen deadline starts at tomorrow 12:00, a time people can still change their plans for.
  const [custom, setCustom] = useState(() => shanghaiText(shanghaiAt(Date.now(), 1, 12)));
  const [photo, setPhoto] = useState<PickedPhoto | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    api.users.me().then(
      (me) => {
        const own = me.roles.find((r) => r.role === 'community_staff' || r.role === 'street_admin');
        if (own) setArea((a) => a ?? { id: own.areaId, trail: own.trail });
      },
      () => undefined,
    );
  }, []);

  const chooseArea = async () => {
    const node = await pickArea({ startId: area?.id, levels: ['street', 'zone', 'community', 'grid'], title: '选择发送范围' });
    if (node) setArea({ id: node.id, trail: node.name });
  };

  const submit = async () => {
    if (!area) return setError(new ApiError('VALIDATION', '请选择发送范围', { areaId: '请选择发送范围' }));
    // A sent instruction reaches every phone in the area at once and cannot be called back: asked once.
    const { confirm } = await Taro.showModal({
      title: '立即发送',
      content: `发送给「${area.trail}」的接收对象，发出后不能撤回。确定发送吗？`,
      confirmText: '确定发送',
      cancelText: '再想想',
    });
    if (!confirm) return;
    setBusy(true);
    setError(null);
    try {
      const sent = await call('response', 'send', {
        areaId: area.id,
        roles,
        title: title.trim(),
        text: text.trim(),
        deadline: due === 'custom' ? fromShanghaiText(custom) : deadlineOf(due, Date.now()),
        ...(photo ? { attachment: photo.ref } : {}),
      });
      void Taro.showToast({ title: `已发送给 ${sent.recipients} 人`, icon: 'success' });
      await Taro.redirectTo({ url: instructionUrl(sent.id) });
    } catch (e) {
      setError(e);
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setBusy(false);
    }
  };

  const top = formMessage(error, [...FIELDS, 'attachment.0']);
  return (
    <View className="page" id="response-compose">
      <Text className="hint">指令会立即发给范围内所有选中的人，他们需在截止前点“收到”，可回复文字或照片。</Text>
      <SectionCard title="发给谁">
        <FormField label="发送范围">
          <View className="r-card__head" id="compose-area">
            <Text>{area?.trail ?? '未选择'}</Text>
            <Button size="small" fill="outline" type="primary" onClick={() => void chooseArea()}>
              {area ? '更换' : '选择'}
            </Button>
          </View>
          <FieldError error={error} field="areaId" />
        </FormField>
        <FormField label="接收对象">
          <Toggles options={ROLE_OPTIONS} value={roles} onChange={setRoles} id="compose-roles" />
          <FieldError error={error} field="roles" />
        </FormField>
      </SectionCard>
      <SectionCard title="指令内容">
        <FormField label="标题">
          <View id="compose-title">
            <Input className="field-box" value={title} onChange={setTitle} placeholder="如：防汛准备（2–40 字）" maxLength={40} />
          </View>
          <FieldError error={error} field="title" />
        </FormField>
        <FormField label="内容">
          <View id="compose-text">
            <TextArea className="field-box" value={text} onChange={setText} placeholder="要做什么、到哪里、注意什么" maxLength={1000} showCount autoSize />
          </View>
          <FieldError error={error} field="text" />
        </FormField>
        <FormField label="附件" hint="选填：一张照片或文件截图">
          <OnePhoto value={photo} onChange={setPhoto} id="compose-attachment" label="添加附件" error={firstFieldError(error, 'attachment')} />
        </FormField>
        <FormField label="截止时间">
          <ChipGroup chips={DUE_CHIPS} value={due} onChange={setDue} id="compose-due" />
          {due === 'custom' && <DateTimeField id="compose-deadline" value={custom} onChange={setCustom} />}
          <FieldError error={error} field="deadline" />
        </FormField>
      </SectionCard>
      <View className="r-actions">
        <Button block type="primary" size="large" loading={busy} onClick={() => void submit()} id="compose-send">
          立即发送
        </Button>
      </View>
      {top && (
        <Text className="field-error" id="compose-error">
          {top}
        </Text>
      )}
    </View>
  );
}
