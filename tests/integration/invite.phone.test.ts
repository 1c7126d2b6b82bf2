/**
 * 用微信手机号确认 (issue 16, point 3): staff may give the invitee's mobile when inviting; on weapp the invitee's
 * WeChat number (getPhoneNumber, exchanged by the server) then stands in for the 4-digit code. A matching number
 * grants the role and is kept on the person; another number, a used, expired or unknown code is refused and
 * writes nothing; an invitation without a phone accepts as before.
 */
import type { Invitation } from '../../shared/invitations/model';
import type { InvitationListItem, InvitationView, IssuedInvitation } from '../../shared/invitations/schemas';
import type { MeView } from '../../shared/users/schemas';
import type { UserDoc } from '../../backend/users/repo';
import { meterAndRuntime } from '../support/cost';
import { NODES, PEOPLE } from '../support/people';
import { phoneCodeFor } from '../support/phone';
import type { TestServer } from '../support/server';
import { errorOf, okData, startTestServer } from '../support/server';

jest.setTimeout(120000);

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const PHONE = '13912345678';
const issue = async (areaId: string, post: string, phone?: string) =>
  okData(await s.call<IssuedInvitation>('users', 'invite', { areaId, post, ...(phone !== undefined && { phone }) }, PEOPLE.staff));
const accept = (openid: string, data: { token: string; code?: string; phoneCode?: string }) => s.callAsWechat<InvitationView>(openid, 'users', 'acceptInvitation', data);
const rolesOf = async (openid: string) => okData(await s.callAsWechat<MeView>(openid, 'users', 'me', {})).roles.map((r) => `${r.roleName}@${r.areaName}`);
const userOf = async (openid: string) => (await s.store.collection<UserDoc>('users').find({ openid }, { limit: 1 }))[0] ?? null;
const stored = (id: string) => s.store.collection<Invitation>('invitations').get(id);

test('the phone is checked when inviting and named in the message', async () => {
  const bad = errorOf(await s.call('users', 'invite', { areaId: NODES.grid2, post: 'grid_volunteer', phone: '1391234567' }, PEOPLE.staff));
  expect(bad.code).toBe('VALIDATION');
  expect(bad.fields?.phone).toBe('被邀请人手机号应为 11 位手机号');
  expect(errorOf(await s.call('users', 'invite', { areaId: NODES.grid2, post: 'grid_volunteer', phone: '12912345678' }, PEOPLE.staff)).fields).toHaveProperty('phone');
});

describe('an invitation carrying the invitee’s phone', () => {
  let inv: IssuedInvitation;
  beforeAll(async () => {
    inv = await issue(NODES.grid2, 'grid_volunteer', PHONE);
  });

  test('staff in scope see the number in full; the invitee sees it masked', async () => {
    const items = okData(await s.call<{ items: InvitationListItem[] }>('users', 'invitations', { areaId: NODES.grid2 }, PEOPLE.staff)).items;
    expect(items.find((i) => i.id === inv.id)?.phone).toBe(PHONE);
    const view = okData(await s.callAsWechat<InvitationView>('o-phone-a', 'users', 'invitation', { token: inv.token }));
    expect(view).toMatchObject({ needsCode: true, needsPhone: true, phoneHint: '139****5678', refusal: null });
    expect(JSON.stringify(view)).not.toContain(PHONE);
  });

  test('another WeChat number is refused: 手机号与邀请不符, and nothing is written', async () => {
    const before = await stored(inv.id);
    const refused = errorOf(await accept('o-phone-b', { token: inv.token, phoneCode: phoneCodeFor(s, '13700000001') }));
    expect(refused.code).toBe('VALIDATION');
    expect(refused.message).toContain('手机号与邀请不符');
    expect(refused.fields?.phoneCode).toContain('139****5678');
    expect(await stored(inv.id)).toEqual(before);
    expect(await userOf('o-phone-b')).toBeNull();
  });

  test('an unknown, a used and an expired code are refused with the reason', async () => {
    const unknown = errorOf(await accept('o-phone-a', { token: inv.token, phoneCode: 'not-a-code-wechat-gave' }));
    expect(unknown.message).toContain('微信手机号授权无效或已过期');
    expect(unknown.fields).toHaveProperty('phoneCode');
    // Spent by a refused attempt (another number): WeChat honours a code once.
    const once = phoneCodeFor(s, '13700000002');
    expect(errorOf(await accept('o-phone-a', { token: inv.token, phoneCode: once })).message).toContain('手机号与邀请不符');
    const reused = errorOf(await accept('o-phone-a', { token: inv.token, phoneCode: once }));
    expect(reused.message).toContain('微信手机号授权无效或已过期');
    // Tapped allow more than five minutes ago.
    const stale = phoneCodeFor(s, PHONE);
    s.clock.now += 5 * 60_000 + 1000;
    expect(errorOf(await accept('o-phone-a', { token: inv.token, phoneCode: stale })).message).toContain('微信手机号授权无效或已过期');
    expect((await stored(inv.id))?.status).toBe('pending');
    expect((await stored(inv.id))?.codeFailures).toBeUndefined();
    expect(await rolesOf('o-phone-a')).toEqual([]);
  });

  test('the matching WeChat number stands in for the code: the role is theirs and the number kept on them (3 requests)', async () => {
    const { requests } = meterAndRuntime(s);
    // Someone already known (a seeded resident) accepting through the measured path; a second invitation for them.
    const known = await issue(NODES.grid2, 'grid_volunteer', '13800000099');
    expect(await requests('users', 'acceptInvitation', { token: known.token, phoneCode: phoneCodeFor(s, '13800000099') }, PEOPLE.otherResident)).toBe(3);
    const resident = await s.store.collection<UserDoc>('users').get(PEOPLE.otherResident);
    expect(resident?.mobile).toBe('13800000099');
    expect(resident?.mobileConfirmedAt).toBe(s.clock.now);

    const done = okData(await accept('o-phone-a', { token: inv.token, phoneCode: phoneCodeFor(s, PHONE) }));
    expect(done).toMatchObject({ mine: true, status: 'accepted' });
    expect(await rolesOf('o-phone-a')).toEqual(['网格志愿者@第二网格']);
    const person = await userOf('o-phone-a');
    expect(person?.mobile).toBe(PHONE);
    expect(person?.mobileConfirmedAt).toBe(s.clock.now);
    expect((await stored(inv.id))?.acceptedBy).toBe(person?._id);
  });

  test('the 4-digit code still works instead (h5), and the phone is then not taken as confirmed', async () => {
    const other = await issue(NODES.grid2, 'grid_volunteer', '13600000003');
    okData(await accept('o-phone-c', { token: other.token, code: other.code }));
    expect(await rolesOf('o-phone-c')).toEqual(['网格志愿者@第二网格']);
    expect((await userOf('o-phone-c'))?.mobile).toBeUndefined();
  });
});

describe('an invitation without a phone', () => {
  test('accepts with the code as before; a WeChat number alone does not replace the code', async () => {
    const inv = await issue(NODES.grid1, 'grid_volunteer');
    const view = okData(await s.callAsWechat<InvitationView>('o-phone-d', 'users', 'invitation', { token: inv.token }));
    expect(view).toMatchObject({ needsCode: true, needsPhone: false, phoneHint: null });
    expect(errorOf(await accept('o-phone-d', { token: inv.token, phoneCode: phoneCodeFor(s, '13500000004') })).fields).toHaveProperty('code');
    expect(await rolesOf('o-phone-d')).toEqual([]);
    okData(await accept('o-phone-d', { token: inv.token, code: inv.code }));
    expect(await rolesOf('o-phone-d')).toEqual(['网格志愿者@第一网格']);
  });
});
