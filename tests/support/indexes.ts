/** Every query shape the app issued during a test run, where it came from, and the ones no index in backend/collections.ts serves. */
import path from 'node:path';
import { ACCEPTED_SCANS, INDEXES } from '../../backend/collections';
import type { QueryShape } from '../../backend/store/index-check';
import { describeShape, unserved } from '../../backend/store/index-check';
import type { IndexSpec } from '../../backend/store/port';

export interface SeenQuery {
  shape: QueryShape;
  /** The app's line that issued it (local mode), or the action whose invocation sent it (cloud mode). */
  from: string;
}

const ROOT = path.resolve(__dirname, '..', '..');

/** The first two frames of app code (not the store, not the test support) on the current stack: a shared helper and its caller. */
export function appFrame(stack = new Error().stack ?? ''): string {
  const frames: string[] = [];
  for (const line of stack.split('\n').slice(1)) {
    const m = /\(?([^\s()]+):(\d+):\d+\)?$/.exec(line.trim());
    const file = m?.[1] ?? '';
    if (!file.startsWith(ROOT) || file.includes('node_modules') || file.includes('/backend/store/') || file.includes('/tests/')) continue;
    frames.push(`${path.relative(ROOT, file)}:${m?.[2] ?? '?'}`);
    if (frames.length === 2) break;
  }
  return frames.length ? frames.join(' ← ') : '(unknown caller)';
}

export class QueryLog {
  private readonly seen = new Map<string, SeenQuery>();

  constructor(private readonly declared: Record<string, IndexSpec[]> = INDEXES) {}

  /** Keeps the first sighting of each shape; `from` is only worked out for a new one. */
  record(shape: QueryShape, from: () => string): void {
    const key = describeShape(shape);
    if (!this.seen.has(key)) this.seen.set(key, { shape, from: from() });
  }

  all(): SeenQuery[] {
    return [...this.seen.values()];
  }

  /** Shapes no declared index serves, bar the scans backend/collections.ts accepts by name. */
  unserved(): SeenQuery[] {
    return unserved(this.seen.values(), this.declared).filter((q) => !ACCEPTED_SCANS.some((a) => a.shape.test(describeShape(q.shape))));
  }

  /** The failure text for the unserved shapes, or null when every query had an index. */
  report(): string | null {
    const bad = this.unserved();
    if (bad.length === 0) return null;
    const lines = bad.map((q) => `  ${describeShape(q.shape)}  — from ${q.from}`);
    return `${bad.length} query shape(s) not served by any index declared in backend/collections.ts:\n${lines.join('\n')}`;
  }
}
