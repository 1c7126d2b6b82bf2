/**
 * Bench child process for the orders load: the local gateway over a seeded temp store plus bench
 * residents, members (each owning a few pooled orders to claim) and pooled orders, on 127.0.0.1.
 * Also exports the deterministic ids and the order-document builder the parent uses.
 */
import type { Area } from '../../shared/areas/model';
import type { OrderStatus } from '../../shared/orders/model';
import type { Role } from '../../shared/users/roles';
import type { OrderDoc, OrderEntry } from '../../backend/orders/repo';
import { newOrderDoc, orders } from '../../backend/orders/repo';
import { openSqliteStore } from '../../backend/store/sqlite';
import type { UserDoc } from '../../backend/users/repo';
import { roleFields, users } from '../../backend/users/repo';
import { demoAreas } from '../../local/seed';
import { serveOverIpc } from './serve';

/** How many bench people and pooled orders the child adds on top of the demo seed. */
export interface OrdersLoadPlan {
  residents: number;
  members: number;
  pooled: number;
}

/** Each bench member owns this many consecutive pooled orders (under the 5 open-order cap). */
export const CLAIMS_PER_MEMBER = 4;
export const benchResident = (i: number) => `u-bench-r${i}`;
export const benchMember = (i: number) => `u-bench-m${i}`;
export const benchPooled = (i: number) => `o-bench-${String(i).padStart(7, '0')}`;
/** The member whose community pool holds pooled order i. */
export const pooledOwner = (i: number) => benchMember(Math.floor(i / CLAIMS_PER_MEMBER));

/** A building with the nodes above it, as an order needs them. */
export interface Place {
  building: Area;
  grid: Area;
  community: Area;
  trail: string;
}

/** Every building of the tree, in tree order, with its grid, community and trail. */
export function places(tree: Area[]): Place[] {
  const byId = new Map(tree.map((a) => [a._id, a]));
  return tree
    .filter((a) => a.level === 'building')
    .map((building) => {
      const grid = byId.get(building.parentId ?? '') as Area;
      const community = byId.get(grid.parentId ?? '') as Area;
      const trail = [...building.ancestors, building._id].map((id) => byId.get(id)?.name ?? '').join(' / ');
      return { building, grid, community, trail };
    });
}

const step = (at: number, actorId: string, actorName: string, role: string, code: string, data?: OrderEntry['data']): OrderEntry => ({
  at,
  actorId,
  actorName,
  role,
  code,
  ...(data ? { data } : {}),
});

/** A complete order document as the commands would have left it in `status` (fields the lists and checks read). */
export function benchOrder(id: string, place: Place, status: OrderStatus, createdAt: number, createdBy: string, extra: Partial<OrderDoc> = {}): OrderDoc {
  const timeline = [step(createdAt, createdBy, '居民', '居民', 'file')];
  if (status !== 'new' && status !== 'rejected') timeline.push(step(createdAt + 600_000, 'u-gridworker', '陈静', '网格员', 'triage', { colour: 'yellow' }));
  if (status === 'pooled') timeline.push(step(createdAt + 900_000, 'u-gridworker', '陈静', '网格员', 'pool', { level: 'community', skill: null }));
  const filed = newOrderDoc({
    _id: id,
    category: '维修',
    description: '3单元楼道的灯坏了一个星期，晚上老人上下楼很不方便',
    photos: [],
    contactName: '王阿姨',
    contactMobile: '13912345678',
    anonymousToMembers: false,
    buildingId: place.building._id,
    path: place.building.path,
    place: `${place.grid.name} · ${place.building.name}`,
    trail: place.trail,
    createdBy,
    createdByName: '居民',
    createdAt,
    owner: { areaId: place.grid._id, areaPath: place.grid.path, roles: ['grid_leader'] },
    timeline,
  });
  const triaged = status === 'new' ? {} : { colour: 'yellow' as const, respondBy: createdAt + 4 * 3600_000, resolveBy: createdAt + 72 * 3600_000 };
  return { ...filed, status, ...triaged, ...extra };
}

function person(id: string, name: string, home: Place, grants: Array<[Role, Area]>, now: number): UserDoc {
  const roles = grants.map(([role, node]) => ({ role, areaId: node._id, areaPath: node.path, grantedBy: 'bench', grantedAt: now }));
  return { _id: id, name, homeAreaId: home.building._id, homePath: home.building.path, ...roleFields(roles), skills: [], rev: 0, createdAt: now };
}

/** Residents spread over every building; member m registered in community m mod 28 with pooled orders 4m…4m+3 there. */
export async function seedLoad(store: ReturnType<typeof openSqliteStore>, plan: OrdersLoadPlan, now: number): Promise<void> {
  const all = places(demoAreas());
  const communities = [...new Map(all.map((p) => [p.community._id, p.community])).values()];
  const inCommunity = (c: Area) => all.filter((p) => p.community._id === c._id);
  store.db.exec('BEGIN');
  for (let i = 0; i < plan.residents; i++) {
    const home = all[i % all.length];
    await users(store).insert(person(benchResident(i), `居民${i}`, home, [['resident', home.building]], now));
  }
  for (let m = 0; m < plan.members; m++) {
    const c = communities[m % communities.length];
    await users(store).insert(
      person(
        benchMember(m),
        `党员${m}`,
        inCommunity(c)[0],
        [
          ['resident', inCommunity(c)[0].building],
          ['member', c],
        ],
        now,
      ),
    );
  }
  for (let i = 0; i < plan.pooled; i++) {
    const m = Math.floor(i / CLAIMS_PER_MEMBER);
    const c = communities[m % communities.length];
    const here = inCommunity(c);
    const place = here[i % here.length];
    const pool = { areaId: c._id, areaPath: c.path, skill: null };
    await orders(store).insert(benchOrder(benchPooled(i), place, 'pooled', now - 3600_000 + i, benchResident(i % Math.max(1, plan.residents)), { pool }));
  }
  store.db.exec('COMMIT');
}

if (require.main === module) {
  const secret = process.env.WG_BENCH_SECRET;
  const plan = JSON.parse(process.env.WG_BENCH_ORDERS_PLAN ?? 'null') as OrdersLoadPlan | null;
  if (!secret || !plan || !process.send) throw new Error('start me from scripts/bench/order-load.ts (needs WG_BENCH_SECRET, WG_BENCH_ORDERS_PLAN and an IPC channel)');
  serveOverIpc('wg-bench-orders-', secret, (store, now) => seedLoad(store, plan, now)).catch((e: unknown) => {
    console.error('bench orders server failed:', e);
    process.exit(1);
  });
}
