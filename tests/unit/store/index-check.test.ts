/** The index check: which query shapes a set of declared indexes serves, from port filters and from CloudBase's wire queries. */
import { INDEXES } from '../../../backend/collections';
import type { QueryOp } from '../../../backend/store/index-check';
import { describeShape, shapeOf, unserved, verdict } from '../../../backend/store/index-check';
import type { Filter, IndexSpec, SortSpec } from '../../../backend/store/port';
import { requestShape } from '../../../local/cloudsim/query-shape';

const served = (indexes: IndexSpec[], filter: Filter, op: QueryOp = 'find', sort: SortSpec = []) => verdict(shapeOf('t', op, filter, sort), indexes).served;

const ORDERS: IndexSpec[] = [
  {
    fields: [
      ['status', 1],
      ['path', 1],
      ['createdAt', -1],
    ],
  },
  {
    fields: [
      ['createdBy', 1],
      ['createdAt', -1],
    ],
  },
  {
    fields: [
      ['followers', 1],
      ['createdAt', -1],
    ],
    multikey: 'followers',
  },
];
const MINE: Filter = { $or: [{ createdBy: 'u1' }, { followers: { $has: 'u1' } }], status: { $in: ['new', 'pooled'] } };

describe('verdict', () => {
  it('serves equality, then one range, on the leading fields of an index; not a later field alone', () => {
    expect(served(ORDERS, { status: 'new' })).toBe(true);
    expect(served(ORDERS, { status: { $in: ['new', 'pooled'] }, path: { $prefix: '/S1/' } })).toBe(true);
    expect(served(ORDERS, { createdBy: 'u1', createdAt: { $gt: 5 } })).toBe(true);
    expect(served(ORDERS, { path: { $prefix: '/S1/' } })).toBe(false);
    expect(served(ORDERS, { createdAt: { $gt: 5 } }, 'count')).toBe(false);
  });

  it('serves _id always, and nothing from conditions that only test documents', () => {
    expect(served([], { _id: 'x', status: 'new' }, 'updateWhere')).toBe(true);
    expect(served([], { _id: { $in: ['a', 'b'] } })).toBe(true);
    for (const f of [{ status: { $ne: 'new' } }, { status: { $nin: ['new'] } }, { status: { $exists: true } }, { name: { $contains: '王' } }, {}]) {
      expect(served(ORDERS, f as Filter)).toBe(false);
    }
  });

  it('accepts an unindexable condition when an indexed one narrows the query (name search within a subtree)', () => {
    const users: IndexSpec[] = [
      {
        fields: [
          ['homePath', 1],
          ['name', 1],
        ],
      },
    ];
    expect(served(users, { homePath: { $prefix: '/S1/C1/' }, name: { $contains: '王' } })).toBe(true);
    expect(served(users, { name: { $contains: '王' } })).toBe(false);
  });

  it('serves an $or only when every branch, with the conditions beside it, is served', () => {
    expect(served(ORDERS, MINE)).toBe(true);
    expect(served(ORDERS, { ...MINE, status: undefined })).toBe(true);
    expect(served(ORDERS, { $or: [{ createdBy: 'u1' }, { holderId: 'u1' }] })).toBe(false);
    // A condition beside the $or that pins an index serves it whatever the branches are.
    expect(served(ORDERS, { status: 'pooled', $or: [{ holderId: 'u1' }, { colour: 'red' }] })).toBe(true);
    expect(served(ORDERS, { $or: [] })).toBe(true);
  });

  it('catches the missing index: "orders I filed or follow" without the element index on followers', () => {
    const all: Filter = { $or: MINE.$or };
    const withoutFollowers = ORDERS.filter((ix) => ix.multikey !== 'followers');
    expect(served(withoutFollowers, all)).toBe(false);
    // Declared on followers but not as multikey: the embedded store could not look elements up, so it does not count.
    const plain = ORDERS.map((ix) => (ix.multikey ? { fields: ix.fields } : ix));
    expect(served(plain, all)).toBe(false);
    const shape = shapeOf('orders', 'find', all, [['createdAt', -1]]);
    expect(unserved([{ shape }], { orders: withoutFollowers })).toEqual([{ shape }]);
    expect(unserved([{ shape }], { orders: ORDERS })).toEqual([]);
    expect(describeShape(shape)).toBe('orders.find {$or[{createdBy:eq} | {followers:has}]} sort createdAt↓');
    // How selective an index is goes unjudged: a status alone pins the status index, as Mongo would use it.
    expect(served(withoutFollowers, MINE)).toBe(true);
  });

  it('holds orders.mine as the app asks it to backend/collections.ts', () => {
    const shape = shapeOf('orders', 'find', MINE, [
      ['createdAt', -1],
      ['_id', -1],
    ]);
    expect(verdict(shape, INDEXES.orders ?? []).served).toBe(true);
  });
});

describe('CloudBase wire queries', () => {
  const wire = (action: string, collection: string, query: unknown, extra: Record<string, unknown> = {}) =>
    requestShape(action, { collectionName: collection, query: JSON.stringify(query), ...extra });

  it('reads the shape of what the adapter sends: $and of fields, $or, $all for an element, $gte/$lt for a prefix', () => {
    // As captured from @cloudbase/node-sdk for MINE sorted by createdAt desc.
    const shape = wire(
      'database.getDocument',
      'orders',
      { $and: [{ status: { $in: ['new', 'pooled'] } }, { $or: [{ createdBy: 'u1' }, { followers: { $all: ['u1'] } }] }] },
      { order: '{"createdAt":{"$numberInt":"-1"},"_id":{"$numberInt":"1"}}' },
    );
    expect(shape && describeShape(shape)).toBe('orders.find {status:in, $or[{createdBy:eq} | {followers:has}]} sort createdAt↓,_id↑');
    expect(shape && verdict(shape, ORDERS).served).toBe(true);
    const hall = wire('database.calculateDocument', 'orders', {
      status: 'pooled',
      createdBy: { $ne: 'u' },
      $and: [{ 'pool.areaPath': { $gte: '/S/' } }, { 'pool.areaPath': { $lt: '/S/\uffff' } }],
    });
    expect(hall && describeShape(hall)).toBe('orders.count {createdBy:filter, pool.areaPath:range, status:eq}');
    const search = wire('database.getDocument', 'users', { name: { $regularExpression: { pattern: 'ab', options: 'i' } } });
    expect(search && describeShape(search)).toBe('users.find {name:filter}');
  });

  it('reads a group from its $match stage and ignores inserts', () => {
    const stages = [
      { stageKey: '$match', stageValue: '{"status":{"$eq":"x"}}' },
      { stageKey: '$group', stageValue: '{"_id":null}' },
    ];
    const shape = requestShape('database.aggregateDocuments', { collectionName: 'orders', stages });
    expect(shape && describeShape(shape)).toBe('orders.group {status:eq}');
    expect(requestShape('database.insertDocument', { collectionName: 'orders', data: ['{}'] })).toBeNull();
  });
});
