/** People stored before `roleAreaIds` (the nodes they hold a role on; the node page finds role holders by it) get it once. */
import type { Migration } from '../records/migrate';
import { roleFields, users } from './repo';

export const ROLE_AREAS_ON_USERS: Migration = {
  name: '人员的角色节点（roleAreaIds）',
  async run(store, pageSize = 500) {
    let changed = 0;
    let after = '';
    for (;;) {
      const page = await users(store).find({ roleAreaIds: { $exists: false }, _id: { $gt: after } }, { sort: [['_id', 1]], limit: pageSize });
      // Guarded by rev: a role change meanwhile wrote the field itself, from the roles it saved.
      for (const u of page)
        changed += await users(store).updateWhere({ _id: u._id, rev: u.rev, roleAreaIds: { $exists: false } }, { $set: { roleAreaIds: roleFields(u.roles).roleAreaIds } });
      if (page.length < pageSize) return changed;
      after = page[page.length - 1]?._id ?? after;
    }
  },
};
