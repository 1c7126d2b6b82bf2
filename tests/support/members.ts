/** 双报到 test helpers: a valid registration form for a building, and the store's registrations. */
import type { RegistrationDoc } from '../../backend/members/repo';
import type { UserDoc } from '../../backend/users/repo';
import type { TestServer } from './server';

export function goodRegistration(buildingId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: '王秀英',
    mobile: '13912340001',
    partyOrg: '普陀区教育局机关党委',
    workUnit: '普陀区教育局',
    buildingId,
    skills: ['教育', '文艺'],
    availableTimes: ['周末'],
    ...extra,
  };
}

export function registrationsOf(s: TestServer, memberId: string): Promise<RegistrationDoc[]> {
  return s.store.collection<RegistrationDoc>('registrations').find(
    { memberId },
    {
      sort: [
        ['createdAt', 1],
        ['_id', 1],
      ],
    },
  );
}

let applicants = 0;

/** A fresh person (no roles) who has just applied at `buildingId` through the real action: the registration id. */
export async function pendingRegistration(s: TestServer, buildingId: string): Promise<string> {
  const id = `u-applicant-${++applicants}`;
  await s.store.collection<UserDoc>('users').insert({ _id: id, name: `申请人${applicants}`, roles: [], roleNames: [], staffAreaIds: [], rev: 0, createdAt: s.clock.now });
  const res = await s.call<{ id: string }>('members', 'register', goodRegistration(buildingId, { name: `申请人${applicants}` }), id);
  if (!res.ok) throw new Error(`register failed: ${res.error.message}`);
  return res.data.id;
}
