/** One photo (a wish's picture, 圆梦 proof, 指令附件, 回复照片): upload on pick, thumbnail with ×; a real file input on h5, chooseMedia on weapp. */
import { useState } from 'react';
import type { ChangeEvent } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { Loading } from '@nutui/nutui-react-taro';
import { messageOf } from '../../api/errors';
import type { PickedPhoto } from '../PhotoPicker';
import { chooseAndUploadWeapp, uploadWebFile } from '../PhotoPicker/upload';
import '../PhotoPicker/PhotoPicker.scss';

interface Props {
  value: PickedPhoto | null;
  onChange: (photo: PickedPhoto | null) => void;
  id?: string;
  /** The server's message for the photo, if the last submit named it. */
  error?: string;
  /** The text on the empty tile. */
  label?: string;
  /** Say under the tile what may be uploaded. */
  limits?: boolean;
}

const isH5 = process.env.TARO_ENV === 'h5';

export default function OnePhoto({ value, onChange, id, error, label = '添加照片', limits = false }: Props) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  const add = async (upload: () => Promise<PickedPhoto | undefined>) => {
    setBusy(true);
    setProblem(undefined);
    try {
      const picked = await upload();
      if (picked) onChange(picked);
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.currentTarget.files?.[0];
    e.currentTarget.value = '';
    if (file) void add(() => uploadWebFile(file));
  };
  const onWeappTap = () => {
    if (!busy) void add(async () => (await chooseAndUploadWeapp(1))[0]);
  };

  return (
    <View className="photo-picker" id={id}>
      <View className="photo-picker__grid">
        {value ? (
          <View className="photo-picker__tile">
            <Image className="photo-picker__img" src={value.preview} mode="aspectFill" />
            <Text className="photo-picker__remove" onClick={() => onChange(null)}>
              ×
            </Text>
          </View>
        ) : (
          <View className="photo-picker__tile photo-picker__add" onClick={isH5 ? undefined : onWeappTap}>
            {busy ? <Loading type="circular" /> : <Text className="photo-picker__plus">＋</Text>}
            <Text className="photo-picker__hint">{busy ? '上传中' : label}</Text>
            {isH5 && !busy && <input className="photo-picker__file" aria-label={label} type="file" accept="image/jpeg,image/png,image/webp" onChange={onFile} />}
          </View>
        )}
      </View>
      {limits && <Text className="muted">1 张，支持 jpg、png、webp，不超过 5 MB</Text>}
      {(problem ?? error) && <Text className="field-error">{problem ?? error}</Text>}
    </View>
  );
}
