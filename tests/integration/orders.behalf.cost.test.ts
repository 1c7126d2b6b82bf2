/** 代为登记 makes at most 3 database requests before it answers (docs/orders.md), keyed or resent, in both modes. */
import { goodOrder } from '../support/orders';
import type { Meter } from '../support/cost';
import { asFirst, meterAndRuntime, WARM_FOR_COSTS } from '../support/cost';
import { PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { startTestServer } from '../support/server';

jest.setTimeout(120000);

let s: TestServer;
let requests: Meter;
beforeAll(async () => {
  s = await startTestServer({ functionEnv: WARM_FOR_COSTS });
  ({ requests } = meterAndRuntime(s));
});
afterAll(() => s.close());

test('orders.fileOnBehalf: ≤ 3 requests for 电话, 来访 and 网格巡查, and for a resend of the same request key', async () => {
  const data = (source: string, key: string) => ({ ...goodOrder({ contactName: '赵大爷', contactMobile: '13700001234' }), source, requestKey: key });
  // The first call warms the instance (areas); what staff wait for is every call after it.
  const warm = await asFirst(() => requests('orders', 'fileOnBehalf', data('phone', 'cost-behalf-0'), PEOPLE.gridWorker));
  const counts: number[] = [];
  for (const [i, source] of ['phone', 'visit', 'patrol'].entries()) counts.push(await requests('orders', 'fileOnBehalf', data(source, `cost-behalf-${i + 1}`), PEOPLE.gridWorker));
  counts.push(await requests('orders', 'fileOnBehalf', data('patrol', 'cost-behalf-3'), PEOPLE.gridWorker));
  if (process.env.WG_COST_TABLE) console.log(`${s.backend}: orders.fileOnBehalf requests (first in the instance, 电话, 来访, 网格巡查, resend) ${[warm, ...counts].join(' / ')}`);
  expect(counts.filter((n) => n > 3)).toEqual([]);
  expect(counts.every((n) => n > 0)).toBe(true);
  expect(s.logged).toEqual([]);
});
