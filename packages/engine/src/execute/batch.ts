/**
 * Batching for tools marked `.bridge.batch`. Calls of one function object in
 * one execution are queued and flushed in a microtask, so every call issued
 * in the same synchronous turn (all elements of a mapping, say) reaches the
 * function as one array. Chunks of at most `maxBatchSize` run one after
 * another through `invoke`, which records one trace/log/span per chunk and
 * applies the timeout per chunk. Results are then handed out per item, and
 * each item gets its own `on error` handling.
 */
import { BridgeAbortError } from "../errors.js";
import type { ToolFn } from "../types.js";
import { invoke, recover } from "./call-tool.js";
import type { RunState, ToolBinding } from "./call-tool.js";

interface BatchItem {
  binding: ToolBinding;
  input: unknown;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

export interface BatchQueue {
  items: BatchItem[];
}

/** Queues one call of a batched tool; the caller has already checked the abort signal. */
export function enqueueBatch(run: RunState, binding: ToolBinding, input: unknown): Promise<unknown> {
  const fn = binding.fn!;
  const batches = (run.batches ??= new Map<ToolFn, BatchQueue>());
  let queue = batches.get(fn);
  if (queue === undefined) {
    const created: BatchQueue = { items: [] };
    batches.set(fn, created);
    // Only this microtask removes the queue, so it is still the one set here.
    queueMicrotask(() => {
      batches.delete(fn);
      void flush(run, binding, created.items);
    });
    queue = created;
  }
  const items = queue.items;
  return new Promise((resolve, reject) => {
    items.push({ binding, input, resolve, reject });
  });
}

async function flush(run: RunState, binding: ToolBinding, items: BatchItem[]): Promise<void> {
  const size = binding.batch!.maxBatchSize;
  for (let start = 0; start < items.length; start += size) {
    const chunk = items.slice(start, start + size);
    if (run.signal?.aborted) {
      const err = new BridgeAbortError();
      for (const item of chunk) item.reject(err);
      continue;
    }
    let results: unknown[];
    try {
      const first = chunk[0]!;
      const inputs = chunk.map((item) => item.input);
      results = (await invoke(run, first.binding, inputs, chunk.length)) as unknown[];
    } catch (err) {
      for (const item of chunk) settle(run, item, err, true);
      continue;
    }
    for (let k = 0; k < chunk.length; k++) {
      const value = results[k];
      settle(run, chunk[k]!, value, value instanceof Error);
    }
  }
}

function settle(run: RunState, item: BatchItem, value: unknown, failed: boolean): void {
  if (!failed) {
    item.resolve(value);
    return;
  }
  try {
    item.resolve(recover(run, item.binding, value));
  } catch (err) {
    item.reject(err);
  }
}
