/** 订阅消息 consent: WeChat only lets a page ask inside a tap, so tap handlers call this before their work. */
import Taro from '@tarojs/taro';

/** Template ids set at build time (`WG_SUBSCRIBE_TEMPLATES`, comma-separated); none means in-app messages only. */
const TEMPLATE_IDS = WG_SUBSCRIBE_TEMPLATES.split(',').map((s) => s.trim()).filter(Boolean);

export function askToSubscribe(): void {
  if (process.env.TARO_ENV !== 'weapp' || TEMPLATE_IDS.length === 0) return;
  // A refusal only means no WeChat push; the in-app message list still gets everything.
  Taro.requestSubscribeMessage({ tmplIds: TEMPLATE_IDS, entityIds: [] }).catch(() => undefined);
}
