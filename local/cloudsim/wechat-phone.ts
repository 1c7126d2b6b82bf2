/**
 * 手机号快速验证 as WeChat runs it: the code a `getPhoneNumber` button hands the page after the user taps allow (issued
 * here by `issue`, as WeChat's client would), exchanged once, within five minutes, for the number it stands for.
 */
import type { ApiAnswer, ApiContext } from './wechat-apis';

/** https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/getPhoneNumber.html: 动态令牌 5 分钟有效，仅能使用一次. */
export const PHONE_CODE_TTL_MS = 5 * 60_000;

export interface IssuedPhone {
  /** The number without its country code (purePhoneNumber). */
  phone: string;
  countryCode: string;
  at: number;
}

/** The codes given out and not yet used. */
export class PhoneCodes {
  private readonly codes = new Map<string, IssuedPhone>();

  issue(code: string, phone: string, countryCode: string, at: number): void {
    this.codes.set(code, { phone, countryCode, at });
  }

  /** The number a live code stands for; the code is spent either way. */
  take(code: string, now: number): IssuedPhone | null {
    const found = this.codes.get(code);
    this.codes.delete(code);
    return found && now - found.at <= PHONE_CODE_TTL_MS ? found : null;
  }
}

/**
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-info/phone-number/getPhoneNumber.html —
 * POST /wxa/business/getuserphonenumber {code[, openid]}; errcode 40029 for a code unknown, used or expired.
 */
export async function getPhoneNumber(ctx: ApiContext, body: Record<string, unknown>): Promise<ApiAnswer> {
  const rid = `${ctx.id(4)}-${ctx.id(4)}-${ctx.id(4)}`;
  if (typeof body.code !== 'string' || body.code === '') return { json: { errcode: 47001, errmsg: `data format error: code rid: ${rid}` } };
  const found = ctx.takePhoneCode(body.code);
  if (!found) return { json: { errcode: 40029, errmsg: `invalid code rid: ${rid}` } };
  // phoneNumber carries the country code only for numbers outside the mainland.
  const phoneNumber = found.countryCode === '86' ? found.phone : `+${found.countryCode}${found.phone}`;
  return {
    json: {
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        phoneNumber,
        purePhoneNumber: found.phone,
        countryCode: found.countryCode,
        watermark: { timestamp: Math.floor(ctx.now() / 1000), appid: ctx.appid },
      },
    },
  };
}
