/**
 * The WeChat ports in the cloud: msgSecCheck and subscribeMessage.send through the node SDK's
 * `callWxOpenApi` (云调用; declare them in each function's config.json `permissions.openapi`).
 * Cannot run offline; the local ports stand in for them in every test.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type tcb from '@cloudbase/node-sdk';
import { codeImageCache } from './codeImages';
import type { CodeMaker, ContentCheck, FileStore, Ports, SubscribeMessages } from './types';

type App = ReturnType<typeof tcb.init>;

async function openApi(app: App, apiName: string, body: unknown): Promise<Record<string, unknown>> {
  const raw: unknown = await app.callWxOpenApi({ apiName, requestData: Buffer.from(JSON.stringify(body)) });
  const payload = (raw as { result?: unknown }).result ?? raw;
  const text = Buffer.isBuffer(payload) ? payload.toString('utf8') : typeof payload === 'string' ? payload : JSON.stringify(payload);
  return JSON.parse(text) as Record<string, unknown>;
}

export function cloudPorts(app: App, openidOf: (userId: string) => Promise<string | null>): Ports {
  const content: ContentCheck = {
    async checkText(text: string) {
      const res = await openApi(app, '/wxa/msg_sec_check', { content: text, version: 2, scene: 2 });
      const suggest = (res.result as { suggest?: string } | undefined)?.suggest;
      return suggest && suggest !== 'pass' ? '内容含有违规信息，请修改后再提交' : null;
    },
  };
  const files: FileStore = {
    async exists(fileId: string) {
      return fileId.startsWith('cloud://');
    },
    url(fileId: string) {
      return fileId;
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
  const subscribe: SubscribeMessages = {
    async send(userId, kind, title, body) {
      const templateId = process.env[`WG_TEMPLATE_${kind.toUpperCase()}`];
      const openid = await openidOf(userId);
      // Only kinds with a configured template, to people who consented on a tap, get a WeChat push.
      if (!templateId || !openid) return;
      await openApi(app, '/cgi-bin/message/subscribe/send', {
        touser: openid,
        template_id: templateId,
        page: 'pages/messages/index',
        data: { thing1: { value: title.slice(0, 20) }, thing2: { value: body.slice(0, 20) } },
      });
    },
  };
  /** 民情二维码: wxacode.getUnlimited answers with the image bytes, or JSON with an errcode. */
  const wxacodes = codeImageCache();
  const codes: CodeMaker = {
    async make(target) {
      const content = `${target.page}?scene=${encodeURIComponent(target.scene)}`;
      const image = await wxacodes(content, async () => {
        const body = { scene: target.scene, page: target.page, check_path: false, width: 430 };
        const raw: unknown = await app.callWxOpenApi({ apiName: '/wxa/getwxacodeunlimit', requestData: Buffer.from(JSON.stringify(body)) });
        const payload = (raw as { result?: unknown }).result ?? raw;
        const bytes = payload instanceof Uint8Array ? Buffer.from(payload) : Buffer.from(String(payload));
        if (bytes[0] === 0x7b) throw new Error(`wxacode.getUnlimited failed: ${bytes.toString('utf8').slice(0, 200)}`);
        return bytes;
      });
      return { kind: 'wxacode', content, image };
    },
  };
  return { content, files, subscribe, codes };
}
