/**
 * 用微信手机号确认 in the cloud: WeChat's getPhoneNumber through node-sdk's 云调用 (the users function declares
 * `phonenumber.getPhoneNumber` in its config.json). Its own module, so only the users bundle carries it.
 */
import type { App } from './cloud';
import { OpenApiError, openApi } from './cloud';
import type { PhoneNumbers } from './types';

export function wechatPhones(app: App, logError: (message: string, detail?: unknown) => void): PhoneNumbers {
  return {
    async numberOf(code) {
      try {
        // https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-info/phone-number/getPhoneNumber.html
        // POST /wxa/business/getuserphonenumber {code} → {errcode, errmsg, phone_info: {phoneNumber, purePhoneNumber, countryCode, watermark}}.
        const reply = await openApi(app, '/wxa/business/getuserphonenumber', { code });
        const info = reply.phone_info as { purePhoneNumber?: unknown; countryCode?: unknown } | undefined;
        if (typeof info?.purePhoneNumber !== 'string' || !info.purePhoneNumber) throw new OpenApiError('getPhoneNumber', 'answer without phone_info.purePhoneNumber');
        return { ok: true, phone: info.purePhoneNumber, countryCode: String(info.countryCode ?? '') };
      } catch (e) {
        // 40029: the code is unknown, used or expired (one use, five minutes); the user taps again.
        if (e instanceof OpenApiError && e.errcode === 40029) return { ok: false, reason: 'invalid' };
        logError('getPhoneNumber failed', e);
        return { ok: false, reason: 'unavailable' };
      }
    },
  };
}
