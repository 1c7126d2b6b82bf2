/** 心愿记录: each step with who, what, the note and when — for the people involved only (it names them). */
import { Text, View } from '@tarojs/components';
import type { WishTimelineView } from '@shared/wishes/schemas';
import { formatWhen } from '@shared/time';
import SectionCard from '../../../components/SectionCard';

export default function WishTimeline({ entries }: { entries: WishTimelineView[] }) {
  if (entries.length === 0) return null;
  return (
    <SectionCard title="心愿记录" id="wish-timeline">
      {entries.map((t, i) => (
        <View key={`${t.at}-${i}`} className={`timeline__item${i === entries.length - 1 ? ' timeline__item--last' : ''}`}>
          <View className="timeline__dot" />
          <View className="timeline__head">
            <Text className="timeline__action">{t.action}</Text>
            <Text className="timeline__time">{formatWhen(t.at)}</Text>
          </View>
          <Text className="timeline__who">{t.actorName} · {t.roleName}</Text>
          {t.note && <Text className="timeline__note">{t.note}</Text>}
        </View>
      ))}
    </SectionCard>
  );
}
