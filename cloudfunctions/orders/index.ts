/** CloudBase function `orders`: 点单 → 派单 → 接单 → 评单; its timer trigger runs the overdue sweep. */
import { ordersFunction } from '../../backend/orders';
import { cloudMain } from '../../backend/runtime/cloud';

export const main = cloudMain(ordersFunction, 'sweep');
