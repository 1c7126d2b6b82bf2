/** Drives an order through the real API into any status, as the people who would do it. */
import type { Moved } from '../../shared/api';
import type { UserDoc } from '../../backend/users/repo';
import type { OrderStatus } from '../../shared/orders/model';
import type { OrderDetail, PhotoRef } from '../../shared/orders/schemas';
import { NODES, PEOPLE } from './people';
import type { TestServer } from './server';
import { okData } from './server';

export const DAY = 24 * 3600 * 1000;

/** A valid 1×1 PNG, as a phone would upload. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

export async function upload(s: TestServer, bytes: Buffer, who: string = PEOPLE.resident): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${s.url}/api/upload`, {
    method: 'POST',
    body: Uint8Array.from(bytes),
    headers: { authorization: `Bearer ${s.tokenFor(who)}`, 'content-type': 'application/octet-stream' },
  });
  return { status: res.status, json: await res.json() };
}

export async function uploadPhoto(s: TestServer, who: string = PEOPLE.resident): Promise<PhotoRef> {
  const { json } = await upload(s, PNG, who);
  return (json as { data: PhotoRef }).data;
}

export const goodOrder = (extra: Record<string, unknown> = {}) => ({
  buildingId: NODES.building1,
  category: '维修',
  description: '3单元楼道的灯坏了一个星期，晚上老人上下楼很不方便',
  contactName: '王阿姨',
  contactMobile: '13912345678',
  ...extra,
});

/** Files as the resident; moves the clock a day first so the daily quota never interferes. */
export async function fileOrder(s: TestServer, extra: Record<string, unknown> = {}, who: string = PEOPLE.resident): Promise<string> {
  s.clock.now += DAY;
  return okData(await s.call<{ id: string }>('orders', 'file', goodOrder(extra), who)).id;
}

export async function act(s: TestServer, action: string, data: Record<string, unknown>, who: string): Promise<Moved> {
  return okData(await s.call<Moved>('orders', action, data, who));
}

export async function detail(s: TestServer, orderId: string, who: string = PEOPLE.staff): Promise<OrderDetail> {
  return okData(await s.call<OrderDetail>('orders', 'detail', { orderId }, who));
}

/** Files a fresh order and walks it to `status` along the usual path. */
export async function orderIn(s: TestServer, status: OrderStatus): Promise<string> {
  const orderId = await fileOrder(s);
  const by = { orderId };
  if (status === 'new') return orderId;
  if (status === 'rejected') return (await act(s, 'reject', { ...by, reason: '不属于社区受理范围' }, PEOPLE.staff)).id;
  if (status === 'cancelled') return (await act(s, 'cancel', by, PEOPLE.resident)).id;
  await act(s, 'triage', { ...by, colour: 'yellow' }, PEOPLE.staff);
  if (status === 'triaged') return orderId;
  if (status === 'assigned') return (await act(s, 'dispatch', { ...by, memberId: PEOPLE.member }, PEOPLE.staff)).id;
  await act(s, 'pool', { ...by, level: 'grid' }, PEOPLE.staff);
  if (status === 'pooled') return orderId;
  await act(s, 'claim', by, PEOPLE.member);
  if (status === 'in_progress') return orderId;
  await act(s, 'complete', { ...by, note: '已更换灯泡' }, PEOPLE.member);
  if (status === 'completed') return orderId;
  if (status === 'reopened') return (await act(s, 'rate', { ...by, stars: 2, comment: '灯又坏了' }, PEOPLE.resident)).id;
  return (await act(s, 'rate', { ...by, stars: 5 }, PEOPLE.resident)).id;
}

/** 李娜's stand-in: a second member of 梅川第一居委会, for dispatch and reassign cases. */
export async function addSecondMember(s: TestServer): Promise<void> {
  const c1 = await s.store.collection<{ _id: string; path: string }>('areas').get(NODES.community1);
  await s.store.collection<UserDoc>('users').insert({
    _id: 'u-member-b',
    name: '第二位党员',
    roles: [{ role: 'member', areaId: NODES.community1, areaPath: c1!.path, grantedBy: 'test', grantedAt: 0 }],
    roleNames: ['member'],
    staffAreaIds: [],
    skills: [],
    rev: 0,
    createdAt: 0,
    homePath: c1!.path,
  });
}
