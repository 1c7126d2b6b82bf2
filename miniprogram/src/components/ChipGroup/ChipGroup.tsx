/** A row of choosable chips (类别, 技能, 颜色): one value or none; wraps, or scrolls sideways as a filter bar. */
import { ScrollView, Text, View } from '@tarojs/components';
import './ChipGroup.scss';

export interface Chip<V extends string> {
  value: V;
  label: string;
}

interface Props<V extends string> {
  chips: ReadonlyArray<Chip<V>>;
  value: V | null;
  onChange: (value: V) => void;
  id?: string;
  /** One scrolling line (filters) instead of wrapped rows (forms). */
  scroll?: boolean;
}

export default function ChipGroup<V extends string>({ chips, value, onChange, id, scroll }: Props<V>) {
  const row = (
    <View className={`chips${scroll ? ' chips--line' : ''}`} id={scroll ? undefined : id}>
      {chips.map((c) => (
        <Text key={c.value} className={`chip${c.value === value ? ' chip--on' : ''}`} onClick={() => onChange(c.value)}>
          {c.label}
        </Text>
      ))}
    </View>
  );
  return scroll ? (
    <ScrollView scrollX className="chips-scroll" id={id} enableFlex>
      {row}
    </ScrollView>
  ) : (
    row
  );
}

/** Chips for plain string values whose label is the value itself. */
export function chipsOf<V extends string>(values: readonly V[]): Array<Chip<V>> {
  return values.map((v) => ({ value: v, label: v }));
}
