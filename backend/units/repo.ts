/** Storage of units (多方接单): the `units` collection, its indexes and the warm copy 派单 reads. */
import type { UnitKind } from '../../shared/units/model';
import { UNIT_KIND_NAMES } from '../../shared/units/model';
import type { UnitView } from '../../shared/units/schemas';
import { warm } from '../runtime/warm';
import type { Collection, DocumentStore, IndexSpec } from '../store/port';

export interface UnitDoc {
  _id: string;
  kind: UnitKind;
  name: string;
  /** The community or street (片区) node it belongs to: the staff there manage it. */
  scopeId: string;
  scopePath: string;
  /** Its service area: communities or grids, with their names for lists. */
  areas: Array<{ id: string; name: string; path: string }>;
  /** The paths of `areas`, element-indexed: "units covering this order" is one query. */
  areaPaths: string[];
  contactName: string;
  contactMobile: string;
  /** 共建单位 that is a 报到单位 (members' organisations). */
  orgId: string | null;
  /** Its name when linked, kept from the create's read so lists need no second collection (absent on units stored before). */
  orgName?: string;
  createdAt: number;
  createdBy: string;
  updatedAt: number;
}

export const units = (store: DocumentStore): Collection<UnitDoc> => store.collection<UnitDoc>('units');

/** Warm-cache key prefix of a unit (backend/runtime/warm.ts): units are set up once and read on every 派单; editing forgets it. */
export const UNITS_KEPT = 'units/';

/** A unit as a warm instance keeps it (at most WARM_TTL_MS old), like a community's rules: one read when cold. */
export function keptUnit(store: DocumentStore, id: string): Promise<UnitDoc | null> {
  return warm(store, `${UNITS_KEPT}${id}`, () => units(store).get(id));
}

export function toUnitView(u: UnitDoc): UnitView {
  return {
    id: u._id,
    kind: u.kind,
    kindName: UNIT_KIND_NAMES[u.kind],
    name: u.name,
    scopeId: u.scopeId,
    areas: u.areas.map((a) => ({ id: a.id, name: a.name })),
    contactName: u.contactName,
    contactMobile: u.contactMobile,
    orgId: u.orgId,
    orgName: u.orgName ?? null,
  };
}

export const INDEXES: Record<string, IndexSpec[]> = {
  units: [
    // Units covering an order: an $or of one lookup per node above its building.
    { fields: [['areaPaths', 1]], multikey: 'areaPaths' },
    // The units of a scope, by name (the 单位 list of a community or street).
    {
      fields: [
        ['scopePath', 1],
        ['name', 1],
      ],
    },
    // The effects drain: creating and editing a unit carry their audit.
    { fields: [['fxAt', 1]] },
  ],
};
