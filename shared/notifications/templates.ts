/**
 * 订阅消息 templates as data: for each message kind, the template's fields (WeChat checks keys against the
 * template's own) and what fills each from the in-app message, cut to the field type's limits.
 * Limits: https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
 * (订阅消息参数值内容限制说明). Template ids stay deployment config: `WG_TEMPLATE_<KIND>`.
 */
import { SHANGHAI_OFFSET_MS } from '../time';
import type { MessageKind } from './schemas';

export type FieldType = 'thing' | 'number' | 'letter' | 'symbol' | 'character_string' | 'time' | 'date' | 'amount' | 'phone_number' | 'car_number' | 'name' | 'phrase';

/** What a field shows: the message's title or body, when it was sent, or a fixed word (a status). */
export type FieldSource = { from: 'title' } | { from: 'body' } | { from: 'time' } | { from: 'text'; text: string };

export interface FieldSpec {
  type: FieldType;
  fill: FieldSource;
}

export interface TemplateSpec {
  /** The template's title in the public library; the admin picks one with these exact fields. */
  title: string;
  fields: Record<string, FieldSpec>;
}

const title: FieldSource = { from: 'title' };
const body: FieldSource = { from: 'body' };
const time: FieldSource = { from: 'time' };
const status = (text: string): FieldSource => ({ from: 'text', text });

/** The three layouts the app uses; each kind below picks one. Key names are the template's own. */
const progress = (state: string): TemplateSpec => ({
  title: '事项进度通知',
  fields: { thing1: { type: 'thing', fill: body }, phrase2: { type: 'phrase', fill: status(state) }, time3: { type: 'time', fill: time }, thing4: { type: 'thing', fill: title } },
});
const review = (result: string): TemplateSpec => ({
  title: '审核结果通知',
  fields: { thing1: { type: 'thing', fill: body }, phrase2: { type: 'phrase', fill: status(result) }, time3: { type: 'time', fill: time } },
});
const todo: TemplateSpec = {
  title: '待办事项提醒',
  fields: { thing1: { type: 'thing', fill: title }, thing2: { type: 'thing', fill: body }, time3: { type: 'time', fill: time } },
};

export const SUBSCRIBE_TEMPLATES: Record<MessageKind, TemplateSpec> = {
  dispatched: todo,
  claimed: progress('已接单'),
  progress: progress('办理中'),
  completed: progress('已办结'),
  reopened: progress('重新办理'),
  overdue: todo,
  newOrder: todo,
  rejected: progress('未受理'),
  declined: progress('已婉拒'),
  released: progress('已退回'),
  pointsDeclared: todo,
  pointsForwarded: todo,
  pointsVerified: review('已核实'),
  pointsReturned: review('已退回'),
  pointsRejected: review('未通过'),
  pointsCorrected: progress('已更正'),
  registrationNew: todo,
  registrationApproved: review('已通过'),
  registrationRejected: review('未通过'),
  registrationMoved: progress('已变更'),
  wishReview: todo,
  wishPublished: review('已发布'),
  wishRejected: review('未通过'),
  wishClaimed: progress('已认领'),
  wishDelivered: progress('待确认'),
  wishFulfilled: progress('已圆梦'),
  wishLapsed: progress('已超期'),
  instruction: todo,
  instructionRemind: todo,
  emergencyOrder: todo,
  handedOver: todo,
};

const chars = (s: string): string[] => [...s];
const HAN = /\p{Script=Han}/u;
const LETTER = /[A-Za-z]/;
const DIGIT = /[0-9]/;
/** Punctuation and symbols of any script: what the limits call 符号. */
const SYMBOL = /[\p{P}\p{S}]/u;

/** At most n characters; a cut text ends in …, so nobody reads half a sentence as the whole. */
function cut(s: string, n: number): string {
  const c = chars(s);
  return c.length <= n ? s : `${c.slice(0, n - 1).join('')}…`;
}

function only(s: string, allowed: RegExp, n: number): string {
  return chars(s)
    .filter((ch) => allowed.test(ch))
    .slice(0, n)
    .join('');
}

/** Shanghai wall-clock time, `2026年3月5日 14:05` (the time type allows a date before the 24-hour time). */
export function templateTime(at: number): string {
  const d = new Date(at + SHANGHAI_OFFSET_MS);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${hh}:${mm}`;
}

/** A value WeChat accepts for the type: trimmed to its length and character rules; never empty. */
export function fitValue(type: FieldType, raw: string): string {
  const s = raw.replace(/\s+/g, ' ').trim();
  let v: string;
  switch (type) {
    case 'thing':
      v = cut(s, 20);
      break;
    case 'phrase':
      v = only(s, HAN, 5);
      break;
    case 'name': {
      const han = chars(s).some((ch) => HAN.test(ch));
      v = han ? only(s, HAN, 10) : only(s, /[A-Za-z !-/:-@[-`{-~]/, 20);
      break;
    }
    case 'number':
      v = only(s, /[0-9.]/, 32);
      break;
    case 'letter':
      v = only(s, LETTER, 32);
      break;
    case 'symbol':
      v = only(s, SYMBOL, 5);
      break;
    case 'character_string':
      v = chars(s)
        .filter((ch) => DIGIT.test(ch) || LETTER.test(ch) || /[!-/:-@[-`{-~]/.test(ch))
        .slice(0, 32)
        .join('');
      break;
    case 'phone_number':
      v = only(s, /[0-9+\-() ]/, 17);
      break;
    case 'amount': {
      const n = /\d{1,10}(\.\d{1,2})?/.exec(s)?.[0];
      v = n ? `￥${n}` : '';
      break;
    }
    case 'car_number':
      v = cut(s, 8);
      break;
    case 'time':
    case 'date':
      v = s;
      break;
  }
  return v || (type === 'thing' ? '无' : type === 'phrase' ? '有更新' : v);
}

/** What a subscribe message is made from: the in-app message it mirrors. */
export interface TemplateMessage {
  kind: MessageKind;
  title: string;
  body: string;
  createdAt: number;
}

/** subscribeMessage.send's `data` for this kind's template: `{ key: { value } }`, every value within limits. */
export function subscribeData(m: TemplateMessage): Record<string, { value: string }> {
  const spec = SUBSCRIBE_TEMPLATES[m.kind];
  const data: Record<string, { value: string }> = {};
  for (const [key, field] of Object.entries(spec.fields)) {
    const raw = field.fill.from === 'title' ? m.title : field.fill.from === 'body' ? m.body : field.fill.from === 'time' ? '' : field.fill.text;
    data[key] = {
      value: field.fill.from === 'time' ? (field.type === 'date' ? (templateTime(m.createdAt).split(' ')[0] ?? '') : templateTime(m.createdAt)) : fitValue(field.type, raw),
    };
  }
  return data;
}

/** `WG_TEMPLATE_<KIND>` for every kind, given the template id the admin got for each title (for the simulator and tests). */
export function templateEnv(idByTitle: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [kind, spec] of Object.entries(SUBSCRIBE_TEMPLATES)) {
    const id = idByTitle[spec.title];
    if (id) env[`WG_TEMPLATE_${kind.toUpperCase()}`] = id;
  }
  return env;
}
