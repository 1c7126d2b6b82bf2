/**
 * The base every record that changes state shares: its machine as data (states with a kind, transitions with
 * from/to, who may take them and how the timeline says it) and timeline entries that store a code plus data, whose
 * words come from the machine's table — so rewording a label never alters history or what is counted from it.
 */

/** open: waiting on someone; active: being worked; done: finished and can still be reviewed; closed: over for good. */
export type StateKind = 'open' | 'active' | 'done' | 'closed';

/** Who may take a transition (the command still checks the actor against the record). */
export type Party = 'resident' | 'member' | 'staff' | 'organisation' | 'system';

export type EntryData = Record<string, string | number | boolean | null>;

export interface StateDef {
  name: string;
  kind: StateKind;
}

export interface TransitionDef<S extends string> {
  from: readonly S[];
  to: S;
  by: readonly Party[];
  /** The timeline's words for this step, from the entry's data. */
  label: (data: EntryData) => string;
}

export interface Machine<S extends string, T extends string> {
  /** The record's name in messages: 点单, 心愿, 申报… */
  noun: string;
  states: Record<S, StateDef>;
  transitions: Record<T, TransitionDef<S>>;
  /** Timeline steps that are not transitions (notes, escalations, the system's own entries). */
  steps?: Record<string, (data: EntryData) => string>;
}

export function defineMachine<S extends string, T extends string>(m: Machine<S, T>): Machine<S, T> {
  for (const [code, t] of Object.entries(m.transitions) as Array<[string, TransitionDef<S>]>) {
    for (const s of [...t.from, t.to]) if (!(s in m.states)) throw new Error(`${m.noun} machine: ${code} names unknown state ${s}`);
  }
  return m;
}

export function canMove<S extends string, T extends string>(m: Machine<S, T>, code: T, from: S): boolean {
  return (m.transitions[code].from as readonly S[]).includes(from);
}

export function statesOfKind<S extends string, T extends string>(m: Machine<S, T>, ...kinds: StateKind[]): S[] {
  return (Object.entries(m.states) as Array<[S, StateDef]>).filter(([, d]) => kinds.includes(d.kind)).map(([s]) => s);
}

/** One step in a record's history: the code of what happened and its data; words are looked up, never stored. */
export interface TimelineEntry {
  at: number;
  actorId: string;
  actorName: string;
  /** The actor's part in this record, in words: 居民, 网格长, 在职党员, 系统. */
  role: string;
  code: string;
  data?: EntryData;
  note?: string;
}

/** One step of a record's history as a page shows it: the words looked up, the actor's part named. */
export interface TimelineView {
  at: number;
  actorName: string;
  roleName: string;
  action: string;
  note: string | null;
}

/** The words of an entry: its transition's or step's label; an unknown code shows as itself. */
export function labelOf<S extends string, T extends string>(m: Machine<S, T>, e: Pick<TimelineEntry, 'code' | 'data'>): string {
  const t = (m.transitions as Record<string, TransitionDef<S> | undefined>)[e.code];
  if (t) return t.label(e.data ?? {});
  const step = m.steps?.[e.code];
  return step ? step(e.data ?? {}) : e.code;
}
