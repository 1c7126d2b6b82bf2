/** CloudBase translation with no SDK and no network: port filters, patches and group stages → `db.command` calls. */
import type { CloudbaseCommand } from '../../../backend/store/cloudbase-translate';
import { fromCloudbaseGroupRow, toCloudbaseGroup, toCloudbaseUpdate, toCloudbaseWhere } from '../../../backend/store/cloudbase-translate';

/** A fake `db.command` that records calls, for the pure translation tests. */
const rec = new Proxy(
  {},
  {
    get:
      (_t, op) =>
      (...args: unknown[]) => ({ op: String(op), args }),
  },
) as CloudbaseCommand;

describe('pure translation', () => {
  it('maps every filter operator to a db.command call; equality stays a plain value', () => {
    expect(toCloudbaseWhere({ status: 'open', gone: null, skip: undefined, path: { $prefix: '/S1/' } }, rec)).toEqual({
      status: 'open',
      gone: null,
      path: {
        op: 'and',
        args: [
          { op: 'gte', args: ['/S1/'] },
          { op: 'lt', args: ['/S1/\uffff'] },
        ],
      },
    });
    expect(toCloudbaseWhere({ a: { $eq: 1 }, b: { $ne: null }, c: { $in: [1] }, d: { $nin: ['x'] }, e: { $exists: false }, f: { $has: 'y' } }, rec)).toEqual({
      a: { op: 'eq', args: [1] },
      b: { op: 'neq', args: [null] },
      c: { op: 'in', args: [[1]] },
      d: { op: 'nin', args: [['x']] },
      e: { op: 'exists', args: [false] },
      f: { op: 'all', args: [['y']] },
    });
    expect(toCloudbaseWhere({ n: { $gt: 1, $gte: 2, $lt: 9, $lte: 8, $in: undefined } }, rec)).toEqual({
      n: {
        op: 'and',
        args: [
          { op: 'gt', args: [1] },
          { op: 'gte', args: [2] },
          { op: 'lt', args: [9] },
          { op: 'lte', args: [8] },
        ],
      },
    });
  });

  it('combines fields and $or with and/or; an empty $or matches nothing; {} stays {}', () => {
    expect(toCloudbaseWhere({}, rec)).toEqual({});
    expect(toCloudbaseWhere({ $or: [{ a: 1 }, { b: 2 }] }, rec)).toEqual({ op: 'or', args: [{ a: 1 }, { b: 2 }] });
    expect(toCloudbaseWhere({ x: 1, $or: [{ a: 1 }] }, rec)).toEqual({ op: 'and', args: [{ x: 1 }, { op: 'or', args: [{ a: 1 }] }] });
    expect(toCloudbaseWhere({ $or: [] }, rec)).toEqual({ _id: { op: 'in', args: [[]] } });
  });

  it('rejects bad field paths, unknown operators and array conditions', () => {
    expect(() => toCloudbaseWhere({ 'a;drop': 1 }, rec)).toThrow(/bad field path/);
    expect(() => toCloudbaseWhere({ a: { $regex: 'x' } as never }, rec)).toThrow(/unsupported filter operator/);
    expect(() => toCloudbaseWhere({ a: [{ b: 1 }] }, rec)).toThrow(/only \$or/);
  });

  it('maps a patch to set/inc/push/remove and refuses _id or a field under two operators', () => {
    expect(toCloudbaseUpdate({ $set: { 'a.b': { x: 1 }, c: undefined }, $inc: { n: 2 }, $push: { log: [1, 2] }, $unset: { tmp: true } }, rec)).toEqual({
      'a.b': { op: 'set', args: [{ x: 1 }] },
      c: { op: 'set', args: [null] },
      n: { op: 'inc', args: [2] },
      log: { op: 'push', args: [[[1, 2]]] },
      tmp: { op: 'remove', args: [] },
    });
    expect(() => toCloudbaseUpdate({ $set: { _id: 'x' } }, rec)).toThrow(/_id/);
    expect(() => toCloudbaseUpdate({ $set: { n: 1 }, $inc: { n: 1 } }, rec)).toThrow(/two update operators/);
    expect(() => toCloudbaseUpdate({ $unset: { 'a..b': true } }, rec)).toThrow(/bad field path/);
  });

  it('builds the $group stage and reads its rows back as GroupRow', () => {
    const spec = { by: ['status', 'stats.open'], sum: ['n'] };
    expect(toCloudbaseGroup(spec)).toEqual({
      _id: { g0: { $ifNull: ['$status', null] }, g1: { $ifNull: ['$stats.open', null] } },
      count: { $sum: 1 },
      s0: { $sum: '$n' },
    });
    expect(toCloudbaseGroup({ by: [] })).toEqual({ _id: null, count: { $sum: 1 } });
    expect(fromCloudbaseGroupRow(spec, { _id: { g0: 'open' }, count: 2, s0: 5 })).toEqual({ key: { status: 'open', 'stats.open': null }, count: 2, sums: { n: 5 } });
    expect(fromCloudbaseGroupRow({ by: [], sum: ['n'] }, { _id: null, count: 3 })).toEqual({ key: {}, count: 3, sums: { n: 0 } });
  });
});
