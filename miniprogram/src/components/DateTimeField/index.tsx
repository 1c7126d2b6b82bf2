/** A date and a time chosen with the platform's pickers (weapp and h5), held as "YYYY-MM-DD HH:mm" Shanghai time. */
import { Picker, Text, View } from '@tarojs/components';
import './DateTimeField.scss';

interface Props {
  id: string;
  value: string;
  onChange: (value: string) => void;
}

export default function DateTimeField({ id, value, onChange }: Props) {
  const [day = '', time = ''] = value.split(' ');
  return (
    <View className="date-time" id={id}>
      <Picker mode="date" value={day} onChange={(e) => onChange(`${String(e.detail.value)} ${time}`)}>
        <View className="date-time__box date-time__day">
          <Text>{day || '选择日期'}</Text>
        </View>
      </Picker>
      <Picker mode="time" value={time} onChange={(e) => onChange(`${day} ${String(e.detail.value)}`)}>
        <View className="date-time__box date-time__time">
          <Text>{time || '选择时间'}</Text>
        </View>
      </Picker>
    </View>
  );
}
