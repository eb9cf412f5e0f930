/**
 * Engine properties over random VALID documents (the parser's generator,
 * parser/test/support/arbitrary-document.ts) with random inputs, contexts and
 * random tools (sync or async, or a random mix of both, returning or
 * throwing, plain or batched):
 *
 * 1. an execution never rejects with anything but a Bridge error
 *    (BridgeRuntimeError, BridgePanicError, BridgeAbortError,
 *    BridgeTimeoutError, BridgeLimitError) or std's HttpError, even under
 *    tiny timeouts, aborts and limits; Object.prototype is never written and
 *    `data` holds only plain objects;
 *    and no promise the engine abandons rejects unhandled (checked after
 *    every tool call has settled);
 * 2. the same document and tools give the same outcome (and the same data)
 *    with every tool synchronous as with every tool asynchronous (random
 *    delays) or with a random mix of both, and through
 *    createEngine().prepare().execute() as through executeBridge.
 *
 * Sized for CI; `BRIDGE_PROP_SCALE=10` multiplies the runs (nightly), a
 * fraction shrinks them (mutation runs use 0.1).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateDocument } from "../../../parser/test/support/arbitrary-document.js";
import type { BridgeBlock, BridgeDocument } from "../../src/ast/index.js";
import {
  BridgeAbortError,
  BridgeLimitError,
  BridgePanicError,
  BridgeRuntimeError,
  BridgeTimeoutError,
  createEngine,
  executeBridge,
} from "../../src/index.js";
import type { ExecuteResult, Limits, ToolFn, ToolMap } from "../../src/types.js";
import { HttpError } from "@bridgekit/std";
import { assertNoPollution, assertPlainData, className, parse, takeUnhandled } from "./support.js";

const SCALE = Number(process.env["BRIDGE_PROP_SCALE"]) > 0 ? Number(process.env["BRIDGE_PROP_SCALE"]) : 1;
const runs = (n: number) => Math.round(n * SCALE);

/** The path segments and tool names the generator uses (kept in sync by reading its output, not its internals). */
const SEGMENTS = ["a", "b", "name", "title", "x-id", "items", "from", "input", "on", "not", "true", "list", "User_Agent", "v2"];
const USER_TOOLS = ["api.fetch", "geo.lookup", "echo", "catalog.byIsbn"];

/** JSON-ish values whose keys are the generator's segments, so generated paths hit data. */
const value: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom(null, true, false, 0, 1, -2.5, "", "x", "hello", "42", "true"),
    fc.integer(),
    fc.string({ maxLength: 8 }),
    fc.array(tie("v"), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...SEGMENTS), tie("v"), { maxKeys: 4, noNullPrototype: true }),
  ),
})).v;

const record = fc.dictionary(fc.constantFrom(...SEGMENTS), value, { maxKeys: 6, noNullPrototype: true });

type Outcome = "echo" | "value" | "merge" | "throw" | "throwString" | "undefined";

interface ToolPlan {
  outcome: Outcome;
  value: unknown;
  batch: boolean;
  /** Async delay in ms (0 = next microtask). */
  delay: number;
  /** In "mixed" mode: this tool is synchronous. */
  sync: boolean;
}

const toolPlan: fc.Arbitrary<ToolPlan> = fc.record({
  outcome: fc.constantFrom<Outcome>("echo", "value", "merge", "throw", "throwString", "undefined"),
  value,
  batch: fc.boolean(),
  delay: fc.constantFrom(0, 0, 1, 3),
  sync: fc.boolean(),
});

/** The deterministic behaviour of a plan: same input, same result, in every mode. */
function behave(plan: ToolPlan, input: unknown): unknown {
  switch (plan.outcome) {
    case "echo":
      return input;
    case "value":
      return structuredClone(plan.value);
    case "merge":
      return { ...(input as object), v2: structuredClone(plan.value) };
    case "throw":
      throw new Error(`tool failed: ${JSON.stringify(plan.value) ?? "undefined"}`);
    case "throwString":
      throw "string failure";
    case "undefined":
      return undefined;
  }
}

/** Every tool sync, every tool async, or each tool as its plan says (sync failures next to running async calls). */
type Mode = "sync" | "async" | "mixed";

const wait = (ms: number): Promise<void> =>
  ms === 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));

/** Every async tool call's promise, so a run can wait until all of them have settled. */
const started: Promise<unknown>[] = [];

function track<A>(fn: (arg: A) => Promise<unknown>): (arg: A) => Promise<unknown> {
  return (arg: A) => {
    const p = fn(arg);
    started.push(p);
    return p;
  };
}

/** Waits for every tool call started so far, then one macrotask, and fails if any rejection went unhandled meanwhile. */
async function assertNothingUnhandled(context: string): Promise<void> {
  while (started.length > 0) await Promise.allSettled(started.splice(0));
  await new Promise((resolve) => setTimeout(resolve, 0));
  const reasons = takeUnhandled();
  if (reasons.length > 0) throw new Error(`${context}: unhandled rejection: ${reasons.join("; ")}`);
}

/** A tool map for the plans: every function is sync or async per `mode`; costs are pinned so overdefinition order is the same. */
function buildTools(plans: Record<string, ToolPlan>, mode: Mode): ToolMap {
  const tools: Record<string, ToolFn> = {};
  for (const name of USER_TOOLS) {
    const plan = plans[name]!;
    const sync = mode === "mixed" ? plan.sync : mode === "sync";
    let fn: ToolFn;
    if (plan.batch) {
      fn =
        sync
          ? (inputs: unknown[]) => inputs.map((input) => tryBehave(plan, input))
          : track(async (inputs: unknown[]) => {
              await wait(plan.delay);
              return inputs.map((input) => tryBehave(plan, input));
            });
      fn.bridge = { batch: true, cost: 2 };
    } else {
      fn =
        sync
          ? (input: unknown) => behave(plan, input)
          : track(async (input: unknown) => {
              await wait(plan.delay);
              return behave(plan, input);
            });
      fn.bridge = sync ? { sync: true, cost: 2 } : { cost: 2 };
    }
    tools[name] = fn;
  }
  return tools;
}

/** Batch items fail one by one: an Error at index k fails only item k (R-BATCH-4). */
function tryBehave(plan: ToolPlan, input: unknown): unknown {
  try {
    return behave(plan, input);
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}

function operations(doc: BridgeDocument): string[] {
  return doc.blocks.filter((b): b is BridgeBlock => b.kind === "Bridge").map((b) => `${b.type}.${b.field}`);
}

const BRIDGE_ERRORS = [BridgeRuntimeError, BridgePanicError, BridgeAbortError, BridgeTimeoutError, BridgeLimitError, HttpError];

function assertBridgeError(err: unknown, context: string): void {
  if (!BRIDGE_ERRORS.some((cls) => err instanceof cls)) {
    throw new Error(`${context}: rejected with ${className(err)}: ${err instanceof Error ? err.stack : String(err)}`);
  }
}

type Result = { ok: true; data: unknown } | { ok: false; error: unknown };

async function settle(p: () => Promise<ExecuteResult>): Promise<Result> {
  try {
    return { ok: true, data: (await p()).data };
  } catch (error) {
    return { ok: false, error };
  }
}

const scenario = fc.record({
  seed: fc.integer(),
  size: fc.integer({ min: 1, max: 5 }),
  messy: fc.boolean(),
  input: record,
  context: record,
  plans: fc.record(Object.fromEntries(USER_TOOLS.map((name) => [name, toolPlan])) as Record<string, fc.Arbitrary<ToolPlan>>),
  pick: fc.nat(),
});

interface Prepared {
  doc: BridgeDocument;
  operation: string;
  source: string;
}

/** Parses the generated text; documents without a bridge are skipped. */
function prepareScenario(s: { seed: number; size: number; messy: boolean; pick: number }): Prepared | null {
  const source = generateDocument(s.seed, { size: s.size, messy: s.messy });
  const doc = parse(source);
  const ops = operations(doc);
  if (ops.length === 0) return null;
  return { doc, operation: ops[s.pick % ops.length]!, source };
}

const hostile = fc.record({
  mode: fc.constantFrom<Mode>("sync", "async", "async", "mixed"),
  toolTimeoutMs: fc.constantFrom(undefined, 1, 2, 5),
  abortAfterMs: fc.constantFrom(undefined, undefined, 0, 1, 2),
  limits: fc.option(
    fc.record(
      {
        maxDepth: fc.integer({ min: 1, max: 3 }),
        maxArrayLength: fc.integer({ min: 1, max: 3 }),
        maxToolCalls: fc.integer({ min: 1, max: 4 }),
        maxOutputElements: fc.integer({ min: 1, max: 5 }),
      },
      { requiredKeys: [] },
    ),
    { nil: undefined },
  ),
  trace: fc.constantFrom<"off" | "basic" | "full">("off", "basic", "full"),
});

describe("engine properties over random valid documents", () => {
  it(`never rejects with anything but a Bridge error (${runs(1000)} runs)`, { timeout: 60_000 * SCALE }, async () => {
    await fc.assert(
      fc.asyncProperty(scenario, hostile, async (s, h) => {
        const p = prepareScenario(s);
        if (p === null) return;
        const controller = h.abortAfterMs === undefined ? undefined : new AbortController();
        if (h.abortAfterMs === 0) controller!.abort();
        const timer = h.abortAfterMs ? setTimeout(() => controller!.abort(), h.abortAfterMs) : undefined;
        try {
          const r = await settle(() =>
            executeBridge({
              document: p.doc,
              operation: p.operation,
              input: s.input,
              context: s.context,
              tools: buildTools(s.plans, h.mode),
              toolTimeoutMs: h.toolTimeoutMs,
              limits: h.limits as Partial<Limits> | undefined,
              trace: h.trace,
              signal: controller?.signal,
            }),
          );
          if (r.ok) assertPlainData(r.data);
          else assertBridgeError(r.error, `${p.operation} of\n${p.source}`);
          assertNoPollution();
          await assertNothingUnhandled(`${p.operation} of\n${p.source}`);
        } finally {
          if (timer !== undefined) clearTimeout(timer);
        }
      }),
      { numRuns: runs(1000) },
    );
  });

  it(`gives the same outcome with sync and async tools, and through createEngine (${runs(500)} runs)`, { timeout: 60_000 * SCALE }, async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const p = prepareScenario(s);
        if (p === null) return;
        const options = { operation: p.operation, input: s.input, context: s.context };
        const syncTools = buildTools(s.plans, "sync");
        const sync = await settle(() => executeBridge({ document: p.doc, tools: syncTools, ...options }));
        const async = await settle(() => executeBridge({ document: p.doc, tools: buildTools(s.plans, "async"), ...options }));
        const engine = await settle(() => createEngine({ tools: syncTools }).prepare(p.doc).execute(options));
        const mixed = await settle(() => executeBridge({ document: p.doc, tools: buildTools(s.plans, "mixed"), ...options }));
        for (const r of [sync, async, engine, mixed]) if (!r.ok) assertBridgeError(r.error, `${p.operation} of\n${p.source}`);
        await assertNothingUnhandled(`${p.operation} of\n${p.source}`);
        const summary = (r: Result) => (r.ok ? { ok: true, data: r.data } : { ok: false });
        const context = `${p.operation} of\n${p.source}\ninput ${JSON.stringify(s.input)}\nsync: ${describeResult(sync)}\nasync: ${describeResult(async)}`;
        if (!raced(sync, async)) expect(summary(async), context).toEqual(summary(sync));
        expect(summary(engine), `createEngine vs executeBridge\n${context}`).toEqual(summary(sync));
        if (!raced(sync, mixed)) expect(summary(mixed), `mixed sync and async tools\n${context}\nmixed: ${describeResult(mixed)}`).toEqual(summary(sync));
      }),
      { numRuns: runs(500) },
    );
  });
});

/**
 * With sync tools every concurrent sibling (operands, placeholders, inputs,
 * fields, elements, forces) starts before anything settles, so a fatal error
 * among them always wins (R-EXEC-4). With async tools a sibling's ordinary
 * failure can settle first and decide the outcome (R-EXEC-5: the first
 * failure in time), so the async run may miss a panic the sync run raises.
 * Only that direction is a race; an async panic the sync run misses is a bug.
 */
function raced(sync: Result, other: Result): boolean {
  return !sync.ok && sync.error instanceof BridgePanicError && !(!other.ok && other.error instanceof BridgePanicError);
}

function describeResult(r: Result): string {
  if (r.ok) return `data ${JSON.stringify(r.data)}`;
  return `${className(r.error)}: ${(r.error as Error).message}`;
}

