/** The `activities` cloud function: 认领志愿服务岗 / 志愿活动: standing posts, dated activities, sign-up, check-in and check-out. */
import { defineFunction } from '../runtime/define';

export const activitiesFunction = defineFunction('activities', {});
