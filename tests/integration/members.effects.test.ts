/**
 * What a 双报到 approval changes beyond the registration rides on its one conditional write as a `membership` effect
 * (backend/members/membership.ts) and is applied after the answer: an approval whose client never drained is made
 * good by the effects function's one-minute timer (only its bundle carries that applier); a transfer's membership
 * applied again after a crash part-way — or simply again — grants, revokes, ends and audits exactly once.
 */
import type { AuditDoc } from '../../backend/audit/record';
import type { MembershipEffect } from '../../backend/members/membership';
import { applyMembership } from '../../backend/members/membership';
import type { RegistrationDoc } from '../../backend/members/repo';
import type { MessageDoc } from '../../backend/notifications/outbox';
import type { TotalDoc } from '../../backend/points/repo';
import type { Pending } from '../../backend/records/effects';
import type { DocumentStore, Filter } from '../../backend/store/port';
import type { UserDoc } from '../../backend/users/repo';
import { shanghaiYear } from '../../shared/time';
import { beforeUpdates, depsOver, undrained } from '../support/effects';
import { goodRegistration, pendingRegistration } from '../support/members';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { okData, runTimer, startTestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

type Registration = RegistrationDoc & Pending;
const raw = <T>(action: string, data: unknown, who: string) => undrained<T>(s, 'members', action, data, who);
const registration = async (id: string) => (await s.store.collection<Registration>('registrations').get(id))!;
const user = async (id: string) => (await s.store.collection<UserDoc>('users').get(id))!;
const audits = (filter: Filter) => s.store.collection<AuditDoc>('audit').find(filter);
const memberOf = (u: UserDoc) => u.roles.filter((g) => g.role === 'member').map((g) => g.areaId);

test('an approval answered but never drained: approved at once, and the timer makes the person a member, once', async () => {
  const id = await pendingRegistration(s, NODES.building1);
  const { memberId } = await registration(id);
  const answer = await raw<{ certNo: string }>('approve', { registrationId: id }, PEOPLE.staff);
  expect(answer).toMatchObject({ ok: true, data: { id, status: 'approved', certNo: expect.stringMatching(/^CZ-2026-\d{6}$/) }, pending: [{ collection: 'registrations', id }] });
  expect(await registration(id)).toMatchObject({
    status: 'approved',
    decidedBy: PEOPLE.staff,
    fx: [expect.objectContaining({ effects: expect.arrayContaining([expect.objectContaining({ type: 'membership' })]) })],
  });
  expect(memberOf(await user(memberId))).toEqual([]);
  // In the cloud each function carries its own bundle: the activities timer's drain leaves it to the effects function,
  // whose bundle carries the membership applier (locally every function shares one process, and it applies it).
  expect(await runTimer(s, 'activities', 'sweep')).toMatchObject({ ok: true });
  expect(!!(await registration(id)).fx).toBe(s.backend === 'cloud');

  expect(await runTimer(s, 'effects', 'sweep')).toMatchObject({ ok: true });
  expect(await runTimer(s, 'effects', 'sweep')).toMatchObject({ ok: true, data: { batches: 0 } });
  const u = await user(memberId);
  expect(memberOf(u)).toEqual([NODES.community1]);
  expect(u).toMatchObject({ homeAreaId: NODES.building1, skills: ['教育', '文艺'] });
  expect((await audits({ targetId: id, action: 'members.approve' })).map((a) => a.detail)).toEqual([
    expect.objectContaining({ certNo: okData(answer).certNo, endedRegistration: null }),
  ]);
  expect(await audits({ targetId: memberId, action: 'users.grantRole' })).toHaveLength(1);
  expect(await s.store.collection<MessageDoc>('messages').count({ userId: memberId, kind: 'registrationApproved' })).toBe(1);
  // The points placement follows: a zero total stamped with the new community.
  expect(await s.store.collection<TotalDoc>('points_totals').get(`${memberId}:${shanghaiYear(s.clock.now)}`)).toMatchObject({ communityId: NODES.community1, total: 0 });
});

/** The store with the person's role write failing once, as a crash right before it would. */
function failingOnce(inner: DocumentStore): DocumentStore {
  let failed = false;
  return beforeUpdates(inner, async (name) => {
    if (failed || name !== 'users') return;
    failed = true;
    throw new Error('the function stopped here');
  });
}

test("a transfer's membership applied after a crash part-way, and again: one grant, one revoke, the old stint ended once", async () => {
  const id = await pendingRegistration(s, NODES.building1);
  const { memberId } = await registration(id);
  okData(await s.call('members', 'approve', { registrationId: id }, PEOPLE.staff));
  const t = okData(await s.call<{ id: string }>('members', 'transfer', goodRegistration(NODES.buildingOther), memberId));
  s.clock.now += 60_000;
  okData(await raw('approve', { registrationId: t.id }, PEOPLE.otherStaff));
  const batch = (await registration(t.id)).fx![0]!;
  const effect = batch.effects.find((e): e is MembershipEffect => e.type === 'membership')!;
  expect(effect).toMatchObject({ memberId, transferOf: id, community: { _id: NODES.community2 } });

  const deps = (store: DocumentStore) => depsOver(s, store);
  await expect(applyMembership(deps(failingOnce(s.store)), effect, batch)).rejects.toThrow('the function stopped here');
  // Audited before the write: the entries are in, the roles not yet.
  expect(memberOf(await user(memberId))).toEqual([NODES.community1]);
  expect((await registration(id)).status).toBe('approved');

  expect(await runTimer(s, 'effects', 'sweep')).toMatchObject({ ok: true });
  const after = await user(memberId);
  expect(memberOf(after)).toEqual([NODES.community2]);
  expect(await registration(id)).toMatchObject({ status: 'ended', movedTo: t.id, endedAt: batch.at });
  // Once more, as a drain running twice would: nothing changes.
  await applyMembership(deps(s.store), effect, batch);
  expect((await user(memberId)).rev).toBe(after.rev);
  const via = { via: 'members.approve', registrationId: t.id };
  expect((await audits({ targetId: memberId, action: 'users.grantRole' })).map((a) => a.detail)).toEqual([
    expect.objectContaining({ areaId: NODES.community1, via: 'members.approve', registrationId: id }),
    { role: 'member', areaId: NODES.community2, userName: after.name, ...via },
  ]);
  expect((await audits({ targetId: memberId, action: 'users.revokeRole' })).map((a) => a.detail)).toEqual([
    { role: 'member', areaId: NODES.community1, userName: after.name, reason: '转移到梅川第二居委会', ...via },
  ]);
  expect((await audits({ targetId: id, action: 'members.end' })).map((a) => a.detail)).toEqual([{ movedTo: t.id, memberId, endedPosts: 0, withdrawnSignups: 0 }]);
  expect(await runTimer(s, 'effects', 'sweep')).toMatchObject({ ok: true, data: { batches: 0 } });
});
