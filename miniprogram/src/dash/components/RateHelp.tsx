/** 指标说明: how each rate is defined, the same words as docs/dashboard.md. */
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { RATE_HELP } from '@shared/dashboard/model';

export default function RateHelp() {
  const [open, setOpen] = useState(false);
  return (
    <View className="rate-help" id="rate-help">
      <Text className="rate-help__toggle" id="rate-help-toggle" onClick={() => setOpen(!open)}>
        {open ? '收起指标说明 ▲' : '指标怎么算？ ▼'}
      </Text>
      {open && (
        <View className="rate-help__list">
          {RATE_HELP.map((r) => (
            <View key={r.key} className="rate-help__item">
              <Text className="rate-help__name">{r.name}</Text>
              <Text className="rate-help__text">{r.text}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
