/** The recipient's part: 收到 (one tap, safe to repeat) and a reply with text or a photo. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import type { InstructionDetail } from '@shared/response/schemas';
import { formatWhen } from '@shared/time';
import { call } from '../../../api';
import { formMessage, messageOf } from '../../../api/errors';
import FieldError from '../../../components/FieldError';
import SectionCard from '../../../components/SectionCard';
import type { PickedPhoto } from '../../../components/PhotoPicker';
import { firstFieldError } from '../../../utils/fieldErrors';
import { absoluteUrl } from '../../../utils/download';
import { askConsent, CONSENT } from '../../../utils/subscribe';
import OnePhoto from '../../../components/OnePhoto';

interface Props {
  id: string;
  mine: NonNullable<InstructionDetail['mine']>;
  onChanged: () => void;
}

export default function Mine({ id, mine, onChanged }: Props) {
  const [text, setText] = useState('');
  const [photo, setPhoto] = useState<PickedPhoto | null>(null);
  const [busy, setBusy] = useState<'ack' | 'reply' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const act = async (what: 'ack' | 'reply') => {
    // This instruction needs no push any more; the consent is for the next one and its reminder.
    askConsent(CONSENT.instruction);
    setBusy(what);
    setError(null);
    try {
      if (what === 'ack') await call('response', 'ack', { instructionId: id });
      else await call('response', 'reply', { instructionId: id, ...(text.trim() ? { text: text.trim() } : {}), ...(photo ? { photo: photo.ref } : {}) });
      void Taro.showToast({ title: what === 'ack' ? '已确认收到' : '回复已发送', icon: 'success' });
      setText('');
      setPhoto(null);
      onChanged();
    } catch (e) {
      setError(e);
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setBusy(null);
    }
  };
  const top = formMessage(error, ['text', 'photo.0']);
  return (
    <SectionCard title="我的回执" id="instruction-mine">
      {mine.ackedAt ? (
        <Text className="r-tag r-tag--green" id="mine-acked">
          已收到 {formatWhen(mine.ackedAt)}
        </Text>
      ) : (
        <Button block type="primary" size="large" loading={busy === 'ack'} onClick={() => void act('ack')} id="ack-button">
          收到
        </Button>
      )}
      {mine.reply && (
        <View className="r-person" id="mine-reply">
          <View>
            <Text className="muted">我的回复 · {formatWhen(mine.reply.at)}</Text>
            {mine.reply.text && <Text className="r-card__text">{mine.reply.text}</Text>}
            {mine.reply.photoUrl && <Image className="r-photo" src={absoluteUrl(mine.reply.photoUrl)} mode="aspectFill" />}
          </View>
        </View>
      )}
      <View id="reply-text">
        <TextArea
          className="field-box"
          value={text}
          onChange={setText}
          placeholder={mine.reply ? '更新回复（会替换上一条）' : '回复（选填）：落实情况、遇到的困难'}
          maxLength={500}
          autoSize
        />
      </View>
      <FieldError error={error} field="text" />
      <OnePhoto value={photo} onChange={setPhoto} id="reply-photo" error={firstFieldError(error, 'photo')} />
      {top && <Text className="field-error">{top}</Text>}
      <Button block fill="outline" type="primary" loading={busy === 'reply'} onClick={() => void act('reply')} id="reply-button">
        发送回复
      </Button>
    </SectionCard>
  );
}
