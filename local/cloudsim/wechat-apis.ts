/**
 * The WeChat open APIs the app calls (getPhoneNumber in wechat-phone.ts), as WeChat answers them: request checks and errcodes from each API's
 * documentation page (cited per API), verdicts from the simulator's word list and image marker.
 */
import * as jpeg from 'jpeg-js';
import QRCode from 'qrcode';
import type { Caller } from './types';
import type { SimFieldType } from './wechat-fields';
import { fieldProblem } from './wechat-fields';

export interface SubscribeTemplate {
  id: string;
  title: string;
  /** Key (`thing1`) → field type, exactly as the template in the MP console. */
  fields: Record<string, SimFieldType>;
}

export interface SentMessage {
  touser: string;
  template_id: string;
  page: string;
  data: Record<string, { value: string }>;
}

/** What an API answers: WeChat's JSON, or image bytes (wxacode). */
export type ApiAnswer = { json: Record<string, unknown> } | { image: Buffer; contentType: string };

/** The simulator state an API reads and changes. */
export interface ApiContext {
  caller: Caller;
  blockedWords: string[];
  reviewWords: string[];
  riskyImageMarker: string;
  templates: SubscribeTemplate[];
  pages: string[];
  appid: string;
  originalId: string;
  now(): number;
  id(bytes: number): string;
  /** Opened the app within WeChat's window (msgSecCheck / mediaCheckAsync: 近两小时访问过小程序). */
  visitedLately(openid: string): boolean;
  /** Ever used the app: the OPENID exists for this appid. */
  known(openid: string): boolean;
  takeConsent(openid: string, templateId: string): boolean;
  recordSent(m: SentMessage): void;
  readFile(fileIdOrUrl: string): Promise<Buffer | null>;
  /** Runs `deliver` later, the way WeChat pushes an async verdict after answering. */
  later(deliver: () => Promise<void>): void;
  pushEvent(event: Record<string, unknown>): void;
  /** Spends a getPhoneNumber code: the number it stands for, or null when unknown, used or expired. */
  takePhoneCode(code: string): { phone: string; countryCode: string } | null;
}

type Body = Record<string, unknown>;

/** WeChat appends a request id to errmsg (`… rid: 6650c2a1-…`). */
function fail(ctx: ApiContext, errcode: number, errmsg: string): ApiAnswer {
  return { json: { errcode, errmsg: `${errmsg} rid: ${ctx.id(4)}-${ctx.id(4)}-${ctx.id(4)}` } };
}

const traceId = (ctx: ApiContext): string => `${ctx.id(4)}-${ctx.id(4)}-${ctx.id(4)}`;

/** version 2, a scene 1–4, the author's OPENID (a user of the app, seen within the window): shared by both v2 checks. */
function checkAuthor(ctx: ApiContext, body: Body): ApiAnswer | null {
  if (body.version !== 2) return fail(ctx, 47001, 'data format error: the simulator serves version 2 only');
  if (typeof body.scene !== 'number' || ![1, 2, 3, 4].includes(body.scene)) return fail(ctx, 40129, 'invalid scene');
  if (typeof body.openid !== 'string' || body.openid === '' || !ctx.known(body.openid)) return fail(ctx, 40003, 'invalid openid');
  if (!ctx.visitedLately(body.openid)) return fail(ctx, 61010, 'user has not visited the mini program in the last 2 hours');
  return null;
}

/** Labels from the v2 docs: 100 正常, 20006 违法犯罪, 21000 其他. */
function verdict(ctx: ApiContext, text: string): { suggest: 'pass' | 'risky' | 'review'; label: number; keyword: string | null } {
  const risky = ctx.blockedWords.find((w) => text.includes(w));
  if (risky) return { suggest: 'risky', label: 20006, keyword: risky };
  const review = ctx.reviewWords.find((w) => text.includes(w));
  if (review) return { suggest: 'review', label: 21000, keyword: review };
  return { suggest: 'pass', label: 100, keyword: null };
}

/** https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/msgSecCheck.html */
export async function msgSecCheck(ctx: ApiContext, body: Body): Promise<ApiAnswer> {
  if (typeof body.content !== 'string' || body.content === '') return fail(ctx, 47001, 'data format error: content');
  if ([...body.content].length > 2500) return fail(ctx, 47001, 'data format error: content exceeds 2500 characters');
  const refused = checkAuthor(ctx, body);
  if (refused) return refused;
  const extra = [body.title, body.nickname, body.signature].filter((v): v is string => typeof v === 'string');
  const v = verdict(ctx, [body.content, ...extra].join('\n'));
  return {
    json: {
      errcode: 0,
      errmsg: 'ok',
      result: { suggest: v.suggest, label: v.label },
      detail: [
        { strategy: 'content_model', errcode: 0, suggest: v.suggest, label: v.label, prob: v.keyword ? 90 : 0 },
        { strategy: 'keyword', errcode: 0, suggest: v.suggest, label: v.label, level: v.keyword ? 20 : 0, ...(v.keyword ? { keyword: v.keyword } : {}) },
      ],
      trace_id: traceId(ctx),
    },
  };
}

/**
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/mediaCheckAsync.html — answers a
 * trace_id at once; the verdict is pushed later as a `wxa_media_check` event. A medium WeChat cannot fetch is
 * pushed as `review` (the simulator's choice: the docs do not say).
 */
export async function mediaCheckAsync(ctx: ApiContext, body: Body): Promise<ApiAnswer> {
  const url = body.media_url;
  if (typeof url !== 'string' || !/^(https?:\/\/|cloud:\/\/)\S+$/.test(url)) return fail(ctx, 47001, 'data format error: media_url');
  if (body.media_type !== 1 && body.media_type !== 2) return fail(ctx, 47001, 'data format error: media_type');
  const refused = checkAuthor(ctx, body);
  if (refused) return refused;
  const trace = traceId(ctx);
  const openid = body.openid as string;
  ctx.later(async () => {
    const bytes = await ctx.readFile(url);
    const risky = bytes !== null && bytes.includes(Buffer.from(ctx.riskyImageMarker));
    const suggest = bytes === null ? 'review' : risky ? 'risky' : 'pass';
    const label = risky ? 20002 : bytes === null ? 21000 : 100;
    ctx.pushEvent({
      ToUserName: ctx.originalId,
      FromUserName: openid,
      CreateTime: Math.floor(ctx.now() / 1000),
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: ctx.appid,
      trace_id: trace,
      version: 2,
      detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: risky ? 90 : 0 }],
      errcode: 0,
      errmsg: 'ok',
      result: { suggest, label },
    });
  });
  return { json: { errcode: 0, errmsg: 'ok', trace_id: trace } };
}

const STATES = ['developer', 'trial', 'formal'];
const LANGS = ['zh_CN', 'en_US', 'zh_HK', 'zh_TW'];

/** https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html */
export async function subscribeSend(ctx: ApiContext, body: Body): Promise<ApiAnswer> {
  const { touser, template_id: templateId, page, data } = body;
  if (typeof touser !== 'string' || touser === '' || !ctx.known(touser)) return fail(ctx, 40003, 'invalid openid');
  const template = typeof templateId === 'string' ? ctx.templates.find((t) => t.id === templateId) : undefined;
  if (!template) return fail(ctx, 40037, 'invalid template id');
  // "page 路径不正确，需要保证在现网版本小程序中存在，与 app.json 保持一致": no leading `/`, query allowed.
  if (page !== undefined && (typeof page !== 'string' || !ctx.pages.includes(page.split('?')[0] ?? ''))) return fail(ctx, 41030, 'invalid page');
  if (body.miniprogram_state !== undefined && !STATES.includes(String(body.miniprogram_state))) return fail(ctx, 47001, 'data format error: miniprogram_state');
  if (body.lang !== undefined && !LANGS.includes(String(body.lang))) return fail(ctx, 47001, 'data format error: lang');
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail(ctx, 47003, 'argument invalid! data is empty');
  const given = data as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!(key in template.fields)) return fail(ctx, 47003, `argument invalid! data.${key} is not a field of the template`);
  }
  const out: Record<string, { value: string }> = {};
  for (const [key, type] of Object.entries(template.fields)) {
    const entry = given[key];
    const value = typeof entry === 'object' && entry !== null ? (entry as { value?: unknown }).value : undefined;
    if (typeof value !== 'string') return fail(ctx, 47003, `argument invalid! data.${key}.value is empty`);
    const problem = fieldProblem(type, value);
    if (problem) return fail(ctx, 47003, `argument invalid! data.${key}.value ${problem}`);
    out[key] = { value };
  }
  // One send per template per accept of wx.requestSubscribeMessage.
  if (!ctx.takeConsent(touser, template.id)) return fail(ctx, 43101, 'user refuse to accept the msg');
  ctx.recordSent({ touser, template_id: template.id, page: typeof page === 'string' ? page : '', data: out });
  return { json: { errcode: 0, errmsg: 'ok', msgid: Number.parseInt(ctx.id(6), 16) } };
}

const SCENE_CHARS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/;
const ENV_VERSIONS = ['release', 'trial', 'develop'];

/**
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/qr-code/getUnlimitedQRCode.html — a
 * JPEG like WeChat's (a PNG when is_hyaline asks for a transparent background). The picture is a plain QR of
 * `<page>?scene=<scene>` (what the app records as the code's content), not WeChat's round code.
 */
export async function getUnlimited(ctx: ApiContext, body: Body): Promise<ApiAnswer> {
  const { scene } = body;
  if (typeof scene !== 'string' || scene.length === 0 || scene.length > 32) return fail(ctx, 40169, 'invalid length for scene, or the data is not json string');
  if (!SCENE_CHARS.test(scene)) return fail(ctx, 40129, 'invalid scene');
  const page = body.page === undefined ? (ctx.pages[0] ?? '') : body.page;
  if (typeof page !== 'string' || page.startsWith('/') || page.includes('?')) return fail(ctx, 41030, 'invalid page');
  if (body.check_path !== undefined && typeof body.check_path !== 'boolean') return fail(ctx, 40097, 'invalid args: check_path');
  if (body.check_path !== false && !ctx.pages.includes(page)) return fail(ctx, 41030, 'invalid page');
  if (body.env_version !== undefined && !ENV_VERSIONS.includes(String(body.env_version))) return fail(ctx, 40097, 'invalid args: env_version');
  const width = body.width === undefined ? 430 : body.width;
  if (typeof width !== 'number' || !Number.isInteger(width) || width < 280 || width > 1280) return fail(ctx, 40097, 'invalid args: width must be 280–1280');
  const text = `${page}?scene=${encodeURIComponent(scene)}`;
  if (body.is_hyaline === true) {
    const png = await QRCode.toBuffer(text, { type: 'png', width, margin: 2, errorCorrectionLevel: 'M', color: { dark: '#000000ff', light: '#00000000' } });
    return { image: png, contentType: 'image/png' };
  }
  return { image: drawJpeg(text, width), contentType: 'image/jpeg' };
}

function drawJpeg(text: string, width: number): Buffer {
  const modules = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  const margin = 2;
  const cells = modules.size + margin * 2;
  const rgba = Buffer.alloc(width * width * 4, 0xff);
  for (let y = 0; y < width; y++) {
    const row = Math.floor((y * cells) / width) - margin;
    for (let x = 0; x < width; x++) {
      const col = Math.floor((x * cells) / width) - margin;
      const dark = row >= 0 && col >= 0 && row < modules.size && col < modules.size && Boolean(modules.get(row, col));
      if (dark) rgba.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
    }
  }
  return jpeg.encode({ data: rgba, width, height: width }, 90).data;
}
