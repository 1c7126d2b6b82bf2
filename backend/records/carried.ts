/** Appliers only the `effects` function carries: too much code for every bundle that drains, so others leave their records to it. */
import type { MembershipEffect } from '../members/membership';
import type { PeopleEffect } from '../users/after';
import type { RehomeEffect } from '../areas/rehome';
import type { Deps } from '../runtime/types';
import type { Doc } from '../store/port';
import type { EffectBatch, Marking, OrderCreditEffect, Pending } from './effects';

/**
 * Each brings a domain the other bundles keep out (their budgets): a 双报到 approval brings activities
 * (backend/members/membership.ts), a role change's handover of open items brings orders (backend/users/after.ts), a
 * moved 楼栋's people come in pages (backend/areas/rehome.ts), and an order's points are reckoned by the community's
 * rules with the order machine (backend/orders/credit.ts). Registered by backend/records/index.ts.
 */
export interface Carried {
  membership: (deps: Deps, e: MembershipEffect, batch: EffectBatch) => Promise<void>;
  people: (deps: Deps, e: PeopleEffect) => Promise<void>;
  rehome: (deps: Deps, e: RehomeEffect) => Promise<void>;
  orderCredit: (deps: Deps & Marking, e: OrderCreditEffect) => Promise<void>;
}

export const carried: Partial<Carried> = {};

export function carry(appliers: Carried): void {
  Object.assign(carried, appliers);
}

/** Whether this function carries every applier a record's batches need; if not, the record waits for the effects function's drain. */
export const appliesHere = (d: Doc & Pending): boolean =>
  !(d.fx ?? []).some((b) => b.effects.some((e) => (e.type === 'membership' || e.type === 'people' || e.type === 'rehome' || e.type === 'orderCredit') && !carried[e.type]));

/** What an approval and a role change change beyond their own record, then a moved 楼栋's people: in order, each idempotent. */
export async function applyCarried(deps: Deps, batches: EffectBatch[]): Promise<void> {
  const { membership, people, rehome } = carried;
  for (const b of batches) for (const e of b.effects) if (e.type === 'membership' && membership) await membership(deps, e, b);
  for (const b of batches) for (const e of b.effects) if (e.type === 'people' && people) await people(deps, e);
  for (const b of batches) for (const e of b.effects) if (e.type === 'rehome' && rehome) await rehome(deps, e);
}
