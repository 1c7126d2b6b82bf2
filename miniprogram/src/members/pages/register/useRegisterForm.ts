/** The 双报到 form's state: fields, the chosen home building (with its community), and the community's organisations. */
import { useEffect, useState } from 'react';
import type { AvailableTime } from '@shared/members/model';
import type { MineView, OrganisationView } from '@shared/members/schemas';
import type { Skill } from '@shared/users/roles';
import type { MeView } from '@shared/users/schemas';
import { api } from '../../../api';

export interface Home {
  id: string;
  trail: string;
  communityId: string;
}

export interface RegisterFields {
  name: string;
  mobile: string;
  partyOrg: string;
  workUnit: string;
  orgId: string | null;
  skills: Skill[];
  availableTimes: AvailableTime[];
}

const EMPTY: RegisterFields = { name: '', mobile: '', partyOrg: '', workUnit: '', orgId: null, skills: [], availableTimes: [] };
const NO_ORGS: OrganisationView[] = [];

/** "梅川第一居委会 / 第一网格 / 1号楼" and the community id, from one read of the building. */
export async function homeOf(buildingId: string): Promise<Home> {
  const { node, ancestors } = await api.areas.get({ id: buildingId });
  const trail = [...ancestors.filter((a) => a.level === 'community' || a.level === 'grid'), node].map((a) => a.name).join(' / ');
  // By level, not depth: the building may sit under a 微网格, the community under a 片区.
  return { id: node.id, trail, communityId: ancestors.find((a) => a.level === 'community')?.id ?? '' };
}

/** The form as it opens: a transfer starts from the current registration; a first registration from my profile. */
function prefill(loaded: { me: MeView; mine: MineView }): RegisterFields {
  const from = loaded.mine.active;
  if (from) {
    return { name: from.name, mobile: from.mobile ?? '', partyOrg: from.partyOrg, workUnit: from.workUnit, orgId: null, skills: from.skills, availableTimes: from.availableTimes };
  }
  return { ...EMPTY, name: loaded.me.name === '新居民' ? '' : loaded.me.name };
}

/**
 * `ready` turns true with the prefilled values in the same render: the page shows the inputs only then, so
 * they are created with their values. Changing an input's value right after it is created reaches Taro's
 * web Input before it has rendered, and its value watcher throws (reading `value` of its missing <input>).
 */
export function useRegisterForm(transfer: boolean, loaded: { me: MeView; mine: MineView } | null) {
  const [fields, setFields] = useState<RegisterFields>(EMPTY);
  const [prefilledFrom, setPrefilledFrom] = useState<typeof loaded>(null);
  const [home, setHome] = useState<Home | null>(null);
  const [orgList, setOrgList] = useState<{ communityId: string; items: OrganisationView[] } | null>(null);

  // Prefilled while rendering, so the render that shows the inputs already has the values.
  if (loaded && loaded !== prefilledFrom) {
    setPrefilledFrom(loaded);
    setFields(prefill(loaded));
  }
  const ready = prefilledFrom !== null;

  useEffect(() => {
    if (!loaded) return;
    const own = loaded.me.home[loaded.me.home.length - 1];
    if (!transfer && own?.level === 'building') homeOf(own.id).then(setHome, () => undefined);
  }, [loaded, transfer]);

  // The chosen home's community's organisations; none while they load or when the home changes community.
  const communityId = home?.communityId;
  useEffect(() => {
    if (!communityId) return;
    api.members.listOrganisations({ communityId, pageSize: 50 }).then(
      (p) => setOrgList({ communityId, items: p.items }),
      () => undefined,
    );
  }, [communityId]);
  const orgs = orgList && orgList.communityId === communityId ? orgList.items : NO_ORGS;

  const set = <K extends keyof RegisterFields>(key: K, value: RegisterFields[K]) => setFields((f) => ({ ...f, [key]: value }));
  const chooseHome = async (buildingId: string) => {
    const next = await homeOf(buildingId);
    if (next.communityId !== home?.communityId) set('orgId', null);
    setHome(next);
  };
  return { fields, ready, set, home, chooseHome, orgs };
}
