/**
 * The street's first-admin invitation, issued by `npm run setup` (never by a function). One record per street, so
 * a rerun finds it: still pending and valid → the same link again; accepted → who holds it; expired → a new token
 * on the same record. The token is an HMAC of the record and its issue time under the operator's secret, so a rerun
 * with the same secret can print the link again while the database holds only its hash.
 */
import { createHmac } from 'node:crypto';
import type { Area } from '../../shared/areas/model';
import type { Invitation } from '../../shared/invitations/model';
import { firstAdminInvitationId, INVITATION_TTL_MS } from '../../shared/invitations/model';
import type { DocumentStore } from '../store/port';
import { hashToken, invitations } from './repo';

export type FirstAdminState =
  /** A fresh token: just issued, renewed, or the last one expired. */
  | { state: 'issued'; token: string; expiresAt: number; renewed: boolean }
  /** The pending token is still good and this secret rebuilds it. */
  | { state: 'valid'; token: string; expiresAt: number }
  /** Still pending, but issued under another secret: the link cannot be shown again (renew to replace it). */
  | { state: 'hidden'; expiresAt: number }
  | { state: 'claimed'; by: string; at: number }
  | { state: 'revoked'; at: number };

export function tokenFor(secret: string, id: string, issuedAt: number): string {
  return createHmac('sha256', secret).update(`${id}:${issuedAt}`).digest('base64url').slice(0, 22);
}

export interface IssueOptions {
  secret: string;
  now: number;
  /** Replace a pending or revoked invitation's token with a new one (the old link stops working). */
  renew?: boolean;
}

/** The street's first-admin invitation, created if absent; see the header for what a rerun does. */
export async function issueFirstAdmin(store: DocumentStore, street: Pick<Area, '_id' | 'path' | 'name'>, o: IssueOptions): Promise<FirstAdminState> {
  const id = firstAdminInvitationId(street._id);
  const token = tokenFor(o.secret, id, o.now);
  const fresh: Invitation = {
    _id: id,
    kind: 'first_admin',
    role: 'street_admin',
    areaId: street._id,
    areaPath: street.path,
    areaName: street.name,
    tokenHash: hashToken(token),
    status: 'pending',
    issuedAt: o.now,
    expiresAt: o.now + INVITATION_TTL_MS,
    createdBy: 'setup',
    createdAt: o.now,
  };
  if (await invitations(store).insertIfAbsent(fresh)) return { state: 'issued', token, expiresAt: fresh.expiresAt, renewed: false };
  const inv = await invitations(store).get(id);
  if (!inv) throw new Error(`邀请 ${id} 刚写入却读不到`);
  if (inv.status === 'accepted') return { state: 'claimed', by: inv.acceptedByName ?? inv.acceptedBy ?? '', at: inv.acceptedAt ?? 0 };
  const expired = inv.expiresAt <= o.now;
  if (inv.status === 'revoked' && !o.renew) return { state: 'revoked', at: inv.revokedAt ?? 0 };
  if (inv.status === 'pending' && !expired && !o.renew) {
    const again = tokenFor(o.secret, id, inv.issuedAt);
    return hashToken(again) === inv.tokenHash ? { state: 'valid', token: again, expiresAt: inv.expiresAt } : { state: 'hidden', expiresAt: inv.expiresAt };
  }
  // A new token on the same record, only if nobody accepted it meanwhile: still one first-admin invitation per street.
  const renewed = await invitations(store).updateWhere(
    { _id: id, status: inv.status, tokenHash: inv.tokenHash },
    { $set: { status: 'pending', tokenHash: fresh.tokenHash, issuedAt: o.now, expiresAt: fresh.expiresAt }, $unset: { revokedAt: true } },
  );
  if (renewed !== 1) return issueFirstAdmin(store, street, { ...o, renew: false });
  return { state: 'issued', token, expiresAt: fresh.expiresAt, renewed: true };
}

/** Revokes the street's pending first-admin invitation: its link is refused from now on. False when there was none pending. */
export async function revokeFirstAdmin(store: DocumentStore, streetId: string, now: number): Promise<boolean> {
  return (await invitations(store).updateWhere({ _id: firstAdminInvitationId(streetId), status: 'pending' }, { $set: { status: 'revoked', revokedAt: now } })) === 1;
}
