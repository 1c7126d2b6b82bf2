/**
 * Bench child process for the realistic mix: the local gateway over the demo street, bench residents and members
 * (each member with pooled orders of their own to claim), and a history of orders filed by those residents.
 */
import { openSqliteStore } from '../../backend/store/sqlite';
import { orders } from '../../backend/orders/repo';
import { demoAreas } from '../../local/seed';
import { hallOrder } from './order-hall';
import { rng } from './report';
import { serveOverIpc } from './serve';
import { CLAIMS_PER_MEMBER, benchResident, places, seedLoad } from './serve-orders';

export interface MixPlan {
  residents: number;
  members: number;
  /** Orders of history, on top of the members' pooled ones. */
  orders: number;
}

/** History order i (hallOrder's ids and mix of statuses) is filed by resident i mod R; one in 20 has a neighbour following it. */
export const historyOrder = (i: number) => `o-h${String(i).padStart(7, '0')}`;
export const filerOf = (plan: MixPlan, i: number) => benchResident(i % plan.residents);
const followerOf = (plan: MixPlan, i: number) => (i % 20 === 0 ? benchResident((i * 7 + 3) % plan.residents) : null);

export async function seedMix(store: ReturnType<typeof openSqliteStore>, plan: MixPlan, now: number): Promise<void> {
  await seedLoad(store, { residents: plan.residents, members: plan.members, pooled: plan.members * CLAIMS_PER_MEMBER }, now);
  const all = places(demoAreas());
  const rand = rng(20261206);
  for (let start = 0; start < plan.orders; start += 10_000) {
    store.db.exec('BEGIN');
    for (let i = start; i < Math.min(plan.orders, start + 10_000); i++) {
      const follower = followerOf(plan, i);
      const followers = follower && follower !== filerOf(plan, i) ? [follower] : [];
      await orders(store).insert({ ...hallOrder(i, all, rand), createdBy: filerOf(plan, i), followers, followerCount: followers.length });
    }
    store.db.exec('COMMIT');
  }
}

if (require.main === module) {
  const secret = process.env.WG_BENCH_SECRET;
  const plan = JSON.parse(process.env.WG_BENCH_MIX_PLAN ?? 'null') as MixPlan | null;
  if (!secret || !plan || !process.send) throw new Error('start me from scripts/bench/mix.ts (needs WG_BENCH_SECRET, WG_BENCH_MIX_PLAN and an IPC channel)');
  serveOverIpc('wg-bench-mix-', secret, (store, now) => seedMix(store, plan, now)).catch((e: unknown) => {
    console.error('bench mix server failed:', e);
    process.exit(1);
  });
}
