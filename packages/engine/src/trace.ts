/**
 * Per-execution trace collector. Created only when tracing is on, so the
 * default level "off" costs one null check per call. Entries are appended
 * when calls finish, also after the execution has returned (a fire-and-forget
 * force that fails right after the output is ready is still traced); at level "full" the input is stored as a bounded copy so
 * a huge input cannot blow up the trace.
 */
import type { ToolTrace, TraceLevel } from "./types.js";

const MAX_STRING = 1024;
const MAX_ITEMS = 100;
const MAX_DEPTH = 5;

export class TraceCollector {
  readonly full: boolean;
  readonly traces: ToolTrace[] = [];
  private readonly origin: number;

  constructor(level: Exclude<TraceLevel, "off">) {
    this.full = level === "full";
    this.origin = performance.now();
  }

  /** Records one finished call; `start`/`end` are `performance.now()` readings. */
  add(tool: string, fn: string, start: number, end: number, input: unknown, output: unknown, error: string | undefined): void {
    const durationMs = end - start;
    const entry: ToolTrace = {
      tool,
      fn,
      durationMs,
      startedAt: Math.round((end - this.origin) * 100) / 100 - durationMs,
    };
    if (error !== undefined && error !== "") entry.error = error;
    if (this.full) {
      entry.input = boundedCopy(input, 0);
      if (error === undefined && output !== undefined) entry.output = output;
    }
    this.traces.push(entry);
  }
}

/** Creates the collector for a level, or null for "off". */
export function createTraceCollector(level: TraceLevel | undefined): TraceCollector | null {
  return level === "basic" || level === "full" ? new TraceCollector(level) : null;
}

/** A copy with long strings and arrays cut and deep nesting replaced. */
export function boundedCopy(value: unknown, depth: number): unknown {
  if (typeof value === "string") {
    return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}... (${value.length} chars)` : value;
  }
  if (value === null || typeof value !== "object") return value;
  if (depth > MAX_DEPTH) return "[depth limit]";
  if (Array.isArray(value)) {
    const n = Math.min(value.length, MAX_ITEMS);
    // Stryker disable next-line ArrayDeclaration: the loop below assigns every index 0..n-1, so a presized and an empty array end up identical (only an allocation hint).
    const out: unknown[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = boundedCopy(value[i], depth + 1);
    if (value.length > MAX_ITEMS) out.push(`... (${value.length} items)`);
    return out;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = boundedCopy((value as Record<string, unknown>)[key], depth + 1);
    if (key === "__proto__") Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
    else out[key] = v;
  }
  return out;
}
