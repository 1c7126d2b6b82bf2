/**
 * WeChat subscribe messages in the cloud (subscribeMessage.send through node-sdk's 云调用 route), for the functions that
 * apply effects: the templates and message links come with it, so the other bundles stay without them.
 */
import { subscribePage } from '../../shared/notifications/links';
import { subscribeData } from '../../shared/notifications/templates';
import type { App } from './cloud';
import { OpenApiError, openApi } from './cloud';
import type { SubscribeMessages } from './types';

export function cloudSubscribe(app: App, openidOf: (userId: string) => Promise<string | null>): SubscribeMessages {
  return {
    async send(userId, message) {
      // Only kinds with a configured template, to people who consented on a tap, get a WeChat push.
      const templateId = process.env[`WG_TEMPLATE_${message.kind.toUpperCase()}`];
      if (!templateId) return 'skipped';
      // A node's staff are pushed too: a kind nobody configured must not cost a read per person.
      const openid = await openidOf(userId);
      if (!openid) return 'skipped';
      const state = process.env.WG_MINIPROGRAM_STATE;
      try {
        // https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
        await openApi(app, '/cgi-bin/message/subscribe/send', {
          touser: openid,
          template_id: templateId,
          page: subscribePage(message),
          data: subscribeData(message),
          ...(state === 'developer' || state === 'trial' || state === 'formal' ? { miniprogram_state: state } : {}),
          lang: 'zh_CN',
        });
        return 'sent';
      } catch (e) {
        // 43101: no consent left for this template (one send per accept). Expected, not a fault: the in-app message stands.
        if (e instanceof OpenApiError && e.errcode === 43101) return 'declined';
        throw e;
      }
    },
  };
}
