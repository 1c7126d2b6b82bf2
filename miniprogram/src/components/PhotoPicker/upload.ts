/** 上传照片: raw bytes to the gateway on h5, Taro.cloud.uploadFile on weapp; both end as a PhotoRef the API takes. */
import Taro from '@tarojs/taro';
import { PHOTO_LIMITS, PHOTO_TYPES } from '@shared/photos';
import type { PhotoRef } from '@shared/photos';
import { toEnvelope, unwrap } from '../../api/envelope';
import { ApiError, NETWORK_MESSAGE } from '../../api/errors';
import { getToken } from '../../utils/session';

export interface PickedPhoto {
  ref: PhotoRef;
  /** What the picker shows: an object URL on h5, the temp file path on weapp. */
  preview: string;
}

type PhotoType = PhotoRef['type'];
const MB = 1024 * 1024;
const EXT_TYPES: Record<string, PhotoType> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

function isPhotoType(type: string): type is PhotoType {
  return (PHOTO_TYPES as readonly string[]).includes(type);
}

/** Why a chosen file cannot be sent, in the words the server would use; null when it can. */
export function photoProblem(type: string, size: number): string | null {
  if (!isPhotoType(type)) return '照片仅支持 jpg、png、webp 格式';
  if (size > PHOTO_LIMITS.bytes) return `照片不能超过 ${PHOTO_LIMITS.bytes / MB} MB`;
  return null;
}

/** h5: POST the file's bytes to /api/upload with the session token. */
export async function uploadWebFile(file: File): Promise<PickedPhoto> {
  const problem = photoProblem(file.type, file.size);
  if (problem) throw new ApiError('VALIDATION', problem, { photo: problem });
  const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
  const token = getToken();
  if (token) headers.authorization = `Bearer ${token}`;
  let raw: unknown;
  try {
    const response = await fetch(`${WG_API_BASE}/api/upload`, { method: 'POST', headers, body: file });
    raw = await response.json();
  } catch {
    throw new ApiError('NETWORK', NETWORK_MESSAGE);
  }
  const ref = unwrap(toEnvelope(raw)) as PhotoRef;
  return { ref, preview: URL.createObjectURL(file) };
}

function typeOfPath(path: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  return EXT_TYPES[ext] ?? `image/${ext}`;
}

/** weapp: choose up to `max` photos, then upload each to cloud storage under orders/. */
export async function chooseAndUploadWeapp(max: number): Promise<PickedPhoto[]> {
  const chosen = await Taro.chooseMedia({ count: max, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] });
  const picked: PickedPhoto[] = [];
  for (const f of chosen.tempFiles.slice(0, max)) {
    const type = typeOfPath(f.tempFilePath);
    const problem = photoProblem(type, f.size);
    if (problem || !isPhotoType(type)) throw new ApiError('VALIDATION', problem ?? '照片格式不支持', { photo: problem ?? '照片格式不支持' });
    const cloudPath = `orders/${Date.now()}-${Math.random().toString(36).slice(2, 10)}.${type.slice(6).replace('jpeg', 'jpg')}`;
    let fileID: string;
    try {
      ({ fileID } = await Taro.cloud.uploadFile({ cloudPath, filePath: f.tempFilePath }));
    } catch {
      throw new ApiError('NETWORK', '照片上传失败，请检查网络后重试');
    }
    picked.push({ ref: { fileId: fileID, size: f.size, type }, preview: f.tempFilePath });
  }
  return picked;
}
