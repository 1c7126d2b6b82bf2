/**
 * Simulated CloudBase storage: upload metadata + a COS-style PUT endpoint, temporary download links,
 * deletes. Request and answer shapes follow @cloudbase/node-sdk's dist/storage/index.js (uploadFile,
 * getTempFileURL, deleteFile, downloadFile), which is what the bundles call.
 */
import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SimError } from './types';

/** CloudBase fileIDs: `cloud://<env>.<bucket>/<cloudPath>`. */
const FILE_ID = /^cloud:\/\/([^/]+)\/(.+)$/;

/** What a cloud path may hold: COS refuses empty segments, `..`, and paths over 1 KB. */
function checkCloudPath(p: unknown): string {
  if (typeof p !== 'string' || p.length === 0 || p.length > 1024) throw new SimError('INVALID_PARAM', 'path 必须是非空字符串');
  if (p.startsWith('/') || p.split('/').some((s) => s === '' || s === '.' || s === '..')) throw new SimError('INVALID_PARAM', `invalid cloud path: ${p}`);
  return p;
}

export class SimStorage {
  private readonly root: string;
  private readonly key = randomBytes(16);
  constructor(
    dir: string,
    private readonly envId: string,
    /** Public base of the simulator's HTTP front, for the URLs it hands out. */
    private readonly baseUrl: () => string,
    private readonly now: () => number = Date.now,
  ) {
    this.root = path.join(dir, 'files');
    fs.mkdirSync(this.root, { recursive: true });
  }

  private bucket(): string {
    return `${this.envId}.${this.envId.replace(/[^a-z0-9]/g, '').slice(0, 8)}-1250000000`;
  }

  fileIdOf(cloudPath: string): string {
    return `cloud://${this.bucket()}/${cloudPath}`;
  }

  private pathOf(fileId: unknown): string | null {
    const m = typeof fileId === 'string' ? FILE_ID.exec(fileId) : null;
    if (!m || m[1] !== this.bucket()) return null;
    try {
      return path.join(this.root, checkCloudPath(m[2]));
    } catch {
      return null;
    }
  }

  private sign(cloudPath: string, expires: number): string {
    return createHmac('sha256', this.key).update(`${cloudPath}\n${expires}`).digest('hex').slice(0, 32);
  }

  /** storage.getUploadMetadata / batchGetDownloadUrl / batchDeleteFile. */
  handle(action: string, params: Record<string, unknown>): Record<string, unknown> {
    switch (action) {
      case 'storage.getUploadMetadata': {
        const cloudPath = checkCloudPath(params.path);
        const expires = this.now() + 10 * 60_000;
        const token = this.sign(cloudPath, expires);
        return {
          data: {
            url: `${this.baseUrl()}/__cos/${encodeURIComponent(cloudPath)}?expires=${expires}&sign=${token}`,
            token,
            authorization: `q-sign-algorithm=sha1&q-sign=${token}`,
            fileId: this.fileIdOf(cloudPath),
            cosFileId: randomBytes(12).toString('hex'),
          },
        };
      }
      case 'storage.batchGetDownloadUrl': {
        const list = params.file_list;
        if (!Array.isArray(list) || list.length === 0 || list.length > 50) throw new SimError('INVALID_PARAM', 'file_list 必须是 1–50 个文件');
        return {
          data: {
            download_list: list.map((item: unknown) => {
              const entry = (typeof item === 'object' && item !== null ? item : {}) as { fileid?: unknown; max_age?: unknown };
              const file = this.pathOf(entry.fileid);
              if (!file || !fs.existsSync(file)) return { fileID: entry.fileid, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' };
              const maxAge = typeof entry.max_age === 'number' && entry.max_age > 0 ? entry.max_age : 86400;
              const cloudPath = path.relative(this.root, file).split(path.sep).join('/');
              const expires = this.now() + maxAge * 1000;
              return {
                fileID: entry.fileid,
                tempFileURL: `${this.baseUrl()}/__files/${cloudPath.split('/').map(encodeURIComponent).join('/')}?expires=${expires}&sign=${this.sign(cloudPath, expires)}`,
                code: 'SUCCESS',
                maxAge,
              };
            }),
          },
        };
      }
      case 'storage.batchDeleteFile': {
        const list = params.fileid_list;
        if (!Array.isArray(list) || list.length === 0) throw new SimError('INVALID_PARAM', 'fileid_list 必须是非空数组');
        return {
          data: {
            delete_list: list.map((fileId: unknown) => {
              const file = this.pathOf(fileId);
              if (!file || !fs.existsSync(file)) return { fileID: fileId, code: 'STORAGE_FILE_NONEXIST' };
              fs.rmSync(file, { force: true });
              return { fileID: fileId, code: 'SUCCESS' };
            }),
          },
        };
      }
      default:
        throw new SimError('INVALID_ACTION', `storage action not supported: ${action}`);
    }
  }

  /** A temporary link to a stored file (what getTempFileURL answers), or null when there is no such file. */
  tempUrl(fileId: string, maxAgeSeconds = 600): string | null {
    const r = this.handle('storage.batchGetDownloadUrl', { file_list: [{ fileid: fileId, max_age: maxAgeSeconds }] }) as {
      data: { download_list: Array<{ tempFileURL: string; code: string }> };
    };
    const hit = r.data.download_list[0];
    return hit && hit.code === 'SUCCESS' ? hit.tempFileURL : null;
  }

  /** The COS PUT of uploadFile: answers '' on success, COS's XML error otherwise (the SDK parses both). */
  receive(cloudPathEncoded: string, query: URLSearchParams, body: Buffer): { status: number; body: string } {
    let cloudPath: string;
    try {
      cloudPath = checkCloudPath(decodeURIComponent(cloudPathEncoded));
    } catch {
      return cosError(400, 'InvalidURI', 'Could not parse the specified URI.');
    }
    const expires = Number(query.get('expires'));
    if (!(expires > this.now()) || query.get('sign') !== this.sign(cloudPath, expires)) {
      return cosError(403, 'SignatureDoesNotMatch', 'The Signature you specified is invalid.');
    }
    const file = path.join(this.root, cloudPath);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, body);
    return { status: 200, body: '' };
  }

  /** A temporary link's bytes, or null when the link is forged, expired or the file is gone. */
  serve(cloudPathEncoded: string, query: URLSearchParams): Buffer | null {
    let cloudPath: string;
    try {
      cloudPath = checkCloudPath(cloudPathEncoded.split('/').map(decodeURIComponent).join('/'));
    } catch {
      return null;
    }
    const expires = Number(query.get('expires'));
    if (!(expires > this.now()) || query.get('sign') !== this.sign(cloudPath, expires)) return null;
    const file = path.join(this.root, cloudPath);
    return fs.existsSync(file) ? fs.readFileSync(file) : null;
  }

  /** Direct read by fileID or temporary URL, for the WeChat media check (it fetches what it is sent). */
  read(fileIdOrUrl: string): Buffer | null {
    const byId = this.pathOf(fileIdOrUrl);
    if (byId) return fs.existsSync(byId) ? fs.readFileSync(byId) : null;
    try {
      const url = new URL(fileIdOrUrl);
      if (!url.pathname.startsWith('/__files/')) return null;
      return this.serve(url.pathname.slice('/__files/'.length), url.searchParams);
    } catch {
      return null;
    }
  }

  /** Stores bytes under a cloud path (what wx.cloud.uploadFile does from a phone), returning the fileID. */
  put(cloudPath: string, body: Buffer): string {
    const file = path.join(this.root, checkCloudPath(cloudPath));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, body);
    return this.fileIdOf(cloudPath);
  }
}

function cosError(status: number, code: string, message: string): { status: number; body: string } {
  const id = randomBytes(8).toString('hex');
  return {
    status,
    body: `<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n<Code>${code}</Code>\n<Message>${message}</Message>\n<RequestId>${id}</RequestId>\n<TraceId>${id}</TraceId>\n</Error>`,
  };
}
