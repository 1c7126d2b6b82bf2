/**
 * The simulated WeChat open-API platform behind CloudBase's 云调用 routes: who may call what (a function's
 * config.json `permissions.openapi`), the two wire formats node-sdk uses, and the users' visits and
 * subscribe-message consents the APIs depend on. The APIs themselves are in wechat-apis.ts.
 */
import { randomBytes } from 'node:crypto';
import { templateEnv } from '../../shared/notifications/templates';
import type { SimRequest, SimResponse } from './types';
import { SimError } from './types';
import type { ApiAnswer, ApiContext, SentMessage, SubscribeTemplate } from './wechat-apis';
import { getUnlimited, mediaCheckAsync, msgSecCheck, subscribeSend } from './wechat-apis';
import { getPhoneNumber, PhoneCodes } from './wechat-phone';
import { decodeApiData, encodeOpenApiResp } from './wechat-wire';

export type { SentMessage, SubscribeTemplate } from './wechat-apis';

export interface WechatSimOptions {
  /** Text containing one of these is `risky` (msgSecCheck). */
  blockedWords: string[];
  /** Text containing one of these is `review`. */
  reviewWords?: string[];
  /** An image whose bytes contain this marker is `risky` (mediaCheckAsync). */
  riskyImageMarker: string;
  templates: SubscribeTemplate[];
  /** The app's pages as app.json lists them (subpackage root + page), without a leading `/`. */
  pages: string[];
  appid: string;
  /** The mini-program's original id (gh_…): ToUserName of message pushes. */
  originalId: string;
  now?: () => number;
  /** How long a visit lets the v2 checks name that user (WeChat: two hours). */
  visitWindowMs?: number;
  /** How long after answering a media check its verdict is pushed. */
  pushDelayMs?: number;
}

export interface WechatSimDeps {
  /** A stored file's bytes by fileID or temporary URL (WeChat downloads `media_url`). */
  readFile(fileIdOrUrl: string): Promise<Buffer | null>;
  /** Message push (消息推送) to the app: the front invokes the configured function with the event. */
  pushEvent(event: Record<string, unknown>): void;
}

interface OpenApi {
  /** The name `permissions.openapi` lists, and wx-server-sdk's `cloud.openapi.<name>` (the compat route's apiName). */
  permission: string;
  /** The HTTPS path, which node-sdk's callWxOpenApi takes as apiName. */
  path: string;
  run(ctx: ApiContext, body: Record<string, unknown>): Promise<ApiAnswer>;
}

const APIS: OpenApi[] = [
  { permission: 'security.msgSecCheck', path: '/wxa/msg_sec_check', run: msgSecCheck },
  { permission: 'security.mediaCheckAsync', path: '/wxa/media_check_async', run: mediaCheckAsync },
  { permission: 'subscribeMessage.send', path: '/cgi-bin/message/subscribe/send', run: subscribeSend },
  { permission: 'wxacode.getUnlimited', path: '/wxa/getwxacodeunlimit', run: getUnlimited },
  { permission: 'phonenumber.getPhoneNumber', path: '/wxa/business/getuserphonenumber', run: getPhoneNumber },
];
const byName = (name: unknown): OpenApi | undefined => APIS.find((a) => a.permission === name || a.path === name);

/** wx-server-sdk's error config (src/config/error.config.ts): platform codes carried in CommOpenApiResp.errorCode. */
const API_NOT_FOUND = { errcode: -604100, errmsg: 'API not found' };
const NO_PERMISSION = { errcode: -604101, errmsg: 'function has no permission to call this API' };
const ARGS_ERROR = -601002;

const HOUR = 3600_000;

export class SimWechat {
  private readonly visits = new Map<string, number>();
  private readonly consents = new Map<string, Map<string, number>>();
  private readonly outbox: SentMessage[] = [];
  private readonly phoneCodes = new PhoneCodes();
  private readonly now: () => number;

  constructor(
    private readonly options: WechatSimOptions,
    private readonly deps: WechatSimDeps,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** A user opened the app (any call carrying their OPENID counts; the front may also report visits). */
  visit(openid: string): void {
    if (openid) this.visits.set(openid, this.now());
  }

  /** What an `accept` in wx.requestSubscribeMessage grants: one send per template per accept. */
  consent(openid: string, templateIds: string[]): void {
    this.visit(openid);
    const mine = this.consents.get(openid) ?? new Map<string, number>();
    for (const id of templateIds) mine.set(id, (mine.get(id) ?? 0) + 1);
    this.consents.set(openid, mine);
  }

  /**
   * What a `getPhoneNumber` button hands the page after the user taps allow: a fresh code for their WeChat number,
   * good once for five minutes (WeChat's client; the app's server exchanges it).
   */
  issuePhoneCode(phone: string, countryCode = '86'): string {
    const code = randomBytes(16).toString('hex');
    this.phoneCodes.issue(code, phone, countryCode, this.now());
    return code;
  }

  /** Subscribe messages WeChat delivered, oldest first. */
  sent(): SentMessage[] {
    return this.outbox.map((m) => ({ ...m, data: { ...m.data } }));
  }

  /** The templates added in the (simulated) MP console. */
  templates(): SubscribeTemplate[] {
    return this.options.templates.map((t) => ({ ...t, fields: { ...t.fields } }));
  }

  /** `WG_TEMPLATE_<KIND>` for the app's kinds, from the templates added in the console (matched by title). */
  templateEnv(): Map<string, string> {
    return new Map(Object.entries(templateEnv(Object.fromEntries(this.options.templates.map((t) => [t.title, t.id])))));
  }

  async handle(req: SimRequest): Promise<SimResponse> {
    if (req.caller.openid) this.visit(req.caller.openid);
    if (req.action === 'wx.api') return this.jsonRoute(req);
    if (req.action === 'wx.openApi') return this.compatRoute(req);
    throw new SimError('INVALID_ACTION', `wx action not supported by the simulator: ${req.action}`);
  }

  /**
   * node-sdk callWxOpenApi (dist/wx/index.js): `{ action: 'wx.api', apiName, requestData: JSON.stringify(obj) }`;
   * the answer's `data.responseData` is WeChat's JSON as a string. Platform refusals ride in it as an errcode.
   */
  private async jsonRoute(req: SimRequest): Promise<SimResponse> {
    const reply = (json: Record<string, unknown>): SimResponse => ({ kind: 'json', body: { data: { responseData: JSON.stringify(json) } } });
    const api = byName(req.params.apiName);
    if (!api) return reply(API_NOT_FOUND);
    if (!req.caller.openapi.includes(api.permission)) return reply(NO_PERMISSION);
    const body = parseObject(req.params.requestData);
    if (!body) return reply({ errcode: 47001, errmsg: 'data format error: requestData is not a JSON object' });
    const answer = await api.run(this.context(req), body);
    // A binary answer has no place in a JSON string: WeChat's images need the wx.openApi route.
    if ('image' in answer) return reply({ errcode: 40097, errmsg: 'invalid args: binary answer, call through wx.openApi' });
    return reply(answer.json);
  }

  /**
   * node-sdk callCompatibleWxOpenApi (what wx-server-sdk's `cloud.openapi.*` uses): multipart with `requestData`
   * a protobuf CommApiData; the raw answer is a CommOpenApiResp. Errors CloudBase raises itself go back as JSON
   * with the exact content type node-sdk parses on this route (tcbapirequester.js handleWxOpenApiData).
   */
  private async compatRoute(req: SimRequest): Promise<SimResponse> {
    const pb = (resp: Parameters<typeof encodeOpenApiResp>[0]): SimResponse => ({ kind: 'raw', contentType: 'application/octet-stream', body: encodeOpenApiResp(resp) });
    const raw = req.files.requestData ?? (typeof req.params.requestData === 'string' ? Buffer.from(req.params.requestData, 'utf8') : null);
    if (!raw) return platformError('INVALID_PARAM', 'requestData missing');
    let decoded;
    try {
      decoded = decodeApiData(raw);
    } catch (e) {
      return platformError('INVALID_PARAM', `requestData is not a CommApiData: ${e instanceof Error ? e.message : String(e)}`);
    }
    const api = byName(req.params.apiName);
    if (!api) return pb({ errorCode: API_NOT_FOUND.errcode });
    if (!req.caller.openapi.includes(api.permission)) return pb({ errorCode: NO_PERMISSION.errcode });
    if (decoded.apiType !== 0) return pb({ errorCode: ARGS_ERROR });
    const body: Record<string, unknown> = {};
    for (const { key, value } of decoded.pairs) {
      try {
        body[key] = JSON.parse(value.toString('utf8'));
      } catch {
        return pb({ respData: Buffer.from(JSON.stringify({ errcode: 47001, errmsg: `data format error: ${key}` })), contentType: 'application/json; encoding=utf-8' });
      }
    }
    const answer = await api.run(this.context(req), body);
    if ('image' in answer) return pb({ respData: answer.image, contentType: answer.contentType });
    return pb({ respData: Buffer.from(JSON.stringify(answer.json)), contentType: 'application/json; encoding=utf-8' });
  }

  private context(req: SimRequest): ApiContext {
    const o = this.options;
    return {
      caller: req.caller,
      blockedWords: o.blockedWords,
      reviewWords: o.reviewWords ?? [],
      riskyImageMarker: o.riskyImageMarker,
      templates: o.templates,
      pages: o.pages,
      appid: o.appid,
      originalId: o.originalId,
      now: this.now,
      id: (bytes) => randomBytes(bytes).toString('hex'),
      visitedLately: (openid) => {
        const at = this.visits.get(openid);
        return at !== undefined && this.now() - at <= (o.visitWindowMs ?? 2 * HOUR);
      },
      known: (openid) => this.visits.has(openid) || this.consents.has(openid),
      takeConsent: (openid, templateId) => {
        const left = this.consents.get(openid)?.get(templateId) ?? 0;
        if (left <= 0) return false;
        this.consents.get(openid)?.set(templateId, left - 1);
        return true;
      },
      recordSent: (m) => void this.outbox.push(m),
      readFile: (ref) => this.deps.readFile(ref),
      later: (deliver) => {
        setTimeout(() => {
          deliver().catch((e: unknown) => console.error('[cloudsim] media check push failed', e));
        }, o.pushDelayMs ?? 10).unref();
      },
      pushEvent: (event) => this.deps.pushEvent(event),
      takePhoneCode: (code) => this.phoneCodes.take(code, this.now()),
    };
  }
}

function parseObject(text: unknown): Record<string, unknown> | null {
  if (typeof text !== 'string') return null;
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A CloudBase-level refusal on the compat route: JSON the SDK parses and throws (content type must match exactly). */
function platformError(code: string, message: string): SimResponse {
  const body = Buffer.from(JSON.stringify({ code, message, requestId: randomBytes(8).toString('hex') }));
  return { kind: 'raw', contentType: 'application/json; charset=utf-8', body };
}
