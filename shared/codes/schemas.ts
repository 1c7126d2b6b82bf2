/** Inputs and views of the `codes` function: codes per node or activity, scan resolution, posters. */
import * as z from 'zod/mini';
import type { AreaLevel } from '../areas/model';
import { id, input } from '../validation';
import type { ContactView } from '../users/schemas';

export const forNodeInput = input({ areaId: id('区域') });
export const forActivityInput = input({ activityId: id('活动') });
/** The raw scene as the page got it (may be URL-encoded); its rules are checked by decodeScene for clear messages. */
export const resolveInput = input({
  scene: z.string({ error: '二维码内容需为文字' }).check(z.maxLength(200, '二维码内容过长，不是本小程序的民情二维码')),
});
export const posterInput = input({ areaId: id('区域') });
export const posterForGridInput = input({ gridId: id('网格') });

export interface CodeView {
  /** `url`: a QR holding the h5 address (local/web); `wxacode`: a mini-program code (cloud). */
  kind: 'url' | 'wxacode';
  /** What scanning yields: the h5 URL, or `pages/scan/index?scene=…` for a mini-program code. */
  content: string;
  scene: string;
  page: string;
  /** The code as a PNG data URL, ready for <Image>. */
  image: string;
  /** "梅川第一居委会 / 第一网格 / 1号楼", or the activity title. */
  title: string;
  /** The node's level; absent on an activity's code. */
  level?: AreaLevel;
}

export interface ScanNode {
  id: string;
  name: string;
  level: AreaLevel;
  levelName: string;
  trail: string;
}

export interface ScanResolution {
  /**
   * order: open the new-order page for the building; checkin: the activity's check-in; landing: stay and show the node;
   * retired: the scanned node was retired and a replacement named: stay, say why (`retired`), offer `node` (its order page is `route`).
   */
  goal: 'order' | 'checkin' | 'landing' | 'retired';
  /** The page to open (with its query), for order and checkin. */
  route: string;
  node?: ScanNode;
  /** Why the scanned code no longer leads where it did ("该楼栋已撤销…"), for goal retired. */
  retired?: { message: string };
  activity?: { id: string; title: string };
  /** Who to call about this place (grid leader, else the community office). */
  contact?: ContactView;
}

export interface PosterFile {
  fileId: string;
  url: string;
  /** What the person saves it as, e.g. 民情二维码-第一网格.pdf. */
  name: string;
  pages: number;
}

export type ForNodeInput = z.infer<typeof forNodeInput>;
export type ForActivityInput = z.infer<typeof forActivityInput>;
export type ResolveInput = z.infer<typeof resolveInput>;
export type PosterInput = z.infer<typeof posterInput>;
export type PosterForGridInput = z.infer<typeof posterForGridInput>;
