/**
 * In-flight coalescing (S-4): identical cacheable requests started while
 * one is running share its result. The shared request has its own abort
 * controller; each caller can stop waiting when its own signal aborts, and
 * the request itself is aborted only when every caller has given up.
 */

interface Shared {
  promise: Promise<unknown>;
  controller: AbortController;
  waiters: number;
}

export class InflightRequests {
  private readonly running = new Map<string, Shared>();

  /** Runs `task` once per `key` at a time; every caller waits for the shared result. */
  run(key: string, signal: AbortSignal | undefined, task: (signal: AbortSignal) => Promise<unknown>): Promise<unknown> {
    let shared = this.running.get(key);
    if (!shared) {
      const controller = new AbortController();
      const entry: Shared = { controller, waiters: 0, promise: Promise.resolve() };
      entry.promise = task(controller.signal).finally(() => {
        if (this.running.get(key) === entry) this.running.delete(key);
      });
      // Callers that gave up no longer listen; keep the rejection handled.
      entry.promise.catch(() => undefined);
      this.running.set(key, entry);
      shared = entry;
    }
    shared.waiters++;
    return this.wait(key, shared, signal);
  }

  private wait(key: string, shared: Shared, signal: AbortSignal | undefined): Promise<unknown> {
    if (!signal) return shared.promise;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.leave(key, shared, signal.reason);
        reject(signal.reason);
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener("abort", onAbort, { once: true });
      shared.promise.then(
        (value) => {
          signal.removeEventListener("abort", onAbort);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener("abort", onAbort);
          reject(error);
        },
      );
    });
  }

  private leave(key: string, shared: Shared, reason: unknown): void {
    shared.waiters--;
    if (shared.waiters > 0) return;
    if (this.running.get(key) === shared) this.running.delete(key);
    shared.controller.abort(reason);
  }
}
