/** CloudBase adapter offline: the exact requests the real SDK would send for each port call (captured, never sent). */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { init } from '@cloudbase/node-sdk';
import { CloudbaseStore, openCloudbaseStore } from '../../../backend/store/cloudbase';
import type { Doc } from '../../../backend/store/port';
import { DuplicateKeyError } from '../../../backend/store/port';

/*
 * Capture technique: the SDK's last JavaScript step before `https.request` is
 * `dist/utils/request-core.request(opts, cb)`; it receives the signed headers, the URL and the JSON body.
 * We replace that module, serialise the body exactly as request-core would (JSON.stringify) and answer
 * with a canned CloudBase reply. The SDK's cloud-platform probe (`dist/utils/metadata.lookupAppId`, an
 * axios GET that would resolve DNS) is replaced too. Everything between (query encoding, EJSON, signing)
 * is the real SDK. http/https/dns are additionally trapped so any escape fails loudly.
 */
interface Wire {
  action: string;
  url: string;
  headers: Record<string, unknown>;
  body: Record<string, unknown>;
}
type Reply = Record<string, unknown>;
const mockWire: { sent: Wire[]; reply: (w: Wire) => Reply } = { sent: [], reply: defaultReply };

function mockTransport(opts: { url: string; headers?: Record<string, unknown>; body?: unknown }, cb: (err: Error | null, res?: object, body?: unknown) => void): void {
  const body = JSON.parse(JSON.stringify(opts.body ?? {})) as Record<string, unknown>;
  const wire: Wire = { action: String(body.action), url: opts.url, headers: opts.headers ?? {}, body };
  mockWire.sent.push(wire);
  const reply = { requestId: `req-${mockWire.sent.length}`, ...mockWire.reply(wire) };
  setImmediate(() => cb(null, { statusCode: 200, headers: { 'content-type': 'application/json' } }, reply));
}

jest.mock('@cloudbase/node-sdk/dist/utils/request-core', () => ({
  request: (opts: { url: string }, cb: (err: Error | null) => void) => mockTransport(opts, cb),
}));
jest.mock('@cloudbase/node-sdk/dist/utils/metadata', () => ({
  ...jest.requireActual<object>('@cloudbase/node-sdk/dist/utils/metadata'),
  lookupAppId: async () => '',
  lookup: async () => {
    throw new Error('metadata lookups are disabled in unit tests');
  },
}));

function defaultReply(w: Wire): Reply {
  switch (w.action) {
    case 'database.getDocument':
    case 'database.aggregateDocuments':
      return { data: { list: [] } };
    case 'database.calculateDocument':
      return { data: { total: 0 } };
    case 'database.modifyDocument':
      return { data: { updated: 0 } };
    case 'database.insertDocument':
      return { data: { insertedIds: ['new'] } };
    default:
      return {};
  }
}
const docs = (...items: object[]): Reply => ({ data: { list: items.map((d) => JSON.stringify(d)) } });
const fail = (code: string, message = code): Reply => ({ code, message });
/** Replies in order, then the defaults. */
const script = (...replies: Reply[]) => {
  mockWire.reply = (w) => replies.shift() ?? defaultReply(w);
};

/** The SDK sends queries as canonical EJSON strings; decode number wrappers for readable assertions. */
function ejson(text: unknown): unknown {
  return JSON.parse(String(text), (_k, v: unknown) => {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      const [k, ...rest] = Object.keys(v);
      if (!rest.length && (k === '$numberInt' || k === '$numberDouble' || k === '$numberLong')) return Number((v as Record<string, string>)[k]);
    }
    return v;
  });
}

describe('requests the real SDK sends (captured offline)', () => {
  const traps: jest.SpyInstance[] = [];
  let store: CloudbaseStore;
  const sent = () => mockWire.sent;
  const only = (action: string) => mockWire.sent.filter((w) => w.action === action);

  beforeAll(() => {
    const refuse = () => {
      throw new Error('network access in a unit test');
    };
    traps.push(jest.spyOn(http, 'request').mockImplementation(refuse), jest.spyOn(https, 'request').mockImplementation(refuse));
    traps.push(jest.spyOn(dns, 'lookup').mockImplementation(refuse));
    store = new CloudbaseStore(init({ env: 'unit-env-1a2b', secretId: 'AKIDunit', secretKey: 'unit-secret' }).database(), 2);
  });
  beforeEach(() => {
    mockWire.sent = [];
    mockWire.reply = defaultReply;
  });
  // A rejection nobody handles fails the test it happens in (jest-circus); give late ones a tick to surface here.
  afterEach(() => new Promise((r) => setTimeout(r, 5)));
  afterAll(() => {
    for (const t of traps) expect(t).not.toHaveBeenCalled();
    for (const t of traps) t.mockRestore();
  });

  it('find: where + orderBy (+ _id tie-break) + skip/limit, paged by pageSize, signed for the env', async () => {
    script(docs({ _id: 'a' }, { _id: 'b' }), docs({ _id: 'c' }));
    const found = await store.collection<Doc>('tasks').find({ status: 'open', path: { $prefix: '/S1/' }, tags: { $has: 'x' } }, { sort: [['rank', -1]], limit: 3, skip: 1 });
    expect(found.map((d) => d._id)).toEqual(['a', 'b', 'c']);
    const [p1, p2] = sent();
    expect(sent().map((w) => w.action)).toEqual(['database.getDocument', 'database.getDocument']);
    expect(p1.url).toMatch(/^https:\/\/unit-env-1a2b\.tcb-api\.tencentcloudapi\.com\/admin\?env=unit-env-1a2b/);
    expect(String(p1.headers.Authorization)).toMatch(/^TC3-HMAC-SHA256 Credential=AKIDunit\//);
    expect(p1.body).toMatchObject({ collectionName: 'tasks', queryType: 'WHERE', offset: 1, limit: 2, envName: 'unit-env-1a2b' });
    expect(ejson(p1.body.query)).toEqual({ status: 'open', tags: { $all: ['x'] }, $and: [{ path: { $gte: '/S1/' } }, { path: { $lt: '/S1/\uffff' } }] });
    expect(ejson(p1.body.order)).toEqual({ rank: -1, _id: 1 });
    expect(p2.body).toMatchObject({ offset: 3, limit: 1 });
  });

  it('find without a limit pages until a short page; an empty filter sends no query', async () => {
    script(docs({ _id: '1' }, { _id: '2' }), docs({ _id: '3' }, { _id: '4' }), docs({ _id: '5' }));
    await expect(store.collection<Doc>('tasks').find({})).resolves.toHaveLength(5);
    expect(sent().map((w) => [w.body.offset, w.body.limit])).toEqual([
      [undefined, 2],
      [2, 2],
      [4, 2],
    ]);
    expect(sent()[0].body.query).toBeUndefined();
  });

  it('count: $or/$in/$nin/$ne/$exists/null/dotted paths as Mongo JSON', async () => {
    script({ data: { total: 7 } });
    const n = await store.collection('tasks').count({
      'stats.open': { $exists: true },
      status: { $ne: 'closed', $nin: ['x'] },
      owner: null,
      $or: [{ kind: { $in: ['a', 'b'] } }, { n: { $gte: 2.5 } }],
    });
    expect(n).toBe(7);
    expect(sent()[0].action).toBe('database.calculateDocument');
    expect(ejson(sent()[0].body.query)).toEqual({
      $and: [
        { 'stats.open': { $exists: true }, owner: null, $and: [{ status: { $ne: 'closed' } }, { status: { $nin: ['x'] } }] },
        { $or: [{ kind: { $in: ['a', 'b'] } }, { n: { $gte: 2.5 } }] },
      ],
    });
  });

  it('get: a DOC query on _id; a missing collection reads as null', async () => {
    script(docs({ _id: 'k', n: 1 }), fail('DATABASE_COLLECTION_NOT_EXIST'));
    await expect(store.collection('tasks').get('k')).resolves.toEqual({ _id: 'k', n: 1 });
    expect(sent()[0].body).toMatchObject({ queryType: 'DOC', multi: false });
    expect(ejson(sent()[0].body.query)).toEqual({ _id: 'k' });
    await expect(store.collection('nothing_here').get('k')).resolves.toBeNull();
  });

  it('updateWhere: a conditional modifyDocument, returning `updated`; an empty patch only counts', async () => {
    script({ data: { updated: 1 } });
    const n = await store
      .collection('tasks')
      .updateWhere({ _id: 't1', status: 'open' }, { $set: { status: 'claimed', 'a.b': { x: 1 } }, $inc: { n: 1 }, $push: { log: { at: 1 } }, $unset: { tmp: true } });
    expect(n).toBe(1);
    const { body } = sent()[0];
    expect(body).toMatchObject({ action: 'database.modifyDocument', queryType: 'WHERE', multi: true, upsert: false });
    expect(ejson(body.query)).toEqual({ _id: 't1', status: 'open' });
    expect(ejson(body.data)).toEqual({
      $set: { status: 'claimed', 'a.b': { x: 1 } },
      // The write counter that makes CloudBase's `updated` (modified documents) equal the matched count.
      $inc: { n: 1, _writes: 1 },
      $push: { log: { $each: [{ at: 1 }] } },
      $unset: { tmp: '' },
    });
    script({ data: { total: 2 } });
    await expect(store.collection('tasks').updateWhere({ status: 'open' }, {})).resolves.toBe(2);
    expect(sent()[1].action).toBe('database.calculateDocument');
  });

  it('insert: the document as EJSON; the duplicate-key code becomes DuplicateKeyError', async () => {
    script({ data: { insertedIds: ['k'] } }, fail('DATABASE_DUPLICATE_WRITE', 'E11000 duplicate key error collection: tasks index: _id_'));
    await store.collection('tasks').insert({ _id: 'k', n: 1, tags: ['a'], at: 1.5 } as Doc);
    const data = sent()[0].body.data as string[];
    expect(data.map(ejson)).toEqual([{ _id: 'k', n: 1, tags: ['a'], at: 1.5 }]);
    await expect(store.collection('tasks').insert({ _id: 'k' })).rejects.toBeInstanceOf(DuplicateKeyError);
  });

  it('insert: creates a missing collection once, then retries', async () => {
    script(fail('DATABASE_COLLECTION_NOT_EXIST'), {}, { data: { insertedIds: ['k'] } });
    await store.collection('fresh_one').insert({ _id: 'k' });
    expect(sent().map((w) => w.action)).toEqual(['database.insertDocument', 'database.addCollection', 'database.insertDocument']);
    expect(sent()[1].body.collectionName).toBe('fresh_one');
  });

  it('insertIfAbsent: false without writing when present; false when a racing insert wins', async () => {
    script(docs({ _id: 'k' }));
    await expect(store.collection('tasks').insertIfAbsent({ _id: 'k' })).resolves.toBe(false);
    expect(only('database.insertDocument')).toHaveLength(0);
    mockWire.sent = [];
    script(docs(), fail('DATABASE_DUPLICATE_WRITE'), docs({ _id: 'k' }));
    await expect(store.collection('tasks').insertIfAbsent({ _id: 'k' })).resolves.toBe(false);
    expect(sent().map((w) => w.action)).toEqual(['database.getDocument', 'database.insertDocument', 'database.getDocument']);
  });

  it('ensureIndexes records indexes (no request); a unique one is pre-checked before insert', async () => {
    await store.ensureIndexes('users', [{ fields: [['phone', 1]], unique: true }]);
    await store.ensureIndexes('users', [{ fields: [['phone', 1]], unique: true }, { fields: [['area.path', 1]] }]);
    expect(sent()).toHaveLength(0);
    expect(store.declaredIndexes().users).toEqual([{ fields: [['phone', 1]], unique: true }, { fields: [['area.path', 1]] }]);
    script({ data: { total: 1 } });
    await expect(store.collection('users').insert({ _id: 'u2', phone: '138' } as Doc)).rejects.toBeInstanceOf(DuplicateKeyError);
    expect(sent().map((w) => w.action)).toEqual(['database.calculateDocument']);
    expect(ejson(sent()[0].body.query)).toEqual({ _id: { $ne: 'u2' }, phone: '138' });
  });

  it('group: aggregate match → group → sort → limit, paged with skip', async () => {
    script(docs({ _id: { g0: 'open' }, count: 2, s0: 3 }, { _id: { g0: null }, count: 1, s0: 0 }), docs({ _id: { g0: 'shut' }, count: 1, s0: 4 }));
    const rows = await store.collection('tasks').group({ path: { $prefix: '/S1/' } }, { by: ['status'], sum: ['n'] });
    expect(rows).toEqual([
      { key: { status: 'open' }, count: 2, sums: { n: 3 } },
      { key: { status: null }, count: 1, sums: { n: 0 } },
      { key: { status: 'shut' }, count: 1, sums: { n: 4 } },
    ]);
    const stages = (w: Wire) => (w.body.stages as Array<{ stageKey: string; stageValue: string }>).map((s) => ({ [s.stageKey]: ejson(s.stageValue) }));
    expect(sent().map((w) => w.action)).toEqual(['database.aggregateDocuments', 'database.aggregateDocuments']);
    expect(stages(sent()[0])).toEqual([
      { $match: { $and: [{ path: { $gte: '/S1/' } }, { path: { $lt: '/S1/\uffff' } }] } },
      { $group: { _id: { g0: { $ifNull: ['$status', null] } }, count: { $sum: 1 }, s0: { $sum: '$n' } } },
      { $sort: { _id: 1 } },
      { $limit: 2 },
    ]);
    expect(stages(sent()[1]).slice(2)).toEqual([{ $sort: { _id: 1 } }, { $skip: 2 }, { $limit: 2 }]);
  });

  it('openCloudbaseStore refuses to start without credentials, and works with them', async () => {
    const saved = { id: process.env.TENCENTCLOUD_SECRETID, key: process.env.TENCENTCLOUD_SECRETKEY };
    delete process.env.TENCENTCLOUD_SECRETID;
    delete process.env.TENCENTCLOUD_SECRETKEY;
    try {
      expect(() => openCloudbaseStore({ env: 'unit-env-1a2b' })).toThrow(/credentials missing/);
    } finally {
      if (saved.id !== undefined) process.env.TENCENTCLOUD_SECRETID = saved.id;
      if (saved.key !== undefined) process.env.TENCENTCLOUD_SECRETKEY = saved.key;
    }
    const opened = openCloudbaseStore({ env: 'unit-env-1a2b', secretId: 'AKIDother', secretKey: 'k' });
    script({ data: { total: 3 } });
    await expect(opened.collection('tasks').count({ status: 'open' })).resolves.toBe(3);
    expect(String(sent()[0].headers.Authorization)).toMatch(/Credential=AKIDother\//);
    await opened.close();
  });
});
