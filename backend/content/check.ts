/** Content safety at submission: text through the content port (WeChat's msgSecCheck in the cloud), photos uploaded and sent to the image check. */
import { invalid } from '../../shared/errors';
import type { PhotoRef } from '../../shared/photos';
import type { ContentScene } from '../ports/types';
import { CONTENT_SCENES } from '../ports/types';
import type { Authored, ScreenedPhotos } from './photoChecks';
import { authorOf, startPhotoChecks } from './photoChecks';

/**
 * Rejected text never reaches the store; the message names the field. WeChat's check is per author (their
 * OPENID) and scene (论坛 for posts, 评论 for notes and replies); a check that fails refuses the text.
 */
export async function checkContent(ctx: Authored, fields: Record<string, string | undefined>, scene: ContentScene = CONTENT_SCENES.forum): Promise<void> {
  for (const [field, text] of Object.entries(fields)) {
    if (!text) continue;
    const reason = await ctx.ports.content.checkText(text, authorOf(ctx), scene);
    if (reason) throw invalid(field, reason);
  }
}

/**
 * Photos must be uploaded, and each goes to WeChat's asynchronous image check before anything is written;
 * call `register` on the answer once the record holding them is stored (backend/content/photoChecks.ts).
 */
export async function checkPhotos(ctx: Authored, field: string, photos: PhotoRef[], scene: ContentScene = CONTENT_SCENES.forum): Promise<ScreenedPhotos> {
  const found = await Promise.all(photos.map((p) => ctx.ports.files.exists(p.fileId)));
  const missing = found.indexOf(false);
  if (missing >= 0) throw invalid(`${field}.${missing}`, '照片尚未上传成功，请重新上传');
  return startPhotoChecks(
    ctx,
    field,
    photos.map((p) => p.fileId),
    scene,
  );
}
