import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "./api";

export interface ActionState {
  running: boolean;
  /** what is happening now, in words */
  label: string;
  /** seconds since it started */
  elapsed: number;
  error?: ApiError;
}

/**
 * A long action (a pull from the EHR, a map, a letter, a submission): one at a time, with what it is doing and how
 * long it has taken, and the server's refusal kept for the screen to explain.
 */
export function useAction() {
  const [state, setState] = useState<ActionState>({ running: false, label: "", elapsed: 0 });
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => () => window.clearInterval(timer.current), []);

  const run = useCallback(async <T,>(label: string, work: () => Promise<T>): Promise<T | undefined> => {
    const started = Date.now();
    setState({ running: true, label, elapsed: 0 });
    window.clearInterval(timer.current);
    timer.current = window.setInterval(() => setState((now) => ({ ...now, elapsed: Math.round((Date.now() - started) / 1000) })), 1000);
    try {
      const result = await work();
      setState({ running: false, label: "", elapsed: 0 });
      return result;
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError(0, [{ severity: "error", text: String(error) }], "Try again.");
      setState({ running: false, label, elapsed: 0, error: failure });
      return undefined;
    } finally {
      window.clearInterval(timer.current);
    }
  }, []);

  const dismiss = useCallback(() => setState({ running: false, label: "", elapsed: 0 }), []);
  return { ...state, run, dismiss };
}
