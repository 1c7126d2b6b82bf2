/** 邀请人员's database requests (docs/invitations.md): issuing, listing and revoking, and a 楼栋长 invitation's seat count. */
import type { IssuedInvitation } from '../../shared/invitations/schemas';
import type { Meter } from '../support/cost';
import { meterAndRuntime } from '../support/cost';
import { NODES, PEOPLE } from '../support/people';
import type { TestServer } from '../support/server';
import { startTestServer } from '../support/server';

jest.setTimeout(120000);

let s: TestServer;
let requests: Meter;
let run: ReturnType<typeof meterAndRuntime>['run'];
beforeAll(async () => {
  s = await startTestServer();
  ({ requests, run } = meterAndRuntime(s));
});
afterAll(() => s.close());

test('issuing makes 4 requests in 2 round trips, listing 3, revoking 4, accepting 7; a 楼栋长 invitation counts its seats', async () => {
  const costs = {
    invite: await requests('users', 'invite', { areaId: NODES.grid1, post: 'grid_worker_full' }, PEOPLE.staff),
    inviteHead: await requests('users', 'invite', { areaId: NODES.building1, post: 'building_head' }, PEOPLE.staff),
    invitations: await requests('users', 'invitations', { areaId: NODES.grid1 }, PEOPLE.staff),
  };
  const inv = await run<IssuedInvitation>('users', 'invite', { areaId: NODES.grid1, post: 'liaison' }, PEOPLE.staff);
  const revoke = await requests('users', 'revokeInvitation', { id: inv.id }, PEOPLE.staff);
  // Issuing: the caller beside the node, then the invitation beside its audit (and for a 楼栋长 the building’s
  // invitations first, and their holders once one was accepted); revoking: the caller beside the invitation, the update, the audit.
  // Accepting, by someone already known: caller, their record beside the invitation, the inviter, the claim, the role beside the audit.
  const offered = await run<IssuedInvitation>('users', 'invite', { areaId: NODES.grid1, post: 'grid_volunteer' }, PEOPLE.staff);
  const acceptCost = await requests('users', 'acceptInvitation', { token: offered.token, code: offered.code }, PEOPLE.otherResident);
  expect({ ...costs, revoke, accept: acceptCost }).toEqual({ invite: 4, inviteHead: 5, invitations: 3, revoke: 4, accept: 7 });
});
