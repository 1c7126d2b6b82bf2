/** 代为登记 (staff): file an order for someone who phoned, came in or was met on a 网格巡查 — source, building, category, what, who. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import type { OnBehalfSource, OrderCategory } from '@shared/orders/model';
import { ON_BEHALF_SOURCES, ORDER_CATEGORIES, ORDER_SOURCE_NAMES } from '@shared/orders/model';
import { call } from '../../../api';
import { ApiError, formMessage } from '../../../api/errors';
import FieldError from '../../../components/FieldError';
import SectionCard from '../../../components/SectionCard';
import SubmitBar from '../../../components/SubmitBar';
import ChipGroup, { chipsOf } from '../../../components/ChipGroup';
import { FormField } from '../../../components/FormPopup';
import PhotoPicker from '../../../components/PhotoPicker';
import type { PickedPhoto } from '../../../components/PhotoPicker';
import { pickArea } from '../../../utils/areaPicker';
import { fieldsUnder, firstFieldError } from '../../../utils/fieldErrors';
import { useFormSubmit } from '../../../utils/useFormSubmit';
import { orderDetailUrl } from '../../../orders/routes';
import './index.scss';

const FIELDS = ['source', 'buildingId', 'category', 'description', 'contactName', 'contactMobile'];
const SOURCE_CHIPS = ON_BEHALF_SOURCES.map((s) => ({ value: s, label: ORDER_SOURCE_NAMES[s] }));
const CATEGORY_CHIPS = chipsOf(ORDER_CATEGORIES);
const mobileType = process.env.TARO_ENV === 'h5' ? 'tel' : 'number';
const missing = (field: string, message: string) => new ApiError('VALIDATION', message, { [field]: message });
/** One request key per filling of the form: a resend after a lost answer files the same order once. */
const newKey = () => `behalf-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

export default function FileOnBehalf() {
  const [source, setSource] = useState<OnBehalfSource | null>(null);
  const [building, setBuilding] = useState<{ id: string; name: string } | null>(null);
  const [category, setCategory] = useState<OrderCategory | null>(null);
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [contactName, setContactName] = useState('');
  const [contactMobile, setContactMobile] = useState('');
  const [requestKey] = useState(newKey);
  const { busy, error, setError, submit: run } = useFormSubmit();
  const top = formMessage(error, [...FIELDS, ...fieldsUnder(error, 'photos')]);

  const chooseBuilding = async () => {
    const node = await pickArea({ levels: ['building'], title: '选择楼栋' });
    if (!node) return;
    setBuilding({ id: node.id, name: node.name });
    setError(null);
  };

  const submit = async () => {
    if (!source) return setError(missing('source', '请选择来源（电话、来访或网格巡查）'));
    if (!building) return setError(missing('buildingId', '请选择问题所在的楼栋'));
    if (!category) return setError(missing('category', '请选择问题类别'));
    await run(async () => {
      const { id } = await call('orders', 'fileOnBehalf', {
        source,
        buildingId: building.id,
        category,
        description: description.trim(),
        photos: photos.map((p) => p.ref),
        contactName: contactName.trim(),
        contactMobile: contactMobile.trim(),
        requestKey,
      });
      void Taro.showToast({ title: '已代为登记', icon: 'success' });
      await Taro.redirectTo({ url: orderDetailUrl(id) });
    });
  };

  return (
    <View className="page behalf" id="staff-behalf">
      <Text className="muted behalf__hint">群众打电话、上门来访或网格巡查发现的问题，由您代为登记，进入分拣、派单流程；办结后请电话回访。</Text>
      <SectionCard title="来源">
        <ChipGroup chips={SOURCE_CHIPS} value={source} onChange={setSource} id="behalf-source" />
        <FieldError error={error} field="source" />
      </SectionCard>
      <SectionCard title="问题所在楼栋">
        <View className="behalf__row" id="behalf-building">
          <Text>{building?.name ?? '未选择'}</Text>
          <Button size="small" fill="outline" type="primary" onClick={() => void chooseBuilding()}>
            {building ? '更换楼栋' : '选择楼栋'}
          </Button>
        </View>
        <FieldError error={error} field="buildingId" />
      </SectionCard>
      <SectionCard title="问题类别">
        <ChipGroup chips={CATEGORY_CHIPS} value={category} onChange={setCategory} id="behalf-category" />
        <FieldError error={error} field="category" />
      </SectionCard>
      <SectionCard title="问题描述">
        <View id="behalf-description">
          <TextArea value={description} onChange={setDescription} placeholder="群众反映的问题和位置（5–500 字）" maxLength={500} showCount autoSize />
        </View>
        <FieldError error={error} field="description" />
        <FormField label="现场照片" hint="选填">
          <PhotoPicker value={photos} onChange={setPhotos} id="behalf-photos" error={firstFieldError(error, 'photos')} />
        </FormField>
      </SectionCard>
      <SectionCard title="反映人">
        <FormField label="姓名">
          <View id="behalf-contact-name">
            <Input value={contactName} onChange={setContactName} placeholder="如：赵大爷" maxLength={20} />
          </View>
          <FieldError error={error} field="contactName" />
        </FormField>
        <FormField label="联系电话" hint="回访时拨打">
          <View id="behalf-contact-mobile">
            <Input type={mobileType} value={contactMobile} onChange={setContactMobile} placeholder="11 位手机号" maxLength={11} />
          </View>
          <FieldError error={error} field="contactMobile" />
        </FormField>
      </SectionCard>
      <SubmitBar errorId="behalf-error" message={top} busy={busy} text="登记点单" onSubmit={() => void submit()} />
    </View>
  );
}
