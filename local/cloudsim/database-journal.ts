/** Database simulator persistence: a meta file (collections, indexes) and one append-only JSON-lines journal per collection. */
import fs from 'fs';
import path from 'path';
import type { Doc } from './database-values';
import { fromJournal, isPlainObject, toJournal } from './database-values';

export interface IndexDecl {
  fields: Array<[string, 1 | -1]>;
  unique?: boolean;
}

export interface Meta {
  version: 1;
  collections: Array<{ name: string; indexes: IndexDecl[] }>;
}

const META_FILE = 'meta.json';

/** Writes to a temp file then renames, so a kill mid-write leaves the previous version intact. */
function writeAtomic(file: string, text: string): void {
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

export function readMeta(dir: string): Meta {
  const file = path.join(dir, META_FILE);
  if (!fs.existsSync(file)) return { version: 1, collections: [] };
  const raw: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  const list = isPlainObject(raw) && Array.isArray(raw.collections) ? raw.collections : null;
  if (!list) throw new Error(`cloudsim database: ${file} is not a meta file`);
  const collections: Meta['collections'] = [];
  for (const entry of list) {
    if (!isPlainObject(entry) || typeof entry.name !== 'string') throw new Error(`cloudsim database: bad collection entry in ${file}`);
    collections.push({ name: entry.name, indexes: Array.isArray(entry.indexes) ? (entry.indexes as IndexDecl[]) : [] });
  }
  return { version: 1, collections };
}

export function writeMeta(dir: string, meta: Meta): void {
  fs.mkdirSync(dir, { recursive: true });
  writeAtomic(path.join(dir, META_FILE), `${JSON.stringify(meta, null, 1)}\n`);
}

/** A journal entry: the full document after a write, or a tombstone carrying the removed `_id`. */
type Entry = { doc: Doc } | { removed: unknown };

/**
 * One collection's journal. Every acknowledged write is on its way to the file before the caller answers:
 * fs.writeSync hands the bytes to the kernel, which keeps them across a SIGKILL of this process (we do
 * not fsync: surviving a power cut is not what the simulator promises). The descriptor stays open so
 * thousands of seed inserts do not each pay an open/close.
 */
export class Journal {
  private fd: number | null = null;
  /** Lines in the file (live documents plus superseded versions and tombstones): drives compaction. */
  lines = 0;

  constructor(
    private readonly dir: string,
    readonly name: string,
  ) {}

  private get file(): string {
    return path.join(this.dir, `${this.name}.jsonl`);
  }

  /** Replays the file in order. A torn last line (a kill mid-append) is cut off so the next append starts clean. */
  replay(apply: (entry: Entry) => void): void {
    if (!fs.existsSync(this.file)) return;
    const text = fs.readFileSync(this.file, 'utf8');
    const end = text.lastIndexOf('\n') + 1;
    if (end < text.length) fs.truncateSync(this.file, Buffer.byteLength(text.slice(0, end)));
    for (const line of text.slice(0, end).split('\n')) {
      if (!line) continue;
      this.lines++;
      const entry = decodeLine(line);
      if (entry) apply(entry);
    }
  }

  append(entry: Entry): void {
    if (this.fd === null) {
      fs.mkdirSync(this.dir, { recursive: true });
      this.fd = fs.openSync(this.file, 'a');
    }
    const buf = Buffer.from(`${encodeLine(entry)}\n`);
    for (let off = 0; off < buf.length;) off += fs.writeSync(this.fd, buf, off);
    this.lines++;
  }

  /** Rewrites the journal as a snapshot of the live documents (atomic rename, then reopen for appends). */
  compact(docs: Iterable<Doc>): void {
    this.close();
    const out: string[] = [];
    for (const doc of docs) out.push(encodeLine({ doc }));
    writeAtomic(this.file, out.length ? `${out.join('\n')}\n` : '');
    this.lines = out.length;
  }

  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }
}

function encodeLine(entry: Entry): string {
  return 'doc' in entry ? `{"d":${toJournal(entry.doc)}}` : `{"x":${toJournal({ id: entry.removed })}}`;
}

/** A line that does not decode (hand-edited, or from a future format) is skipped rather than failing the whole start. */
function decodeLine(line: string): Entry | null {
  let v: unknown;
  try {
    v = fromJournal(line);
  } catch {
    return null;
  }
  if (!isPlainObject(v)) return null;
  if (isPlainObject(v.d) && (typeof v.d._id === 'string' || typeof v.d._id === 'number')) return { doc: v.d };
  if (isPlainObject(v.x) && 'id' in v.x) return { removed: v.x.id };
  return null;
}
