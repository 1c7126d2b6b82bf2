/** 办理记录 / 心愿记录: each step with who (name · role), what, the note and when, oldest first; nothing when empty. */
import { Text, View } from '@tarojs/components';
import type { TimelineView } from '@shared/records/machine';
import { formatWhen } from '@shared/time';
import SectionCard from '../SectionCard';
import './Timeline.scss';

export default function Timeline({ title, id, entries }: { title: string; id: string; entries: TimelineView[] }) {
  if (entries.length === 0) return null;
  return (
    <SectionCard title={title} id={id}>
      {entries.map((t, i) => (
        <View key={`${t.at}-${i}`} className={`timeline__item${i === entries.length - 1 ? ' timeline__item--last' : ''}`}>
          <View className="timeline__dot" />
          <View className="timeline__body">
            <View className="timeline__head">
              <Text className="timeline__action">{t.action}</Text>
              <Text className="timeline__time">{formatWhen(t.at)}</Text>
            </View>
            <Text className="timeline__who">
              {t.actorName} · {t.roleName}
            </Text>
            {t.note && <Text className="timeline__note">{t.note}</Text>}
          </View>
        </View>
      ))}
    </SectionCard>
  );
}
