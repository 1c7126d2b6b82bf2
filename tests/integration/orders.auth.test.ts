/**
 * Every order action × every role: resident (the filer), another resident, a member in scope, a member
 * of another community, grid worker, grid leader, community staff of this and of another community,
 * street admin. Each case runs on a fresh order in the state the action needs.
 */
import type { OrderStatus } from '../../shared/orders/model';
import { addSecondMember, orderIn } from '../support/orders';
import type { PersonKey } from '../support/people';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { startTestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
  await addSecondMember(s);
});
afterAll(() => s.close());

const ROLES: PersonKey[] = ['resident', 'otherResident', 'member', 'memberOutOfScope', 'gridWorker', 'gridLeader', 'staff', 'otherStaff', 'street'];
type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND';
const o = 'ok' as const,
  F = 'FORBIDDEN' as const,
  N = 'NOT_FOUND' as const;

/** [action, status the order must be in (null: no order), extra data, outcomes in ROLES order] */
const MATRIX: Array<[string, OrderStatus | null, Record<string, unknown>, Outcome[]]> = [
  ['detail', 'new', {}, [o, N, N, N, o, o, o, N, o]],
  ['detail', 'pooled', {}, [o, N, o, N, o, o, o, N, o]],
  ['cancel', 'new', {}, [o, N, N, N, F, F, F, N, F]],
  ['follow', 'pooled', {}, [o, o, o, N, F, F, F, N, F]],
  ['triage', 'new', { colour: 'green' }, [F, N, N, N, o, o, o, N, o]],
  ['reject', 'new', { reason: '不属于受理范围' }, [F, N, N, N, o, o, o, N, o]],
  ['candidates', 'triaged', {}, [F, N, N, N, o, o, o, N, o]],
  ['dispatch', 'triaged', { memberId: PEOPLE.member }, [F, N, N, N, o, o, o, N, o]],
  ['pool', 'triaged', { level: 'community' }, [F, N, N, N, o, o, o, N, o]],
  ['note', 'triaged', { note: '已电话联系居民' }, [F, N, N, N, o, o, o, N, o]],
  ['reassign', 'assigned', { memberId: 'u-member-b', reason: '张伟出差' }, [F, N, F, N, o, o, o, N, o]],
  ['closeReopened', 'reopened', { explanation: '已与居民当面说明情况' }, [F, N, F, N, o, o, o, N, o]],
  ['claim', 'pooled', {}, [F, N, o, N, F, F, F, N, F]],
  ['accept', 'assigned', {}, [F, N, o, N, F, F, F, N, F]],
  ['decline', 'assigned', { reason: '临时出差' }, [F, N, o, N, F, F, F, N, F]],
  ['progress', 'in_progress', { note: '明天上门' }, [F, N, o, N, F, F, F, N, F]],
  ['release', 'in_progress', { reason: '需要专业人员' }, [F, N, o, N, F, F, F, N, F]],
  ['complete', 'in_progress', { note: '已处理好' }, [F, N, o, N, F, F, F, N, F]],
  ['rate', 'completed', { stars: 4 }, [o, N, F, N, F, F, F, N, F]],
  ['console', null, { tab: 'new' }, [F, F, F, F, o, o, o, o, o]],
  ['hall', null, {}, [F, F, o, o, F, F, F, F, F]],
  ['held', null, {}, [o, o, o, o, o, o, o, o, o]],
  ['mine', null, {}, [o, o, o, o, o, o, o, o, o]],
  ['similar', null, { buildingId: NODES.building1, category: '维修' }, [o, o, o, o, o, o, o, o, o]],
  ['sweep', null, {}, [F, F, F, F, F, F, F, F, F]],
];

const cases = MATRIX.flatMap(([action, status, data, outcomes]) =>
  ROLES.map((role, i) => ({ name: `${action}${status ? `@${status}` : ''} as ${role} → ${outcomes[i]}`, action, status, data, role, want: outcomes[i] })),
);

it.each(cases)('$name', async ({ action, status, data, role, want }) => {
  const orderId = status ? await orderIn(s, status) : null;
  const res = await s.call('orders', action, orderId ? { orderId, ...data } : data, PEOPLE[role]);
  if (want === 'ok') expect(res).toMatchObject({ ok: true });
  else expect(res).toMatchObject({ ok: false, error: { code: want } });
  // Keep members under their open-order cap for the next case.
  if (orderId) await s.store.collection('orders').updateWhere({ _id: orderId }, { $set: { status: 'closed' } });
});

it('file and the message and points functions are open to every signed-in person, closed to the anonymous', async () => {
  for (const role of ROLES) {
    s.clock.now += 24 * 3600_000;
    expect(
      await s.call(
        'orders',
        'file',
        { buildingId: NODES.building1, category: '其他', description: '小区门口路灯不亮', contactName: '测试', contactMobile: '13800000000' },
        PEOPLE[role],
      ),
    ).toMatchObject({ ok: true });
    for (const [fn, action] of [
      ['notifications', 'list'],
      ['notifications', 'unread'],
      ['notifications', 'markRead'],
      ['points', 'mine'],
    ]) {
      expect(await s.call(fn!, action!, {}, PEOPLE[role])).toMatchObject({ ok: true });
    }
  }
  for (const [fn, action] of [
    ['orders', 'file'],
    ['orders', 'hall'],
    ['notifications', 'list'],
    ['points', 'mine'],
  ]) {
    expect(await s.call(fn!, action!, {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  }
});
