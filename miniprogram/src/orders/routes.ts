/** URLs of the order-loop pages (点单 / 派单台 / 接单大厅 …), kept beside the pages that app.config.ts registers. */
import { withQuery } from '../utils/routes';

export const ORDER_ROUTES = {
  newOrder: '/pages/order/new/index',
  mine: '/pages/order/mine/index',
  detail: '/pages/order/detail/index',
  messages: '/pages/order/messages/index',
  console: '/staff/pages/console/index',
  behalf: '/staff/pages/behalf/index',
  rules: '/staff/pages/rules/index',
  duties: '/staff/pages/duties/index',
  hall: '/member/pages/hall/index',
  held: '/member/pages/orders/index',
  points: '/member/pages/points/index',
  unitOrders: '/unit/pages/orders/index',
} as const;

export function orderDetailUrl(orderId: string): string {
  return withQuery(ORDER_ROUTES.detail, { id: orderId });
}

export function newOrderUrl(buildingId?: string): string {
  return withQuery(ORDER_ROUTES.newOrder, { building: buildingId });
}
