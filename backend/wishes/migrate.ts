/**
 * Wish timelines stored as words (`action: '认领心愿'`) become codes plus data (shared/wishes/machine.ts), once: a wish
 * whose entries all have a code is left alone. Words no rule reads are kept as they were, under the `words` step.
 */
import type { EntryData, TimelineEntry } from '../../shared/records/machine';
import type { Migration } from '../records/migrate';
import type { DocumentStore } from '../store/port';
import { wishes } from './repo';

/** The words each step was stored with, as backend/wishes wrote them before codes. */
const WORDS: Record<string, { code: string; data?: EntryData }> = {
  许心愿: { code: 'post', data: { onBehalf: false } },
  代居民许心愿: { code: 'post', data: { onBehalf: true } },
  审核通过并发布: { code: 'approve', data: { edited: false } },
  修改公开内容并发布: { code: 'approve', data: { edited: true } },
  审核未通过: { code: 'reject' },
  认领心愿: { code: 'claim' },
  登记圆梦: { code: 'deliver' },
  确认圆梦: { code: 'confirm' },
};
const LAPSED = /^认领超过期限未圆梦（原认领人：(.*)），回到心愿墙$/;

type StoredEntry = Omit<TimelineEntry, 'code'> & { code?: string; action?: string };

/** One stored entry with a code; an entry that has one already is returned as it is. */
export function codedEntry(e: StoredEntry): TimelineEntry {
  if (e.code) return e as TimelineEntry;
  const { action, ...rest } = e;
  const words = action ?? '';
  const lapsed = LAPSED.exec(words);
  const known = lapsed ? { code: 'lapse', data: { claimantName: lapsed[1] ?? '' } } : (WORDS[words] ?? { code: 'words', data: { words } });
  return { ...rest, code: known.code, ...(known.data ? { data: known.data } : {}) };
}

const PAGE = 100;

/**
 * Pages through every wish by id. The write is conditional on the status and lapse count read: every move changes
 * the status and the only way back to one is a lapse, so a wish moved meanwhile is left for the next run.
 */
async function run(store: DocumentStore): Promise<number> {
  let changed = 0;
  for (let after = ''; ;) {
    const page = await wishes(store).find(after ? { _id: { $gt: after } } : {}, { sort: [['_id', 1]], limit: PAGE });
    for (const w of page) {
      const stored = w.timeline as StoredEntry[];
      if (stored.every((e) => e.code)) continue;
      changed += await wishes(store).updateWhere({ _id: w._id, status: w.status, lapses: w.lapses }, { $set: { timeline: stored.map(codedEntry) } });
    }
    if (page.length < PAGE) return changed;
    after = page[page.length - 1]!._id;
  }
}

export const WISH_TIMELINE_CODES: Migration = { name: 'wishes: timeline words → codes', run };
