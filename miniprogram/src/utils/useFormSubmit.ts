/** A page form's submit (新点单, 许个心愿): busy flag, the last error for its fields, and a toast pointing at them when it failed. */
import { useState } from 'react';
import { toastFormError } from './toastFormError';

export function useFormSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  /** Runs `work` once at a time; it navigates away itself when it succeeds. */
  const submit = async (work: () => Promise<unknown>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e);
      toastFormError(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, submit };
}
