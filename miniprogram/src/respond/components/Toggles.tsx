/** Chips that toggle independently (接收对象, 标签): any number on, up to `max`. */
import { Text, View } from '@tarojs/components';
import '../../components/ChipGroup/ChipGroup.scss';

interface Props<V extends string> {
  options: ReadonlyArray<{ value: V; label: string }>;
  value: V[];
  onChange: (value: V[]) => void;
  max?: number;
  id?: string;
}

export default function Toggles<V extends string>({ options, value, onChange, max, id }: Props<V>) {
  const flip = (v: V) => {
    if (value.includes(v)) onChange(value.filter((x) => x !== v));
    else if (!max || value.length < max) onChange([...value, v]);
  };
  return (
    <View className="chips" id={id}>
      {options.map((o) => (
        <Text key={o.value} className={`chip${value.includes(o.value) ? ' chip--on' : ''}`} onClick={() => flip(o.value)}>
          {o.label}
        </Text>
      ))}
    </View>
  );
}
