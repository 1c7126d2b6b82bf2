/**
 * Orders' timelines from words to codes (issue 12): each stored entry with `action` and no `code` becomes the code
 * and data its words said, read by the rules the dashboard recompute and the exports used to parse them. Words no
 * rule reads are kept as they were, under the `words` step, so history never loses a line.
 */
import type { OrderCode } from '../../shared/orders/machine';
import { COLOUR_NAMES } from '../../shared/orders/model';
import type { EntryData } from '../../shared/records/machine';
import { scanAll } from '../exports/xlsx';
import type { Pending } from '../records/effects';
import type { Migration } from '../records/migrate';
import type { DocumentStore } from '../store/port';
import type { OrderDoc, OrderEntry, WordsEntry } from './repo';
import { orders } from './repo';

/** What one entry said: its code, its data, and the note left once the data is taken out of it. */
interface Said {
  code: OrderCode;
  data?: EntryData;
  note?: string | null;
}

const COLOUR_BY_NAME = Object.fromEntries(Object.entries(COLOUR_NAMES).map(([colour, name]) => [name, colour]));

/** Words that were always the same. */
const FIXED: Record<string, OrderCode> = {
  提交点单: 'file',
  '代居民点单（民情日记）': 'fileForResident',
  不予受理: 'reject',
  撤单: 'cancel',
  接单: 'claim',
  接受派单: 'accept',
  婉拒派单: 'decline',
  退回抢单池: 'release',
  办结: 'complete',
  说明情况后办结: 'closeReopened',
  添加备注: 'note',
};

/** A rating's note was "5 星" or "2 星：comment": the stars become data, the comment stays the note. */
function rated(code: 'rate' | 'reopen', note: string | undefined): Said {
  const m = /^(\d) 星(?:：([\s\S]*))?$/.exec(note ?? '');
  return m ? { code, data: { stars: Number(m[1]) }, note: m[2] ?? null } : { code };
}

/** The 急时 entry's note was a sentence around the community's reason. */
function emergency(note: string | undefined): Said {
  const m = /^社区处于急时（([\s\S]*)）：跳过分拣，按红色事项派到社区抢单池$/.exec(note ?? '');
  return m ? { code: 'emergency', data: { reason: m[1] || null }, note: null } : { code: 'emergency' };
}

/** Words that carried data, each with the rule that reads it back. */
const PATTERNS: Array<[RegExp, (m: RegExpExecArray) => Said]> = [
  [/^分拣为(红|黄|绿)色(?:，类别改为(.+))?$/, (m) => ({ code: 'triage', data: { colour: COLOUR_BY_NAME[m[1] ?? ''] ?? null, ...(m[2] ? { category: m[2] } : {}) } })],
  [/^派单给党员(.+)$/, (m) => ({ code: 'dispatch', data: { member: m[1] ?? '' } })],
  [/^改派给党员(.+)$/, (m) => ({ code: 'reassign', data: { member: m[1] ?? '' } })],
  [/^派到(网格|社区)抢单池(?:（需(.+)）)?$/, (m) => ({ code: 'pool', data: { level: m[1] === '网格' ? 'grid' : 'community', skill: m[2] ?? null } })],
  [/^(更新进展|延期说明)$/, (m) => ({ code: 'progress', data: { delayed: m[1] === '延期说明' } })],
  [
    /^(超时未响应|超时未办结)，升级到上一级(（已在最高一级）)?$/,
    (m) => ({ code: 'escalate', data: { deadline: m[1] === '超时未响应' ? 'respond' : 'resolve', top: Boolean(m[2]) } }),
  ],
  [/^(\d+) 天未评价，自动办结（未评价）$/, (m) => ({ code: 'autoClose', data: { days: Number(m[1]) } })],
];

function read(e: WordsEntry): Said {
  const fixed = FIXED[e.action];
  if (fixed) return { code: fixed };
  if (e.action === '确认并评价') return rated('rate', e.note);
  if (e.action === '评价不满意，申请重办') return rated('reopen', e.note);
  if (e.action === '急时自动派单') return emergency(e.note);
  for (const [pattern, said] of PATTERNS) {
    const m = pattern.exec(e.action);
    if (m) return said(m);
  }
  return { code: 'words', data: { words: e.action } };
}

/** One stored words entry as code and data; the note stays unless the data took it over. */
export function fromWords(e: WordsEntry): OrderEntry {
  const said = read(e);
  const note = said.note === undefined ? e.note : (said.note ?? undefined);
  return { at: e.at, actorId: e.actorId, actorName: e.actorName, role: e.role, code: said.code, ...(said.data ? { data: said.data } : {}), ...(note ? { note } : {}) };
}

type Stored = OrderEntry | WordsEntry;
const inWords = (e: Stored): e is WordsEntry => !('code' in e) && 'action' in e;

/**
 * A page of orders at a time by _id (the one index every store serves); an order is written only when it still holds
 * words, so a second run writes nothing. The write is conditional on the status and the last effects key read, so an
 * order moved meanwhile is read again (every move sets a new key; only a move and its drain both landing within the
 * one round trip would go unseen: at start-up nothing moves, on CloudBase run `npm run migrate` right after deploying).
 */
async function convertAll(store: DocumentStore): Promise<number> {
  let changed = 0;
  for await (const read of scanAll(orders(store), {}, 200)) {
    let order: OrderDoc | null = read;
    for (let tries = 0; order && tries < 3; tries++) {
      const timeline = order.timeline as Stored[];
      if (!timeline.some(inWords)) break;
      const converted = timeline.map((e) => (inWords(e) ? fromWords(e) : e));
      const fxLast = (order as OrderDoc & Pending).fxLast ?? null;
      if ((await orders(store).updateWhere({ _id: order._id, status: order.status, fxLast }, { $set: { timeline: converted } })) === 1) {
        changed++;
        break;
      }
      order = await orders(store).get(order._id);
    }
  }
  return changed;
}

export const ORDER_TIMELINE_CODES: Migration = { name: 'orders: timeline words → codes', run: convertAll };
