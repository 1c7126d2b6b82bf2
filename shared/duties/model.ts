/**
 * 职责清单 (张掖's 职责事项 22 项、协助事项 28 项、负面事项 7 项): which party answers for a kind of order, and in which list it sits.
 * Built-in defaults (./defaults.ts) ⊕ the street's entries ⊕ the community's entries, later ones replacing earlier ones by id.
 */
import type { OrderCategory } from '../orders/model';

export const DUTY_LISTS = ['duty', 'assist', 'negative'] as const;
export type DutyList = (typeof DUTY_LISTS)[number];
export const DUTY_LIST_NAMES: Record<DutyList, string> = { duty: '职责事项', assist: '协助事项', negative: '负面事项（准入外）' };

export const DUTY_PARTIES = ['community', 'member', 'property', 'department'] as const;
export type DutyParty = (typeof DUTY_PARTIES)[number];
export const DUTY_PARTY_NAMES: Record<DutyParty, string> = { community: '社区/网格', member: '党员', property: '物业', department: '职能部门' };

export interface DutyEntry {
  /** Stable id: a built-in's own (`lift`) or a saved one's; a community entry with a street or built-in id replaces it. */
  id: string;
  list: DutyList;
  /** What the item is called in the list (电梯故障). */
  item: string;
  /** The order category it covers, if any; keywords match the description either way. */
  category?: OrderCategory | null;
  keywords: string[];
  party: DutyParty;
  /** The named 职能部门 (城管, 派出所…) when `party` is 'department'. */
  department?: string | null;
}

/** Where an entry comes from on the effective list. */
export type DutySource = 'default' | 'street' | 'community';

/** Saved entries of one area (street or community): null marks a removed inherited entry. */
export type DutyEntries = Record<string, DutyEntry | null>;

/** The effective list: defaults, then the street's, then the community's, each replacing or removing by id. */
export function mergeDuties(defaults: readonly DutyEntry[], street: DutyEntries | undefined, community: DutyEntries | undefined): Array<DutyEntry & { source: DutySource }> {
  const out = new Map<string, DutyEntry & { source: DutySource }>(defaults.map((e) => [e.id, { ...e, source: 'default' as const }]));
  for (const [layer, source] of [
    [street, 'street'],
    [community, 'community'],
  ] as const) {
    for (const [id, e] of Object.entries(layer ?? {})) {
      if (e) out.set(id, { ...e, id, source });
      else out.delete(id);
    }
  }
  return [...out.values()];
}

/** Who answers, in the users' words: 物业, or the department's name (城管). */
export const partyName = (e: Pick<DutyEntry, 'party' | 'department'>): string => (e.party === 'department' && e.department ? e.department : DUTY_PARTY_NAMES[e.party]);

export interface DutySuggestion {
  entryId: string;
  list: DutyList;
  item: string;
  party: DutyParty;
  department: string | null;
  /** 建议：物业（职责事项：电梯故障） */
  said: string;
}

/**
 * The entry an order falls under: the one whose keywords cover most of the description (summed keyword length, so
 * 噪音+扰民 beats 邻居, 楼道照明 beats 照明), else the first entry naming its category. Null when nothing fits.
 */
export function suggestDuty(entries: readonly DutyEntry[], category: string, description: string): DutySuggestion | null {
  let best: { e: DutyEntry; score: number } | null = null;
  for (const e of entries) {
    const score = e.keywords.reduce((n, k) => (k && description.includes(k) ? n + k.length : n), 0);
    if (score > 0 && (!best || score > best.score)) best = { e, score };
  }
  const hit = best?.e ?? entries.find((e) => e.category === category);
  if (!hit) return null;
  const who = partyName(hit);
  return {
    entryId: hit.id,
    list: hit.list,
    item: hit.item,
    party: hit.party,
    department: hit.department ?? null,
    said: `建议：${who}（${DUTY_LIST_NAMES[hit.list].replace(/（.*）/, '')}：${hit.item}）`,
  };
}
