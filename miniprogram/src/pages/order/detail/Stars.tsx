/** 1–5 stars: read-only on the detail, tappable in the rating form. */
import { Text, View } from '@tarojs/components';

const WORDS = ['', '很不满意', '不满意', '一般', '满意', '非常满意'];

interface Props {
  value: number;
  onChange?: (stars: number) => void;
}

export default function Stars({ value, onChange }: Props) {
  return (
    <View className={`stars${onChange ? ' stars--input' : ''}`}>
      {[1, 2, 3, 4, 5].map((n) => (
        <Text
          key={n}
          id={onChange ? `rate-star-${n}` : undefined}
          className={`stars__star${n <= value ? ' stars__star--on' : ''}`}
          onClick={onChange ? () => onChange(n) : undefined}
        >
          ★
        </Text>
      ))}
      <Text className="stars__word">{value ? `${value} 星 · ${WORDS[value]}` : '请点星星评分'}</Text>
    </View>
  );
}
