/** 登记圆梦: the claimant says what was done, with one photo; the beneficiary is asked to confirm. */
import { useState } from 'react';
import { TextArea } from '@nutui/nutui-react-taro';
import { WISH_LIMITS } from '@shared/wishes/model';
import { call } from '../../../../api';
import { ApiError } from '../../../../api/errors';
import FieldError from '../../../../components/FieldError';
import FormPopup, { FormField } from '../../../../components/FormPopup';
import type { PickedPhoto } from '../../../../components/PhotoPicker';
import { fieldsUnder, firstFieldError } from '../../../../utils/fieldErrors';
import OnePhoto from '../../../../components/OnePhoto';
import type { PopupProps } from './props';
import { askConsent, CONSENT } from '../../../../utils/subscribe';
import { usePopupSubmit } from '../../../../utils/usePopupSubmit';

export default function DeliverPopup(props: PopupProps) {
  const [note, setNote] = useState('');
  const [photo, setPhoto] = useState<PickedPhoto | null>(null);
  const { busy, error, setError, submit } = usePopupSubmit(props);
  const send = () => {
    askConsent(CONSENT.deliverWish);
    if (!photo) return setError(new ApiError('VALIDATION', '请拍一张圆梦的照片', { photo: '请拍一张圆梦的照片' }));
    void submit(() => call('wishes', 'deliver', { wishId: props.wishId, note: note.trim(), photo: photo.ref }), '已登记圆梦，等待受助人确认');
  };
  return (
    <FormPopup
      title="登记圆梦"
      id="popup-deliver"
      submitText="确认已圆梦"
      busy={busy}
      error={error}
      fields={['note', ...fieldsUnder(error, 'photo')]}
      onClose={props.onClose}
      onSubmit={send}
    >
      <FormField label="圆梦说明">
        <TextArea value={note} onChange={setNote} placeholder="如：已把五本课外书送到家里（2–300 字）" maxLength={WISH_LIMITS.note} showCount />
        <FieldError error={error} field="note" />
      </FormField>
      <FormField label="圆梦照片">
        <OnePhoto value={photo} onChange={setPhoto} id="deliver-photo" limits error={firstFieldError(error, 'photo')} />
      </FormField>
    </FormPopup>
  );
}
