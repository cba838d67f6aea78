import { useCallback, useEffect, useState } from "react";

const PREFIX = "recourse.draft.";

/** Where drafts live: the browser's localStorage (a test passes its own). */
type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** The text kept for this key, else the initial value (nothing typed for it on this computer). */
export function readDraft(key: string, initial = "", storage: DraftStorage = localStorage): string {
  return storage.getItem(PREFIX + key) ?? initial;
}

/** Keeps what was typed; an empty text is kept too (the specialist cleared it), unlike a draft never typed. */
export function writeDraft(key: string, value: string, storage: DraftStorage = localStorage): void {
  storage.setItem(PREFIX + key, value);
}

export function dropDraft(key: string, storage: DraftStorage = localStorage): void {
  storage.removeItem(PREFIX + key);
}

/**
 * A text the specialist types, kept in this browser's localStorage as they type, so a reload, an expired sign-in or a
 * refused request loses nothing. Cleared only once the server has what it held.
 */
export function useDraft(key: string, initial = ""): [string, (value: string) => void, () => void] {
  const [value, setValue] = useState<string>(() => readDraft(key, initial));

  useEffect(() => {
    setValue(readDraft(key, initial));
    // the initial value only counts when nothing was typed for this key, so only a new key reloads it
  }, [key]);

  const update = useCallback(
    (next: string) => {
      setValue(next);
      writeDraft(key, next);
    },
    [key],
  );
  const clear = useCallback(() => {
    dropDraft(key);
    setValue(initial);
  }, [key, initial]);
  return [value, update, clear];
}

/** Whether anything is kept for this key (a draft not yet sent). */
export function hasDraft(key: string): boolean {
  return localStorage.getItem(PREFIX + key) !== null;
}
