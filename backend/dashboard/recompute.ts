/**
 * The counters rebuilt from the orders themselves (fields and timelines), and their comparison with the
 * stored counter docs: what `npm run check:counters` and the integration tests use to prove they agree.
 */
import { idsOnPath } from '../../shared/areas/model';
import { scanAll } from '../exports/xlsx';
import type { OrderDoc } from '../orders/repo';
import { orders } from '../orders/repo';
import type { DocumentStore } from '../store/port';
import { orderTally } from './events';
import { counterId, counters } from './repo';

/** counter doc id → field path → value. */
export type Expected = Map<string, Map<string, number>>;

export function addOrder(expected: Expected, o: OrderDoc): void {
  const nodes = idsOnPath(o.path);
  for (const [day, fields] of orderTally(o)) {
    for (const nodeId of nodes) {
      const id = counterId(nodeId, day);
      const doc = expected.get(id) ?? new Map<string, number>();
      for (const [path, n] of fields) doc.set(path, (doc.get(path) ?? 0) + n);
      expected.set(id, doc);
    }
  }
}

/** Every order (a page at a time), folded into expected counter values. */
export async function recomputeCounters(store: DocumentStore): Promise<{ expected: Expected; orders: number }> {
  const expected: Expected = new Map();
  let n = 0;
  for await (const o of scanAll(orders(store), {}, 1000)) {
    addOrder(expected, o);
    n++;
  }
  return { expected, orders: n };
}

/** Flattens a stored counter doc into field path → value (only the counted groups). */
export function storedFields(doc: Record<string, unknown>): Map<string, number> {
  const out = new Map<string, number>();
  for (const group of ['c', 'cat', 'col', 'rh', 'sh', 'un', 'src']) {
    const g = doc[group];
    if (g && typeof g === 'object') for (const [k, v] of Object.entries(g as Record<string, unknown>)) if (typeof v === 'number') out.set(`${group}.${k}`, v);
  }
  return out;
}

export interface Mismatch {
  id: string;
  field: string;
  stored: number;
  expected: number;
}

/** Every (doc, field) whose stored value differs from the recomputed one; zero and absent are the same. */
export async function compareCounters(store: DocumentStore, expected: Expected): Promise<{ docs: number; mismatches: Mismatch[] }> {
  const mismatches: Mismatch[] = [];
  const seen = new Set<string>();
  let docs = 0;
  for await (const doc of scanAll(counters(store), {}, 1000)) {
    docs++;
    seen.add(doc._id);
    const stored = storedFields(doc as unknown as Record<string, unknown>);
    const want = expected.get(doc._id) ?? new Map<string, number>();
    for (const field of new Set([...stored.keys(), ...want.keys()])) {
      const a = stored.get(field) ?? 0;
      const b = want.get(field) ?? 0;
      if (a !== b) mismatches.push({ id: doc._id, field, stored: a, expected: b });
    }
  }
  for (const [id, want] of expected) {
    if (seen.has(id)) continue;
    for (const [field, b] of want) if (b !== 0) mismatches.push({ id, field, stored: 0, expected: b });
  }
  return { docs, mismatches };
}
