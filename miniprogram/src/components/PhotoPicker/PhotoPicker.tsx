/** Up to 3 photos: thumbnails with 删除, and an add tile (a real file input on h5, chooseMedia on weapp). */
import { useState } from 'react';
import type { ChangeEvent } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { Loading } from '@nutui/nutui-react-taro';
import { PHOTO_LIMITS } from '@shared/photos';
import { messageOf } from '../../api/errors';
import type { PickedPhoto } from './upload';
import { chooseAndUploadWeapp, uploadWebFile } from './upload';
import './PhotoPicker.scss';

interface Props {
  value: PickedPhoto[];
  onChange: (photos: PickedPhoto[]) => void;
  id?: string;
  /** The server's message for the photos, if the last submit named them. */
  error?: string;
}

const isH5 = process.env.TARO_ENV === 'h5';

export default function PhotoPicker({ value, onChange, id, error }: Props) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const room = PHOTO_LIMITS.perRecord - value.length;

  const add = async (upload: () => Promise<PickedPhoto[]>) => {
    setBusy(true);
    setProblem(undefined);
    try {
      const added = await upload();
      onChange([...value, ...added].slice(0, PHOTO_LIMITS.perRecord));
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const onFiles = (e: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.currentTarget.files ?? []).slice(0, room);
    e.currentTarget.value = '';
    if (files.length) void add(() => Promise.all(files.map(uploadWebFile)));
  };
  const onWeappTap = () => {
    if (!busy) void add(() => chooseAndUploadWeapp(room));
  };
  const remove = (i: number) => onChange(value.filter((_, j) => j !== i));

  return (
    <View className="photo-picker" id={id}>
      <View className="photo-picker__grid">
        {value.map((p, i) => (
          <View key={p.ref.fileId} className="photo-picker__tile">
            <Image className="photo-picker__img" src={p.preview} mode="aspectFill" />
            <Text className="photo-picker__remove" onClick={() => remove(i)}>
              ×
            </Text>
          </View>
        ))}
        {room > 0 && (
          <View className="photo-picker__tile photo-picker__add" onClick={isH5 ? undefined : onWeappTap}>
            {busy ? <Loading type="circular" /> : <Text className="photo-picker__plus">＋</Text>}
            <Text className="photo-picker__hint">{busy ? '上传中' : `添加照片`}</Text>
            {isH5 && !busy && <input className="photo-picker__file" aria-label="添加照片" type="file" accept="image/jpeg,image/png,image/webp" multiple onChange={onFiles} />}
          </View>
        )}
      </View>
      <Text className="muted">最多 {PHOTO_LIMITS.perRecord} 张，支持 jpg、png、webp，每张不超过 5 MB</Text>
      {(problem ?? error) && <Text className="field-error">{problem ?? error}</Text>}
    </View>
  );
}
