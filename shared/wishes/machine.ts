/**
 * The 微心愿 machine as data (shared/records/machine.ts): each status with its kind, each step with where it may start,
 * where it goes, who takes it and its words on the timeline. The server's conditional update checks exactly `from`.
 */
import type { EntryData, StateDef, TimelineEntry } from '../records/machine';
import { defineMachine, labelOf } from '../records/machine';
import type { WishStatus } from './model';

const STATES: Record<WishStatus, StateDef> = {
  pending: { name: '待审核', kind: 'open' },
  rejected: { name: '未通过', kind: 'closed' },
  published: { name: '待认领', kind: 'open' },
  claimed: { name: '圆梦中', kind: 'active' },
  delivered: { name: '待确认', kind: 'done' },
  fulfilled: { name: '已圆梦', kind: 'closed' },
};

const says = (words: string) => (): string => words;

export const WISH_MACHINE = defineMachine({
  noun: '心愿',
  states: STATES,
  transitions: {
    /** 居民许愿, or community staff for an elderly resident; { onBehalf } */
    post: { from: [], to: 'pending', by: ['resident', 'staff'], label: (d: EntryData) => (d.onBehalf ? '代居民许心愿' : '许心愿') },
    /** 社区审核: publish the anonymised text; { edited: the reviewer changed the poster's words } */
    approve: { from: ['pending'], to: 'published', by: ['staff'], label: (d: EntryData) => (d.edited ? '修改公开内容并发布' : '审核通过并发布') },
    /** 社区审核: not published, with a reason the poster sees (the note). */
    reject: { from: ['pending'], to: 'rejected', by: ['staff'], label: says('审核未通过') },
    /** 党员（或报到单位）认领: exactly one wins. */
    claim: { from: ['published'], to: 'claimed', by: ['member', 'organisation'], label: says('认领心愿') },
    /** Not fulfilled in time: back on the board (the timer); { claimantName } */
    lapse: { from: ['claimed'], to: 'published', by: ['system'], label: (d: EntryData) => `认领超过期限未圆梦（原认领人：${d.claimantName ?? ''}），回到心愿墙` },
    /** The claimant marks it fulfilled, with a photo and a note. */
    deliver: { from: ['claimed'], to: 'delivered', by: ['member', 'organisation'], label: says('登记圆梦') },
    /** The beneficiary (or staff for them) confirms: points are credited. */
    confirm: { from: ['delivered'], to: 'fulfilled', by: ['resident', 'staff'], label: says('确认圆梦') },
  },
  steps: {
    /** Words stored before codes that no rule of the migration reads (backend/wishes/migrate.ts); { words } */
    words: (d: EntryData) => String(d.words ?? ''),
  },
});

export type WishTransition = keyof typeof WISH_MACHINE.transitions;

/** The words of a wish timeline entry. */
export const wishLabel = (e: Pick<TimelineEntry, 'code' | 'data'>): string => labelOf(WISH_MACHINE, e);
