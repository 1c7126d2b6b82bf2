/**
 * The WeChat ports in the cloud, through @cloudbase/node-sdk's 云调用 routes (each function declares the APIs it
 * calls in its config.json `permissions.openapi`): msgSecCheck and mediaCheckAsync v2, wxacode.getUnlimited
 * (subscribeMessage.send is in cloudSubscribe.ts). Safety checks fail closed: an error or an unreadable answer refuses the content.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type tcb from '@cloudbase/node-sdk';
import { codeImageCache } from './codeImages';
import type { CodeMaker, ContentCheck, FileStore, ImageCheck, Ports, SubscribeMessages } from './types';
import { decodeCommOpenApiResp, encodeCommApiData } from './wxOpenApiWire';

export type App = ReturnType<typeof tcb.init>;
type LogError = (message: string, detail?: unknown) => void;

export const CHECK_UNAVAILABLE = '内容安全检查暂不可用，请稍后再试';
export const TEXT_REFUSED = '内容含有违规信息，请修改后再提交';
/** v2 checks are tied to a WeChat user; a caller without an OPENID (a web sign-in) cannot be checked. */
export const NEEDS_WECHAT = '内容安全检查需要微信身份，请在微信小程序中提交';

/** A WeChat or platform error answer; `errcode` is WeChat's when it gave one. */
export class OpenApiError extends Error {
  constructor(
    readonly api: string,
    detail: string,
    readonly errcode: number | null = null,
  ) {
    super(`${api} failed: ${detail}`);
    this.name = 'OpenApiError';
  }
}

/**
 * JSON open APIs. node-sdk's callWxOpenApi JSON.stringifies `requestData` itself (dist/wx/index.js), so it
 * takes the plain object (a Buffer would arrive as `{"type":"Buffer","data":[…]}`); the platform's answer
 * `data.responseData` is WeChat's JSON as a string, which the SDK parses into `result`.
 */
export async function openApi(app: App, apiName: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = (await app.callWxOpenApi({ apiName, requestData: body })) as { result?: unknown; code?: unknown; message?: unknown };
  // With throwOnCode off the SDK hands a platform error back instead of throwing it.
  if (res.code) throw new OpenApiError(apiName, `${String(res.code)} ${String(res.message ?? '')}`);
  const reply = res.result;
  if (typeof reply !== 'object' || reply === null || Array.isArray(reply)) throw new OpenApiError(apiName, 'answer is not a JSON object');
  const { errcode, errmsg } = reply as { errcode?: unknown; errmsg?: unknown };
  if (errcode !== undefined && errcode !== 0) throw new OpenApiError(apiName, `${String(errcode)} ${String(errmsg ?? '')}`, typeof errcode === 'number' ? errcode : null);
  return reply as Record<string, unknown>;
}

/**
 * Binary open APIs take the route wx-server-sdk uses for `cloud.openapi.*` (callGeneralOpenAPI →
 * callCompatibleWxOpenApi, action `wx.openApi`): a protobuf CommApiData in, a CommOpenApiResp out.
 * Anything but image bytes throws, so no error body is ever kept as an image.
 */
async function binaryOpenApi(app: App, apiName: string, body: Record<string, unknown>): Promise<{ contentType: string; bytes: Buffer }> {
  const raw: unknown = await app.callCompatibleWxOpenApi({ apiName, requestData: encodeCommApiData(body) });
  if (!Buffer.isBuffer(raw)) {
    // The SDK parses a JSON platform error (content-type application/json; charset=utf-8) instead of returning bytes.
    const { code, message } = (raw ?? {}) as { code?: unknown; message?: unknown };
    throw new OpenApiError(apiName, `platform error ${String(code)} ${String(message ?? '')}`);
  }
  let resp;
  try {
    resp = decodeCommOpenApiResp(raw);
  } catch (e) {
    throw new OpenApiError(apiName, `unreadable answer (${e instanceof Error ? e.message : String(e)}): ${raw.subarray(0, 120).toString('utf8')}`);
  }
  if (resp.errorCode !== 0) throw new OpenApiError(apiName, `platform error code ${resp.errorCode}`, resp.errorCode);
  // wx-server-sdk treats application/json and text/plain as WeChat's JSON answer (an errcode), the rest as bytes.
  if (/application\/json|text\/plain/i.test(resp.contentType)) {
    let reply: { errcode?: unknown; errmsg?: unknown } = {};
    try {
      reply = JSON.parse(resp.respData.toString('utf8')) as typeof reply;
    } catch {
      // fall through: a JSON answer where an image was expected is an error either way
    }
    const errcode = typeof reply.errcode === 'number' ? reply.errcode : null;
    throw new OpenApiError(apiName, `${String(reply.errcode ?? 'no image')} ${String(reply.errmsg ?? resp.respData.subarray(0, 120).toString('utf8'))}`, errcode);
  }
  if (resp.respData.length === 0) throw new OpenApiError(apiName, `empty ${resp.contentType || 'answer'}`);
  return { contentType: resp.contentType, bytes: resp.respData };
}

/**
 * Subscribe messages are pushed where effects are applied (backend/records/apply.ts): the functions that drain pass
 * `cloudSubscribe` (backend/ports/cloudSubscribe.ts) to cloudMain, so its templates stay out of the other bundles.
 * A push from anywhere else is a wiring mistake, and the outbox logs it (the in-app message stands).
 */
const NO_PUSHES: SubscribeMessages = {
  send() {
    return Promise.reject(new Error('subscribe messages are pushed by the functions that drain effects (cloudSubscribe)'));
  },
};

/** WeChat downloads a photo from this link for mediaCheckAsync; the verdict may take a while, so it outlives the call. */
const MEDIA_LINK_SECONDS = 6 * 3600;

export function cloudPorts(app: App, logError: LogError = console.error): Ports {
  const content: ContentCheck = {
    async checkText(text, who, scene) {
      if (!who.openid) return NEEDS_WECHAT;
      try {
        // https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/msgSecCheck.html
        const reply = await openApi(app, '/wxa/msg_sec_check', { content: text, version: 2, scene, openid: who.openid });
        const suggest = (reply.result as { suggest?: unknown } | undefined)?.suggest;
        if (suggest === 'pass') return null;
        if (suggest === 'risky' || suggest === 'review') return TEXT_REFUSED;
        throw new OpenApiError('/wxa/msg_sec_check', `answer without result.suggest: ${JSON.stringify(reply).slice(0, 200)}`);
      } catch (e) {
        logError('msgSecCheck failed; refusing the text', e);
        return CHECK_UNAVAILABLE;
      }
    },
    async checkImages(fileIds, who, scene) {
      if (fileIds.length === 0) return [];
      if (!who.openid) throw new Error(NEEDS_WECHAT);
      const links = (await app.getTempFileURL({ fileList: fileIds.map((fileID) => ({ fileID, maxAge: MEDIA_LINK_SECONDS })) })) as {
        fileList?: Array<{ fileID?: string; tempFileURL?: string; code?: string }>;
        code?: unknown;
      };
      if (links.code || !Array.isArray(links.fileList)) throw new OpenApiError('getTempFileURL', String(links.code ?? 'no file list'));
      const checks: ImageCheck[] = [];
      for (const fileId of fileIds) {
        const url = links.fileList.find((f) => f.fileID === fileId && f.code === 'SUCCESS')?.tempFileURL;
        if (!url) throw new OpenApiError('getTempFileURL', `no link for ${fileId}`);
        // https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/mediaCheckAsync.html (media_type 2: image)
        const reply = await openApi(app, '/wxa/media_check_async', { media_url: url, media_type: 2, version: 2, scene, openid: who.openid });
        if (typeof reply.trace_id !== 'string' || !reply.trace_id) throw new OpenApiError('/wxa/media_check_async', 'answer without trace_id');
        checks.push({ fileId, traceId: reply.trace_id });
      }
      return checks;
    },
  };
  const files: FileStore = {
    async exists(fileId: string) {
      return fileId.startsWith('cloud://');
    },
    url(fileId: string) {
      return fileId;
    },
    async localCopy(fileId: string) {
      // A function's disk is empty at a cold start and only /tmp is writable: fetch once per instance.
      const file = path.join(os.tmpdir(), `wg-asset-${createHash('sha256').update(fileId).digest('hex').slice(0, 16)}${path.extname(fileId)}`);
      if (!fs.existsSync(file)) {
        // Not `tempFilePath`: the SDK resolves before its write stream has finished (dist/storage/index.js downloadFile).
        const { fileContent } = (await app.downloadFile({ fileID: fileId })) as { fileContent?: Buffer };
        if (!fileContent || fileContent.length === 0) throw new Error(`downloadFile ${fileId}: empty`);
        const part = `${file}.${randomBytes(4).toString('hex')}.part`;
        fs.writeFileSync(part, fileContent);
        fs.renameSync(part, file);
      }
      return file;
    },
    async save(localPath: string, name: string) {
      const cloudPath = `exports/${randomBytes(16).toString('hex')}/${name}`;
      const { fileID } = await app.uploadFile({ cloudPath, fileContent: fs.createReadStream(localPath) });
      fs.rmSync(localPath, { force: true });
      // A temporary link (CloudBase signs it for a limited time): exports are not meant to stay public.
      const res = await app.getTempFileURL({ fileList: [{ fileID, maxAge: 3600 }] });
      return { fileId: fileID, url: res.fileList[0]?.tempFileURL ?? fileID };
    },
  };
  /** 民情二维码: wxacode.getUnlimited answers with the image bytes, or JSON with an errcode (thrown, never cached). */
  const wxacodes = codeImageCache();
  const codes: CodeMaker = {
    async make(target) {
      const content = `${target.page}?scene=${encodeURIComponent(target.scene)}`;
      const image = await wxacodes(content, async () => {
        // https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/qr-code/getUnlimitedQRCode.html
        // check_path: a page missing from the released app fails here (41030) instead of printing a dead code.
        const body = { scene: target.scene, page: target.page, check_path: true, env_version: 'release', width: 430 };
        const { contentType, bytes } = await binaryOpenApi(app, 'wxacode.getUnlimited', body);
        if (!/^image\//i.test(contentType)) throw new OpenApiError('wxacode.getUnlimited', `unexpected content type ${contentType}`);
        return bytes;
      });
      return { kind: 'wxacode', content, image };
    },
  };
  return { content, files, subscribe: NO_PUSHES, codes };
}
