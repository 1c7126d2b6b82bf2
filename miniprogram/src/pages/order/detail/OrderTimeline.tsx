/** 办理记录: every step with who (name · role), what, the note and when, oldest first. */
import { Text, View } from '@tarojs/components';
import type { TimelineView } from '@shared/orders/schemas';
import { formatWhen } from '@shared/time';
import SectionCard from '../../../components/SectionCard';

export default function OrderTimeline({ entries }: { entries: TimelineView[] }) {
  return (
    <SectionCard title="办理记录" id="order-timeline">
      {entries.map((t, i) => (
        <View key={`${t.at}-${i}`} className={`timeline__item${i === entries.length - 1 ? ' timeline__item--last' : ''}`}>
          <View className="timeline__dot" />
          <View className="timeline__body">
            <View className="timeline__head">
              <Text className="timeline__action">{t.action}</Text>
              <Text className="timeline__time">{formatWhen(t.at)}</Text>
            </View>
            <Text className="timeline__who">{t.actorName} · {t.roleName}</Text>
            {t.note && <Text className="timeline__note">{t.note}</Text>}
          </View>
        </View>
      ))}
    </SectionCard>
  );
}
