/** URLs of the 志愿服务 pages (subpackage `activity`), kept beside the pages app.config.ts registers. */
import { withQuery } from '../utils/routes';

export const ACTIVITY_ROUTES = {
  list: '/activity/pages/list/index',
  detail: '/activity/pages/detail/index',
  checkin: '/activity/pages/checkin/index',
  publish: '/activity/pages/publish/index',
  manage: '/activity/pages/manage/index',
  roster: '/activity/pages/roster/index',
  posts: '/activity/pages/posts/index',
} as const;

export const activityDetailUrl = (id: string) => withQuery(ACTIVITY_ROUTES.detail, { id });
export const rosterUrl = (id: string) => withQuery(ACTIVITY_ROUTES.roster, { id });
export const checkinUrl = (id: string) => withQuery(ACTIVITY_ROUTES.checkin, { id });
export const publishUrl = (kind: 'activity' | 'post') => withQuery(ACTIVITY_ROUTES.publish, { kind });
