/**
 * The root of every resident-facing page: adds the 长辈模式 class when the person has switched it on,
 * so type and buttons grow on every resident page from one place (ResidentPage.scss); a page opened
 * from a link before privacy consent goes through home's consent sheet first and comes back.
 */
import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { useElderMode } from '../../utils/elder';
import { useConsentGate } from '../../utils/entry';
import './ResidentPage.scss';

interface Props {
  className?: string;
  id?: string;
  children?: ReactNode;
}

export default function ResidentPage({ className, id, children }: Props) {
  const elder = useElderMode();
  useConsentGate();
  return (
    <View id={id} className={['page', 'resident-page', elder ? 'elder' : '', className].filter(Boolean).join(' ')}>
      {children}
    </View>
  );
}
