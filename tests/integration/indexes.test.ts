/**
 * The index check through the real server: every suite's queries are held to backend/collections.ts when its
 * server closes (tests/support/server.ts); here, a server held to the indexes minus one shows the check names
 * the query that index served, and where it came from — and that 我的点单 is served with all of them.
 */
import { INDEXES } from '../../backend/collections';
import { describeShape, unserved } from '../../backend/store/index-check';
import { PEOPLE } from '../support/people';
import { fileOrder } from '../support/orders';
import type { TestServer } from '../support/server';
import { BACKEND, okData, startTestServer } from '../support/server';

const WITHOUT_FOLLOWERS = { ...INDEXES, orders: (INDEXES.orders ?? []).filter((ix) => ix.multikey !== 'followers') };

describe('index check', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ indexes: WITHOUT_FOLLOWERS, checkIndexesOnClose: false });
  });
  afterAll(() => s.close());

  it('names 我的点单 as unserved once the element index on followers is gone, with where it was asked', async () => {
    const id = await fileOrder(s);
    okData(await s.call('orders', 'follow', { orderId: id }, PEOPLE.otherResident));
    expect(s.queries.unserved()).toEqual([]);
    const mine = okData(await s.call<{ total: number }>('orders', 'mine', {}, PEOPLE.otherResident));
    expect(mine.total).toBe(1);
    const bad = s.queries.unserved();
    expect(bad.map((q) => describeShape(q.shape))).toEqual([
      expect.stringMatching(/^orders\.(find|count) \{\$or\[\{createdBy:eq\} \| \{followers:has\}\]\}/),
      expect.stringMatching(/^orders\.(find|count) /),
    ]);
    expect(bad[0]?.from).toMatch(BACKEND === 'cloud' ? /^mine \(orders function\)$/ : /^backend\/orders\/resident\.ts:\d+/);
    expect(s.queries.report()).toMatch(/2 query shape\(s\) not served by any index declared in backend\/collections\.ts/);
  });

  it('finds every query of that walk served by the full declaration', () => {
    const seen = s.queries.all();
    expect(seen.length).toBeGreaterThan(3);
    expect(unserved(seen, INDEXES)).toEqual([]);
  });
});
