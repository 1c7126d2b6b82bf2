/** What the order bench sections share: demo ids, the good order, a quiet logger, the seeded store image. */
import type { Area } from '../../shared/areas/model';
import type { OrderStatus } from '../../shared/orders/model';
import { ensureAllIndexes } from '../../backend/collections';
import type { Identity, Logger } from '../../backend/runtime/types';
import { openSqliteStore } from '../../backend/store/sqlite';
import type { DocumentStore } from '../../backend/store/port';
import type { UserDoc } from '../../backend/users/repo';
import { users } from '../../backend/users/repo';
import { communityId, seedDemo } from '../../local/seed';

/** The target: at most this many database round trips per action. */
export const GOAL = 3;
export const START = Date.parse('2026-11-20T02:00:00Z');
export const DAY = 24 * 3600_000;
export const RESIDENT = 'u-resident';
export const RESIDENT2 = 'u-resident2';
export const MEMBER = 'u-member';
export const MEMBER_B = 'u-member-b';
export const STAFF = 'u-staff';
export const GRID_LEADER = 'u-gridleader';
export const SYSTEM = 'system';
export const C1 = communityId('310107102008');
export const BUILDING1 = 'B310107102008-1-1';

export const GOOD_ORDER = {
  buildingId: BUILDING1,
  category: '维修',
  description: '3单元楼道的灯坏了一个星期，晚上老人上下楼很不方便',
  contactName: '王阿姨',
  contactMobile: '13912345678',
};

export const quietLog: Logger = {
  error: (message, detail) => console.error(`[bench] ${message}`, detail),
  info: () => undefined,
};

export const identityOf = (who: string): Identity => (who === SYSTEM ? { kind: 'system' } : { kind: 'local', userId: who });

/** The demo seed plus a second member of 梅川第一居委会 (for reassign), with every index, as a database image. */
export async function seededTemplate(): Promise<Buffer> {
  const store = openSqliteStore({ dataDir: ':memory:' });
  await seedBenchStreet(store);
  const image = store.db.serialize();
  await store.close();
  return image;
}

/** The demo street plus 李娜, a second member of 梅川第一居委会, into any store (SQLite here, the simulator's for cloud figures). */
export async function seedBenchStreet(store: DocumentStore): Promise<void> {
  await ensureAllIndexes(store);
  await seedDemo(store, START);
  await addMemberB(store);
}

/** 李娜, a second member of 梅川第一居委会 living in its 1号楼 (the one 张伟's orders are reassigned to), into a seeded store. */
export async function addMemberB(store: DocumentStore): Promise<void> {
  const c1 = await store.collection<Area>('areas').get(C1);
  if (!c1) throw new Error(`demo seed has no ${C1}`);
  const memberB: UserDoc = {
    _id: MEMBER_B,
    name: '李娜',
    homeAreaId: BUILDING1,
    homePath: `${c1.path}G310107102008-1/${BUILDING1}/`,
    roles: [{ role: 'member', areaId: c1._id, areaPath: c1.path, grantedBy: 'bench', grantedAt: START }],
    roleNames: ['member'],
    staffAreaIds: [],
    skills: ['维修'],
    rev: 0,
    createdAt: START,
  };
  await users(store).insert(memberB);
}

export type Measured<F extends (...a: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

/** Files an order as the demo resident and walks it to `status` through the API, as the tests do (local or cloud `act`). */
export function orderWalker(act: (action: string, data: Record<string, unknown>, who: string) => Promise<unknown>, clock: { now: number }) {
  return async (status: OrderStatus): Promise<string> => {
    clock.now += 60_000;
    const { id } = (await act('file', GOOD_ORDER, RESIDENT)) as { id: string };
    const by = { orderId: id };
    if (status === 'new') return id;
    if (status === 'rejected') return (await act('reject', { ...by, reason: '不属于社区受理范围' }, STAFF), id);
    if (status === 'cancelled') return (await act('cancel', by, RESIDENT), id);
    await act('triage', { ...by, colour: 'yellow' }, STAFF);
    if (status === 'triaged') return id;
    if (status === 'assigned') return (await act('dispatch', { ...by, memberId: MEMBER }, STAFF), id);
    await act('pool', { ...by, level: 'grid' }, STAFF);
    if (status === 'pooled') return id;
    await act('claim', by, MEMBER);
    if (status === 'in_progress') return id;
    await act('complete', { ...by, note: '已更换灯泡' }, MEMBER);
    if (status === 'completed') return id;
    await act('rate', status === 'reopened' ? { ...by, stars: 2, comment: '灯又坏了' } : { ...by, stars: 5 }, RESIDENT);
    return id;
  };
}
