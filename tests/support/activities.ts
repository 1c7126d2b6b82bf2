/** Publishes posts and activities through the real API and makes extra members in the store, for the activities tests. */
import type { UserDoc } from '../../backend/users/repo';
import { NODES, PEOPLE } from './people';
import type { TestServer } from './server';
import { okData } from './server';

export const HOUR = 3600_000;

/** A good activity in 梅川第一居委会 starting two days from the test clock, 09:00–11:00 style (2 h). */
export function goodActivity(s: TestServer, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const startAt = s.clock.now + 48 * HOUR;
  return {
    areaId: NODES.community1,
    title: '垃圾分类宣传',
    description: '在小区门口向居民讲解垃圾分类，发放宣传册',
    place: '梅川路小区南门',
    startAt,
    endAt: startAt + 2 * HOUR,
    deadline: startAt - HOUR,
    capacity: 20,
    ...extra,
  };
}

export async function publishActivity(s: TestServer, extra: Record<string, unknown> = {}, who: string = PEOPLE.staff): Promise<{ id: string; startAt: number; endAt: number }> {
  const data = goodActivity(s, extra);
  const { id } = okData(await s.call<{ id: string }>('activities', 'publish', data, who));
  return { id, startAt: data.startAt as number, endAt: data.endAt as number };
}

export const goodPost = (extra: Record<string, unknown> = {}) => ({
  areaId: NODES.community1,
  title: '楼道长',
  description: '每周巡查楼道，清理堆物，收集居民意见',
  slots: 2,
  pointsNote: '每月 2 分',
  ...extra,
});

/** Registered members of 梅川第一居委会 written straight into the store: `${prefix}0` … */
export async function addMembers(s: TestServer, count: number, prefix = 'u-am'): Promise<string[]> {
  const c1 = await s.store.collection<{ _id: string; path: string }>('areas').get(NODES.community1);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = `${prefix}${i}`;
    await s.store.collection<UserDoc>('users').insertIfAbsent({
      _id: id,
      name: `志愿者${i}`,
      roles: [{ role: 'member', areaId: NODES.community1, areaPath: c1!.path, grantedBy: 'test', grantedAt: 0 }],
      roleNames: ['member'],
      staffAreaIds: [],
      skills: [],
      rev: 0,
      createdAt: 0,
    });
    ids.push(id);
  }
  return ids;
}
