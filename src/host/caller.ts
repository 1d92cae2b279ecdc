/**
 * Who a request came from, as far as a host handler needs to know: a WebSocket client in browser
 * mode. What a caller started and left unfinished (an upload) is let go when it goes away.
 */
export interface Caller {
  /** Runs `listener` once when the caller is gone; the returned function cancels that. */
  onGone(listener: () => void): () => void;
}

/** A caller and the function its host calls when it is gone (its socket closed). */
export function callerScope(): { caller: Caller; end(): void } {
  const listeners = new Set<() => void>();
  let ended = false;
  return {
    caller: {
      onGone(listener) {
        if (ended) {
          queueMicrotask(listener);
          return () => {};
        }
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    end() {
      ended = true;
      const waiting = [...listeners];
      listeners.clear();
      for (const listener of waiting) listener();
    },
  };
}
