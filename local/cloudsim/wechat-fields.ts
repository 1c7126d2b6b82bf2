/**
 * subscribeMessage.send's value rules per template field type, written from WeChat's 订阅消息参数值内容限制说明
 * (https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html).
 * Independent of the app's own trimming (shared/notifications/templates.ts): this is the side that refuses.
 */

export const FIELD_TYPES = ['thing', 'number', 'letter', 'symbol', 'character_string', 'time', 'date', 'amount', 'phone_number', 'car_number', 'name', 'phrase'] as const;
export type SimFieldType = (typeof FIELD_TYPES)[number];

const HAN = /^\p{Script=Han}$/u;
const ASCII_SYMBOL = /^[!-/:-@[-`{-~]$/;
/** Punctuation and symbols of any script (Unicode P and S): what the limits call 符号. */
const SYMBOL = /^[\p{P}\p{S}]$/u;

const chars = (s: string): string[] => [...s];
const all = (s: string, test: (ch: string) => boolean): boolean => chars(s).every(test);

/** `2019年10月1日`, `2019-10-01`, `2019/10/01` (month and day may drop the leading zero). */
const DATE = String.raw`(?:\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2}|\d{4}/\d{1,2}/\d{1,2})`;
const CLOCK = String.raw`(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?`;
/** time: a 24-hour time, optionally after a date; a range joins two with `~`. */
const TIME_POINT = `(?:${DATE}\\s*)?${CLOCK}`;
const TIME = new RegExp(`^${TIME_POINT}(?:\\s*~\\s*${TIME_POINT})?$`);
/** date: a date, optionally followed by a 24-hour time; a range joins two with `~`. */
const DATE_POINT = `${DATE}(?:\\s*${CLOCK})?`;
const DATE_RE = new RegExp(`^${DATE_POINT}(?:\\s*~\\s*${DATE_POINT})?$`);

/** Null when WeChat would take the value; otherwise the tail of its 47003 errmsg (`data.<key>.value …`). */
export function fieldProblem(type: SimFieldType, value: string): string | null {
  if (value.length === 0) return 'is empty';
  const n = chars(value).length;
  switch (type) {
    case 'thing':
      return n > 20 ? 'exceeds limit (thing: 20 characters)' : null;
    case 'number':
      return n > 32 ? 'exceeds limit (number: 32 digits)' : /^\d+(\.\d+)?$/.test(value) ? null : 'invalid (number: digits only, may have decimals)';
    case 'letter':
      return n > 32 ? 'exceeds limit (letter: 32 letters)' : /^[A-Za-z]+$/.test(value) ? null : 'invalid (letter: letters only)';
    case 'symbol':
      return n > 5 ? 'exceeds limit (symbol: 5 symbols)' : all(value, (c) => SYMBOL.test(c)) ? null : 'invalid (symbol: symbols only)';
    case 'character_string':
      return n > 32
        ? 'exceeds limit (character_string: 32 characters)'
        : all(value, (c) => /[0-9A-Za-z]/.test(c) || ASCII_SYMBOL.test(c))
          ? null
          : 'invalid (character_string: digits, letters or symbols)';
    case 'time':
      return TIME.test(value) ? null : 'invalid (time: 24-hour time, e.g. 15:01 or 2019年10月1日 15:01)';
    case 'date':
      return DATE_RE.test(value) ? null : 'invalid (date: e.g. 2019年10月1日 or 2019年10月1日 15:01)';
    case 'amount':
      return /^[^\d\s]?\d{1,10}(\.\d{1,2})?元?$/.test(value) ? null : 'invalid (amount: one currency symbol and up to 10 digits, may end in 元)';
    case 'phone_number':
      return n > 17 ? 'exceeds limit (phone_number: 17 characters)' : /^[0-9+\-() ]+$/.test(value) ? null : 'invalid (phone_number: digits and symbols)';
    case 'car_number': {
      if (n > 8) return 'exceeds limit (car_number: 8 characters)';
      const c = chars(value);
      const ok = c.every((ch, i) => /[0-9A-Za-z]/.test(ch) || ((i === 0 || i === c.length - 1) && HAN.test(ch)));
      return ok ? null : 'invalid (car_number: letters and digits, first and last may be Chinese)';
    }
    case 'name': {
      // 10 Chinese characters, or 20 letters or symbols; mixed counts as Chinese (10).
      if (chars(value).some((c) => HAN.test(c))) return n > 10 ? 'exceeds limit (name: 10 Chinese characters)' : null;
      return n > 20 ? 'exceeds limit (name: 20 letters)' : all(value, (c) => /[A-Za-z ]/.test(c) || ASCII_SYMBOL.test(c)) ? null : 'invalid (name)';
    }
    case 'phrase':
      return n > 5 ? 'exceeds limit (phrase: 5 Chinese characters)' : all(value, (c) => HAN.test(c)) ? null : 'invalid (phrase: Chinese characters only)';
  }
}
