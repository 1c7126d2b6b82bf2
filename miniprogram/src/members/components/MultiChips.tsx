/** Several choices from a fixed list (技能特长, 可服务时间): tap to add or remove. */
import { Text, View } from '@tarojs/components';
import '../../components/ChipGroup/ChipGroup.scss';

interface Props<V extends string> {
  values: readonly V[];
  chosen: readonly V[];
  onChange: (chosen: V[]) => void;
  id?: string;
}

export default function MultiChips<V extends string>({ values, chosen, onChange, id }: Props<V>) {
  const toggle = (v: V) => onChange(chosen.includes(v) ? chosen.filter((c) => c !== v) : values.filter((x) => x === v || chosen.includes(x)));
  return (
    <View className="chips" id={id}>
      {values.map((v) => (
        <Text key={v} className={`chip${chosen.includes(v) ? ' chip--on' : ''}`} onClick={() => toggle(v)}>
          {v}
        </Text>
      ))}
    </View>
  );
}
