/** URLs of the `respond` subpackage pages (一键响应, 平时/急时, 民情日记, 操作日志), beside the pages app.config.ts registers. */
import { withQuery } from '../utils/routes';

export const RESPOND_ROUTES = {
  compose: '/respond/pages/compose/index',
  sent: '/respond/pages/sent/index',
  detail: '/respond/pages/detail/index',
  inbox: '/respond/pages/inbox/index',
  mode: '/respond/pages/mode/index',
  diary: '/respond/pages/diary/index',
  newVisit: '/respond/pages/visit-new/index',
  visit: '/respond/pages/visit/index',
  audit: '/respond/pages/audit/index',
} as const;

export const instructionUrl = (id: string) => withQuery(RESPOND_ROUTES.detail, { id });
export const visitUrl = (id: string) => withQuery(RESPOND_ROUTES.visit, { id });
