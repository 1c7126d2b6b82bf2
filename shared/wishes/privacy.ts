/**
 * 隐私检查 for a wish's public text: the board must never show the beneficiary's name, a phone number
 * or a door number. The server refuses to publish text that still has one; the review page warns early.
 */

/** What the reviewer must not leave in: the beneficiary's name and door number as the poster gave them. */
export interface WishSecrets {
  beneficiaryName: string;
  door: string | null;
}

/** Seven or more digits, however spaced or dashed: mobile and landline numbers alike. */
const PHONE_LIKE = /\d(?:[\s\-－—]?\d){6,}/;
/** 3号楼502室, 5栋, 2单元, 602室, 三号楼. */
const NUM = '[0-9０-９一二三四五六七八九十]';
const DOOR_LIKE = new RegExp(`${NUM}+\\s*(号楼|栋|幢|单元)[\\s0-9０-９一二三四五六七八九十号单元室-]*|[0-9０-９]+\\s*(室|号房)`);

/** The first identifying detail in `text`, as a Chinese sentence naming what to remove; null when clean. */
export function identifyingDetail(text: string, secrets: WishSecrets): string | null {
  const name = secrets.beneficiaryName.trim();
  if (name.length >= 2 && text.includes(name)) return `仍含有受助人姓名「${name}」，请删去后再发布`;
  const door = secrets.door?.trim();
  if (door && door.length >= 2 && text.includes(door)) return `仍含有门牌号「${door}」，请删去后再发布`;
  const phone = PHONE_LIKE.exec(text);
  if (phone) return `仍含有电话号码一样的数字「${phone[0]}」，请删去后再发布`;
  const room = DOOR_LIKE.exec(text);
  if (room) return `仍含有门牌号一样的地址「${room[0].trim()}」，请删去后再发布`;
  return null;
}
