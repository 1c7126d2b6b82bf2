/** 党员申报: the date, hours, what was done and up to 3 photos; the grid leader 汇总 it next, then the community 核实. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { shanghaiDay } from '@shared/time';
import { call } from '../../../api';
import { ApiError, formMessage } from '../../../api/errors';
import FieldError from '../../../components/FieldError';
import ResidentPage from '../../../components/ResidentPage';
import SectionCard from '../../../components/SectionCard';
import ChipGroup from '../../../components/ChipGroup';
import { FormField } from '../../../components/FormPopup';
import PhotoPicker from '../../../components/PhotoPicker';
import type { PickedPhoto } from '../../../components/PhotoPicker';
import { fieldsUnder, firstFieldError } from '../../../utils/fieldErrors';
import { POINTS_ROUTES } from '../../routes';
import { askConsent, CONSENT } from '../../../utils/subscribe';
import '../../../components/fieldBox.scss';
import './index.scss';
import { toastFormError } from '../../../utils/toastFormError';

const DAY = 24 * 3600 * 1000;
const FIELDS = ['date', 'hours', 'description'];
const HOUR_CHIPS = ['0.5', '1', '1.5', '2', '3', '4'].map((h) => ({ value: h, label: `${h} 小时` }));

export default function DeclareService() {
  // The day chips are the days around when the page opened.
  const [now] = useState(Date.now);
  const dayChips = [
    { value: shanghaiDay(now), label: '今天' },
    { value: shanghaiDay(now - DAY), label: '昨天' },
    { value: shanghaiDay(now - 2 * DAY), label: '前天' },
  ];
  const [date, setDate] = useState(shanghaiDay(now));
  const [hours, setHours] = useState('');
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const topMessage = formMessage(error, [...FIELDS, ...fieldsUnder(error, 'photos')]);

  const submit = async () => {
    askConsent(CONSENT.declarePoints);
    const h = Number(hours);
    if (!hours.trim() || Number.isNaN(h)) return setError(new ApiError('VALIDATION', '请填写服务时长', { hours: '请填写服务时长' }));
    setBusy(true);
    setError(null);
    try {
      await call('points', 'declare', { date: date.trim(), hours: h, description: description.trim(), photos: photos.map((p) => p.ref) });
      void Taro.showToast({ title: '已提交，等待网格长汇总', icon: 'none' });
      await Taro.redirectTo({ url: POINTS_ROUTES.declarations });
    } catch (e) {
      setError(e);
      toastFormError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <ResidentPage className="declare" id="points-declare">
      <Text className="hint">按照“党员申报、召集人汇总、社区核实”的程序：您申报后，网格长汇总上报，社区核实后记入积分。</Text>
      <SectionCard title="服务日期">
        <ChipGroup chips={dayChips} value={dayChips.some((c) => c.value === date) ? date : null} onChange={setDate} id="declare-day" />
        <View id="declare-date">
          <Input className="field-box" value={date} onChange={setDate} placeholder="如 2026-03-05" maxLength={10} />
        </View>
        <FieldError error={error} field="date" />
      </SectionCard>
      <SectionCard title="服务时长">
        <ChipGroup chips={HOUR_CHIPS} value={HOUR_CHIPS.some((c) => c.value === hours) ? hours : null} onChange={setHours} id="declare-hour-chips" />
        <View id="declare-hours">
          <Input className="field-box" type="digit" value={hours} onChange={setHours} placeholder="小时，按半小时填写，如 1.5" maxLength={4} />
        </View>
        <FieldError error={error} field="hours" />
      </SectionCard>
      <SectionCard title="服务内容">
        <View id="declare-description">
          <TextArea className="field-box" value={description} onChange={setDescription} placeholder="在哪里、做了什么、服务了谁（5–500 字）" maxLength={500} showCount autoSize />
        </View>
        <FieldError error={error} field="description" />
        <FormField label="现场照片" hint="选填，最多 3 张">
          <PhotoPicker value={photos} onChange={setPhotos} id="declare-photos" error={firstFieldError(error, 'photos')} />
        </FormField>
      </SectionCard>
      <View className="declare__submit">
        {topMessage && (
          <Text className="field-error" id="declare-error">
            {topMessage}
          </Text>
        )}
        <Button block type="primary" size="large" loading={busy} onClick={() => void submit()} id="declare-submit">
          提交申报
        </Button>
        <Text className="muted declare__link" onClick={() => void Taro.navigateTo({ url: POINTS_ROUTES.declarations })}>
          查看我的申报 ›
        </Text>
      </View>
    </ResidentPage>
  );
}
