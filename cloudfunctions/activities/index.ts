/** CloudBase function `activities`: 认领志愿服务岗 / 志愿活动: standing posts, dated activities, sign-up, check-in and check-out. */
import { activitiesFunction } from '../../backend/activities';
import { cloudMain } from '../../backend/runtime/cloud';

export const main = cloudMain(activitiesFunction);
