/**
 * 党员申报 → 召集人汇总 → 社区核实 as data (shared/records/machine.ts): each state of a declared service with its kind,
 * each step with where it may start, who takes it and its words on the timeline. The server moves a declaration
 * with a conditional update on exactly these `from` lists.
 */
import type { EntryData, TimelineEntry } from '../records/machine';
import { defineMachine, labelOf } from '../records/machine';

const says = (words: string) => (): string => words;

/** Why a declaration skipped 召集人汇总 and went straight to the community (the `direct` step's `why`). */
export const DIRECT_REASONS = {
  noGrid: '未划入网格，直接报社区核实',
  ownGrid: '申报人是本网格网格长，直接报社区核实',
  noLeader: '本网格暂无网格长，直接报社区核实',
} as const;
export type DirectReason = keyof typeof DIRECT_REASONS;

/** Entries that are not moves; each names its data beside it. */
const STEPS = {
  /** 党员申报, the entry a declaration is written with; { hours } */
  declare: says('申报服务'),
  /** The system sent it past the grid; { why: DirectReason } */
  direct: (d: EntryData) => DIRECT_REASONS[d.why as DirectReason] ?? '直接报社区核实',
  /** Words stored before codes that no rule of the migration reads (backend/points/migrate.ts); { words } */
  words: (d: EntryData) => String(d.words ?? ''),
};

export const DECLARATION_MACHINE = defineMachine({
  noun: '申报',
  states: {
    declared: { name: '待网格长汇总', kind: 'open' },
    forwarded: { name: '待社区核实', kind: 'open' },
    returned: { name: '已退回', kind: 'closed' },
    verified: { name: '已核实记分', kind: 'closed' },
    rejected: { name: '核实未通过', kind: 'closed' },
  },
  transitions: {
    /** 召集人汇总: the grid leader sends a batch up; their note is the entry's note. */
    forward: { from: ['declared'], to: 'forwarded', by: ['staff'], label: says('汇总上报社区') },
    /** 退回 to the member; the reason is the note. */
    sendBack: { from: ['declared'], to: 'returned', by: ['staff'], label: says('退回申报') },
    /**
     * 社区核实, which credits the points; { points }. The community may also decide what still waits at a grid, so
     * nothing is stuck where no 网格长 acts on it.
     */
    verify: { from: ['forwarded', 'declared'], to: 'verified', by: ['staff'], label: (d) => `核实通过，记 ${d.points} 分` },
    /** 核实未通过; the reason is the note. */
    reject: { from: ['forwarded', 'declared'], to: 'rejected', by: ['staff'], label: says('核实未通过') },
  },
  steps: STEPS,
});

export type DeclarationStatus = keyof typeof DECLARATION_MACHINE.states;
export type DeclarationStep = keyof typeof DECLARATION_MACHINE.transitions;
/** What a declaration timeline entry's `code` may be. */
export type DeclarationCode = DeclarationStep | keyof typeof STEPS;

/** The words of a declaration timeline entry. */
export const declarationLabel = (e: Pick<TimelineEntry, 'code' | 'data'>): string => labelOf(DECLARATION_MACHINE, e);

/** The note as shown: the declared hours on the first entry, otherwise what the person wrote. */
export function declarationNote(e: Pick<TimelineEntry, 'code' | 'data' | 'note'>): string | null {
  if (e.code === 'declare' && typeof e.data?.hours === 'number') return `${e.data.hours} 小时`;
  return e.note ?? null;
}
