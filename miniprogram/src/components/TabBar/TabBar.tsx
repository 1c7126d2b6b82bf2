/** Tabs across the top of a list, each with an optional count: 待分拣 3 | 待派单 1 … */
import { ScrollView, Text, View } from '@tarojs/components';
import './TabBar.scss';

export interface TabItem<K extends string> {
  key: K;
  title: string;
  count?: number;
}

interface Props<K extends string> {
  tabs: ReadonlyArray<TabItem<K>>;
  active: K;
  onChange: (key: K) => void;
  id?: string;
  /** Count tiles in rows of three (派单台), instead of one scrolling line of tabs. */
  tiles?: boolean;
}

export default function TabBar<K extends string>({ tabs, active, onChange, id, tiles }: Props<K>) {
  if (tiles) {
    return (
      <View className="tab-tiles" id={id}>
        {tabs.map((t) => (
          <View
            key={t.key}
            className={`tab-tiles__tile${t.key === active ? ' tab-tiles__tile--active' : ''}`}
            id={id ? `${id}-${t.key}` : undefined}
            onClick={() => onChange(t.key)}
          >
            <Text className="tab-bar__count tab-tiles__count">{t.count ?? '–'}</Text>
            <Text className="tab-tiles__title">{t.title}</Text>
          </View>
        ))}
      </View>
    );
  }
  return (
    <ScrollView scrollX className="tab-bar" id={id} enableFlex>
      <View className="tab-bar__row">
        {tabs.map((t) => (
          <View key={t.key} className={`tab-bar__tab${t.key === active ? ' tab-bar__tab--active' : ''}`} id={id ? `${id}-${t.key}` : undefined} onClick={() => onChange(t.key)}>
            <Text className="tab-bar__title">{t.title}</Text>
            {t.count !== undefined && <Text className="tab-bar__count">{t.count}</Text>}
          </View>
        ))}
      </View>
    </ScrollView>
  );
}
