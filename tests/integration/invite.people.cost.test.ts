/** 邀请人员's database requests (docs/invitations.md): issuing, listing and revoking, and a 楼栋长 invitation's seat count. */
import type { IssuedInvitation } from '../../shared/invitations/schemas';
import type { Meter } from '../support/cost';
import { meterAndRuntime, WARM_FOR_COSTS } from '../support/cost';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { startTestServer } from '../support/server';

jest.setTimeout(120000);

let s: TestServer;
let requests: Meter;
let run: ReturnType<typeof meterAndRuntime>['run'];
beforeAll(async () => {
  s = await startTestServer({ functionEnv: WARM_FOR_COSTS });
  ({ requests, run } = meterAndRuntime(s));
});
afterAll(() => s.close());

test('on a warm instance issuing makes 2 requests (a 楼栋长 invitation 3), listing 3, revoking 3, accepting 3', async () => {
  // Warm: the nodes as an instance keeps them (backend/runtime/warm.ts), as they are after the staff page loaded.
  await run('users', 'invitations', { areaId: NODES.grid1 }, PEOPLE.staff);
  await run('users', 'invitations', { areaId: NODES.building1 }, PEOPLE.staff);
  await run('users', 'invite', { areaId: NODES.grid1, post: 'grid_worker' }, PEOPLE.staff);
  await run('users', 'invite', { areaId: NODES.building1, post: 'grid_worker' }, PEOPLE.staff);
  const costs = {
    // The caller, then the invitation carrying its audit (the node kept warm).
    invite: await requests('users', 'invite', { areaId: NODES.grid1, post: 'grid_worker_full' }, PEOPLE.staff),
    // The caller beside the building's 楼栋长 invitations (the seats), then the invitation.
    inviteHead: await requests('users', 'invite', { areaId: NODES.building1, post: 'building_head' }, PEOPLE.staff),
    invitations: await requests('users', 'invitations', { areaId: NODES.grid1 }, PEOPLE.staff),
  };
  const inv = await run<IssuedInvitation>('users', 'invite', { areaId: NODES.grid1, post: 'liaison' }, PEOPLE.staff);
  // The caller beside the invitation, then the conditional update carrying the audit.
  const revoke = await requests('users', 'revokeInvitation', { id: inv.id }, PEOPLE.staff);
  // Accepting, by someone already known: the caller beside the invitation (by its token), then the claim carrying the
  // audit and the grant; the inviter is not read (the invitation's inviterGone is kept by their role changes).
  const offered = await run<IssuedInvitation>('users', 'invite', { areaId: NODES.grid1, post: 'grid_volunteer' }, PEOPLE.staff);
  const acceptCost = await requests('users', 'acceptInvitation', { token: offered.token, code: offered.code }, PEOPLE.otherResident);
  const show = await requests('users', 'invitation', { token: offered.token }, PEOPLE.otherResident);
  const all = { ...costs, revoke, accept: acceptCost, show };
  expect(all).toEqual({ invite: 2, inviteHead: 3, invitations: 3, revoke: 3, accept: 3, show: 2 });
  for (const n of Object.values(all)) expect(n).toBeLessThanOrEqual(3);
});

test('the grant an acceptance carries is applied by the drain the client asks for: the role is theirs', async () => {
  const offered = await run<IssuedInvitation>('users', 'invite', { areaId: NODES.grid2, post: 'grid_volunteer' }, PEOPLE.staff);
  await run('users', 'acceptInvitation', { token: offered.token, code: offered.code }, PEOPLE.member);
  const me = await run<{ roles: Array<{ role: string; areaId: string }> }>('users', 'me', {}, PEOPLE.member);
  expect(me.roles).toContainEqual(expect.objectContaining({ role: 'grid_volunteer', areaId: NODES.grid2 }));
});
