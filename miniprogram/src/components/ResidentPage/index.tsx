/**
 * The root of every resident-facing page: adds the 长辈模式 class when the person has switched it on,
 * so type and buttons grow on every resident page from one place (ResidentPage.scss).
 */
import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { useElderMode } from '../../utils/elder';
import './ResidentPage.scss';

interface Props {
  className?: string;
  id?: string;
  children?: ReactNode;
}

export default function ResidentPage({ className, id, children }: Props) {
  const elder = useElderMode();
  return (
    <View id={id} className={['page', 'resident-page', elder ? 'elder' : '', className].filter(Boolean).join(' ')}>
      {children}
    </View>
  );
}
