/** 12345 addresses to buildings: digits normalised (三号楼, ３号楼, 3幢 alike), then the building named, its community or grid breaking ties. */
import type { Area } from '../areas/model';
import type { HotlineTicket } from './hotline';

/** Spaces, including the full-width one, taken out: headers and addresses are compared without them. */
export const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');

/** Arabic digits for full-width ones and 一…十 before 号/栋/幢/楼/单元, so 三号楼 and ３号楼 read as 3号楼; 幢/栋/号楼 alike. */
export function normaliseAddress(text: string): string {
  const digits = '零一二三四五六七八九';
  return squash(text)
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/([一二三四五六七八九]?十?[一二三四五六七八九十])(?=号|栋|幢|单元)/g, (w) => {
      if (!w.includes('十')) return String(digits.indexOf(w));
      const [tens, ones] = w.split('十');
      return String((tens ? digits.indexOf(tens) : 1) * 10 + (ones ? digits.indexOf(ones) : 0));
    })
    .replace(/(\d+)(?:号楼|栋|幢|号)/g, '$1号楼');
}

/** The street's buildings with the names of the nodes above them (community, grid), read once per import. */
export interface BuildingIndex {
  buildings: Array<{ id: string; name: string; trail: string[]; label: string }>;
}

export function indexBuildings(tree: Area[]): BuildingIndex {
  const inService = tree.filter((a) => !a.retired);
  const byId = new Map(inService.map((a) => [a._id, a]));
  const buildings = inService
    .filter((a) => a.level === 'building')
    .map((b) => {
      const above = b.ancestors.map((id) => byId.get(id)).filter((a): a is Area => !!a && (a.level === 'community' || a.level === 'grid'));
      return { id: b._id, name: normaliseAddress(b.name), trail: above.map((a) => normaliseAddress(a.name)), label: [...above.map((a) => a.name), b.name].join(' / ') };
    });
  return { buildings };
}

/**
 * The building an address names. A building's name must appear in the address; when several do (every community has a
 * 3号楼), the ones whose community or grid is named too win; exactly one left is a match, more is ambiguous, none unknown.
 */
export function matchAddress(address: string, index: BuildingIndex): Pick<HotlineTicket, 'buildingId' | 'unplaced'> {
  const a = normaliseAddress(address);
  const named = index.buildings.filter((b) => b.name && a.includes(b.name));
  // A longer building name found in the address outranks a shorter one it contains (12号楼 over 2号楼).
  const longest = named.filter((b) => !named.some((o) => o.name.length > b.name.length && o.name.includes(b.name) && a.includes(o.name)));
  const score = (b: (typeof longest)[number]) => b.trail.filter((t) => a.includes(t)).length;
  const best = Math.max(0, ...longest.map(score));
  const top = longest.filter((b) => score(b) === best);
  if (top.length === 1) return { buildingId: top[0]!.id };
  if (top.length === 0) return { unplaced: { reason: 'unknown', candidates: [] } };
  return { unplaced: { reason: 'ambiguous', candidates: top.slice(0, 5).map((b) => b.label) } };
}
