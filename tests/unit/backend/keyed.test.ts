/**
 * Keyed creates (backend/runtime/ids keyedId, backend/runtime/keyed): the id a key names, the insert that answers
 * the first write, and two copies of one request forced to race past the look-up (both miss it, both insert) through
 * the real commands: one record, one audit entry, one message, one quota unit. Over HTTP the local gateway rarely
 * interleaves two copies that far; tests/integration/retries.test.ts covers the rest in both modes.
 */
import { FUNCTIONS } from '../../../backend/functions';
import { ensureAllIndexes } from '../../../backend/collections';
import { localPorts } from '../../../backend/ports/local';
import { keyedId, newId } from '../../../backend/runtime/ids';
import { insertOnce } from '../../../backend/runtime/keyed';
import { handle } from '../../../backend/runtime/handle';
import type { Deps } from '../../../backend/runtime/types';
import type { Collection, Doc, DocumentStore } from '../../../backend/store/port';
import { DuplicateKeyError } from '../../../backend/store/port';
import { openSqliteStore } from '../../../backend/store/sqlite';
import { seedDemo } from '../../../local/seed';
import { shanghaiDay } from '../../../shared/time';
import { NODES, PEOPLE } from '../../support/people';

const KEYED_ID = /^[a-z]+-[0-9a-f]{24}$/;

describe('keyedId', () => {
  it('is the same for the same person and key, and differs by person, key and kind of record', () => {
    const id = keyedId('pd', 'u-member', 'key-0001', 1);
    expect(id).toMatch(/^pd-[0-9a-f]{24}$/);
    expect(keyedId('pd', 'u-member', 'key-0001', 2)).toBe(id);
    expect(keyedId('pd', 'u-member2', 'key-0001', 1)).not.toBe(id);
    expect(keyedId('pd', 'u-member', 'key-0002', 1)).not.toBe(id);
    expect(keyedId('w', 'u-member', 'key-0001', 1).slice(2)).not.toBe(id.slice(3));
  });

  it('fits an activity QR scene (a=<id>, at most 30 characters of id) and never looks like a newId', () => {
    expect(keyedId('va', 'u-staff', 'k'.repeat(64), 1).length).toBeLessThanOrEqual(30);
    expect(newId('va', 1)).not.toContain('-');
  });

  it('without a key is a fresh newId', () => {
    const a = keyedId('v', 'u-gridworker', undefined, 1_700_000_000_000);
    expect(a).toMatch(/^v[0-9a-z]{12}[0-9a-f]{8}$/);
    expect(keyedId('v', 'u-gridworker', undefined, 1_700_000_000_000)).not.toBe(a);
  });
});

interface Row extends Doc {
  code?: string;
  n: number;
}

describe('insertOnce', () => {
  const store = openSqliteStore({ dataDir: ':memory:' });
  const rows = store.collection<Row>('keyed_rows');
  beforeAll(() => store.ensureIndexes('keyed_rows', [{ fields: [['code', 1]], unique: true }]));
  afterAll(() => store.close());

  it('writes, then answers a keyed repeat with the first record', async () => {
    expect(await insertOnce(rows, { _id: 'r-1', n: 1 }, 'key-0001')).toBeNull();
    expect(await insertOnce(rows, { _id: 'r-1', n: 2 }, 'key-0001')).toEqual({ _id: 'r-1', n: 1 });
  });

  it('without a key a duplicate id is still an error, and so is another unique key clashing', async () => {
    await expect(insertOnce(rows, { _id: 'r-1', n: 3 }, undefined)).rejects.toBeInstanceOf(DuplicateKeyError);
    await rows.insert({ _id: 'r-2', code: 'A', n: 1 });
    await expect(insertOnce(rows, { _id: 'r-3', code: 'A', n: 1 }, 'key-0003')).rejects.toBeInstanceOf(DuplicateKeyError);
  });
});

/**
 * A store whose look-ups of keyed ids not yet written wait until `copies` of them arrived: every copy misses the first
 * write. A command that looks up nothing before its insert (许心愿) races there; its losers' look-up finds the winner.
 */
function racing(inner: DocumentStore) {
  let copies = 0;
  let waiting: Array<() => void> = [];
  const arrive = (id: string) =>
    copies > 0 && KEYED_ID.test(id)
      ? new Promise<void>((resolve) => {
          waiting.push(resolve);
          if (waiting.length < copies) return;
          copies = 0;
          for (const go of waiting.splice(0)) go();
        })
      : Promise.resolve();
  const store: DocumentStore = {
    collection<T extends Doc>(name: string): Collection<T> {
      const c = inner.collection<T>(name);
      return new Proxy(c, {
        get(target, prop) {
          if (prop === 'get') return async (id: string) => (await target.get(id)) ?? (await arrive(id), target.get(id));
          const value: unknown = Reflect.get(target, prop, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    },
    ensureIndexes: (name, specs) => inner.ensureIndexes(name, specs),
    close: () => inner.close(),
  };
  return { store, race: (n: number) => ((copies = n), (waiting = [])) };
}

describe('two copies racing past the look-up', () => {
  const inner = openSqliteStore({ dataDir: ':memory:' });
  const { store, race } = racing(inner);
  const clock = { now: Date.parse('2026-11-20T02:00:00Z') };
  const logged: unknown[] = [];
  const deps: Deps = { store, now: () => clock.now, log: { error: (_m, d) => logged.push(d), info: () => undefined }, ports: localPorts('/nonexistent') };
  beforeAll(async () => {
    await ensureAllIndexes(inner);
    await seedDemo(inner, clock.now);
  });
  afterAll(() => inner.close());

  const start = clock.now + 2 * 86400_000;
  const CASES: Array<[string, string, string, string, Record<string, unknown>]> = [
    ['points', 'declare', 'points_declarations', PEOPLE.member, { date: shanghaiDay(clock.now - 86400_000), hours: 2, description: '在小区门口协助开展垃圾分类宣传' }],
    [
      'wishes',
      'post',
      'wishes',
      PEOPLE.resident,
      {
        title: '想给孙子买几本课外书',
        story: '孙子今年上三年级，很爱看书，希望有好心人送几本课外书。',
        kind: 'material',
        value: 150,
        beneficiaryName: '王秀英',
        contactMobile: '13912340001',
      },
    ],
    ['diary', 'record', 'visits', PEOPLE.gridWorker, { buildingId: NODES.building1, residentName: '王秀英', heard: '楼道里堆了很多纸箱，老人担心着火', tags: ['安全隐患'] }],
    [
      'activities',
      'publish',
      'activities',
      PEOPLE.staff,
      {
        areaId: NODES.community1,
        title: '垃圾分类宣传',
        description: '在小区门口向居民讲解垃圾分类',
        place: '梅川路小区南门',
        startAt: start,
        endAt: start + 7200_000,
        capacity: 20,
      },
    ],
    ['activities', 'publishPost', 'posts', PEOPLE.staff, { areaId: NODES.community1, title: '楼道长', description: '每周巡查楼道，清理堆物', slots: 2 }],
  ];

  it.each(CASES)('%s.%s: one record, one audit entry, at most one message, the same answer', async (fn, action, collection, userId, data) => {
    const keyed = { ...data, requestKey: `race-${fn}-${action}` };
    const [records, messages] = await Promise.all([inner.collection(collection).count({}), inner.collection('messages').count({})]);
    race(3);
    const answers = await Promise.all([1, 2, 3].map(() => handle(FUNCTIONS[fn]!, { action, data: keyed }, { kind: 'local', userId }, deps)));
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    const id = (answers[0] as { ok: true; data: { id: string } }).data.id;
    expect(id).toMatch(KEYED_ID);
    // What the writes caused is applied as the client asks for it (backend/records): every copy's answer names it.
    for (const a of answers) if (a.ok && a.pending?.length) await handle(FUNCTIONS.effects!, { action: 'drain', data: { refs: a.pending } }, { kind: 'local', userId }, deps);
    expect(await inner.collection(collection).count({})).toBe(records + 1);
    expect(await inner.collection('audit').count({ targetId: id })).toBe(1);
    expect((await inner.collection('messages').count({})) - messages).toBeLessThanOrEqual(1);
    expect(logged).toEqual([]);
  });

  it("the copies that lost give back the quota unit they took: one wish is one of the resident's daily wishes", async () => {
    // Kept on the person (backend/users/quota.ts): one field per day.
    const person = await inner.collection<{ _id: string; quota?: Record<string, number> }>('users').get(PEOPLE.resident);
    expect(person?.quota?.[`wishes${shanghaiDay(clock.now).replace(/-/g, '')}`]).toBe(1);
  });
});
