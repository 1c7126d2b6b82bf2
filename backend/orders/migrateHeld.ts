/** Members stored before `held` (their count of orders held, the open-order cap) get it once, from their orders. */
import { HELD_STATUSES } from '../../shared/orders/model';
import type { Migration } from '../records/migrate';
import { users } from '../users/repo';
import { orders } from './repo';

export const HELD_ON_MEMBERS: Migration = {
  name: '党员在办点单数（held）',
  async run(store) {
    const rows = await orders(store).group({ status: { $in: [...HELD_STATUSES] } }, { by: ['holderId'] });
    let changed = 0;
    // Only where the field is missing: a recount since (backend/records/apply.ts) already holds the true figure.
    for (const r of rows) {
      const holderId = r.key.holderId;
      if (typeof holderId === 'string') changed += await users(store).updateWhere({ _id: holderId, held: { $exists: false } }, { $set: { held: r.count } });
    }
    return changed;
  },
};
