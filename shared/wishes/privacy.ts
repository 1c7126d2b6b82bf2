/**
 * 隐私检查 for a wish's public text: the board must never show the beneficiary's name, a phone number, an
 * ID-card number or a door number. The server refuses to publish text that still has one; the review page
 * warns early. Text is folded first (full-width, Chinese numerals, dashes), so "１３９…" or "一三九…" is no way round it.
 */

/** What the reviewer must not leave in: the beneficiary's name and door number as the poster gave them. */
export interface WishSecrets {
  beneficiaryName: string;
  door: string | null;
}

/** Chinese numerals people write digits with, and the dashes they write between them. */
const FOLD: Record<string, string> = {
  〇: '0',
  零: '0',
  一: '1',
  幺: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
  壹: '1',
  贰: '2',
  叁: '3',
  肆: '4',
  伍: '5',
  陆: '6',
  柒: '7',
  捌: '8',
  玖: '9',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '–': '-',
  '—': '-',
  '―': '-',
  '−': '-',
  '﹣': '-',
};

/**
 * Every character folded to its plain form — full-width digits, letters and spaces (NFKC), Chinese numerals,
 * dashes — one character for one, so a match found in the folded text is shown as it was typed.
 */
function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    const plain = FOLD[ch] ?? ch.normalize('NFKC');
    out += plain.length === 1 ? plain : ch;
  }
  return out;
}

/** Folded and without spaces: how a name or door is compared, however it was spaced. */
const compact = (text: string) => fold(text).replace(/\s+/g, '');

/** What may sit between the digits of one number: spaces, dashes, dots, slashes, brackets. */
const SEP = '[\\s\\-._/()（）·・]{0,3}';
/**
 * Each pattern is `(boundary)(detail)`: the boundary is the start or a non-digit, so a number is matched whole
 * without lookbehind (older phones' JavaScript in the mini-program has none).
 */
const B = '(^|[^\\d])';
/** 18-digit (last may be X) or 15-digit 身份证号. */
const ID_CARD = new RegExp(`${B}(\\d(?:${SEP}\\d){16}${SEP}[\\dXx](?![\\dXx])|\\d(?:${SEP}\\d){14}(?!\\d))`);
/** Seven or more digits, however spaced or dashed: mobile and landline numbers alike. */
const PHONE_LIKE = new RegExp(`${B}(\\d(?:${SEP}\\d){6,})`, 'g');
/** A date is not a phone number: 2026-11-20, 2026.11.20. */
const DATE_LIKE = /^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/;

const N = '[0-9十]';
/** 门牌: 3号楼502室, 5栋2单元301, 2单元, 12号3室, 88弄6号, 602室, 3-2-502. */
const DOOR_LIKE = new RegExp(
  `${B}(${[
    `${N}+\\s*(?:号楼|栋|幢|座)[\\s0-9十号单元室楼层-]*`,
    `${N}+\\s*单元[\\s0-9十号室-]*`,
    `${N}+\\s*号\\s*${N}+\\s*室`,
    `${N}+\\s*弄\\s*${N}+\\s*号`,
    `\\d{3,4}\\s*(?:室|号房|房间)`,
    `\\d{1,3}\\s*-\\s*\\d{1,2}\\s*-\\s*\\d{3,4}(?!\\d)`,
  ].join('|')})`,
);

/** Where a `(boundary)(detail)` match's detail starts and what it is. */
interface Found {
  index: number;
  length: number;
}

function found(m: RegExpExecArray | null): Found | null {
  if (!m) return null;
  const lead = m[1] ?? '';
  return { index: m.index + lead.length, length: (m[2] ?? '').length };
}

function firstPhone(folded: string): Found | null {
  PHONE_LIKE.lastIndex = 0;
  for (let m = PHONE_LIKE.exec(folded); m; m = PHONE_LIKE.exec(folded)) {
    if (!DATE_LIKE.test(m[2] ?? '')) return found(m);
  }
  return null;
}

/** The first identifying detail in `text`, as a Chinese sentence naming what to remove; null when clean. */
export function identifyingDetail(text: string, secrets: WishSecrets): string | null {
  const name = secrets.beneficiaryName.trim();
  if (name.length >= 2 && compact(text).includes(compact(name))) return `仍含有受助人姓名「${name}」，请删去后再发布`;
  const door = secrets.door?.trim();
  if (door && compact(door).length >= 2 && compact(text).includes(compact(door))) return `仍含有门牌号「${door}」，请删去后再发布`;
  const folded = fold(text);
  const typed = (f: Found) => text.slice(f.index, f.index + f.length).trim();
  const id = found(ID_CARD.exec(folded));
  if (id) return `仍含有身份证号一样的号码「${typed(id)}」，请删去后再发布`;
  const phone = firstPhone(folded);
  if (phone) return `仍含有电话号码一样的数字「${typed(phone)}」，请删去后再发布`;
  const room = found(DOOR_LIKE.exec(folded));
  if (room) return `仍含有门牌号一样的地址「${typed(room)}」，请删去后再发布`;
  return null;
}
