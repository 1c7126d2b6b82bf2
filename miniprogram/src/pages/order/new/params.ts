/** Which building a 民情二维码 names: `?building=` on the web, the mini-program code's `scene` in WeChat. */
import { decodeUriOrSame } from '@shared/uri';

const AREA_ID = /^[A-Za-z0-9_-]{1,24}$/;

/** The area id from the page's query, or undefined when there is none or it is not an id at all. */
export function buildingFromParams(params: Partial<Record<string, string>>): string | undefined {
  const raw = params.building ?? params.scene;
  if (!raw) return undefined;
  const value = decodeUriOrSame(raw).trim();
  return AREA_ID.test(value) ? value : undefined;
}
