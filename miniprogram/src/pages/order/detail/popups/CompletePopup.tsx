/** 办结: what was done and up to 3 photos of the result; the resident is asked to confirm and rate. */
import { useState } from 'react';
import { TextArea } from '@nutui/nutui-react-taro';
import { call } from '../../../../api';
import FieldError from '../../../../components/FieldError';
import FormPopup, { FormField } from '../../../../components/FormPopup';
import PhotoPicker from '../../../../components/PhotoPicker';
import type { PickedPhoto } from '../../../../components/PhotoPicker';
import { fieldsUnder, firstFieldError } from '../../../../utils/fieldErrors';
import type { PopupProps } from './props';
import { usePopupSubmit } from '../../../../utils/usePopupSubmit';

export default function CompletePopup(props: PopupProps) {
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const { busy, error, submit } = usePopupSubmit(props);
  const send = () => void submit(() => call('orders', 'complete', { orderId: props.orderId, note: note.trim(), photos: photos.map((p) => p.ref) }), '已办结，等待居民评价');

  return (
    <FormPopup
      title="办结点单"
      id="popup-complete"
      submitText="确认办结"
      busy={busy}
      error={error}
      fields={['note', ...fieldsUnder(error, 'photos')]}
      onClose={props.onClose}
      onSubmit={send}
    >
      <FormField label="办结说明">
        <TextArea value={note} onChange={setNote} placeholder="如：已更换灯泡，楼道恢复照明（2–300 字）" maxLength={300} showCount />
        <FieldError error={error} field="note" />
      </FormField>
      <FormField label="办结照片" hint="选填">
        <PhotoPicker value={photos} onChange={setPhotos} id="complete-photos" error={firstFieldError(error, 'photos')} />
      </FormField>
    </FormPopup>
  );
}
