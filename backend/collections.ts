/** Declared indexes per collection: created at start by the embedded store, listed for CloudBase's console. */
import type { DocumentStore, IndexSpec } from './store/port';

export const INDEXES: Record<string, IndexSpec[]> = {
  areas: [
    { fields: [['parentId', 1], ['order', 1]] },
    { fields: [['path', 1]] },
  ],
  users: [
    { fields: [['openid', 1]] },
    { fields: [['uid', 1]] },
    { fields: [['homePath', 1], ['name', 1]] },
  ],
  audit: [{ fields: [['areaPath', 1], ['at', -1]] }],
  orders: [
    { fields: [['status', 1], ['path', 1], ['createdAt', -1]] },
    { fields: [['status', 1], ['pool.areaPath', 1], ['createdAt', -1]] },
    { fields: [['createdBy', 1], ['createdAt', -1]] },
    { fields: [['holderId', 1], ['status', 1]] },
    { fields: [['buildingId', 1], ['category', 1], ['createdAt', -1]] },
    { fields: [['status', 1], ['respondBy', 1]] },
    { fields: [['status', 1], ['resolveBy', 1]] },
    { fields: [['status', 1], ['completedAt', 1]] },
  ],
  messages: [
    { fields: [['userId', 1], ['createdAt', -1]] },
    { fields: [['toAreaId', 1], ['createdAt', -1]] },
  ],
  points_ledger: [{ fields: [['memberId', 1], ['year', 1], ['at', -1]] }],
};

export async function ensureAllIndexes(store: DocumentStore): Promise<void> {
  for (const [name, specs] of Object.entries(INDEXES)) await store.ensureIndexes(name, specs);
}
