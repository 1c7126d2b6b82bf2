/** One action popup's submit (order and wish detail): busy flag, the last error for its fields, and what to do when it worked or the record moved on. */
import { useState } from 'react';
import { isConflict } from './fieldErrors';

/** What every action popup is told by its detail page. */
export interface PopupCallbacks {
  /** The action worked: close, say `message`, reload the detail. */
  onDone: (message: string) => void;
  onClose: () => void;
  /** Someone else moved the record meanwhile: reload so the buttons match again. */
  onStale: () => void;
}

export function usePopupSubmit({ onDone, onStale }: Pick<PopupCallbacks, 'onDone' | 'onStale'>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (work: () => Promise<unknown>, message: string) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await work();
      onDone(message);
    } catch (e) {
      setError(e);
      if (isConflict(e)) onStale();
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, submit };
}
