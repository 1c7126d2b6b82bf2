/** Declared indexes per collection: created at start by the embedded store, listed for CloudBase's console. */
import { migrateAll } from './records/migrate';
import type { DocumentStore, IndexSpec } from './store/port';
import { INDEXES as MEMBERS_INDEXES } from './members/repo';
import { INDEXES as ACTIVITIES_INDEXES } from './activities/repo';
import { INDEXES as WISHES_INDEXES } from './wishes/repo';
import { INDEXES as CODES_INDEXES } from './codes/repo';
import { INDEXES as DASHBOARD_INDEXES } from './dashboard/repo';
import { INDEXES as RESPONSE_INDEXES } from './response/repo';
import { INDEXES as DIARY_INDEXES } from './diary/repo';
import { INDEXES as AUDIT_INDEXES } from './audit/repo';
import { INDEXES as POINTS_INDEXES } from './points/repo';
import { INDEXES as INVITATIONS_INDEXES } from './invitations/repo';
import { INDEXES as UNITS_INDEXES } from './units/repo';
import { INDEXES as HOTLINE_INDEXES } from './hotline/repo';
import { fillStaffAreaIds } from './users/repo';

export const INDEXES: Record<string, IndexSpec[]> = {
  areas: [
    {
      fields: [
        ['parentId', 1],
        ['order', 1],
      ],
    },
    { fields: [['path', 1]] },
    // The effects drain reads records still pending, oldest first (backend/records/drain.ts): an edit's audit.
    { fields: [['fxAt', 1]] },
  ],
  users: [
    { fields: [['openid', 1]] },
    { fields: [['uid', 1]] },
    {
      fields: [
        ['homePath', 1],
        ['name', 1],
      ],
    },
    // The staff of a node (notify's WeChat pushes): each element of the array is indexed.
    { fields: [['staffAreaIds', 1]], multikey: 'staffAreaIds' },
    // Everyone holding a role on a node (the node page, backend/users/node.ts).
    { fields: [['roleAreaIds', 1]], multikey: 'roleAreaIds' },
    // The people acting for a unit (backend/units/admin.ts).
    { fields: [['unitIds', 1]], multikey: 'unitIds' },
    // The effects drain: AB角 and 联户 changes carry their audit on the person's own write (backend/users/deputy.ts).
    { fields: [['fxAt', 1]] },
  ],
  audit: [
    {
      fields: [
        ['areaPath', 1],
        ['at', -1],
      ],
    },
  ],
  orders: [
    {
      fields: [
        ['status', 1],
        ['path', 1],
        ['createdAt', -1],
      ],
    },
    // The order export: a subtree over a period, whatever the status.
    {
      fields: [
        ['path', 1],
        ['createdAt', -1],
      ],
    },
    // 接单大厅: with createdBy, _id and the skill asked for, its count and the choice of its page (newest first, skipping
    // my own orders, by skill or not) are read from the index alone, never opening a document.
    {
      fields: [
        ['status', 1],
        ['pool.areaPath', 1],
        ['createdAt', -1],
        ['createdBy', 1],
        ['_id', -1],
        ['pool.skill', 1],
      ],
    },
    {
      fields: [
        ['createdBy', 1],
        ['createdAt', -1],
      ],
    },
    // 我的点单 is "filed by me or followed by me": an $or of this and the one above, each branch an index lookup.
    {
      fields: [
        ['followers', 1],
        ['createdAt', -1],
      ],
      multikey: 'followers',
    },
    {
      fields: [
        ['holderId', 1],
        ['status', 1],
      ],
    },
    // 单位接单: a unit's orders by status, newest first (backend/units/orders.ts).
    {
      fields: [
        ['unit.id', 1],
        ['status', 1],
        ['createdAt', -1],
        ['_id', -1],
      ],
    },
    {
      fields: [
        ['buildingId', 1],
        ['category', 1],
        ['createdAt', -1],
      ],
    },
    {
      fields: [
        ['status', 1],
        ['respondBy', 1],
      ],
    },
    {
      fields: [
        ['status', 1],
        ['resolveBy', 1],
      ],
    },
    {
      fields: [
        ['status', 1],
        ['completedAt', 1],
      ],
    },
    // The effects drain reads records still pending, oldest first (backend/records/drain.ts).
    { fields: [['fxAt', 1]] },
  ],
  messages: [
    {
      fields: [
        ['userId', 1],
        ['createdAt', -1],
      ],
    },
    {
      fields: [
        ['toAreaId', 1],
        ['createdAt', -1],
      ],
    },
    // Messages to a unit's staff (多方接单: 派单/转办 to the unit).
    {
      fields: [
        ['toUnitId', 1],
        ['createdAt', -1],
      ],
    },
  ],
  // WeChat image checks by trace_id (backend/content/photoChecks.ts): read by id only.
  photo_checks: [],
  // Read by id only, yet declared: a deploy creates them up front with clients shut out (仅管理端可读写), where a
  // collection the store creates on first write would get CloudBase's default rule.
  community_rules: [],
  // 职责清单 per street or community (backend/orders/duties.ts): read by id only.
  duty_lists: [],
  wish_rules: [],
  points_rules: [],
  quotas: [],
  order_counters: [],
  // Done-markers of the data migrations (backend/records/migrate.ts), read by id.
  migrations: [],
  member_counters: [],
  // Newer domains declare their collections' indexes in their own repo.ts.
  ...MEMBERS_INDEXES,
  ...ACTIVITIES_INDEXES,
  ...WISHES_INDEXES,
  ...CODES_INDEXES,
  ...DASHBOARD_INDEXES,
  ...RESPONSE_INDEXES,
  ...DIARY_INDEXES,
  ...AUDIT_INDEXES,
  ...POINTS_INDEXES,
  ...INVITATIONS_INDEXES,
  ...UNITS_INDEXES,
  ...HOTLINE_INDEXES,
};

/**
 * Reads that no declared index serves, each with why it is accepted; the index check (tests/support/indexes.ts)
 * lets exactly these shapes through and fails on any other.
 */
export const ACCEPTED_SCANS: Array<{ shape: RegExp; why: string }> = [
  {
    shape: /^users\.find \{demo:eq\} sort demoOrder↑$/,
    why: "The local server's 开发登录 list (local/server.ts): the demo people of an embedded store, never a cloud function's query, so no CloudBase index is declared for it.",
  },
  {
    shape: /^users\.find \{\$or\[\{roleNames:has\}( \| \{roleNames:has\})*\]\}( |$)/,
    why:
      '一键响应 resolves its recipients by paging through every holder of the chosen roles street-wide (backend/response/send.ts). ' +
      'An element index on roleNames would not help: it has a handful of values, and a lookup on it would drive every other ' +
      "role query (people lists by home, 网格长 of a grid) through all the street's holders of that role.",
  },
];

/** Indexes, then fields added since documents were stored, so the new indexes cover the old documents too. */
export async function ensureAllIndexes(store: DocumentStore): Promise<void> {
  for (const [name, specs] of Object.entries(INDEXES)) await store.ensureIndexes(name, specs);
  await fillStaffAreaIds(store);
  await migrateAll(store);
}
