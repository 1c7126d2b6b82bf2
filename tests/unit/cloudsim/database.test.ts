/** The database simulator driven through the real @cloudbase/node-sdk over HTTP: documents, queries and the wire format. */
import { SimDatabase } from '../../../local/cloudsim/database';
import type { Row } from './sdk-db';
import { failure, rows, useSdkDatabase } from './sdk-db';

const t = useSdkDatabase();

describe('documents through the SDK', () => {
  beforeAll(() => t.sim.createCollection('notes'));

  it('adds, reads back by id with numbers, dates and nesting intact, and refuses a duplicate _id', async () => {
    const at = new Date('2024-05-01T08:00:00.000Z');
    const id = String((await t.db.collection('notes').add({ n: 3, f: 2.5, big: 2 ** 40, at, tags: ['a'], profile: { city: '杭州' } })).id);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    const [doc] = await rows(t.db.collection('notes').doc(id).get());
    expect(doc).toEqual({ _id: id, n: 3, f: 2.5, big: 2 ** 40, at, tags: ['a'], profile: { city: '杭州' } });
    expect(doc.at).toBeInstanceOf(Date);

    await t.db.collection('notes').add({ _id: 'fixed', n: 1 });
    const dup = await failure(t.db.collection('notes').add({ _id: 'fixed', n: 2 }));
    expect(dup.code).toBe('DATABASE_DUPLICATE_WRITE');
    expect(dup.message).toMatch(/^E11000 duplicate key error collection: notes index: _id_ dup key: \{ _id: "fixed" \}/);
    expect((await rows(t.db.collection('notes').doc('fixed').get()))[0].n).toBe(1);
  });

  it('stops a multi-document add at the first duplicate, keeping the earlier ones', async () => {
    await t.db.collection('notes').add({ _id: 'm2', n: 0 });
    const err = await failure(t.db.collection('notes').add([{ _id: 'm1' }, { _id: 'm2' }, { _id: 'm3' }]));
    expect(err.code).toBe('DATABASE_DUPLICATE_WRITE');
    const ids = (
      await rows(
        t.db
          .collection('notes')
          .where({ _id: t.db.command.in(['m1', 'm2', 'm3']) })
          .get(),
      )
    ).map((d) => d._id);
    expect(ids).toEqual(['m1', 'm2']);
  });

  it('replaces or creates with doc().set(), and updated counts modified documents only', async () => {
    const notes = t.db.collection('notes');
    const created = await notes.doc('s1').set({ a: 1, b: { c: 1 } });
    expect(created).toMatchObject({ updated: 0, upsertedId: 's1' });
    const replaced = await notes.doc('s1').set({ a: 2 });
    expect(replaced.updated).toBe(1);
    expect((await rows(notes.doc('s1').get()))[0]).toEqual({ _id: 's1', a: 2 });
    expect((await notes.doc('s1').set({ a: 2 })).updated).toBe(0);

    expect((await notes.doc('s1').update({ a: 2 })).updated).toBe(0);
    expect((await notes.doc('s1').update({ a: 3 })).updated).toBe(1);
    expect((await notes.doc('nope').update({ a: 3 })).updated).toBe(0);
    expect(await rows(notes.doc('nope').get())).toEqual([]);
  });

  it('applies set/inc/push/remove, dotted merges and object replacement', async () => {
    const _ = t.db.command;
    const notes = t.db.collection('notes');
    await notes.add({ _id: 'u1', n: 1, list: [1], profile: { city: 'a', zip: '1' }, gone: true, box: { x: 1, y: 2 } });
    const res = await notes.doc('u1').update({ n: _.inc(2), list: _.push([2, 3]), profile: { city: 'b' }, gone: _.remove(), box: _.set({ z: 9 }) });
    expect(res.updated).toBe(1);
    expect((await rows(notes.doc('u1').get()))[0]).toEqual({ _id: 'u1', n: 3, list: [1, 2, 3], profile: { city: 'b', zip: '1' }, box: { z: 9 } });
    const wire = t.seen.filter((s) => s.action === 'database.modifyDocument').pop();
    expect(wire?.params).toMatchObject({ queryType: 'DOC', multi: false, merge: true, upsert: false });
    const bad = await failure(notes.doc('u1').update({ profile: _.inc(1) }));
    expect(bad.code).toBe('DATABASE_REQUEST_FAILED');
  });

  it('applies the array and arithmetic commands the SDK serializes', async () => {
    const _ = t.db.command;
    const notes = t.db.collection('notes');
    await notes.add({ _id: 'ops', a: [1, 2, 3, 2], b: [5, 6], c: [1], d: [9], n: 4, lo: 5, hi: 5, old: 'x', s: [3] });
    await notes
      .doc('ops')
      .update({ a: _.pull(2), b: _.shift(), c: _.unshift([0]), d: _.pop(), n: _.mul(3), lo: _.min(2), hi: _.max(7), old: _.rename('renamed'), s: _.addToSet(3) });
    expect((await rows(notes.doc('ops').get()))[0]).toEqual({ _id: 'ops', a: [1, 3], b: [6], c: [0, 1], d: [], n: 12, lo: 2, hi: 7, renamed: 'x', s: [3] });
    expect((await notes.doc('ops').update({ s: _.addToSet(3) })).updated).toBe(0);
    await notes.doc('ops').update({ s: _.push({ each: [1, 2], sort: 1, slice: 2 }) });
    expect((await rows(notes.doc('ops').get()))[0].s).toEqual([1, 2]);
  });

  it('stamps t.db.serverDate() with the server clock (or the clock it was given)', async () => {
    const before = Date.now();
    const id = String((await t.db.collection('notes').add({ at: t.db.serverDate({ offset: 60_000 }) })).id);
    const at = (await rows(t.db.collection('notes').doc(id).get()))[0].at as Date;
    expect(at).toBeInstanceOf(Date);
    expect(at.getTime()).toBeGreaterThanOrEqual(before + 60_000);
    expect(at.getTime()).toBeLessThan(Date.now() + 61_000);

    const fixed = new SimDatabase({ dir: null, now: () => Date.UTC(2030, 0, 1) });
    fixed.createCollection('t');
    await fixed.handle('database.insertDocument', { collectionName: 't', data: ['{"_id":"x","at":{"$tcb_server_date":{"offset":{"$numberInt":"-1000"}}}}'] });
    const res = await fixed.handle('database.getDocument', { collectionName: 't', query: '{"_id":"x"}' });
    expect((res.data as { list: string[] }).list).toEqual([`{"_id":"x","at":{"$date":{"$numberLong":"${Date.UTC(2030, 0, 1) - 1000}"}}}`]);
  });

  it('removes by doc and by where, answering the deleted count', async () => {
    const notes = t.db.collection('notes');
    await notes.add([
      { _id: 'r1', kind: 'tmp' },
      { _id: 'r2', kind: 'tmp' },
      { _id: 'r3', kind: 'tmp' },
    ]);
    expect((await notes.doc('r1').remove()).deleted).toBe(1);
    expect((await notes.doc('r1').remove()).deleted).toBe(0);
    expect((await notes.where({ kind: 'tmp' }).remove()).deleted).toBe(2);
    expect((await notes.where({ kind: 'tmp' }).count()).total).toBe(0);
  });
});

describe('queries over 2,000 seeded documents', () => {
  const groups = ['east', 'west', 'north', 'south'];
  const seed: Row[] = Array.from({ length: 2000 }, (_, i) => ({
    _id: `p${String(i).padStart(4, '0')}`,
    group: groups[i % 4],
    score: (i * 37) % 101,
    tags: i % 3 === 0 ? ['red', 'blue'] : ['red'],
    name: `Person ${i}`,
    profile: { city: i % 5 === 0 ? 'Hangzhou' : 'Ningbo', level: i % 7 },
    ...(i % 10 === 0 ? { vip: true } : {}),
  }));
  const byScoreDescThenId = (a: Row, b: Row): number => (b.score as number) - (a.score as number) || String(a._id).localeCompare(String(b._id));

  beforeAll(async () => {
    t.sim.createCollection('people');
    for (let i = 0; i < seed.length; i += 500) await t.db.collection('people').add(seed.slice(i, i + 500));
  });

  it('filters, sorts on several keys, skips and limits like the server', async () => {
    const got = await rows(t.db.collection('people').where({ group: 'east' }).orderBy('score', 'desc').orderBy('_id', 'asc').skip(5).limit(10).get());
    const want = seed
      .filter((d) => d.group === 'east')
      .sort(byScoreDescThenId)
      .slice(5, 15);
    expect(got.map((d) => d._id)).toEqual(want.map((d) => d._id));
    const wire = t.seen.filter((s) => s.action === 'database.getDocument').pop();
    expect(wire?.params).toMatchObject({ offset: 5, limit: 10, queryType: 'WHERE' });
    expect(typeof wire?.params.order).toBe('string');
  });

  it('defaults to 100 documents and caps a query at 1000', async () => {
    expect(await rows(t.db.collection('people').get())).toHaveLength(100);
    expect(await rows(t.db.collection('people').limit(5000).get())).toHaveLength(1000);
    expect((await t.db.collection('people').count()).total).toBe(2000);
    expect((await t.db.collection('people').where({ group: 'west' }).count()).total).toBe(500);
  });

  it('understands the SDK commands, nested paths and regular expressions', async () => {
    const _ = t.db.command;
    const count = async (where: object): Promise<number> => (await t.db.collection('people').where(where).count()).total;
    const expected = (pred: (d: Row) => boolean): number => seed.filter(pred).length;
    const profile = (d: Row): Row => d.profile as Row;
    expect(await count({ group: _.in(['east', 'west']), score: _.gte(50).and(_.lt(60)) })).toBe(
      expected((d) => ['east', 'west'].includes(String(d.group)) && (d.score as number) >= 50 && (d.score as number) < 60),
    );
    expect(await count(_.or([{ score: 0 }, { score: 100 }]))).toBe(expected((d) => d.score === 0 || d.score === 100));
    expect(await count({ tags: _.all(['red', 'blue']) })).toBe(expected((d) => (d.tags as string[]).includes('blue')));
    expect(await count({ vip: _.exists(true) })).toBe(200);
    expect(await count({ group: _.neq('east') })).toBe(1500);
    expect(await count({ 'profile.city': 'Hangzhou' })).toBe(expected((d) => profile(d).city === 'Hangzhou'));
    expect(await count({ profile: { level: _.gt(5) } })).toBe(expected((d) => (profile(d).level as number) > 5));
    expect(await count({ name: t.db.RegExp({ regexp: '^person 1\\d$', options: 'i' }) })).toBe(10);
    expect(await count({ name: /^Person 19\d\d$/ })).toBe(100);
    expect(await count({ group: 'east', profile: { city: 'Hangzhou' }, score: _.lte(10) })).toBe(
      expected((d) => d.group === 'east' && profile(d).city === 'Hangzhou' && (d.score as number) <= 10),
    );
  });

  it('sorts missing and null first, mixed types in BSON order, nested paths and array fields', async () => {
    const mixed = t.db.collection('mixed');
    t.sim.createCollection('mixed');
    await mixed.add([{ _id: 'a', v: 'x' }, { _id: 'b', v: 2 }, { _id: 'c' }, { _id: 'd', v: null }, { _id: 'e', v: true }, { _id: 'f', v: new Date(5) }, { _id: 'g', v: 1 }]);
    expect((await rows(mixed.orderBy('v', 'asc').orderBy('_id', 'asc').get())).map((d) => d._id)).toEqual(['c', 'd', 'g', 'b', 'a', 'e', 'f']);
    expect((await rows(mixed.orderBy('v', 'desc').orderBy('_id', 'desc').get())).map((d) => d._id)).toEqual(['f', 'e', 'a', 'b', 'g', 'd', 'c']);
    const byLevel = await rows(t.db.collection('people').orderBy('profile.level', 'desc').orderBy('_id', 'asc').limit(3).get());
    expect(byLevel.map((d) => d._id)).toEqual(
      seed
        .filter((d) => (d.profile as Row).level === 6)
        .slice(0, 3)
        .map((d) => d._id),
    );
    // An array sort key (Mongo: ascending by smallest element) goes through mingo's $sort.
    const byTags = await rows(
      t.db
        .collection('people')
        .where({ _id: t.db.command.in(['p0001', 'p0003']) })
        .orderBy('tags', 'asc')
        .get(),
    );
    expect(byTags.map((d) => d._id)).toEqual(['p0003', 'p0001']);
  });

  it('projects fields with field()', async () => {
    const [doc] = await rows(t.db.collection('people').doc('p0001').field({ name: true }).get());
    expect(doc).toEqual({ _id: 'p0001', name: 'Person 1' });
  });

  it('aggregates match/group/sort/limit, with the server default of 20 results when no $limit is given', async () => {
    const $ = t.db.command.aggregate;
    const res = await t.db
      .collection('people')
      .aggregate()
      .match({ score: t.db.command.gte(90) })
      .group({ _id: '$group', n: $.sum(1), top: $.max('$score') })
      .sort({ _id: 1 })
      .limit(10)
      .end();
    const want = groups
      .slice()
      .sort()
      .map((g) => {
        const members = seed.filter((d) => d.group === g && (d.score as number) >= 90);
        return { _id: g, n: members.length, top: Math.max(...members.map((d) => d.score as number)) };
      });
    expect(res.data).toEqual(want);
    const byLevel = await t.db.collection('people').aggregate().group({ _id: '$score' }).end();
    expect(byLevel.data).toHaveLength(20);
  });

  it('updates every match of a where, counts only real changes, and never upserts', async () => {
    const _ = t.db.command;
    const people = t.db.collection('people');
    const first = await people.where({ group: 'north', score: _.lt(10) }).update({ flagged: true });
    const matching = seed.filter((d) => d.group === 'north' && (d.score as number) < 10).length;
    expect(first.updated).toBe(matching);
    expect((await people.where({ group: 'north', score: _.lt(10) }).update({ flagged: true })).updated).toBe(0);
    expect((await people.where({ flagged: true }).count()).total).toBe(matching);
    expect((await people.where({ _id: 'ghost' }).update({ x: 1 })).updated).toBe(0);
    expect((await people.where({ _id: 'ghost' }).count()).total).toBe(0);
    const ret = await people.where({ _id: 'p0002' }).updateAndReturn({ score: _.inc(1000) });
    expect(ret.updated).toBe(1);
    expect(ret.doc.score).toBe(((2 * 37) % 101) + 1000);
  });
});
