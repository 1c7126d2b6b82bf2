/** Half-written wishes, for `npm run check:effects`: a wish confirmed (and its effects applied) whose claimant was never credited. */
import { ledger, ledgerId } from '../points/ledger';
import type { DocumentStore } from '../store/port';
import { wishes } from './repo';

/** Before the credit rode on the confirming move, a crash between the two could leave exactly this. */
export async function checkWishes(store: DocumentStore): Promise<string[]> {
  const fulfilled = await wishes(store).find({ status: 'fulfilled' });
  const credited = new Set((await ledger(store).find({ reason: 'wish_fulfilled', sourceType: 'wish' })).map((e) => e._id));
  return fulfilled
    .filter((w) => w.claimantId && !w.fx?.length && !credited.has(ledgerId('wish_fulfilled', 'wish', w._id)))
    .map((w) => `心愿 ${w._id}：已圆梦，认领人 ${w.claimantId} 未记积分`);
}
