/** Offline stand-ins for the WeChat ports: a word list, the uploads folder, no push at all, phone codes issued in-process. */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import QRCode from 'qrcode';
import { codeImageCache } from './codeImages';
import type { CodeMaker, ContentCheck, FileStore, PhoneNumbers, Ports, SubscribeMessages } from './types';

/** A short local list; in the cloud WeChat's msgSecCheck decides. */
export const BLOCKED_WORDS = ['法轮', '赌博网站', '代开发票', '枪支出售', '毒品交易', '色情服务', '办证刻章'];

/** The word list needs no author or scene; photos are not checked offline (nothing to push a verdict back). */
export const wordListCheck: ContentCheck = {
  async checkText(text: string) {
    const hit = BLOCKED_WORDS.find((w) => text.includes(w));
    return hit ? '内容含有违规信息，请修改后再提交' : null;
  },
  async checkImages() {
    return [];
  },
};

/** Files uploaded to the local server: `local:<sha256>.<ext>` under `<dataDir>/uploads`. */
export function uploadsFileStore(uploadsDir: string): FileStore {
  return {
    async exists(fileId: string) {
      if (!fileId.startsWith('local:')) return false;
      return fs.existsSync(path.join(uploadsDir, path.basename(fileId.slice(6))));
    },
    url(fileId: string) {
      return fileId.startsWith('local:') ? `/uploads/${path.basename(fileId.slice(6))}` : fileId;
    },
    async save(localPath: string, name: string) {
      // Served from /uploads like photos, under a random name: the link is the capability.
      const stored = `exp-${randomBytes(16).toString('hex')}${path.extname(name).toLowerCase()}`;
      fs.mkdirSync(uploadsDir, { recursive: true });
      fs.copyFileSync(localPath, path.join(uploadsDir, stored));
      fs.rmSync(localPath, { force: true });
      const fileId = `local:${stored}`;
      return { fileId, url: `/uploads/${stored}` };
    },
    async localCopy(fileId: string) {
      const file = fileId.startsWith('local:') ? path.join(uploadsDir, path.basename(fileId.slice(6))) : fileId;
      if (!fs.existsSync(file)) throw new Error(`no such file: ${fileId}`);
      return file;
    },
  };
}

export const noPush: SubscribeMessages = {
  async send() {
    // Locally the in-app outbox is the only channel.
    return 'skipped';
  },
};

/**
 * 民情二维码 on the web: a QR of `<WG_PUBLIC_URL>/#<route>`. Read on each call, so a server that learns
 * its address after start (tests on a random port) can still set it; defaults to the local server.
 */
const qrImages = codeImageCache();

export const webQrCodes: CodeMaker = {
  async make(target) {
    const origin = (process.env.WG_PUBLIC_URL ?? `http://127.0.0.1:${process.env.PORT ?? 8080}`).replace(/\/+$/, '');
    const content = `${origin}/#${target.webRoute}`;
    const image = await qrImages(content, () => QRCode.toBuffer(content, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 480 }));
    return { kind: 'url', content, image };
  },
};

/** As WeChat's getPhoneNumber codes: one use, five minutes. */
export const PHONE_CODE_TTL_MS = 5 * 60_000;

/**
 * No WeChat offline: a getPhoneNumber code is issued in this process by `issue` (what WeChat's client does after the
 * user taps allow), for development and the local test run. Codes from a real WeChat client are unknown here.
 */
export const devPhoneCodes = (() => {
  const issued = new Map<string, { phone: string; at: number }>();
  const phones: PhoneNumbers = {
    async numberOf(code, now) {
      const found = issued.get(code);
      issued.delete(code);
      if (!found || now - found.at > PHONE_CODE_TTL_MS) return { ok: false, reason: 'invalid' };
      return { ok: true, phone: found.phone, countryCode: '86' };
    },
  };
  return {
    phones,
    issue(phone: string, now: number): string {
      const code = `dev-${randomBytes(16).toString('hex')}`;
      issued.set(code, { phone, at: now });
      return code;
    },
  };
})();

export function localPorts(uploadsDir: string): Ports {
  return { content: wordListCheck, files: uploadsFileStore(uploadsDir), subscribe: noPush, codes: webQrCodes, phones: devPhoneCodes.phones };
}
