/** 转为点单: category (suggested from the tag), description and contact prefilled from the visit; files on the resident's behalf. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Input, TextArea } from '@nutui/nutui-react-taro';
import type { OrderCategory } from '@shared/orders/model';
import { ORDER_CATEGORIES } from '@shared/orders/model';
import type { VisitView } from '@shared/diary/schemas';
import { call } from '../../../api';
import FieldError from '../../../components/FieldError';
import ChipGroup, { chipsOf } from '../../../components/ChipGroup';
import FormPopup, { FormField } from '../../../components/FormPopup';
import { orderDetailUrl } from '../../../orders/routes';
import { askConsent, CONSENT } from '../../../utils/subscribe';

const FIELDS = ['category', 'description', 'contactName', 'contactMobile'];
const mobileType = process.env.TARO_ENV === 'h5' ? 'tel' : 'number';

export default function ToOrderPopup({ visit, onClose }: { visit: VisitView; onClose: () => void }) {
  const [category, setCategory] = useState<OrderCategory>(visit.suggestedCategory);
  const [description, setDescription] = useState(visit.heard.slice(0, 500));
  const [contactName, setContactName] = useState(visit.residentName);
  const [contactMobile, setContactMobile] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    // The staff member filing becomes the order's filer, so they are the one told of its progress.
    askConsent(CONSENT.fileOrder);
    setBusy(true);
    setError(null);
    try {
      const { orderId } = await call('diary', 'toOrder', {
        visitId: visit.id,
        category,
        description: description.trim(),
        contactName: contactName.trim(),
        ...(contactMobile.trim() ? { contactMobile: contactMobile.trim() } : {}),
      });
      void Taro.showToast({ title: '已转为点单', icon: 'success' });
      await Taro.redirectTo({ url: orderDetailUrl(orderId) });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormPopup title="转为点单" id="popup-to-order" submitText="确认转为点单" busy={busy} error={error} fields={FIELDS} onSubmit={() => void submit()} onClose={onClose}>
      <FormField label="类别">
        <ChipGroup chips={chipsOf(ORDER_CATEGORIES)} value={category} onChange={setCategory} id="to-order-category" />
        <FieldError error={error} field="category" />
      </FormField>
      <FormField label="问题描述">
        <TextArea className="field-box" value={description} onChange={setDescription} maxLength={500} autoSize />
        <FieldError error={error} field="description" />
      </FormField>
      <FormField label="联系人">
        <Input className="field-box" value={contactName} onChange={setContactName} maxLength={20} />
        <FieldError error={error} field="contactName" />
      </FormField>
      <FormField label="联系电话" hint={visit.residentLinked ? '已关联居民，可不填' : '必填'}>
        <View id="to-order-mobile">
          <Input className="field-box" type={mobileType} value={contactMobile} onChange={setContactMobile} placeholder="11 位手机号" maxLength={11} />
        </View>
        <FieldError error={error} field="contactMobile" />
      </FormField>
    </FormPopup>
  );
}
