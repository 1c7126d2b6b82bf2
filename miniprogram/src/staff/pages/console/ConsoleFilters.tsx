/** 派单台 filters: 颜色 (全部/红/黄/绿) and 类别, each one sideways-scrolling line of chips. */
import { Text, View } from '@tarojs/components';
import type { Colour, OrderCategory } from '@shared/orders/model';
import { COLOURS, COLOUR_NAMES, ORDER_CATEGORIES } from '@shared/orders/model';
import type { Chip } from '../../../components/ChipGroup';
import ChipGroup from '../../../components/ChipGroup';

type All = 'all';
const COLOUR_CHIPS: Array<Chip<Colour | All>> = [{ value: 'all', label: '全部颜色' }, ...COLOURS.map((c) => ({ value: c, label: COLOUR_NAMES[c] }))];
const CATEGORY_CHIPS: Array<Chip<OrderCategory | All>> = [{ value: 'all', label: '全部类别' }, ...ORDER_CATEGORIES.map((c) => ({ value: c, label: c }))];

interface Props {
  colour: Colour | null;
  category: OrderCategory | null;
  onColour: (colour: Colour | null) => void;
  onCategory: (category: OrderCategory | null) => void;
}

export default function ConsoleFilters({ colour, category, onColour, onCategory }: Props) {
  return (
    <View className="console__filters">
      <View className="console__filter">
        <Text className="console__filter-label">颜色</Text>
        <ChipGroup scroll chips={COLOUR_CHIPS} value={colour ?? 'all'} onChange={(v) => onColour(v === 'all' ? null : v)} id="filter-colour" />
      </View>
      <View className="console__filter">
        <Text className="console__filter-label">类别</Text>
        <ChipGroup scroll chips={CATEGORY_CHIPS} value={category ?? 'all'} onChange={(v) => onCategory(v === 'all' ? null : v)} id="filter-category" />
      </View>
    </View>
  );
}
