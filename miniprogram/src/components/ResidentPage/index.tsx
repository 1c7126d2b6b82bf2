/**
 * The root of every resident-facing page: adds the 长辈模式 class when the person has switched it on,
 * so type and buttons grow on every resident page from one place.
 */
import type { ReactNode } from 'react';
import { View } from '@tarojs/components';

interface Props {
  className?: string;
  id?: string;
  children?: ReactNode;
}

// The 长辈模式 switch itself (stored per user) is wired in by the 长辈模式 work; until then pages render normally.
export default function ResidentPage({ className, id, children }: Props) {
  return (
    <View id={id} className={['page', 'resident-page', className].filter(Boolean).join(' ')}>
      {children}
    </View>
  );
}
