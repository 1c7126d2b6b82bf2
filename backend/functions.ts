/** Every cloud function the backend hosts, by name: the local gateway and the fuzz test read this list. */
import { areasFunction } from './areas';
import { notificationsFunction } from './notifications';
import { ordersFunction } from './orders';
import { pointsFunction } from './points';
import { membersFunction } from './members';
import { activitiesFunction } from './activities';
import { wishesFunction } from './wishes';
import { codesFunction } from './codes';
import { dashboardFunction } from './dashboard';
import { responseFunction } from './response';
import { diaryFunction } from './diary';
import { auditFunction } from './audit';
import type { FunctionDef } from './runtime/types';
import { usersFunction } from './users';
import { effectsFunction } from './records';
import { unitsFunction } from './units';
import { dutiesFunction } from './duties';
import { hotlineFunction } from './hotline';

export const FUNCTIONS: Record<string, FunctionDef> = {
  areas: areasFunction,
  users: usersFunction,
  orders: ordersFunction,
  notifications: notificationsFunction,
  points: pointsFunction,
  members: membersFunction,
  activities: activitiesFunction,
  wishes: wishesFunction,
  codes: codesFunction,
  dashboard: dashboardFunction,
  response: responseFunction,
  diary: diaryFunction,
  audit: auditFunction,
  effects: effectsFunction,
  units: unitsFunction,
  duties: dutiesFunction,
  hotline: hotlineFunction,
};

/**
 * Timer actions: the cloud runs each on its function's timer trigger (cloudfunctions/<name>/config.json);
 * locally the server runs them all every minute.
 */
export const TIMERS: Array<{ fn: string; action: string }> = [
  { fn: 'orders', action: 'sweep' },
  { fn: 'activities', action: 'sweep' },
  { fn: 'wishes', action: 'lapse' },
  { fn: 'effects', action: 'sweep' },
];
