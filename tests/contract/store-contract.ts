/** The DocumentStore contract: one jest suite every adapter (SQLite, CloudBase) must pass unchanged. */
import type { Collection, Doc, DocumentStore, Filter, GroupRow } from '../../backend/store/port';
import { DuplicateKeyError } from '../../backend/store/port';

interface Item extends Doc {
  status?: string | null;
  path?: string;
  n?: number;
  g?: string;
  rank?: number;
  tags?: string[];
  stats?: { open?: number; closed?: number };
  phone?: string;
  by?: number;
  log?: unknown[];
  meta?: Record<string, unknown>;
}

const SEED: Item[] = [
  { _id: 'a', status: 'open', path: '/S1/C1/G1/', n: 1, tags: ['x', 'y'], stats: { open: 2 } },
  { _id: 'b', status: 'open', path: '/S1/C1/G2/', n: 2, tags: ['y'] },
  { _id: 'c', status: 'closed', path: '/S1/C2/G1/', n: 3, tags: [] },
  { _id: 'd', status: null, path: '/S2/C1/G1/', n: 4 },
  { _id: 'e', path: '/S10/C1/G1/', n: 5 },
  { _id: 'f', status: 'claimed', path: '/S1/', n: 6 },
];

/**
 * Collection names are unique per test but the same on every run, and each is emptied before use: a real
 * environment (at most 100 collections) keeps the same dozen, instead of gaining a dozen per run.
 */
let seq = 0;
const nextName = (base: string): string => `contract_${(seq++).toString(36)}_${base}`.slice(0, 40);

const ids = (docs: Doc[]): string[] => docs.map((d) => d._id).sort();
const byKey = (rows: GroupRow[]): GroupRow[] => [...rows].sort((x, y) => JSON.stringify(x.key).localeCompare(JSON.stringify(y.key)));

/** `clear` empties a collection left by an earlier run (a fresh SQLite folder has none). */
export function describeStoreContract(name: string, open: () => Promise<DocumentStore>, clear: (collection: string) => Promise<void> = async () => undefined): void {
  describe(`DocumentStore contract: ${name}`, () => {
    let store: DocumentStore;
    beforeAll(async () => {
      store = await open();
    });
    const fresh = async (base: string): Promise<string> => {
      const n = nextName(base);
      await clear(n);
      return n;
    };
    afterAll(async () => {
      await store?.close();
    });

    const seeded = async (base: string): Promise<Collection<Item>> => {
      const c = store.collection<Item>(await fresh(base));
      for (const doc of SEED) await c.insert(doc);
      return c;
    };

    describe('get / insert / insertIfAbsent', () => {
      it('get returns null for a missing id, also in a collection never written', async () => {
        const c = store.collection<Item>(await fresh('get'));
        await expect(c.get('nope')).resolves.toBeNull();
        await c.insert({ _id: 'k1', status: 'open', stats: { open: 1 } });
        await expect(c.get('k1')).resolves.toEqual({ _id: 'k1', status: 'open', stats: { open: 1 } });
        await expect(c.get('k2')).resolves.toBeNull();
      });

      it('insert of an existing id throws DuplicateKeyError and keeps the original', async () => {
        const c = store.collection<Item>(await fresh('dup'));
        await c.insert({ _id: 'k', n: 1 });
        await expect(c.insert({ _id: 'k', n: 2 })).rejects.toBeInstanceOf(DuplicateKeyError);
        await expect(c.get('k')).resolves.toEqual({ _id: 'k', n: 1 });
      });

      it('insertIfAbsent inserts once, then reports false and leaves the first version', async () => {
        const c = store.collection<Item>(await fresh('ifabsent'));
        await expect(c.insertIfAbsent({ _id: 'k', n: 1 })).resolves.toBe(true);
        await expect(c.insertIfAbsent({ _id: 'k', n: 2 })).resolves.toBe(false);
        await expect(c.get('k')).resolves.toEqual({ _id: 'k', n: 1 });
        await expect(c.count({})).resolves.toBe(1);
      });
    });

    describe('insertMany', () => {
      it('inserts the free ids in one batch and reports them; a replay inserts nothing and changes nothing', async () => {
        const c = store.collection<Item>(await fresh('many'));
        await c.insert({ _id: 'b', n: 1 });
        await expect(
          c.insertMany([
            { _id: 'a', n: 10 },
            { _id: 'b', n: 20 },
            { _id: 'c', n: 30 },
          ]),
        ).resolves.toEqual(['a', 'c']);
        await expect(
          c.insertMany([
            { _id: 'a', n: 99 },
            { _id: 'c', n: 99 },
          ]),
        ).resolves.toEqual([]);
        await expect(c.insertMany([])).resolves.toEqual([]);
        expect((await c.find({}, { sort: [['_id', 1]] })).map((d) => d.n)).toEqual([10, 1, 30]);
      });

      it('racing batches of the same ids insert each document once', async () => {
        const c = store.collection<Item>(await fresh('manyrace'));
        const batch = (tag: number) => c.insertMany(['x', 'y', 'z'].map((_id) => ({ _id, n: tag })));
        const results = await Promise.all([batch(1), batch(2), batch(3)]);
        expect(results.flat().sort()).toEqual(['x', 'y', 'z']);
        await expect(c.count({})).resolves.toBe(3);
      });
    });

    describe('find filters', () => {
      const cases: Array<[string, Filter, string[]]> = [
        ['empty filter', {}, ['a', 'b', 'c', 'd', 'e', 'f']],
        ['equality', { status: 'open' }, ['a', 'b']],
        ['null matches null and missing', { status: null }, ['d', 'e']],
        ['$eq', { status: { $eq: 'closed' } }, ['c']],
        ['$eq null', { status: { $eq: null } }, ['d', 'e']],
        ['$ne includes null and missing', { status: { $ne: 'open' } }, ['c', 'd', 'e', 'f']],
        ['$ne null', { status: { $ne: null } }, ['a', 'b', 'c', 'f']],
        ['$in', { status: { $in: ['open', 'closed'] } }, ['a', 'b', 'c']],
        ['$nin includes null and missing', { status: { $nin: ['open', 'closed'] } }, ['d', 'e', 'f']],
        ['$gt', { n: { $gt: 3 } }, ['d', 'e', 'f']],
        ['$gte', { n: { $gte: 3 } }, ['c', 'd', 'e', 'f']],
        ['$lt', { n: { $lt: 2 } }, ['a']],
        ['$lte', { n: { $lte: 2 } }, ['a', 'b']],
        ['range on one field', { n: { $gt: 1, $lt: 4 } }, ['b', 'c']],
        ['string range', { path: { $gte: '/S1/C2/', $lt: '/S2/' } }, ['c', 'e']],
        ['$exists true counts an explicit null', { status: { $exists: true } }, ['a', 'b', 'c', 'd', 'f']],
        ['$exists false', { status: { $exists: false } }, ['e']],
        ['$exists on a nested path', { 'stats.open': { $exists: true } }, ['a']],
        ['dotted equality', { 'stats.open': 2 }, ['a']],
        ['$prefix is a subtree, not a string prefix of siblings', { path: { $prefix: '/S1/' } }, ['a', 'b', 'c', 'f']],
        ['$prefix deeper', { path: { $prefix: '/S1/C1/' } }, ['a', 'b']],
        ['$prefix + equality', { status: 'open', path: { $prefix: '/S1/C1/' } }, ['a', 'b']],
        ['$prefix with no match', { path: { $prefix: '/S3/' } }, []],
        ['$has', { tags: { $has: 'y' } }, ['a', 'b']],
        ['$has with no match', { tags: { $has: 'z' } }, []],
        ['$or', { $or: [{ status: 'closed' }, { n: { $gte: 5 } }] }, ['c', 'e', 'f']],
        ['$or and fields', { path: { $prefix: '/S1/' }, $or: [{ status: 'open' }, { n: 6 }] }, ['a', 'b', 'f']],
        ['nested $or', { $or: [{ $or: [{ _id: 'a' }, { _id: 'd' }] }, { status: null, n: 5 }] }, ['a', 'd', 'e']],
        ['empty $or matches nothing', { $or: [] }, []],
        ['_id equality', { _id: 'c' }, ['c']],
        ['_id $in', { _id: { $in: ['a', 'f', 'zz'] } }, ['a', 'f']],
        ['an undefined field condition is ignored', { status: undefined, n: { $lt: 3 } }, ['a', 'b']],
      ];
      let coll: Collection<Item>;
      beforeAll(async () => {
        coll = await seeded('filters');
      });
      it.each(cases)('%s', async (_label, filter, expected) => {
        expect(ids(await coll.find(filter))).toEqual(expected);
        await expect(coll.count(filter)).resolves.toBe(expected.length);
      });
    });

    describe('sort, limit, skip, count', () => {
      const rows: Item[] = [
        { _id: 'r1', g: 'b', rank: 1 },
        { _id: 'r2', g: 'a', rank: 2 },
        { _id: 'r3', g: 'b', rank: 3 },
        { _id: 'r4', g: 'a', rank: 4 },
        { _id: 'r5', g: 'c', rank: 5 },
        { _id: 'r6', g: 'a', rank: 6 },
        { _id: 'r7', g: 'c', rank: 7 },
      ];
      let c: Collection<Item>;
      beforeAll(async () => {
        c = store.collection<Item>(await fresh('sort'));
        for (const r of rows) await c.insert(r);
      });
      const order = (docs: Doc[]) => docs.map((d) => d._id);

      it('sorts on two keys, ascending then descending', async () => {
        expect(
          order(
            await c.find(
              {},
              {
                sort: [
                  ['g', 1],
                  ['rank', -1],
                ],
              },
            ),
          ),
        ).toEqual(['r6', 'r4', 'r2', 'r3', 'r1', 'r7', 'r5']);
      });
      it('sorts on two keys, descending then ascending', async () => {
        expect(
          order(
            await c.find(
              {},
              {
                sort: [
                  ['g', -1],
                  ['rank', 1],
                ],
              },
            ),
          ),
        ).toEqual(['r5', 'r7', 'r1', 'r3', 'r2', 'r4', 'r6']);
      });
      it('pages with limit and skip without gaps or repeats', async () => {
        const sort: Array<[string, 1 | -1]> = [['rank', 1]];
        const p1 = await c.find({}, { sort, limit: 3 });
        const p2 = await c.find({}, { sort, limit: 3, skip: 3 });
        const p3 = await c.find({}, { sort, limit: 3, skip: 6 });
        expect([order(p1), order(p2), order(p3)]).toEqual([['r1', 'r2', 'r3'], ['r4', 'r5', 'r6'], ['r7']]);
        expect(order(await c.find({}, { sort, skip: 5 }))).toEqual(['r6', 'r7']);
        expect(order(await c.find({ g: 'a' }, { sort: [['rank', -1]], limit: 2 }))).toEqual(['r6', 'r4']);
        await expect(c.find({}, { sort, skip: 10 })).resolves.toEqual([]);
      });
      it('counts with and without a filter, and 0 for a collection never written', async () => {
        await expect(c.count({})).resolves.toBe(7);
        await expect(c.count({ g: 'a', rank: { $gt: 2 } })).resolves.toBe(2);
        await expect(store.collection<Item>(await fresh('never')).count({})).resolves.toBe(0);
        await expect(store.collection<Item>(await fresh('never')).find({ g: 'a' })).resolves.toEqual([]);
      });
    });

    describe('updateWhere', () => {
      it('is a conditional update: of 20 concurrent claims exactly one matches', async () => {
        const c = store.collection<Item>(await fresh('claim'));
        await c.insert({ _id: 'job', status: 'open' });
        const results = await Promise.all(Array.from({ length: 20 }, (_, i) => c.updateWhere({ _id: 'job', status: 'open' }, { $set: { status: 'claimed', by: i } })));
        expect(results.filter((r) => r === 1)).toHaveLength(1);
        expect(results.filter((r) => r === 0)).toHaveLength(19);
        const doc = await c.get('job');
        expect(doc?.status).toBe('claimed');
        expect(doc?.by).toBe(results.indexOf(1));
      });

      it('returns how many documents matched, 0 when none', async () => {
        const c = await seeded('updcount');
        await expect(c.updateWhere({ path: { $prefix: '/S1/C1/' } }, { $set: { status: 'done' } })).resolves.toBe(2);
        await expect(c.updateWhere({ status: 'nobody' }, { $set: { n: 0 } })).resolves.toBe(0);
        expect(ids(await c.find({ status: 'done' }))).toEqual(['a', 'b']);
      });

      it('applies $set (nested, replacing objects), $inc, $push and $unset', async () => {
        const c = store.collection<Item>(await fresh('patch'));
        await c.insert({ _id: 'p', n: 1, tags: ['x'], stats: { open: 1, closed: 5 }, meta: { a: 1, b: 2 }, status: 'open' });
        await c.insert({ _id: 'q' });
        const hit = await c.updateWhere(
          { _id: 'p' },
          {
            $set: { 'stats.closed': 7, meta: { c: 3 }, phone: '123' },
            $inc: { n: 2, 'stats.open': 1 },
            $push: { tags: 'y', log: { at: 1 } },
            $unset: { status: true },
          },
        );
        expect(hit).toBe(1);
        expect(await c.get('p')).toEqual({ _id: 'p', n: 3, tags: ['x', 'y'], log: [{ at: 1 }], stats: { open: 2, closed: 7 }, meta: { c: 3 }, phone: '123' });
        // Missing targets: $inc starts from 0, $push creates the array (an array value is one element), nested $set creates parents.
        await c.updateWhere({ _id: 'q' }, { $inc: { n: 4 }, $push: { log: ['a', 'b'] }, $set: { 'stats.open': 1 }, $unset: { 'meta.none': true } });
        expect(await c.get('q')).toEqual({ _id: 'q', n: 4, log: [['a', 'b']], stats: { open: 1 } });
        await c.updateWhere({ _id: 'q' }, { $unset: { 'stats.open': true }, $push: { log: 'c' } });
        expect(await c.get('q')).toEqual({ _id: 'q', n: 4, log: [['a', 'b'], 'c'], stats: {} });
      });

      it('$pushAll appends each value in order; $hasNone guards a write so it applies once per key', async () => {
        const c = store.collection<Item>(await fresh('marks'));
        await c.insert({ _id: 'm', n: 0 });
        const apply = (keys: string[], by: number) => c.updateWhere({ _id: 'm', tags: { $hasNone: keys } }, { $inc: { n: by }, $pushAll: { tags: keys } });
        // A missing array contains none of them.
        await expect(apply(['k1', 'k2'], 3)).resolves.toBe(1);
        await expect(apply(['k2', 'k3'], 5)).resolves.toBe(0);
        await expect(apply(['k3'], 5)).resolves.toBe(1);
        await expect(Promise.all([apply(['k4'], 1), apply(['k4'], 1), apply(['k4'], 1)])).resolves.toEqual(expect.arrayContaining([1, 0, 0]));
        expect(await c.get('m')).toEqual({ _id: 'm', n: 9, tags: ['k1', 'k2', 'k3', 'k4'] });
        expect(ids(await c.find({ tags: { $hasNone: ['k9'] } }))).toEqual(['m']);
        await expect(c.updateWhere({ _id: 'm' }, { $pushAll: { tags: [] } })).resolves.toBe(1);
        expect((await c.get('m'))?.tags).toEqual(['k1', 'k2', 'k3', 'k4']);
      });

      it('$pullAll removes every listed value, keeps the rest in order, and leaves a missing array missing', async () => {
        const c = store.collection<Item>(await fresh('pulls'));
        await c.insert({ _id: 'p', n: 0, tags: ['k1', 'k2', 'k1', 'k3', 'k4'] });
        await c.insert({ _id: 'q', n: 0 });
        await expect(c.updateWhere({ _id: 'p' }, { $inc: { n: 1 }, $pullAll: { tags: ['k1', 'k4', 'k9'] } })).resolves.toBe(1);
        expect(await c.get('p')).toEqual({ _id: 'p', n: 1, tags: ['k2', 'k3'] });
        await c.updateWhere({ _id: 'p' }, { $pullAll: { tags: ['k2', 'k3'] } });
        expect((await c.get('p'))?.tags).toEqual([]);
        await c.updateWhere({ _id: 'q' }, { $set: { n: 2 }, $pullAll: { tags: ['k1'] } });
        expect(await c.get('q')).toEqual({ _id: 'q', n: 2 });
        // Guard, add and later release a key: the in-flight pattern of the dashboard counters (backend/records/apply.ts).
        const apply = (key: string) => c.updateWhere({ _id: 'q', tags: { $hasNone: [key] } }, { $inc: { n: 1 }, $pushAll: { tags: [key] } });
        await expect(apply('b1')).resolves.toBe(1);
        await expect(apply('b1')).resolves.toBe(0);
        await c.updateWhere({ _id: 'q' }, { $pullAll: { tags: ['b1'] } });
        expect(await c.get('q')).toEqual({ _id: 'q', n: 3, tags: [] });
      });

      it('rejects a field under two operators and an _id update', async () => {
        const c = store.collection<Item>(await fresh('badpatch'));
        await c.insert({ _id: 'p', n: 1 });
        await expect(c.updateWhere({ _id: 'p' }, { $set: { n: 2 }, $inc: { n: 1 } })).rejects.toThrow();
        await expect(c.updateWhere({ _id: 'p' }, { $set: { _id: 'other' } })).rejects.toThrow();
        await expect(c.get('p')).resolves.toEqual({ _id: 'p', n: 1 });
      });
    });

    describe('group', () => {
      let c: Collection<Item>;
      beforeAll(async () => {
        c = await seeded('group');
      });
      it('counts and sums per key; null and missing keys share one group', async () => {
        const rows = byKey(await c.group({}, { by: ['status'], sum: ['n'] }));
        expect(rows).toEqual(
          byKey([
            { key: { status: 'open' }, count: 2, sums: { n: 3 } },
            { key: { status: 'closed' }, count: 1, sums: { n: 3 } },
            { key: { status: 'claimed' }, count: 1, sums: { n: 6 } },
            { key: { status: null }, count: 2, sums: { n: 9 } },
          ]),
        );
      });
      it('groups on two keys under a filter, summing a nested field', async () => {
        const rows = byKey(await c.group({ path: { $prefix: '/S1/' } }, { by: ['status', 'stats.open'], sum: ['n', 'stats.open'] }));
        expect(rows).toEqual(
          byKey([
            { key: { status: 'open', 'stats.open': 2 }, count: 1, sums: { n: 1, 'stats.open': 2 } },
            { key: { status: 'open', 'stats.open': null }, count: 1, sums: { n: 2, 'stats.open': 0 } },
            { key: { status: 'closed', 'stats.open': null }, count: 1, sums: { n: 3, 'stats.open': 0 } },
            { key: { status: 'claimed', 'stats.open': null }, count: 1, sums: { n: 6, 'stats.open': 0 } },
          ]),
        );
      });
      it('with an empty `by` gives one total row, or none when nothing matches', async () => {
        await expect(c.group({ n: { $lte: 4 } }, { by: [], sum: ['n'] })).resolves.toEqual([{ key: {}, count: 4, sums: { n: 10 } }]);
        await expect(c.group({}, { by: [] })).resolves.toEqual([{ key: {}, count: 6, sums: {} }]);
        await expect(c.group({ status: 'nobody' }, { by: [], sum: ['n'] })).resolves.toEqual([]);
        await expect(c.group({ status: 'nobody' }, { by: ['status'] })).resolves.toEqual([]);
      });
    });

    describe('ensureIndexes', () => {
      it('a unique index rejects a second document with the same key', async () => {
        const name = await fresh('unique');
        await store.ensureIndexes(name, [{ fields: [['phone', 1]], unique: true }]);
        const c = store.collection<Item>(name);
        await c.insert({ _id: 'u1', phone: '138' });
        await expect(c.insert({ _id: 'u2', phone: '138' })).rejects.toBeInstanceOf(DuplicateKeyError);
        await c.insert({ _id: 'u3', phone: '139' });
        await expect(c.insertIfAbsent({ _id: 'u1', phone: '138' })).resolves.toBe(false);
        expect(ids(await c.find({}))).toEqual(['u1', 'u3']);
      });

      it('is safe to repeat and leaves queries working', async () => {
        const name = await fresh('ixrepeat');
        const spec = [
          {
            fields: [
              ['status', 1],
              ['path', 1],
            ] as Array<[string, 1 | -1]>,
          },
          { fields: [['n', -1]] as Array<[string, 1 | -1]> },
        ];
        await store.ensureIndexes(name, spec);
        await store.ensureIndexes(name, spec);
        const c = store.collection<Item>(name);
        for (const doc of SEED) await c.insert(doc);
        await store.ensureIndexes(name, spec);
        expect(ids(await c.find({ status: 'open', path: { $prefix: '/S1/' } }))).toEqual(['a', 'b']);
        expect((await c.find({}, { sort: [['n', -1]], limit: 1 }))[0]?._id).toBe('f');
      });

      it('a multikey index serves $has on the array, kept in step by inserts, pushes and replacements', async () => {
        const name = await fresh('multikey');
        const c = store.collection<Item>(name);
        // Documents stored before the index is declared are covered too.
        for (const doc of SEED) await c.insert({ ...doc, by: doc.n });
        const spec = [
          {
            fields: [
              ['tags', 1],
              ['n', -1],
            ] as Array<[string, 1 | -1]>,
            multikey: 'tags',
          },
          {
            fields: [
              ['by', 1],
              ['n', -1],
            ] as Array<[string, 1 | -1]>,
          },
        ];
        await store.ensureIndexes(name, spec);
        await store.ensureIndexes(name, spec);
        expect(ids(await c.find({ tags: { $has: 'y' } }))).toEqual(['a', 'b']);
        await c.insert({ _id: 'g', status: 'open', n: 7, by: 7, tags: ['y', 'y', 'z'] });
        await c.insertIfAbsent({ _id: 'h', status: 'closed', n: 8, by: 8, tags: ['z'] });
        await c.updateWhere({ _id: 'c' }, { $push: { tags: 'y' } });
        await c.updateWhere({ _id: 'a' }, { $set: { tags: ['x'] } });
        await c.updateWhere({ _id: 'b' }, { $inc: { n: 10 } });
        expect(ids(await c.find({ tags: { $has: 'y' } }))).toEqual(['b', 'c', 'g']);
        expect(ids(await c.find({ tags: { $has: 'z' } }))).toEqual(['g', 'h']);
        expect(ids(await c.find({ tags: { $has: 'x' } }))).toEqual(['a']);
        // "Mine or followed": an $or of an indexed field and the array, under a status condition, sorted and paged.
        const mine: Filter = { $or: [{ by: 8 }, { tags: { $has: 'y' } }], status: { $in: ['open', 'closed'] } };
        expect((await c.find(mine, { sort: [['n', -1]] })).map((d) => d._id)).toEqual(['b', 'h', 'g', 'c']);
        expect((await c.find(mine, { sort: [['n', -1]], skip: 1, limit: 2 })).map((d) => d._id)).toEqual(['h', 'g']);
        await expect(c.count(mine)).resolves.toBe(4);
        await expect(c.count({ tags: { $has: 'y' }, status: 'open' })).resolves.toBe(2);
      });
    });
  });
}
