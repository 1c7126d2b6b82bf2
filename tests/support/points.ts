/** Drives a points declaration through 申报 → 汇总 → 核实 over the real API, as the people who would do it. */
import type { DeclarationMove } from '../../shared/points/schemas';
import { shanghaiDay } from '../../shared/time';
import { PEOPLE } from './people';
import type { TestServer } from './server';
import { okData } from './server';

/** The test clock's Shanghai day minus `daysAgo`, as YYYY-MM-DD. */
export function dayOf(s: TestServer, daysAgo = 0): string {
  return shanghaiDay(s.clock.now - daysAgo * 86400_000);
}

export const goodDeclaration = (s: TestServer, extra: Record<string, unknown> = {}) => ({
  date: dayOf(s, 1),
  hours: 2,
  description: '在小区门口协助社区开展垃圾分类宣传，指导居民正确投放',
  ...extra,
});

export async function declare(s: TestServer, extra: Record<string, unknown> = {}, who: string = PEOPLE.member): Promise<string> {
  return okData(await s.call<DeclarationMove>('points', 'declare', goodDeclaration(s, extra), who)).id;
}

/** A declaration in the status a test needs: declared, forwarded, returned, verified or rejected. */
export async function declarationIn(s: TestServer, status: string, who: string = PEOPLE.member): Promise<string> {
  const id = await declare(s, {}, who);
  if (status === 'declared') return id;
  if (status === 'returned') {
    okData(await s.call('points', 'sendBack', { declarationId: id, reason: '请补充服务照片' }, PEOPLE.gridLeader));
    return id;
  }
  okData(await s.call('points', 'forward', { declarationIds: [id] }, PEOPLE.gridLeader));
  if (status === 'verified') okData(await s.call('points', 'verify', { declarationId: id }, PEOPLE.staff));
  if (status === 'rejected') okData(await s.call('points', 'reject', { declarationId: id, reason: '当天没有该项活动' }, PEOPLE.staff));
  return id;
}
