/** One popup's submit: busy flag, the last error for its fields, and what to do when it worked or the wish moved on. */
import { useState } from 'react';
import { isConflict } from '../../../../orders/errors';

export interface PopupProps {
  wishId: string;
  onDone: (message: string) => void;
  onClose: () => void;
  /** Someone else moved the wish meanwhile: reload so the buttons match again. */
  onStale: () => void;
}

export function usePopupSubmit({ onDone, onStale }: Pick<PopupProps, 'onDone' | 'onStale'>) {
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
