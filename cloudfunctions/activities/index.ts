/** CloudBase function `activities`: 认领志愿服务岗 / 志愿活动; its timer trigger closes ended activities (no-shows recorded). */
import { activitiesFunction } from '../../backend/activities';
import { cloudMain } from '../../backend/runtime/cloud';

export const main = cloudMain(activitiesFunction, 'sweep');
