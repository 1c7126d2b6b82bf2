/** Storage of invitations: the `invitations` collection, looked up by the hash of the token a link carries. */
import { createHash } from 'node:crypto';
import type { Invitation } from '../../shared/invitations/model';
import type { Collection, DocumentStore, IndexSpec } from '../store/port';

export const invitations = (store: DocumentStore): Collection<Invitation> => store.collection<Invitation>('invitations');

export const INDEXES: Record<string, IndexSpec[]> = {
  // Opening a link: the invitation whose token hashes to this.
  invitations: [
    { fields: [['tokenHash', 1]] },
    // A node's invitations, newest first (users.invitations), and a building's 楼栋长 seats.
    {
      fields: [
        ['areaId', 1],
        ['createdAt', -1],
      ],
    },
    // An inviter's pending invitations, checked again when their roles change (backend/users/after.ts).
    {
      fields: [
        ['createdBy', 1],
        ['status', 1],
      ],
    },
    // Accepting and revoking carry their effects (docs/effects.md): the drain reads them by `fxAt`.
    { fields: [['fxAt', 1]] },
  ],
};

/** Only this is stored: someone reading the database cannot rebuild a link from it. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function invitationByToken(store: DocumentStore, token: string): Promise<Invitation | null> {
  const [found] = await invitations(store).find({ tokenHash: hashToken(token) }, { limit: 1 });
  return found ?? null;
}
