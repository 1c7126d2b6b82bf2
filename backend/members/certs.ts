/**
 * 报到证 sequence numbers: one counter per year (`member_counters`, `cert:<year>`) from which a warm instance takes
 * a block of numbers by compare-and-set, then hands them out with no request at all — so an approval costs the
 * caller, the registration and its move. Two instances never share a number. Numbers an instance never hands out
 * (it stopped, or an approval lost its race) are gaps, never duplicates; numbers show the order within an instance.
 */
import { AppError } from '../../shared/errors';
import type { Deps } from '../runtime/types';
import type { DocumentStore } from '../store/port';
import { memberCounters } from './repo';

/** Numbers taken at a time: an approval in twenty reserves the next block (one request, or three after another instance's). */
export const CERT_BLOCK = 20;

interface Block {
  next: number;
  end: number;
}

/** Per store (tests never share) and per year: the block this instance is handing out. */
const kept = new WeakMap<DocumentStore, Map<number, Block>>();

function shelf(store: DocumentStore): Map<number, Block> {
  let s = kept.get(store);
  if (!s) kept.set(store, (s = new Map()));
  return s;
}

export async function nextCertSeq(deps: Pick<Deps, 'store'>, year: number): Promise<number> {
  const blocks = shelf(deps.store);
  const held = blocks.get(year);
  if (held && held.next <= held.end) return held.next++;
  const got = await reserve(deps, year, held?.end);
  // Concurrent approvals may each have reserved one: keep ours only if the shelf is still empty (the rest are gaps).
  const now = blocks.get(year);
  if (!now || now.next > now.end) blocks.set(year, { next: got.next + 1, end: got.end });
  return got.next;
}

/** Moves the counter on by a block: guessed from the end of our last block, read when the guess is stale. */
async function reserve(deps: Pick<Deps, 'store'>, year: number, guess: number | undefined): Promise<Block> {
  const id = `cert:${year}`;
  const counters = memberCounters(deps.store);
  let seq = guess;
  for (let attempt = 0; attempt < 50; attempt++) {
    if (seq === undefined) {
      const current = await counters.get(id);
      if (!current) {
        if (await counters.insertIfAbsent({ _id: id, seq: CERT_BLOCK })) return { next: 1, end: CERT_BLOCK };
        continue;
      }
      seq = current.seq;
    }
    if ((await counters.updateWhere({ _id: id, seq }, { $set: { seq: seq + CERT_BLOCK } })) === 1) return { next: seq + 1, end: seq + CERT_BLOCK };
    seq = undefined;
  }
  throw new AppError('CONFLICT', '审核的人太多了，请稍后重试');
}
