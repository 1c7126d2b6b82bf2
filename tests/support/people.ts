/** The seeded demo people and nodes, by the part they play in authorisation tests. */
import { STREET_ID, buildingId, communityId, gridId } from '../../local/seed';

export const C1 = '310107102008'; // 梅川第一居委会
export const C2 = '310107102009'; // 梅川第二居委会

export const NODES = {
  street: STREET_ID,
  community1: communityId(C1),
  community2: communityId(C2),
  grid1: gridId(C1, 1),
  grid2: gridId(C1, 2),
  building1: buildingId(C1, 1, 1),
  buildingOther: buildingId(C2, 1, 1),
};

export const PEOPLE = {
  resident: 'u-resident',
  otherResident: 'u-resident2',
  member: 'u-member',
  memberOutOfScope: 'u-member2',
  gridWorker: 'u-gridworker',
  gridLeader: 'u-gridleader',
  staff: 'u-staff',
  otherStaff: 'u-staff2',
  street: 'u-street',
} as const;

export type PersonKey = keyof typeof PEOPLE;
