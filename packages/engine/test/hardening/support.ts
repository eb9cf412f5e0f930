/**
 * Shared machinery of the hardening suites: parsing through @bridgekit/parser
 * (loaded through a variable specifier so the engine's typecheck never needs
 * the parser), the shape of a table row, running a row and turning its result
 * into one comparable outcome, and checks that every run must pass whatever
 * its table says (no prototype pollution, no function in output, plain
 * prototypes throughout `data`, no unhandled rejection).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { BridgeDocument } from "../../src/ast/index.js";
import { createEngine, executeBridge } from "../../src/index.js";
import type { ExecuteBridgeOptions, ExecuteResult, Limits, ToolFn, ToolMap, ToolMetadata } from "../../src/types.js";

interface ParserModule {
  parseBridge(source: string, options?: { filename?: string }): BridgeDocument;
}

const PARSER = "@bridgekit/parser";
const parser = (await import(/* @vite-ignore */ PARSER)) as ParserModule;

export function parse(source: string): BridgeDocument {
  return parser.parseBridge(source);
}

export type ErrorClass =
  | "BridgeRuntimeError"
  | "BridgePanicError"
  | "BridgeAbortError"
  | "BridgeTimeoutError"
  | "BridgeLimitError"
  | "BridgeSyntaxError"
  | "Error"
  | "TypeError";

/** The exact expected error: class name, message, and optionally more facts. */
export interface ExpectedError {
  class: ErrorClass;
  message: string;
  /** For BridgeLimitError: the limit named and its value. */
  limit?: { name: keyof Limits; value: number };
  /** Class name of `err.cause`, when the case pins it. */
  cause?: string;
  /** `err.loc` (1-based, inclusive). */
  loc?: { startLine: number; startColumn: number; endLine: number; endColumn: number };
}

export type Expected = { data: unknown } | { error: ExpectedError };

/** What a case's `check` hook receives. */
export interface CaseRun {
  result?: ExecuteResult;
  error?: unknown;
  /** Values the case's factories built (input, context, tools), for identity checks. */
  built: Built;
}

export interface Built {
  input?: Record<string, unknown>;
  context?: Record<string, unknown>;
  tools: ToolMap;
  /** Free-form state the factories share with `check` (counters, captured signals). */
  state: Record<string, unknown>;
}

/** One row of a hardening table. */
export interface HardeningCase {
  name: string;
  /** Bridge text; the operation defaults to `Query.run`. */
  source: string;
  operation?: string;
  /** Factories: hostile values (cycles, getters, huge arrays) cannot be literals. */
  input?: (state: Record<string, unknown>) => Record<string, unknown>;
  context?: (state: Record<string, unknown>) => Record<string, unknown>;
  tools?: (state: Record<string, unknown>) => ToolMap;
  options?: Partial<Pick<ExecuteBridgeOptions, "trace" | "toolTimeoutMs" | "maxDepth" | "limits" | "requestedFields" | "logger">> & {
    /** Abort the execution after this many ms; 0 aborts the signal before the execution starts. */
    abortAfterMs?: number;
    /** Run through createEngine().prepare().execute() instead of executeBridge. */
    engine?: boolean;
  };
  expect: Expected;
  /** Extra assertions on the run (identity, signals, traces). */
  check?: (run: CaseRun) => void | Promise<void>;
  /** Per-case test timeout in ms (vitest). */
  timeoutMs?: number;
}

/** A tool with optional `.bridge` metadata. */
export function tool(fn: (input: any, ctx: any) => unknown, meta?: ToolMetadata): ToolFn {
  const f = fn as ToolFn;
  if (meta) f.bridge = meta;
  return f;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** JSON.parse so `__proto__` is an own data key, as it is in real request bodies. */
export function json<T = Record<string, unknown>>(text: string): T {
  return JSON.parse(text) as T;
}

/** Runs one case and returns its raw result or rejection. */
export async function runCase(c: HardeningCase): Promise<CaseRun> {
  const state: Record<string, unknown> = {};
  const built: Built = {
    input: c.input?.(state),
    context: c.context?.(state),
    tools: c.tools?.(state) ?? {},
    state,
  };
  const { abortAfterMs, engine, ...options } = c.options ?? {};
  const controller = abortAfterMs === undefined ? undefined : new AbortController();
  if (abortAfterMs === 0) controller!.abort();
  const timer = controller === undefined || abortAfterMs === 0 ? undefined : setTimeout(() => controller.abort(), abortAfterMs);
  try {
    const document = parse(c.source);
    const operation = c.operation ?? "Query.run";
    const result = engine
      ? await createEngine({ tools: built.tools, ...options })
          .prepare(document)
          .execute({ operation, input: built.input, context: built.context, signal: controller?.signal, requestedFields: options.requestedFields })
      : await executeBridge({
          document,
          operation,
          input: built.input,
          context: built.context,
          tools: built.tools,
          signal: controller?.signal,
          ...options,
        });
    return { result, built };
  } catch (error) {
    return { error, built };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

/** Class name of a thrown value, as the tables write it. */
export function className(err: unknown): string {
  if (err instanceof Error) return err.constructor.name;
  return err === null ? "null" : typeof err;
}

/** Rejections nobody handled, in the order Node reported them (process-wide). */
const unhandled: unknown[] = [];
process.on("unhandledRejection", (reason) => {
  unhandled.push(reason);
});

/** The rejections nobody handled since the last call, as `Class: message`. */
export function takeUnhandled(): string[] {
  return unhandled.splice(0).map((e) => (e instanceof Error ? `${className(e)}: ${e.message}` : String(e)));
}

/** Asserts a run against its expectation, then the invariants every run must keep. */
export async function assertCase(c: HardeningCase): Promise<void> {
  takeUnhandled();
  const run = await runCase(c);
  if ("data" in c.expect) {
    if (run.error !== undefined) {
      throw new Error(`expected data, got ${className(run.error)}: ${(run.error as Error).message}`, { cause: run.error });
    }
    expect(run.result!.data).toEqual(c.expect.data);
    assertPlainData(run.result!.data);
  } else {
    const want = c.expect.error;
    if (run.error === undefined) {
      throw new Error(`expected ${want.class}: ${want.message}, got data ${safeJson(run.result!.data)}`);
    }
    const err = run.error as Error & { limit?: string; value?: number; loc?: unknown; cause?: unknown };
    expect({ class: className(err), message: err.message }).toEqual({ class: want.class, message: want.message });
    if (want.limit) expect({ limit: err.limit, value: err.value }).toEqual({ limit: want.limit.name, value: want.limit.value });
    if (want.cause !== undefined) expect(className(err.cause)).toBe(want.cause);
    if (want.loc) expect(err.loc).toEqual(want.loc);
  }
  assertNoPollution();
  await c.check?.(run);
  // Node reports unhandled rejections after the microtasks that could still handle them.
  await sleep(0);
  expect(takeUnhandled(), "unhandled rejections").toEqual([]);
}

/** Object.prototype and Array.prototype were not written through. */
export function assertNoPollution(): void {
  const probe = {} as Record<string, unknown>;
  for (const key of ["polluted", "isAdmin", "x", "a", "hacked"]) {
    expect(probe[key], `Object.prototype.${key}`).toBeUndefined();
    expect(([] as unknown as Record<string, unknown>)[key], `Array.prototype.${key}`).toBeUndefined();
  }
}

/**
 * Every object in `data` has Object.prototype (arrays Array.prototype) and no
 * value is a function (D-1, D-2). Iterative, so 10,000-level values are fine;
 * very long arrays are sampled (first 1,000 items).
 */
export function assertPlainData(data: unknown): void {
  const seen = new Set<object>();
  const stack: [unknown, string][] = [[data, "data"]];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value === "function") throw new Error(`function in output at ${path}`);
    if (value === null || typeof value !== "object" || seen.has(value)) continue;
    seen.add(value);
    const proto = Object.getPrototypeOf(value) as unknown;
    const want = Array.isArray(value) ? Array.prototype : Object.prototype;
    if (proto !== want) throw new Error(`non-plain prototype at ${path.length > 200 ? `${path.slice(0, 200)}…` : path}`);
    const keys = Object.keys(value);
    for (let k = 0; k < Math.min(keys.length, 1000); k++) {
      const key = keys[k]!;
      stack.push([(value as Record<string, unknown>)[key], `${path}.${key}`]);
    }
  }
}

export function safeJson(v: unknown): string {
  try {
    const s = JSON.stringify(v);
    return s === undefined ? String(v) : s.length > 200 ? `${s.slice(0, 200)}…` : s;
  } catch {
    return "[unserialisable]";
  }
}

/** Names of cases that are expected to fail, with the reason (known-failures.json). */
export interface KnownFailure {
  suite: string;
  case: string;
  reason: string;
}

const KNOWN_FAILURES = JSON.parse(
  readFileSync(fileURLToPath(new URL("./known-failures.json", import.meta.url)), "utf8"),
) as KnownFailure[];

/** Known failures of one suite, by case name. */
export function knownFailures(suite: string): Map<string, string> {
  return new Map(KNOWN_FAILURES.filter((k) => k.suite === suite).map((k) => [k.case, k.reason]));
}

/**
 * Declares one `describe` per group and one test per row. Rows listed in
 * known-failures.json run with `it.fails` (so they start failing the suite
 * the day the engine is fixed and the entry is stale); a listed name that
 * matches no row fails too.
 */
export function defineSuite(suite: string, groups: Record<string, HardeningCase[]>, defaultTimeoutMs = 20_000): void {
  const known = knownFailures(suite);
  const names = new Set<string>();
  for (const [group, cases] of Object.entries(groups)) {
    describe(group, () => {
      for (const c of cases) {
        if (names.has(c.name)) throw new Error(`duplicate case name: ${c.name}`);
        names.add(c.name);
        const reason = known.get(c.name);
        const timeout = c.timeoutMs ?? defaultTimeoutMs;
        if (reason === undefined) it(c.name, { timeout }, () => assertCase(c));
        else it.fails(`${c.name} [known failure: ${reason}]`, { timeout }, () => assertCase(c));
      }
    });
  }
  it("known-failures.json names only existing cases of this suite", () => {
    expect([...known.keys()].filter((name) => !names.has(name))).toEqual([]);
  });
}
