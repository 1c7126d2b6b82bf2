/** 确认并评价: 1–5 stars and a comment; 2 stars or fewer sends the order back for 重办. */
import { useState } from 'react';
import { Text } from '@tarojs/components';
import { TextArea } from '@nutui/nutui-react-taro';
import { ORDER_LIMITS } from '@shared/orders/model';
import { call } from '../../../../api';
import { ApiError } from '../../../../api/errors';
import FieldError from '../../../../components/FieldError';
import FormPopup, { FormField } from '../../../../components/FormPopup';
import Stars from '../Stars';
import type { PopupProps } from './props';
import { usePopupSubmit } from '../../../../utils/usePopupSubmit';

export default function RatePopup(props: PopupProps) {
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const { busy, error, setError, submit } = usePopupSubmit(props);
  const reopens = stars > 0 && stars <= ORDER_LIMITS.reopenAtOrBelow;

  const send = () => {
    if (!stars) return setError(new ApiError('VALIDATION', '请先点星星评分', { stars: '请先点星星评分' }));
    const text = comment.trim();
    void submit(() => call('orders', 'rate', { orderId: props.orderId, stars, comment: text || undefined }), reopens ? '已退回重办' : '感谢您的评价');
  };

  return (
    <FormPopup title="确认并评价" id="popup-rate" submitText="提交评价" busy={busy} error={error} fields={['stars', 'comment']} onClose={props.onClose} onSubmit={send}>
      <FormField label="办理满意吗？">
        <Stars value={stars} onChange={setStars} />
        <FieldError error={error} field="stars" />
      </FormField>
      {reopens && (
        <Text className="rate__reopen" id="rate-reopen-note">
          评分 {ORDER_LIMITS.reopenAtOrBelow} 星及以下，点单将退回网格重新办理（重办），请在评价里写明哪里不满意。
        </Text>
      )}
      <FormField label="评价" hint="选填">
        <TextArea value={comment} onChange={setComment} placeholder="说说办理得怎么样" maxLength={300} showCount />
        <FieldError error={error} field="comment" />
      </FormField>
    </FormPopup>
  );
}
