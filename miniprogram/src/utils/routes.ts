/** Page URLs in one place, so links and redirects cannot drift from app.config.ts. */
export const ROUTES = {
  home: '/pages/index/index',
  signin: '/pages/signin/index',
  privacy: '/info/pages/privacy/index',
  area: '/info/pages/area/index',
  staffPeople: '/staff/pages/people/index',
  staffInvite: '/staff/pages/invite/index',
  staffTree: '/staff/pages/tree/index',
  households: '/staff/pages/households/index',
  memberHome: '/member/pages/home/index',
} as const;

/** A route with its query string; undefined values are left out. */
export function withQuery(route: string, query: Record<string, string | undefined>): string {
  const parts = Object.entries(query)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  return parts.length ? `${route}?${parts.join('&')}` : route;
}
