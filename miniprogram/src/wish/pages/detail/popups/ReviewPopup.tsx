/** 审核发布: staff edit the public title and story; identifying details are flagged as they type (the server refuses them too). */
import { useState } from 'react';
import { Text } from '@tarojs/components';
import { Input, TextArea } from '@nutui/nutui-react-taro';
import { WISH_LIMITS } from '@shared/wishes/model';
import { identifyingDetail } from '@shared/wishes/privacy';
import type { WishDetail } from '@shared/wishes/schemas';
import { call } from '../../../../api';
import FieldError from '../../../../components/FieldError';
import FormPopup, { FormField } from '../../../../components/FormPopup';
import type { PopupProps } from './props';
import { usePopupSubmit } from '../../../../utils/usePopupSubmit';
import { askConsent, CONSENT } from '../../../../utils/subscribe';

export default function ReviewPopup({ wish, ...props }: PopupProps & { wish: WishDetail }) {
  const [title, setTitle] = useState(wish.private?.originalTitle ?? wish.title);
  const [story, setStory] = useState(wish.private?.originalStory ?? wish.story);
  const { busy, error, submit } = usePopupSubmit(props);
  const secrets = { beneficiaryName: wish.private?.beneficiaryName ?? '', door: wish.private?.door ?? null };
  const warning = identifyingDetail(title, secrets) ?? identifyingDetail(story, secrets);
  const send = () => {
    askConsent(CONSENT.reviewWish);
    void submit(() => call('wishes', 'approve', { wishId: wish.id, title: title.trim(), story: story.trim() }), '已发布到心愿墙');
  };

  return (
    <FormPopup title="审核并发布" id="popup-review" submitText="发布到心愿墙" busy={busy} error={error} fields={['title', 'story']} onClose={props.onClose} onSubmit={send}>
      <Text className="muted">心愿墙所有人可见：请删去姓名、电话、门牌等能认出受助人的内容。</Text>
      <FormField label="公开标题">
        <Input value={title} onChange={setTitle} maxLength={WISH_LIMITS.title} />
        <FieldError error={error} field="title" />
      </FormField>
      <FormField label="公开故事">
        <TextArea value={story} onChange={setStory} maxLength={WISH_LIMITS.story} showCount autoSize />
        <FieldError error={error} field="story" />
      </FormField>
      {warning && (
        <Text className="wish-warning" id="review-warning">
          公开内容{warning}
        </Text>
      )}
    </FormPopup>
  );
}
