/** Local photo uploads: jpg/png/webp up to 5 MB, checked by their bytes, stored by content hash. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage } from 'node:http';
import { AppError } from '../shared/errors';
import { PHOTO_LIMITS } from '../shared/photos';
import type { PhotoRef } from '../shared/photos';
import { BodyTooLarge, readBody } from './http-util';

/** The type a file really is, from its first bytes; the client's content-type is not trusted. */
export function sniffImage(bytes: Buffer): { type: PhotoRef['type']; ext: 'jpg' | 'png' | 'webp' } | null {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { type: 'image/jpeg', ext: 'jpg' };
  if (bytes.length > 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return { type: 'image/png', ext: 'png' };
  if (bytes.length > 12 && bytes.toString('ascii', 0, 4) === 'RIFF' && bytes.toString('ascii', 8, 12) === 'WEBP') return { type: 'image/webp', ext: 'webp' };
  return null;
}

/** Where a checked photo goes: the uploads folder locally; cloud storage in cloud mode (a `cloud://` fileID). */
export type KeepPhoto = (bytes: Buffer, name: string) => string;

export function keepInFolder(uploadsDir: string): KeepPhoto {
  return (bytes, name) => {
    fs.mkdirSync(uploadsDir, { recursive: true });
    const file = path.join(uploadsDir, name);
    if (!fs.existsSync(file)) fs.writeFileSync(file, bytes);
    return `local:${name}`;
  };
}

export async function receiveUpload(req: IncomingMessage, keep: KeepPhoto): Promise<PhotoRef> {
  const tooBig = `照片不能超过 ${PHOTO_LIMITS.bytes / 1024 / 1024} MB`;
  let bytes: Buffer;
  try {
    bytes = await readBody(req, PHOTO_LIMITS.bytes);
  } catch (e) {
    if (e instanceof BodyTooLarge) throw new AppError('VALIDATION', tooBig, { photo: tooBig });
    throw e;
  }
  const kind = sniffImage(bytes);
  if (!kind) throw new AppError('VALIDATION', '照片仅支持 jpg、png、webp 格式', { photo: '照片仅支持 jpg、png、webp 格式' });
  const name = `${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}.${kind.ext}`;
  return { fileId: keep(bytes, name), size: bytes.length, type: kind.type };
}
