/**
 * What a record looks like when shared into a 网格微信群 (issue 13, point 8): a title in words, the page path with
 * the record's id, and an existing photo of the record or none. Imports nothing from Taro, so the unit test loads it as it is.
 */
import { activityDetailUrl } from '../activity/routes';
import { orderDetailUrl } from '../orders/routes';
import { instructionUrl } from '../respond/routes';
import { wishDetailUrl } from '../wish/routes';

export interface ShareCard {
  title: string;
  /** The page and its id, e.g. /wish/pages/detail/index?id=w1: WeChat opens it from the card, h5 after `#`. */
  path: string;
  /** Only a photo the record already has; WeChat takes a screenshot of the page when there is none. */
  imageUrl?: string;
}

/** WeChat cuts card titles at about two lines; a shorter title keeps the record's name whole. */
const MAX_TITLE = 28;
const clip = (s: string) => (s.length > MAX_TITLE ? `${s.slice(0, MAX_TITLE - 1)}…` : s);
const withImage = (card: ShareCard, imageUrl: string | null | undefined): ShareCard => (imageUrl ? { ...card, imageUrl } : card);

export function wishShare(w: { id: string; title: string }, photoUrl?: string | null): ShareCard {
  return withImage({ title: clip(`微心愿：${w.title}`), path: wishDetailUrl(w.id) }, photoUrl);
}

export function activityShare(a: { id: string; title: string; areaName: string }): ShareCard {
  return { title: clip(`志愿活动：${a.title}（${a.areaName}）`), path: activityDetailUrl(a.id) };
}

export function instructionShare(i: { id: string; title: string }, attachmentUrl?: string | null): ShareCard {
  return withImage({ title: clip(`一键响应：${i.title}`), path: instructionUrl(i.id) }, attachmentUrl);
}

/**
 * An order its filer allowed to be shared: the category and the place (grid · building), never the description, a name
 * or a photo (photos may show people); whoever opens it sees the order whole or its public view (orders.shared). The
 * picture is a fixed one of the order subpackage: without one WeChat would take a screenshot of the page, which may show them.
 */
export const ORDER_SHARE_IMAGE = '/pages/order/share/card.jpg';

export function orderShare(o: { id: string; category: string; place: string }): ShareCard {
  return { title: clip(`点单：${o.category}（${o.place}）`), path: orderDetailUrl(o.id), imageUrl: ORDER_SHARE_IMAGE };
}

/** The h5 link to a card's page: the app's address (no query, no hash) + `#` + the path, as the hash router reads it. */
export function shareLink(card: ShareCard, appAddress: string): string {
  return `${appAddress.replace(/[?#].*$/, '')}#${card.path}`;
}
