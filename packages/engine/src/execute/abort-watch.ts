/**
 * One `abort` listener per caller signal, shared by every execution that
 * watches it. An app that passes one signal (say, its server's shutdown
 * signal) to thousands of concurrent executions would otherwise add a
 * listener per execution: a cost on every abort, and Node's
 * MaxListenersExceededWarning past ten.
 */
interface Watch {
  readonly callbacks: Set<() => void>;
  readonly listener: () => void;
}

const watches = new WeakMap<AbortSignal, Watch>();

/** Calls `callback` once when `signal` aborts; returns the function that stops watching. */
export function watchAbort(signal: AbortSignal, callback: () => void): () => void {
  let watch = watches.get(signal);
  if (watch === undefined) {
    const callbacks = new Set<() => void>();
    const listener = (): void => {
      watches.delete(signal);
      for (const cb of [...callbacks]) cb();
      callbacks.clear();
    };
    watch = { callbacks, listener };
    watches.set(signal, watch);
    signal.addEventListener("abort", listener, { once: true });
  }
  const w = watch;
  w.callbacks.add(callback);
  return () => {
    // After an abort the set is empty and the entry gone: nothing to release.
    if (!w.callbacks.delete(callback) || w.callbacks.size > 0) return;
    signal.removeEventListener("abort", w.listener);
    watches.delete(signal);
  };
}
