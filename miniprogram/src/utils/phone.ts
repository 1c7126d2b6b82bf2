/** One-tap calling: the phone dialer in WeChat. On the web a `tel:` link is used instead (see PhoneCall). */
import Taro from '@tarojs/taro';

export function dial(phone: string): void {
  Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined);
}

export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
