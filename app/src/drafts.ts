import { useCallback, useEffect, useState } from "react";

const PREFIX = "recourse.draft.";

/**
 * A text the specialist types, kept in this browser's localStorage as they type, so a reload, an expired sign-in or a
 * refused request loses nothing. Cleared only once the server has what it held.
 */
export function useDraft(key: string, initial = ""): [string, (value: string) => void, () => void] {
  const storageKey = PREFIX + key;
  const [value, setValue] = useState<string>(() => localStorage.getItem(storageKey) ?? initial);

  useEffect(() => {
    setValue(localStorage.getItem(storageKey) ?? initial);
    // the initial value only counts when nothing was typed for this key, so only a new key reloads it
  }, [storageKey]);

  const update = useCallback(
    (next: string) => {
      setValue(next);
      localStorage.setItem(storageKey, next);
    },
    [storageKey],
  );
  const clear = useCallback(() => {
    localStorage.removeItem(storageKey);
    setValue(initial);
  }, [storageKey, initial]);
  return [value, update, clear];
}

/** Whether anything is kept for this key (a draft not yet sent). */
export function hasDraft(key: string): boolean {
  return localStorage.getItem(PREFIX + key) !== null;
}
