/** Local development sign-in (h5 + local gateway only): list demo people, sign in as one. */
import { unwrap } from './envelope';
import { requestJson } from './http';

export interface DemoPerson {
  id: string;
  name: string;
  roleName: string;
  trail: string;
}

export interface DevSession {
  token: string;
  expiresAt: number;
}

export async function listDemoPeople(): Promise<DemoPerson[]> {
  const data = unwrap(await requestJson('GET', '/api/dev/people')) as { people: DemoPerson[] };
  return data.people;
}

export async function devSignIn(userId: string): Promise<DevSession> {
  return unwrap(await requestJson('POST', '/api/dev/signin', { userId })) as DevSession;
}
