/**
 * Declarations' timelines from words to codes (issue 12): each stored entry with `action` and no `code` becomes the
 * code and data its words said (shared/points/machine.ts). Words no rule reads are kept as they were, under the
 * `words` step, so history never loses a line.
 */
import type { DeclarationCode, DirectReason } from '../../shared/points/machine';
import { DIRECT_REASONS } from '../../shared/points/machine';
import type { EntryData, TimelineEntry } from '../../shared/records/machine';
import { scanAll } from '../exports/xlsx';
import type { Migration } from '../records/migrate';
import type { DocumentStore } from '../store/port';
import type { DeclarationDoc } from './repo';
import { declarations } from './repo';

/** An entry as the code before codes stored it. */
export interface WordsEntry {
  at: number;
  actorId: string;
  actorName: string;
  role: string;
  action: string;
  note?: string;
}

interface Said {
  code: DeclarationCode;
  data?: EntryData;
  /** The note left once the data is taken out of it (undefined: as it was). */
  note?: string | null;
}

const FIXED: Record<string, DeclarationCode> = { 汇总上报社区: 'forward', 退回申报: 'sendBack', 核实未通过: 'reject' };
const DIRECT = new Map(Object.entries(DIRECT_REASONS).map(([why, words]) => [words as string, why as DirectReason]));

function read(e: WordsEntry): Said {
  const fixed = FIXED[e.action];
  if (fixed) return { code: fixed };
  const why = DIRECT.get(e.action);
  if (why) return { code: 'direct', data: { why } };
  // The declared hours were the first entry's note ("2 小时", "1.5 小时").
  const hours = /^(\d+(?:\.\d+)?) 小时$/.exec(e.note ?? '');
  if (e.action === '申报服务') return hours ? { code: 'declare', data: { hours: Number(hours[1]) }, note: null } : { code: 'declare' };
  const verified = /^核实通过，记 (-?\d+) 分$/.exec(e.action);
  if (verified) return { code: 'verify', data: { points: Number(verified[1]) } };
  return { code: 'words', data: { words: e.action } };
}

/** One stored words entry as code and data; the note stays unless the data took it over. */
export function fromWords(e: WordsEntry): TimelineEntry {
  const said = read(e);
  const note = said.note === undefined ? e.note : (said.note ?? undefined);
  return { at: e.at, actorId: e.actorId, actorName: e.actorName, role: e.role, code: said.code, ...(said.data ? { data: said.data } : {}), ...(note ? { note } : {}) };
}

type Stored = TimelineEntry | WordsEntry;
const inWords = (e: Stored): e is WordsEntry => !('code' in e) && 'action' in e;

/**
 * A page of declarations at a time by _id; one is written only while it still holds words, so a second run writes
 * nothing. The write is conditional on the status and `updatedAt` read (every step sets it), so a declaration moved
 * meanwhile is read again rather than losing the entry its move appended.
 */
async function convertAll(store: DocumentStore): Promise<number> {
  let changed = 0;
  for await (const found of scanAll(declarations(store), {}, 200)) {
    let doc: DeclarationDoc | null = found;
    for (let tries = 0; doc && tries < 3; tries++) {
      const timeline = doc.timeline as Stored[];
      if (!timeline.some(inWords)) break;
      const converted = timeline.map((e) => (inWords(e) ? fromWords(e) : e));
      if ((await declarations(store).updateWhere({ _id: doc._id, status: doc.status, updatedAt: doc.updatedAt }, { $set: { timeline: converted } })) === 1) {
        changed++;
        break;
      }
      doc = await declarations(store).get(doc._id);
    }
  }
  return changed;
}

export const DECLARATION_TIMELINE_CODES: Migration = { name: 'points_declarations: timeline words → codes', run: convertAll };
