/**
 * Form drafts kept on the device (新点单, 许个心愿): what was typed survives a dropped connection, a page left half
 * way or a lapsed session, and comes back on return. A draft carries the request key of its submission, so 提交
 * after a lost answer is the same write to the server (api/keyed.ts), never a second order. Drafts belong to the
 * person who typed them: another account on the same device never sees them.
 */
import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { newRequestKey } from '../api/keyed';

const PREFIX = 'wg_draft:';
const CONTACT_KEY = 'wg_last_contact';
/** A week: an older draft is more likely a mistake than a plan. */
const KEEP_MS = 7 * 24 * 3600_000;

interface Stored<T> {
  owner: string;
  savedAt: number;
  requestKey: string;
  fields: T;
}

function read<T>(key: string): Stored<T> | null {
  const raw: unknown = Taro.getStorageSync(key);
  if (typeof raw !== 'string' || raw === '') return null;
  try {
    return JSON.parse(raw) as Stored<T>;
  } catch {
    return null;
  }
}

export interface DraftState<T> {
  /** Whose draft this is, once `open` was called. */
  owner: string | null;
  /** The key to send with this submission: the restored draft's, or a fresh one. */
  requestKey: string;
  /** A draft was found and handed back by `open`. */
  restored: boolean;
  /** Once the person is known: their kept draft of this form, if any, for the page to put back. Saving starts here. */
  open: (owner: string) => T | null;
  /** After a successful submission: the draft is gone, nothing more is saved, and a next submission gets a new key. */
  clear: () => void;
}

/** Keeps `fields` of form `form` on the device from `open` on, unless `isEmpty(fields)`; nothing is read or written before. */
export function useDraft<T>(form: string, fields: T, isEmpty: (fields: T) => boolean): DraftState<T> {
  const key = `${PREFIX}${form}`;
  const [owner, setOwner] = useState<string | null>(null);
  const [requestKey, setRequestKey] = useState(newRequestKey);
  const [restored, setRestored] = useState(false);

  const open = useCallback(
    (who: string): T | null => {
      const kept = read<T>(key);
      const mine = kept && kept.owner === who && Date.now() - kept.savedAt < KEEP_MS ? kept : null;
      if (mine) {
        setRequestKey(mine.requestKey);
        setRestored(true);
      }
      setOwner(who);
      return mine?.fields ?? null;
    },
    [key],
  );

  // Saved on change of content, not of identity: pages build `fields` afresh on every render.
  const text = JSON.stringify(fields);
  const empty = isEmpty(fields);
  useEffect(() => {
    if (!owner) return;
    if (empty) Taro.removeStorageSync(key);
    else Taro.setStorageSync(key, JSON.stringify({ owner, savedAt: Date.now(), requestKey, fields: JSON.parse(text) as T } satisfies Stored<T>));
  }, [key, owner, text, empty, requestKey]);

  const clear = () => {
    Taro.removeStorageSync(key);
    // Saving stops: the page is leaving, and what it still shows was sent.
    setOwner(null);
    setRequestKey(newRequestKey());
    setRestored(false);
  };
  return { owner, requestKey, restored, open, clear };
}

export interface Contact {
  name: string;
  mobile: string;
}

/** The contact of `owner`'s last order filed on this device, to prefill the next one. */
export function lastContact(owner: string): Contact | null {
  const kept = read<Contact>(CONTACT_KEY);
  return kept && kept.owner === owner ? kept.fields : null;
}

export function rememberContact(owner: string, contact: Contact): void {
  Taro.setStorageSync(CONTACT_KEY, JSON.stringify({ owner, savedAt: Date.now(), requestKey: '', fields: contact } satisfies Stored<Contact>));
}
