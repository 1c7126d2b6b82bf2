/** 双报到 under concurrency, through HTTP: one decision wins, one application per person, 报到证 numbers never repeat. */
import type { AuditDoc } from '../../backend/audit/record';
import type { RegistrationDoc } from '../../backend/members/repo';
import type { UserDoc } from '../../backend/users/repo';
import { goodRegistration, pendingRegistration, registrationsOf } from '../support/members';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { startTestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const codes = (results: Array<{ ok: boolean; error?: { code: string } }>) => results.map((r) => (r.ok ? 'ok' : r.error?.code)).sort();

it('20 simultaneous approvals of one application: one wins, one 报到证, one member grant', async () => {
  const id = await pendingRegistration(s, NODES.building1);
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      s.call<{ certNo: string }>(
        'members',
        i % 2 ? 'approve' : 'reject',
        i % 2 ? { registrationId: id } : { registrationId: id, reason: '并发驳回测试' },
        i % 3 ? PEOPLE.staff : PEOPLE.street,
      ),
    ),
  );
  expect(codes(results).filter((c) => c === 'ok')).toHaveLength(1);
  expect(
    codes(results)
      .filter((c) => c !== 'ok')
      .every((c) => c === 'CONFLICT'),
  ).toBe(true);
  const doc = await s.store.collection<RegistrationDoc>('registrations').get(id);
  const audits = await s.store.collection<AuditDoc>('audit').find({ targetId: id, action: { $in: ['members.approve', 'members.reject'] } });
  expect(audits).toHaveLength(1);
  const user = await s.store.collection<UserDoc>('users').get(doc!.memberId);
  expect(user?.roles.filter((g) => g.role === 'member')).toHaveLength(doc?.status === 'approved' ? 1 : 0);
  if (doc?.status === 'approved') expect(doc.certNo).toMatch(/^CZ-2026-\d{6}$/);
});

it('20 simultaneous registrations by one person: exactly one application', async () => {
  const results = await Promise.all(Array.from({ length: 20 }, () => s.call('members', 'register', goodRegistration(NODES.building1), PEOPLE.otherResident)));
  expect(codes(results).filter((c) => c === 'ok')).toHaveLength(1);
  expect(new Set(codes(results).filter((c) => c !== 'ok'))).toEqual(new Set(['CONFLICT']));
  expect(await registrationsOf(s, PEOPLE.otherResident)).toHaveLength(1);
});

it('25 different applications approved at once get 25 different 报到证 numbers', async () => {
  const ids: string[] = [];
  for (let i = 0; i < 25; i++) ids.push(await pendingRegistration(s, NODES.building1));
  const results = await Promise.all(ids.map((registrationId, i) => s.call<{ certNo: string }>('members', 'approve', { registrationId }, i % 2 ? PEOPLE.staff : PEOPLE.street)));
  expect(codes(results)).toEqual(ids.map(() => 'ok'));
  const certs = results.map((r) => (r.ok ? r.data.certNo : ''));
  expect(new Set(certs).size).toBe(25);
  const stored = await s.store.collection<RegistrationDoc>('registrations').find({ _id: { $in: ids } });
  expect(new Set(stored.map((d) => d.certNo)).size).toBe(25);
});
