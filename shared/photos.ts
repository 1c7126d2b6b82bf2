/** Photos every record may carry (点单, 办结, 心愿, 申报, 民情日记…): what an uploaded photo is and how many fit. */
import * as z from 'zod/mini';
import { int, oneOf } from './validation';

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

export const PHOTO_LIMITS = {
  /** Photos on one record (or one step of it). */
  perRecord: 3,
  bytes: 5 * 1024 * 1024,
} as const;

const MB = 1024 * 1024;

/** A photo already uploaded: to cloud storage on weapp (`cloud://…`), to the local server offline (`local:…`). */
export const photoRef = z.strictObject(
  {
    fileId: z.string({ error: '照片需为上传后的文件编号' }).check(z.regex(/^(cloud:\/\/[\w.\-/]{1,250}|local:[a-f0-9]{16,64}\.(jpg|png|webp))$/, '照片需为上传后的文件编号')),
    size: int('照片大小', 1, PHOTO_LIMITS.bytes).check(z.lte(PHOTO_LIMITS.bytes, `照片不能超过 ${PHOTO_LIMITS.bytes / MB} MB`)),
    type: oneOf('照片格式（仅支持 jpg、png、webp）', PHOTO_TYPES),
  },
  { error: '照片信息不完整' },
);
export type PhotoRef = z.infer<typeof photoRef>;

export const photos = (label: string) => z.array(photoRef, { error: `${label}需为列表` }).check(z.maxLength(PHOTO_LIMITS.perRecord, `${label}最多 ${PHOTO_LIMITS.perRecord} 张`));
