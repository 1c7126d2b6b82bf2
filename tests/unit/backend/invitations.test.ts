/**
 * The first-admin invitation across set-up reruns (backend/invitations/issue.ts) on a real SQLite store: the same link while
 * it is valid, nothing shown under another secret, a new token on the same record once expired or renewed, nothing once
 * accepted; revoking stops it. The accept path itself is tested through the functions in tests/integration/setup.test.ts.
 */
import { INDEXES, hashToken, invitations } from '../../../backend/invitations/repo';
import { issueFirstAdmin, revokeFirstAdmin } from '../../../backend/invitations/issue';
import type { DocumentStore } from '../../../backend/store/port';
import { openSqliteStore } from '../../../backend/store/sqlite';
import { INVITATION_TOKEN, INVITATION_TTL_MS } from '../../../shared/invitations/model';
import { tempDir } from '../../support/server';

const street = { _id: 'S310107102', path: '/S310107102/', name: '长征镇' };
const T0 = Date.parse('2026-12-01T02:00:00Z');
let store: DocumentStore;
beforeEach(async () => {
  store = openSqliteStore({ dataDir: tempDir() });
  await store.ensureIndexes('invitations', INDEXES.invitations ?? []);
});
afterEach(() => store.close());

const issue = (now: number, o: { secret?: string; renew?: boolean } = {}) => issueFirstAdmin(store, street, { secret: o.secret ?? 'k1', now, renew: o.renew });

test('a rerun while valid gives the same token; another secret cannot show it; expiry and --renew give a new one on the one record', async () => {
  const first = await issue(T0);
  if (first.state !== 'issued') throw new Error(first.state);
  expect(first.token).toMatch(INVITATION_TOKEN);
  expect(first.expiresAt).toBe(T0 + INVITATION_TTL_MS);
  expect(await issue(T0 + 3600_000)).toEqual({ state: 'valid', token: first.token, expiresAt: first.expiresAt });
  expect(await issue(T0 + 3600_000, { secret: 'k2' })).toEqual({ state: 'hidden', expiresAt: first.expiresAt });

  const later = T0 + INVITATION_TTL_MS + 1;
  const expired = await issue(later);
  if (expired.state !== 'issued') throw new Error(expired.state);
  expect(expired).toMatchObject({ renewed: true, expiresAt: later + INVITATION_TTL_MS });
  expect(expired.token).not.toBe(first.token);
  const renewed = await issue(later + 1, { renew: true });
  if (renewed.state !== 'issued') throw new Error(renewed.state);
  expect(renewed.token).not.toBe(expired.token);
  const stored = await invitations(store).find({});
  expect(stored).toHaveLength(1);
  expect(stored[0]?.tokenHash).toBe(hashToken(renewed.token));
});

test('revoked stays revoked until renewed; accepted is never reissued', async () => {
  await issue(T0);
  expect(await revokeFirstAdmin(store, street._id, T0 + 1)).toBe(true);
  expect(await revokeFirstAdmin(store, street._id, T0 + 2)).toBe(false);
  expect(await issue(T0 + 3)).toEqual({ state: 'revoked', at: T0 + 1 });
  expect((await issue(T0 + 4, { renew: true })).state).toBe('issued');
  await invitations(store).updateWhere({ _id: `first-admin-${street._id}` }, { $set: { status: 'accepted', acceptedBy: 'wx-1', acceptedByName: '新居民', acceptedAt: T0 + 5 } });
  expect(await issue(T0 + 6)).toEqual({ state: 'claimed', by: '新居民', at: T0 + 5 });
  expect(await issue(T0 + INVITATION_TTL_MS * 2, { renew: true })).toEqual({ state: 'claimed', by: '新居民', at: T0 + 5 });
  expect(await invitations(store).count({})).toBe(1);
});
