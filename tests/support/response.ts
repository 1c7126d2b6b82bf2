/** People the 一键响应 and 民情日记 tests add beside the seed: more members, a grid worker of another grid. */
import type { Role } from '../../shared/users/roles';
import type { UserDoc } from '../../backend/users/repo';
import { roleFields } from '../../backend/users/repo';
import type { Area } from '../../shared/areas/model';
import type { TestServer } from './server';

/** Adds a person holding `role` on `areaId` and living in `homeId`; demo people can sign in on the dev page. */
export async function addPerson(s: TestServer, p: { id: string; name: string; role: Role; areaId: string; homeId: string; demo?: boolean }): Promise<void> {
  const nodes = s.store.collection<Area>('areas');
  const [grantNode, home] = await Promise.all([nodes.get(p.areaId), nodes.get(p.homeId)]);
  if (!grantNode || !home) throw new Error(`unknown node ${p.areaId} or ${p.homeId}`);
  const doc: UserDoc = {
    _id: p.id,
    name: p.name,
    mobile: '13900009999',
    homeAreaId: home._id,
    homePath: home.path,
    ...roleFields([{ role: p.role, areaId: grantNode._id, areaPath: grantNode.path, grantedBy: 'test', grantedAt: 0 }]),
    skills: [],
    rev: 0,
    createdAt: 0,
    ...(p.demo ? { demo: true, demoOrder: 50, demoRoleName: p.role === 'member' ? '在职党员' : p.role, demoTrail: '' } : {}),
  };
  await s.store.collection<UserDoc>('users').insertIfAbsent(doc);
}

export const HOUR = 3600_000;
