/**
 * 民情二维码 scenes: the ≤ 32-character string a mini-program code carries (wxacode.getUnlimited).
 * `n=<areaId>` names a node, `a=<activityId>` an activity; derived from the id, so a code is stable.
 */
import { decodeUriOrSame } from '../uri';

/** Codes are posted in communities, grids and buildings; streets and 片区 have no place to post one. */
export const CODE_LEVELS = ['community', 'grid', 'building'] as const;

export const SCENE_MAX = 32;
/** WeChat's allowed scene characters. */
const SCENE_CHARS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/;
const SCENE_SHAPE = /^([na])=([A-Za-z0-9_-]{1,30})$/;

export type SceneTarget = { kind: 'node'; id: string } | { kind: 'activity'; id: string };

export type SceneProblem = 'empty' | 'too_long' | 'bad_chars' | 'malformed';

export const SCENE_PROBLEMS: Record<SceneProblem, string> = {
  empty: '二维码内容为空，请重新扫码或手动选择区域',
  too_long: `二维码内容超过 ${SCENE_MAX} 个字符，不是本小程序的民情二维码`,
  bad_chars: '二维码内容含有无法识别的字符，不是本小程序的民情二维码',
  malformed: '无法识别这个二维码，请确认扫的是社区张贴的民情二维码',
};

/** The scene for a target; throws when the id cannot fit (ids are short by design). */
export function encodeScene(target: SceneTarget): string {
  const scene = `${target.kind === 'node' ? 'n' : 'a'}=${target.id}`;
  if (!SCENE_SHAPE.test(scene) || scene.length > SCENE_MAX) throw new Error(`编号无法放入二维码：${target.id}`);
  return scene;
}

/** WeChat hands the scene URL-encoded (options.scene); `%` is not a scene character, so decoding once is unambiguous. */
function unescape(raw: string): string {
  return raw.includes('%') ? decodeUriOrSame(raw) : raw;
}

export function decodeScene(raw: string): { ok: true; target: SceneTarget; scene: string } | { ok: false; problem: SceneProblem } {
  const scene = unescape(raw.trim());
  if (scene === '') return { ok: false, problem: 'empty' };
  if (scene.length > SCENE_MAX) return { ok: false, problem: 'too_long' };
  if (!SCENE_CHARS.test(scene)) return { ok: false, problem: 'bad_chars' };
  const m = SCENE_SHAPE.exec(scene);
  if (!m || !m[2]) return { ok: false, problem: 'malformed' };
  return { ok: true, scene, target: { kind: m[1] === 'n' ? 'node' : 'activity', id: m[2] } };
}

/** Pages a code leads to. Scanned mini-program codes all open the scan page, which resolves the scene. */
export const CODE_PAGES = {
  scan: 'pages/scan/index',
  newOrder: 'pages/order/new/index',
  checkin: 'activity/pages/checkin/index',
} as const;

/** The h5 route (after `#`) a code names on the web, where a QR holds a plain URL. */
export function webRouteFor(target: SceneTarget, level?: string): string {
  if (target.kind === 'activity') return `/${CODE_PAGES.checkin}?id=${encodeURIComponent(target.id)}`;
  if (level === 'building') return `/${CODE_PAGES.newOrder}?building=${encodeURIComponent(target.id)}`;
  return `/${CODE_PAGES.scan}?scene=${encodeURIComponent(encodeScene(target))}`;
}
