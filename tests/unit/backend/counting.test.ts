/** The counting DocumentStore wrapper: one count per port call, results passed through untouched. */
import { countingStore } from '../../../backend/store/counting';
import { openSqliteStore } from '../../../backend/store/sqlite';

interface Item {
  _id: string;
  kind: string;
  n: number;
}

const inner = openSqliteStore({ dataDir: ':memory:' });
afterAll(() => inner.close());

describe('countingStore', () => {
  it('counts every port call by operation and returns what the inner store returns', async () => {
    const counting = countingStore(inner);
    await counting.store.ensureIndexes('items', [{ fields: [['kind', 1]] }]);
    const items = counting.store.collection<Item>('items');
    expect(counting.counts()).toEqual({ total: 0, byOp: {}, sequential: 0 });

    await items.insert({ _id: 'a', kind: 'x', n: 1 });
    expect(await items.insertIfAbsent({ _id: 'a', kind: 'y', n: 9 })).toBe(false);
    expect(await items.insertIfAbsent({ _id: 'b', kind: 'x', n: 2 })).toBe(true);
    expect(await items.get('a')).toEqual({ _id: 'a', kind: 'x', n: 1 });
    expect(await items.get('missing')).toBeNull();
    expect((await items.find({ kind: 'x' }, { sort: [['n', -1]] })).map((d) => d._id)).toEqual(['b', 'a']);
    expect(await items.count({ kind: 'x' })).toBe(2);
    expect(await items.updateWhere({ _id: 'a', n: 1 }, { $inc: { n: 10 } })).toBe(1);
    expect(await items.group({ kind: 'x' }, { by: ['kind'], sum: ['n'] })).toEqual([{ key: { kind: 'x' }, count: 2, sums: { n: 13 } }]);

    // The same data through the unwrapped store: the wrapper wrote exactly what it was given.
    expect(await inner.collection<Item>('items').get('a')).toEqual({ _id: 'a', kind: 'x', n: 11 });
    expect(counting.counts()).toEqual({
      total: 9,
      byOp: { insert: 1, insertIfAbsent: 2, get: 2, find: 1, count: 1, updateWhere: 1, group: 1 },
      sequential: 9,
    });
    expect(counting.calls()[0]).toEqual({ op: 'insert', collection: 'items', overlapped: false });
  });

  it('passes errors through and still counts the call', async () => {
    const counting = countingStore(inner);
    const items = counting.store.collection<Item>('items');
    await expect(items.insert({ _id: 'a', kind: 'z', n: 0 })).rejects.toThrow(/duplicate key/);
    expect(counting.counts().byOp).toEqual({ insert: 1 });
  });

  it('marks calls issued together as overlapped, and reset starts over', async () => {
    const counting = countingStore(inner);
    const items = counting.store.collection<Item>('items');
    const [one, two, n] = await Promise.all([items.get('a'), items.get('b'), items.count({})]);
    expect([one?._id, two?._id, n]).toEqual(['a', 'b', 2]);
    expect(counting.counts()).toEqual({ total: 3, byOp: { get: 2, count: 1 }, sequential: 1 });
    counting.reset();
    expect(counting.counts()).toEqual({ total: 0, byOp: {}, sequential: 0 });
    expect(counting.calls()).toEqual([]);
  });
});
