/** URLs of the 微心愿 pages (the `wish` subpackage in app.config.ts); other features link here. */
import { withQuery } from '../utils/routes';

export const WISH_ROUTES = {
  board: '/wish/pages/board/index',
  newWish: '/wish/pages/new/index',
  detail: '/wish/pages/detail/index',
  mine: '/wish/pages/mine/index',
  review: '/wish/pages/review/index',
} as const;

export function wishDetailUrl(wishId: string): string {
  return withQuery(WISH_ROUTES.detail, { id: wishId });
}
