/** URLs of the points pages (subpackage `points`, plus 我的积分 in `member`), kept beside the pages app.config.ts registers. */
export const POINTS_ROUTES = {
  mine: '/member/pages/points/index',
  declare: '/points/pages/declare/index',
  declarations: '/points/pages/mine/index',
  review: '/points/pages/review/index',
  verify: '/points/pages/verify/index',
  ranking: '/points/pages/ranking/index',
  duty: '/points/pages/duty/index',
  rules: '/points/pages/rules/index',
} as const;
