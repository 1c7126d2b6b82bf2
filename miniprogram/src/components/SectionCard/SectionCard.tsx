/** A white rounded card with an optional heading and a right-hand extra (link, count). */
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './SectionCard.scss';

interface Props {
  title?: string;
  extra?: ReactNode;
  id?: string;
  children?: ReactNode;
}

export default function SectionCard({ title, extra, id, children }: Props) {
  return (
    <View className="section-card" id={id}>
      {(title || extra) && (
        <View className="section-card__head">
          <Text className="section-card__title">{title}</Text>
          {extra}
        </View>
      )}
      {children}
    </View>
  );
}
