/** One declared service: who, when, how long, what, photos, where it stands and each step so far. */
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { DeclarationView } from '@shared/points/schemas';
import { formatWhen } from '@shared/time';
import PhotoGrid from '../../components/PhotoGrid';
import './DeclarationCard.scss';

interface Props {
  d: DeclarationView;
  /** Show the member's name and grid (汇总 and 核实 pages). */
  showMember?: boolean;
  /** Left of the header: a checkbox on the 汇总 page. */
  leading?: ReactNode;
  children?: ReactNode;
}

export default function DeclarationCard({ d, showMember, leading, children }: Props) {
  return (
    <View className="declaration" id={`declaration-${d.id}`}>
      <View className="declaration__head">
        {leading}
        <View className="declaration__title">
          <Text className="declaration__who">{showMember ? `${d.memberName}${d.gridName ? ` · ${d.gridName}` : ''}` : d.date}</Text>
          <Text className="muted">{showMember ? `${d.date} · ${d.hours} 小时` : `${d.hours} 小时`}</Text>
        </View>
        <Text className={`declaration__status declaration__status--${d.status}`}>
          {d.statusName}
          {d.points !== null ? ` ${d.points} 分` : ''}
        </Text>
      </View>
      <Text className="declaration__text">{d.description}</Text>
      <PhotoGrid urls={d.photoUrls} />
      {d.reason && <Text className="declaration__reason">原因：{d.reason}</Text>}
      <View className="declaration__steps">
        {d.steps.map((s, i) => (
          <Text key={i} className="declaration__step">
            {formatWhen(s.at)} {s.roleName}
            {s.actorName ? ` ${s.actorName}` : ''}：{s.action}
            {s.note ? `（${s.note}）` : ''}
          </Text>
        ))}
      </View>
      {children}
    </View>
  );
}
