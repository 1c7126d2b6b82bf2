/** Photos the server returned for an order; tap to view full size. */
import Taro from '@tarojs/taro';
import { Image, View } from '@tarojs/components';
import { absoluteUrl } from '../../utils/download';
import './PhotoGrid.scss';

interface Props {
  urls: string[];
  id?: string;
}

export default function PhotoGrid({ urls, id }: Props) {
  if (urls.length === 0) return null;
  const full = urls.map(absoluteUrl);
  return (
    <View className="photo-grid" id={id}>
      {full.map((src) => (
        <Image key={src} className="photo-grid__img" src={src} mode="aspectFill" onClick={() => void Taro.previewImage({ urls: full, current: src })} />
      ))}
    </View>
  );
}
