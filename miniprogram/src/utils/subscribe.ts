/** 订阅消息 consent: WeChat only lets a page ask inside a tap, so tap handlers call this before their work. */
import Taro from '@tarojs/taro';
import type { MessageKind } from '@shared/notifications/schemas';
import { parseTemplates, templatesFor } from '@shared/notifications/consent';

/** The per-tap kind lists, so a tap handler imports consent from one place. */
export { CONSENT } from '@shared/notifications/consent';

/** Set at build time (`WG_SUBSCRIBE_TEMPLATES=kind=id,…`); a kind without a template stays in-app only. */
const TEMPLATES = parseTemplates(WG_SUBSCRIBE_TEMPLATES);

/** Asks for the templates of the kinds the tapper will be sent; call it first thing in the tap handler, unawaited. */
export function askConsent(kinds: readonly MessageKind[]): void {
  if (process.env.TARO_ENV !== 'weapp') return;
  const tmplIds = templatesFor(TEMPLATES, kinds);
  if (tmplIds.length === 0) return;
  // A refusal (or an old base library without the API) only means no WeChat push; the in-app list still gets everything.
  try {
    Taro.requestSubscribeMessage({ tmplIds, entityIds: [] }).catch(() => undefined);
  } catch {
    // Never let consent get in the way of the action the user tapped for.
  }
}
