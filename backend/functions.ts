/** Every cloud function the backend hosts, by name: the local gateway and the fuzz test read this list. */
import { areasFunction } from './areas';
import { notificationsFunction } from './notifications';
import { ordersFunction } from './orders';
import { pointsFunction } from './points';
import type { FunctionDef } from './runtime/types';
import { usersFunction } from './users';

export const FUNCTIONS: Record<string, FunctionDef> = {
  areas: areasFunction,
  users: usersFunction,
  orders: ordersFunction,
  notifications: notificationsFunction,
  points: pointsFunction,
};
