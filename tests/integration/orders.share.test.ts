/**
 * 分享到网格群 for orders (issue 13, point 8): the filer chooses 允许分享 when filing (off unless chosen, kept on the
 * order); the detail offers 分享 only then and only to who sees the order whole; opening a shared order gives that
 * person the whole order, anyone else signed in the public view (no phone, name masked, digit runs masked, no
 * photos, no timeline), and a clear refusal when the filer did not allow it. Two requests, in both modes.
 */
import type { OrderDetail, SharedOrderView } from '../../shared/orders/schemas';
import { costMeter } from '../support/cost';
import { act, goodOrder, uploadPhoto } from '../support/orders';
import { PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { errorOf, okData, startTestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ containers: 1 });
});
afterAll(() => s.close());

const DAY = 24 * 3600_000;
const file = async (extra: Record<string, unknown>) => {
  s.clock.now += DAY;
  return okData(await s.call<{ id: string }>('orders', 'file', goodOrder(extra), PEOPLE.resident)).id;
};
const shared = (orderId: string, who: string) => s.call<SharedOrderView>('orders', 'shared', { orderId }, who);
const TEXT = '3单元302室门口的灯坏了，晚上请打13912345678找我';

describe('orders.shared', () => {
  it('sharing is off unless the filer turns it on, and it is kept on the order; a bad value names the field', async () => {
    const off = await file({});
    const on = await file({ shareable: true });
    const stored = s.store.collection<{ _id: string; shareable?: boolean }>('orders');
    expect([(await stored.get(off))?.shareable, (await stored.get(on))?.shareable]).toEqual([false, true]);
    const bad = errorOf(await s.call('orders', 'file', goodOrder({ shareable: '是' }), PEOPLE.resident));
    expect(bad.code).toBe('VALIDATION');
    expect(bad.fields?.shareable).toContain('允许分享到网格群');
  });

  it('分享 is offered only on an order the filer allowed, to who sees it whole', async () => {
    const on = await file({ shareable: true });
    const off = await file({});
    const can = async (id: string, who: string) => okData(await s.call<OrderDetail>('orders', 'detail', { orderId: id }, who)).can.share;
    expect([await can(on, PEOPLE.resident), await can(on, PEOPLE.staff), await can(off, PEOPLE.resident), await can(off, PEOPLE.staff)]).toEqual([true, true, false, false]);
  });

  it('who may see the order gets it whole; a neighbour gets the public view, with nothing that names or reaches the filer', async () => {
    const photo = await uploadPhoto(s);
    const orderId = await file({ shareable: true, description: TEXT, photos: [photo] });
    const full = okData(await shared(orderId, PEOPLE.staff));
    expect(full.full).toMatchObject({ id: orderId, contactMobile: '13912345678', can: { share: true } });
    expect(full.public).toBeUndefined();

    // 李建国 lives in the same community and follows nothing: orders.detail refuses him.
    expect(errorOf(await s.call('orders', 'detail', { orderId }, PEOPLE.otherResident)).code).toBe('NOT_FOUND');
    const seen = okData(await shared(orderId, PEOPLE.otherResident));
    expect(seen.full).toBeUndefined();
    expect(seen.public).toMatchObject({ id: orderId, category: '维修', statusName: '待分拣', filerName: '王**', description: '3单元***室门口的灯坏了，晚上请打***********找我' });
    expect(seen.public!.trail).toContain('1号楼');
    const json = JSON.stringify(seen);
    for (const secret of ['王秀英', '王阿姨', '13912345678', '1391', photo.fileId, 'timeline', 'photo']) expect(json).not.toContain(secret);
    // A member of another community sees the same.
    expect(okData(await shared(orderId, PEOPLE.memberOutOfScope)).public?.filerName).toBe('王**');
  });

  it('an order the resident made anonymous to members shows no name at all', async () => {
    const orderId = await file({ shareable: true, anonymousToMembers: true });
    expect(okData(await shared(orderId, PEOPLE.otherResident)).public?.filerName).toBe('匿名居民');
  });

  it('the public view follows the order: once triaged it says 待派单 and the colour', async () => {
    const orderId = await file({ shareable: true });
    await act(s, 'triage', { orderId, colour: 'yellow' }, PEOPLE.staff);
    expect(okData(await shared(orderId, PEOPLE.otherResident)).public).toMatchObject({ statusName: '待派单', colourName: expect.any(String) });
  });

  it('an order the filer did not allow: a clear refusal for whoever may not see it; nothing for an unknown id', async () => {
    const orderId = await file({});
    const refused = errorOf(await shared(orderId, PEOPLE.otherResident));
    expect(refused).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('填单人没有允许分享这个点单') });
    expect(okData(await shared(orderId, PEOPLE.resident)).full?.id).toBe(orderId);
    expect(errorOf(await shared('o-nothing', PEOPLE.otherResident)).code).toBe('NOT_FOUND');
  });

  it('answers in 2 database requests on a warm instance: the caller and the order, side by side', async () => {
    const orderId = await file({ shareable: true });
    const requestsOf = costMeter(s);
    await requestsOf('orders', 'shared', { orderId }, PEOPLE.otherResident);
    expect([await requestsOf('orders', 'shared', { orderId }, PEOPLE.otherResident), await requestsOf('orders', 'shared', { orderId }, PEOPLE.staff)]).toEqual([2, 2]);
    expect(s.logged).toEqual([]);
  });
});
