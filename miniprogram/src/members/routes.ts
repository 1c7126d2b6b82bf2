/** URLs of the 双报到 pages (subpackage `members`), kept beside the pages app.config.ts registers. */
import { withQuery } from '../utils/routes';

export const MEMBERS_ROUTES = {
  register: '/members/pages/register/index',
  certificate: '/members/pages/certificate/index',
  review: '/members/pages/review/index',
  library: '/members/pages/library/index',
  organisations: '/members/pages/organisations/index',
  verify: '/members/pages/verify/index',
} as const;

export const transferUrl = () => withQuery(MEMBERS_ROUTES.register, { mode: 'transfer' });
export const verifyUrl = (certNo: string) => withQuery(MEMBERS_ROUTES.verify, { cert: certNo });
