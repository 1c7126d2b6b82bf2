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
};

export async function ensureAllIndexes(store: DocumentStore): Promise<void> {
  for (const [name, specs] of Object.entries(INDEXES)) await store.ensureIndexes(name, specs);
}
