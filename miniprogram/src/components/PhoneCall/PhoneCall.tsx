/** 拨打 button: the WeChat dialer via Taro.makePhoneCall, a plain `tel:` link on the web. */
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { dial, telHref } from '../../utils/phone';

interface Props {
  phone: string;
  label?: string;
}

export default function PhoneCall({ phone, label = '拨打' }: Props) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <a className="phone-call" href={telHref(phone)} aria-label={`${label} ${phone}`}>
        <Button type="primary" size="small">
          {label}
        </Button>
      </a>
    );
  }
  return (
    <View className="phone-call">
      <Button type="primary" size="small" onClick={() => dial(phone)}>
        {label}
      </Button>
    </View>
  );
}
