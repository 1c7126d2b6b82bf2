/** CloudBase function `activities`: 认领志愿服务岗 / 志愿活动; its timer trigger closes ended activities (no-shows recorded). */
import { activitiesFunction } from '../../backend/activities';
import { cloudSubscribe } from '../../backend/ports/cloudSubscribe';
import { cloudMain } from '../../backend/runtime/cloud';

// It applies effects, so it pushes the subscribe messages they carry.
export const main = cloudMain(activitiesFunction, 'sweep', {}, (app, openidOf) => ({ subscribe: cloudSubscribe(app, openidOf) }));
