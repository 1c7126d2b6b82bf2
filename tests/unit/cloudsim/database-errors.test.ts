/** The database simulator through the real SDK: the matching engine, collections, indexes, bad input and persistence. */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { find } from 'mingo';
import { SimDatabase } from '../../../local/cloudsim/database';
import { SimCollection } from '../../../local/cloudsim/database-collection';
import type { Row } from './sdk-db';
import { failure, rows, useSdkDatabase } from './sdk-db';

const t = useSdkDatabase();
// The bad-input cases ask about a collection that exists, so that only the input is wrong.
beforeAll(() => t.sim.createCollection('notes'));

describe('matching engine', () => {
  it('finds exactly what a plain mingo scan finds (the _id lookups and pre-filters only skip)', () => {
    const docs: Row[] = [
      { _id: 'a', n: 5, s: 'x', tags: ['x', 'y'], sub: { k: 1, list: [{ q: 1 }, { q: 2 }] }, at: new Date(10) },
      { _id: 'b', n: '5', s: 'y', tags: 'x', sub: [{ k: 1 }, { k: 2 }], at: new Date(20) },
      { _id: 'c', n: null, s: ['x'], tags: [['x']], sub: { k: '1' } },
      { _id: 'd', s: 'z', sub: { k: 2 }, at: '1970-01-01' },
      { _id: 7, n: [1, 9], s: 'x', tags: [], sub: null },
    ];
    const coll = new SimCollection('t', null);
    docs.forEach((d) => coll.insert({ ...d }));
    const queries: Row[] = [
      { s: 'x' },
      { tags: 'x' },
      { 'sub.k': 1 },
      { 'sub.list.q': 2 },
      { n: 5 },
      { n: { $gte: 5 } },
      { n: { $lt: 6 } },
      { n: { $gt: '4' } },
      { n: null },
      { n: { $in: [5, '5'] } },
      { n: { $in: [null] } },
      { at: { $gte: new Date(15) } },
      { at: { $lt: '2' } },
      { _id: 7 },
      { _id: { $in: ['d', 'a', 'zz'] } },
      { _id: 'a', s: 'y' },
      { $and: [{ s: 'x' }, { n: { $gt: 1 } }] },
      { $or: [{ s: 'z' }, { tags: 'y' }] },
      { s: { $eq: 'x' }, 'sub.k': { $in: [1, 2] } },
      { 'n.1': 9 },
      { tags: { $size: 0 } },
    ];
    for (const q of queries) {
      const oracle = find(docs, q)
        .all()
        .map((d) => d._id)
        .sort();
      expect([
        q,
        coll
          .match(q)
          .map((d) => d._id)
          .sort(),
      ]).toEqual([q, oracle]);
    }
  });
});

describe('collections, indexes and errors', () => {
  it('answers DATABASE_COLLECTION_NOT_EXIST for every action on a missing collection, add included', async () => {
    const ghost = t.db.collection('ghost');
    const calls: Array<Promise<unknown>> = [
      ghost.get(),
      ghost.count(),
      ghost.add({ a: 1 }),
      ghost.doc('x').update({ a: 1 }),
      ghost.doc('x').set({ a: 1 }),
      ghost.where({ a: 1 }).remove(),
      ghost.aggregate().limit(1).end(),
    ];
    for (const call of calls) {
      const err = await failure(call);
      expect(err.code).toBe('DATABASE_COLLECTION_NOT_EXIST');
      expect(err.message).toContain('Db or Table not exist: ghost');
    }
    await t.db.createCollection('ghost');
    expect((await ghost.add({ a: 1 })).id).toMatch(/^[0-9a-f]{32}$/);
    expect((await failure(t.db.createCollection('ghost'))).code).toBe('DATABASE_COLLECTION_ALREADY_EXIST');
  });

  it('refuses the collection beyond the limit', async () => {
    const small = new SimDatabase({ dir: null, maxCollections: 3 });
    const previous = t.sim;
    t.sim = small;
    try {
      for (const name of ['c1', 'c2', 'c3']) await t.db.createCollection(name);
      const err = await failure(t.db.createCollection('c4'));
      expect(err.code).toBe('DATABASE_COLLECTION_EXCEED_LIMIT');
      expect(small.collectionNames()).toEqual(['c1', 'c2', 'c3']);
    } finally {
      t.sim = previous;
    }
    const full = new SimDatabase({ dir: null });
    for (let i = 0; i < 100; i++) full.createCollection(`k${i}`);
    expect(() => full.createCollection('k100')).toThrow(expect.objectContaining({ code: 'DATABASE_COLLECTION_EXCEED_LIMIT' }));
  });

  it('enforces unique indexes on add and on update', async () => {
    t.sim.createCollection('users');
    t.sim.createIndexes('users', [{ fields: [['openid', 1]], unique: true }, { fields: [['group', 1]] }]);
    const users = t.db.collection('users');
    await users.add({ _id: 'a', openid: 'o1' });
    await users.add({ _id: 'b', openid: 'o2' });
    const onAdd = await failure(users.add({ _id: 'c', openid: 'o1' }));
    expect(onAdd.code).toBe('DATABASE_DUPLICATE_WRITE');
    expect(onAdd.message).toBe('E11000 duplicate key error collection: users index: openid_1 dup key: { openid: "o1" }');
    expect((await failure(users.doc('b').update({ openid: 'o1' }))).code).toBe('DATABASE_DUPLICATE_WRITE');
    expect((await users.doc('b').update({ openid: 'o3' })).updated).toBe(1);
    expect((await users.add({ _id: 'c', openid: 'o2' })).id).toBe('c');
  });

  it('turns bad input into error answers', async () => {
    const notes = t.db.collection('notes');
    expect((await failure(notes.where({ a: { $foo: 1 } }).get())).code).toBe('DATABASE_INVALID_OPERRATOR');
    expect((await failure(t.db.startTransaction())).code).toBe('INVALID_ACTION');
    const direct = (action: string, params: Row): Promise<unknown> => t.sim.handle(action, { collectionName: 'notes', ...params });
    await expect(direct('database.getDocument', { query: '{"a":' })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    await expect(direct('database.getDocument', { limit: 'ten' })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    await expect(direct('database.insertDocument', { data: '{}' })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
    await expect(direct('database.modifyDocument', { queryType: 'WHERE', data: '{"$frob":{"a":1}}' })).rejects.toMatchObject({ code: 'DATABASE_INVALID_OPERRATOR' });
    await expect(direct('database.modifyDocument', { queryType: 'DOC', query: '{"_id":"s1"}', data: '{"$set":{"_id":"z"}}' })).rejects.toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
    });
    await expect(direct('database.aggregateDocuments', { stages: [{ stageKey: '$nope', stageValue: '{}' }] })).rejects.toMatchObject({ code: 'DATABASE_INVALID_OPERRATOR' });
    await expect(direct('database.nothing', {})).rejects.toMatchObject({ code: 'INVALID_ACTION' });
    expect(SimDatabase.kindOf('database.getDocument')).toBe('read');
    expect(SimDatabase.kindOf('database.modifyDocument')).toBe('write');
  });
});

describe('persistence', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudsim-db-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps collections, documents, removals and unique indexes across a close and reopen', async () => {
    const previous = t.sim;
    t.sim = new SimDatabase({ dir });
    try {
      t.sim.createCollection('kept');
      t.sim.createIndexes('kept', [{ fields: [['code', 1]], unique: true }]);
      const kept = t.db.collection('kept');
      await kept.add([
        { _id: 'k1', code: 'A', at: new Date(1000) },
        { _id: 'k2', code: 'B' },
        { _id: 'k3', code: 'C' },
      ]);
      await kept.doc('k1').update({ n: t.db.command.inc(5) });
      await kept.doc('k2').remove();
      // No close(): an acknowledged write is already in the journal, as after a SIGKILL.
      const crashed = new SimDatabase({ dir });
      expect((await crashed.handle('database.calculateDocument', { collectionName: 'kept' })).data).toEqual({ total: 2 });
      await crashed.close();
      await t.sim.close();

      t.sim = new SimDatabase({ dir });
      expect(t.sim.collectionNames()).toEqual(['kept']);
      expect(await rows(kept.orderBy('_id', 'asc').get())).toEqual([
        { _id: 'k1', code: 'A', at: new Date(1000), n: 5 },
        { _id: 'k3', code: 'C' },
      ]);
      expect((await failure(kept.add({ code: 'C' }))).code).toBe('DATABASE_DUPLICATE_WRITE');
    } finally {
      await t.sim.close();
      t.sim = previous;
    }
  });

  it('compacts a bloated journal and survives a torn last line', async () => {
    const store = new SimDatabase({ dir });
    store.createCollection('hot');
    await store.handle('database.insertDocument', { collectionName: 'hot', data: ['{"_id":"h","n":{"$numberInt":"0"}}'] });
    for (let i = 0; i < 1500; i++) {
      await store.handle('database.modifyDocument', {
        collectionName: 'hot',
        queryType: 'DOC',
        query: '{"_id":"h"}',
        data: '{"$inc":{"n":{"$numberInt":"1"}}}',
        multi: false,
        merge: true,
        upsert: false,
      });
    }
    const journal = path.join(dir, 'hot.jsonl');
    expect(fs.readFileSync(journal, 'utf8').split('\n').filter(Boolean).length).toBeLessThan(1000);
    await store.close();
    fs.appendFileSync(journal, '{"d":{"_id":"torn","n":');

    const reopened = new SimDatabase({ dir });
    const res = await reopened.handle('database.getDocument', { collectionName: 'hot', query: '{}' });
    expect((res.data as { list: string[] }).list).toEqual(['{"_id":"h","n":{"$numberInt":"1500"}}']);
    await reopened.handle('database.insertDocument', { collectionName: 'hot', data: ['{"_id":"after"}'] });
    await reopened.close();
    const again = new SimDatabase({ dir });
    const count = await again.handle('database.calculateDocument', { collectionName: 'hot' });
    expect(count.data).toEqual({ total: 2 });
    await again.close();
  });
});
