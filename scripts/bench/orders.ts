/** Bench data: deterministic order-like documents (status, colour, area path, nested reporter/location/timeline). */
import type { Doc } from '../../backend/store/port';

const STATUSES = ['open', 'assigned', 'in_progress', 'done', 'closed'] as const;
const STATUS_WEIGHTS = [0.15, 0.1, 0.15, 0.5, 0.1];
const COLOURS = ['red', 'amber', 'green'] as const;
const COLOUR_WEIGHTS = [0.1, 0.3, 0.6];
const CATEGORIES = ['repair', 'cleaning', 'safety', 'neighbour', 'elderly', 'parking'];
const COMMUNITIES = 24; // six per 片区, four 片区
const GRIDS = 3;
const BUILDINGS = 4;
const DAY = 24 * 3600 * 1000;
export const EPOCH = Date.UTC(2026, 0, 1);

export interface OrderDoc extends Doc {
  title: string;
  detail: string;
  status: (typeof STATUSES)[number];
  colour: (typeof COLOURS)[number];
  category: string;
  areaPath: string;
  createdAt: number;
  updatedAt: number;
  points: number;
  rev: number;
  reporter: { id: string; name: string; mobileMasked: string };
  location: { building: string; room: string; geo: { lat: number; lng: number } };
  assignee: { id: string; name: string } | null;
  timeline: Array<{ at: number; by: string; kind: string }>;
  followers: string[];
}

export const orderId = (i: number) => `o-${String(i).padStart(7, '0')}`;

function pick<T>(items: readonly T[], weights: number[], r: number): T {
  let acc = 0;
  for (let i = 0; i < items.length; i++) {
    acc += weights[i] ?? 0;
    if (r < acc) return items[i] as T;
  }
  return items[items.length - 1] as T;
}

function areaPath(c: number, g: number, b: number): string {
  return `/S1/Z${Math.floor((c - 1) / 6) + 1}/C${c}/G${g}/B${b}/`;
}

/** Order i of n: roughly in time order over a year, spread over 288 buildings. */
export function makeOrder(i: number, n: number, rand: () => number): OrderDoc {
  const c = 1 + Math.floor(rand() * COMMUNITIES);
  const g = 1 + Math.floor(rand() * GRIDS);
  const b = 1 + Math.floor(rand() * BUILDINGS);
  const createdAt = EPOCH + Math.floor((i / n) * 365 * DAY + rand() * DAY);
  const status = pick(STATUSES, STATUS_WEIGHTS, rand());
  const reporter = `u-${Math.floor(rand() * 20000)}`;
  return {
    _id: orderId(i),
    title: `${pick(
      CATEGORIES,
      CATEGORIES.map(() => 1 / CATEGORIES.length),
      rand(),
    )} 报修 #${i}`,
    detail: '楼道灯坏了好几天，晚上老人上下楼很不方便，麻烦网格员来看一下，谢谢。'.repeat(1 + Math.floor(rand() * 3)),
    status,
    colour: pick(COLOURS, COLOUR_WEIGHTS, rand()),
    category: CATEGORIES[i % CATEGORIES.length] ?? 'repair',
    areaPath: areaPath(c, g, b),
    createdAt,
    updatedAt: createdAt,
    points: Math.floor(rand() * 20),
    rev: 0,
    reporter: { id: reporter, name: '王秀英', mobileMasked: '139****1001' },
    location: { building: `B${b}`, room: `${1 + Math.floor(rand() * 18)}0${1 + Math.floor(rand() * 4)}`, geo: { lat: 31.24 + rand() / 100, lng: 121.39 + rand() / 100 } },
    assignee: status === 'open' ? null : { id: `u-gw-${c}-${g}`, name: '陈静' },
    timeline: [{ at: createdAt, by: reporter, kind: 'created' }],
    followers: rand() < 0.3 ? [reporter, `u-${Math.floor(rand() * 20000)}`] : [reporter],
  };
}
