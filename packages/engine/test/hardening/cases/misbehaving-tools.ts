/**
 * Tools that break their contract: they hang, throw synchronously, return the
 * wrong type, settle twice, return a Promise while declared `sync`, return a
 * batch of the wrong length, mutate their input, or throw while being
 * aborted. Each row pins the exact outcome (R-EXEC-13, R-SYNC-1,
 * R-BATCH-4, R-TIMEOUT-*, R-ABORT-*, D-3, D-5, R-CONST-5), and some rows
 * check what the tool saw (its `ctx.signal`, how often it was called).
 */
import type { BridgeTimeoutError } from "../../../src/errors.js";
import type { HardeningCase } from "../support.js";
import { tool } from "../support.js";
import { B } from "./hostile-data.js";

interface Ctx {
  signal: AbortSignal;
}

const LOC7 = { startLine: 7, startColumn: 10, endLine: 7, endColumn: 12 };

/** An array body calling `echo` per element (body lines start on line 8). */
const A = (body: string): string =>
  `version 1.5\nbridge Query.run {\n  with input as i\n  with output as o\n  o.xs <- i.xs[] as x {\n    with echo as e\n    e.x <- x\n${body}\n  }\n}`;

const never = () => new Promise<never>(() => undefined);

/** A tool that never settles and records its signal in `state.signal`. */
const hanging = (state: Record<string, unknown>) => ({
  echo: tool((_: unknown, ctx: Ctx) => {
    state["signal"] = ctx.signal;
    return never();
  }),
});

/** A tool that rejects with `make()` when its signal aborts; records the signal. */
const onAbort = (state: Record<string, unknown>, make: (ctx: Ctx) => unknown) => ({
  echo: tool(
    (_: unknown, ctx: Ctx) =>
      new Promise((_resolve, reject) => {
        state["signal"] = ctx.signal;
        ctx.signal.addEventListener("abort", () => reject(make(ctx)));
      }),
  ),
});

function signalOf(state: Record<string, unknown>): AbortSignal {
  const signal = state["signal"];
  if (!(signal instanceof AbortSignal)) throw new Error("the tool never received a signal");
  return signal;
}

const expectAborted = ({ built }: { built: { state: Record<string, unknown> } }) => {
  if (!signalOf(built.state).aborted) throw new Error("ctx.signal was not aborted");
};

const hangs: HardeningCase[] = [
  {
    name: "a tool that never settles times out; its ctx.signal is aborted with the timeout error",
    source: B("  o.x <- e.v"),
    tools: hanging,
    options: { toolTimeoutMs: 30 },
    expect: { error: { class: "BridgeRuntimeError", message: 'Tool "echo" timed out after 30ms', cause: "BridgeTimeoutError", loc: LOC7 } },
    check: ({ built }) => {
      const signal = signalOf(built.state);
      if (!signal.aborted) throw new Error("ctx.signal was not aborted");
      if ((signal.reason as BridgeTimeoutError | undefined)?.name !== "BridgeTimeoutError") throw new Error(`abort reason ${String(signal.reason)}`);
    },
  },
  {
    name: "a timeout is caught by catch",
    source: B('  o.x <- e.v catch "late"'),
    tools: hanging,
    options: { toolTimeoutMs: 30 },
    expect: { data: { x: "late" } },
    check: expectAborted,
  },
  {
    name: "a timeout is replaced by on error; the message names the tool block",
    source: 'version 1.5\ntool api.slow from echo {\n  on error = {"v": "fallback"}\n}\nbridge Query.run {\n  with api.slow as s\n  with output as o\n  o.x <- s.v\n}',
    tools: hanging,
    options: { toolTimeoutMs: 30, trace: "basic" },
    expect: { data: { x: "fallback" } },
    check: ({ result }) => {
      const errors = result!.traces.map((t) => t.error);
      if (JSON.stringify(errors) !== JSON.stringify(['Tool "api.slow" timed out after 30ms'])) throw new Error(JSON.stringify(errors));
    },
  },
  {
    name: "a thenable that never calls back times out",
    source: B("  o.x <- e.v"),
    tools: () => ({ echo: tool(() => ({ then: () => undefined })) }),
    options: { toolTimeoutMs: 30 },
    expect: { error: { class: "BridgeRuntimeError", message: 'Tool "echo" timed out after 30ms', cause: "BridgeTimeoutError" } },
  },
  {
    name: "two hanging tools: the first failing group in index order is reported",
    source: "version 1.5\nbridge Query.run {\n  with output as o\n  with one as a\n  with two as b\n  o.b <- b.v\n  o.a <- a.v\n}",
    tools: () => ({ one: tool(never), two: tool(never) }),
    options: { toolTimeoutMs: 30 },
    expect: { error: { class: "BridgeRuntimeError", message: 'Tool "two" timed out after 30ms', cause: "BridgeTimeoutError" } },
  },
  {
    name: "hanging tools in every array element all time out and are caught",
    source: A('    .v <- e.x catch "late"'),
    input: () => ({ xs: [1, 2, 3] }),
    tools: () => ({ echo: tool(never) }),
    options: { toolTimeoutMs: 30 },
    expect: { data: { xs: [{ v: "late" }, { v: "late" }, { v: "late" }] } },
  },
  {
    name: "a tool resolving after its timeout: the timeout stands, the late value is ignored",
    source: B('  o.x <- e.v catch "late"'),
    tools: () => ({ echo: tool(() => new Promise((resolve) => setTimeout(() => resolve({ v: "too late" }), 60))) }),
    options: { toolTimeoutMs: 20, trace: "basic" },
    expect: { data: { x: "late" } },
    check: async ({ result }) => {
      await new Promise((resolve) => setTimeout(resolve, 80));
      if (result!.traces.length !== 1 || result!.traces[0]!.error !== 'Tool "echo" timed out after 20ms') {
        throw new Error(`traces ${JSON.stringify(result!.traces)}`);
      }
    },
  },
  {
    name: "a tool rejecting with its own signal's reason reports the timeout",
    source: B("  o.x <- e.v"),
    tools: (state) => onAbort(state, (ctx) => ctx.signal.reason),
    options: { toolTimeoutMs: 20 },
    expect: { error: { class: "BridgeRuntimeError", message: 'Tool "echo" timed out after 20ms', cause: "BridgeTimeoutError" } },
  },
  {
    name: "toolTimeoutMs 0 disables the timeout",
    source: B("  o.x <- e.v"),
    tools: () => ({ echo: tool(() => new Promise((resolve) => setTimeout(() => resolve({ v: "slow" }), 50))) }),
    options: { toolTimeoutMs: 0 },
    expect: { data: { x: "slow" } },
  },
  {
    name: "a synchronous tool that blocks is not subject to the timeout (R-SYNC-2)",
    source: B("  o.x <- e.v"),
    tools: () => ({
      echo: tool(() => {
        const start = Date.now();
        while (Date.now() - start < 40);
        return { v: "blocked" };
      }),
    }),
    options: { toolTimeoutMs: 10 },
    expect: { data: { x: "blocked" } },
  },
];

const throwsSync: HardeningCase[] = [
  {
    name: "a synchronous throw fails the reader; cause is the thrown error",
    source: B("  o.x <- e.v"),
    tools: (state) => ({
      echo: tool(() => {
        const err = new TypeError("sync down");
        state["thrown"] = err;
        throw err;
      }),
    }),
    expect: { error: { class: "BridgeRuntimeError", message: "sync down", cause: "TypeError", loc: LOC7 } },
    check: ({ error, built }) => {
      if ((error as Error).cause !== built.state["thrown"]) throw new Error("cause is not the thrown error");
    },
  },
  {
    name: "a synchronous throw from a {sync:true} tool",
    source: B("  o.x <- e.v"),
    tools: () => ({
      echo: tool(
        () => {
          throw new Error("sync tool down");
        },
        { sync: true },
      ),
    }),
    expect: { error: { class: "BridgeRuntimeError", message: "sync tool down", cause: "Error" } },
  },
  {
    name: "a synchronous throw in a pipe stage is located at the pipe",
    source: B("  o.x <- e:i.a"),
    input: () => ({ a: 1 }),
    tools: () => ({
      echo: tool(() => {
        throw new Error("pipe down");
      }),
    }),
    expect: { error: { class: "BridgeRuntimeError", message: "pipe down", loc: { startLine: 7, startColumn: 10, endLine: 7, endColumn: 14 } } },
  },
  {
    name: "a synchronous throw is replaced by on error",
    source: 'version 1.5\ntool t from echo {\n  on error = {"v": "fallback"}\n}\nbridge Query.run {\n  with t\n  with output as o\n  o.x <- t.v\n}',
    tools: () => ({
      echo: tool(() => {
        throw new Error("down");
      }),
    }),
    expect: { data: { x: "fallback" } },
  },
  {
    name: "a `then` getter that throws fails the call",
    source: B("  o.x <- e.v"),
    tools: () => ({
      echo: tool(() => ({
        get then(): unknown {
          throw new Error("then getter");
        },
      })),
    }),
    expect: { error: { class: "BridgeRuntimeError", message: "then getter" } },
  },
  {
    name: "a thrown AbortError without any abort is an ordinary, catchable failure",
    source: B('  o.x <- e.v catch "caught"'),
    tools: () => ({ echo: tool(() => Promise.reject(new DOMException("not really", "AbortError"))) }),
    expect: { data: { x: "caught" } },
  },
];

const wrongTypes: HardeningCase[] = [
  ...(
    [
      ["a number", 5, "Cannot read properties of 5 (reading 'v')"],
      ["a string", "abc", "Cannot read properties of abc (reading 'v')"],
      ["true", true, "Cannot read properties of true (reading 'v')"],
      ["null", null, "Cannot read properties of null (reading 'v')"],
      ["undefined", undefined, "Cannot read properties of undefined (reading 'v')"],
    ] as const
  ).map(
    ([label, value, message]): HardeningCase => ({
      name: `${label} where an object is expected: strict path error`,
      source: B("  o.x <- e.v"),
      tools: () => ({ echo: tool(async () => value) }),
      expect: { error: { class: "BridgeRuntimeError", message, cause: "TypeError", loc: LOC7 } },
    }),
  ),
  {
    name: "a primitive under ?. reads as undefined",
    source: B("  o.x <- e?.v"),
    tools: () => ({ echo: tool(() => 5) }),
    expect: { data: { x: undefined } },
  },
  {
    name: "a primitive root result becomes the whole data (R-OUT-2)",
    source: B("  o <- e"),
    tools: () => ({ echo: tool(() => 5) }),
    expect: { data: 5 },
  },
  {
    name: "an array where an object is expected reads missing fields as undefined",
    source: B("  o.x <- e.v\n  o.n <- e.length"),
    tools: () => ({ echo: tool(() => [1, 2]) }),
    expect: { data: { x: undefined, n: 2 } },
  },
  {
    name: "an array-like object or a string as an array source maps to []",
    source: B("  o.xs <- e.items[] as x {\n    .v <- x\n  }\n  o.ys <- e.s[] as x {\n    .v <- x\n  }"),
    tools: () => ({ echo: tool(() => ({ items: { length: 2, 0: "a", 1: "b" }, s: "ab" })) }),
    expect: { data: { xs: [], ys: [] } },
  },
  {
    name: "an Error returned (not thrown) is an ordinary value",
    source: B("  o.m <- e.message"),
    tools: () => ({ echo: tool(() => new Error("as value")) }),
    expect: { data: { m: "as value" } },
  },
];

const settleTwice: HardeningCase[] = [
  {
    name: "resolve twice: the first value wins",
    source: B("  o.x <- e.v"),
    tools: () => ({
      echo: tool(
        () =>
          new Promise((resolve) => {
            resolve({ v: 1 });
            resolve({ v: 2 });
          }),
      ),
    }),
    expect: { data: { x: 1 } },
  },
  {
    name: "resolve then reject: the value wins",
    source: B("  o.x <- e.v"),
    tools: () => ({
      echo: tool(
        () =>
          new Promise((resolve, reject) => {
            resolve({ v: 1 });
            reject(new Error("too late"));
          }),
      ),
    }),
    expect: { data: { x: 1 } },
  },
  {
    name: "reject then resolve: the error wins",
    source: B("  o.x <- e.v"),
    tools: () => ({
      echo: tool(
        () =>
          new Promise((resolve, reject) => {
            reject(new Error("first"));
            resolve({ v: 2 });
          }),
      ),
    }),
    expect: { error: { class: "BridgeRuntimeError", message: "first" } },
  },
  {
    name: "a thenable calling onFulfilled twice: the first value wins",
    source: B("  o.x <- e.v"),
    tools: () => ({
      echo: tool(() => ({
        then(onFulfilled: (v: unknown) => void) {
          onFulfilled({ v: 1 });
          onFulfilled({ v: 2 });
        },
      })),
    }),
    expect: { data: { x: 1 } },
  },
  {
    name: "a thenable calling onFulfilled, onRejected, then throwing: the value wins",
    source: B("  o.x <- e.v"),
    tools: () => ({
      echo: tool(() => ({
        then(onFulfilled: (v: unknown) => void, onRejected: (e: unknown) => void) {
          onFulfilled({ v: 1 });
          onRejected(new Error("no effect"));
          throw new Error("no effect either");
        },
      })),
    }),
    expect: { data: { x: 1 } },
  },
  {
    name: "a thenable calling onRejected, then onFulfilled: the error wins",
    source: B("  o.x <- e.v"),
    tools: () => ({
      echo: tool(() => ({
        then(onFulfilled: (v: unknown) => void, onRejected: (e: unknown) => void) {
          onRejected("first");
          onFulfilled({ v: 2 });
        },
      })),
    }),
    expect: { error: { class: "BridgeRuntimeError", message: "first" } },
  },
];

/** A logger recording `warn` calls. */
function warnings(): { logger: { warn: (...args: unknown[]) => void }; lines: unknown[][] } {
  const lines: unknown[][] = [];
  return { logger: { warn: (...args: unknown[]) => void lines.push(args) }, lines };
}

const syncWarning = (fn: string, tool = fn) => [{ tool, fn }, `[bridge] tool "${fn}" declared {sync:true} but returned a Promise; awaiting it`];

function syncCase(c: Omit<HardeningCase, "check"> & { tool?: string }): HardeningCase {
  const { logger, lines } = warnings();
  return {
    ...c,
    options: { ...c.options, logger },
    check: () => {
      const want = [syncWarning("echo", c.tool)];
      if (JSON.stringify(lines) !== JSON.stringify(want)) throw new Error(`warnings ${JSON.stringify(lines)}`);
      lines.length = 0;
    },
  };
}

/** D-5 (which overrides R-SYNC-1): a `sync` tool's Promise is awaited, with one warning per call. */
const syncContract: HardeningCase[] = [
  syncCase({
    name: "a {sync:true} tool returning a Promise is awaited, with the exact warning",
    source: B("  o.x <- e.v"),
    tools: () => ({ echo: tool(() => Promise.resolve({ v: 1 }), { sync: true }) }),
    expect: { data: { x: 1 } },
  }),
  syncCase({
    name: "a {sync:true} tool returning a rejected Promise fails like any tool (rejection handled, D-5)",
    source: B("  o.x <- e.v"),
    tools: () => ({ echo: tool(() => Promise.reject(new Error("hidden")), { sync: true }) }),
    expect: { error: { class: "BridgeRuntimeError", message: "hidden", cause: "Error", loc: LOC7 } },
  }),
  syncCase({
    name: "a {sync:true} tool returning a thenable is awaited",
    source: B("  o.x <- e.v"),
    tools: () => ({ echo: tool(() => ({ then: (f: (v: unknown) => void) => f({ v: 1 }) }), { sync: true }) }),
    expect: { data: { x: 1 } },
  }),
  syncCase({
    name: "the {sync:true} warning names the tool block and the function",
    source: "version 1.5\ntool api.fast from echo\nbridge Query.run {\n  with api.fast as f\n  with output as o\n  o.x <- f.v\n}",
    tools: () => ({ echo: tool(async () => ({ v: 1 }), { sync: true }) }),
    tool: "api.fast",
    expect: { data: { x: 1 } },
  }),
  syncCase({
    name: "a {sync:true} tool's Promise that never settles is subject to the timeout",
    source: B('  o.x <- e.v catch "late"'),
    tools: () => ({ echo: tool(never, { sync: true }) }),
    options: { toolTimeoutMs: 30 },
    expect: { data: { x: "late" } },
  }),
  syncCase({
    name: "a {sync:true} tool's rejection is replaced by on error",
    source: 'version 1.5\ntool t from echo {\n  on error = {"v": "fallback"}\n}\nbridge Query.run {\n  with t\n  with output as o\n  o.x <- t.v\n}',
    tools: () => ({ echo: tool(() => Promise.reject(new Error("down")), { sync: true }) }),
    tool: "t",
    expect: { data: { x: "fallback" } },
  }),
  {
    name: "a logger whose warn throws never fails the call",
    source: B("  o.x <- e.v"),
    tools: () => ({ echo: tool(async () => ({ v: 1 }), { sync: true }) }),
    options: {
      logger: {
        warn: () => {
          throw new Error("logger down");
        },
      },
    },
    expect: { data: { x: 1 } },
  },
];

const batches: HardeningCase[] = [
  ...(
    [
      ["fewer items", (xs: unknown[]) => xs.slice(1), 'Batch tool "echo" returned 2 items, expected 3'],
      ["more items", (xs: unknown[]) => [...xs, 4], 'Batch tool "echo" returned 4 items, expected 3'],
      ["an object", () => ({ length: 3 }), 'Batch tool "echo" returned object items, expected 3'],
      ["undefined", () => undefined, 'Batch tool "echo" returned undefined items, expected 3'],
      ["null", () => null, 'Batch tool "echo" returned object items, expected 3'],
      ["a string of the right length", () => "abc", 'Batch tool "echo" returned string items, expected 3'],
    ] as const
  ).flatMap(([label, result, message]): HardeningCase[] => [
    {
      name: `a batch tool returning ${label} fails every item`,
      source: A("    .v <- e.x"),
      input: () => ({ xs: [1, 2, 3] }),
      tools: () => ({ echo: tool((xs: unknown[]) => result(xs), { batch: true }) }),
      expect: { error: { class: "BridgeRuntimeError", message, loc: { startLine: 8, startColumn: 11, endLine: 8, endColumn: 13 } } },
    },
    {
      name: `an async batch tool resolving ${label} fails every item`,
      source: A('    .v <- e.x catch "bad batch"'),
      input: () => ({ xs: [1, 2, 3] }),
      tools: () => ({ echo: tool(async (xs: unknown[]) => result(xs), { batch: true }) }),
      expect: { data: { xs: [{ v: "bad batch" }, { v: "bad batch" }, { v: "bad batch" }] } },
    },
  ]),
  {
    name: "an Error at index 1 fails only item 1",
    source: A('    .v <- e.x catch "item failed"'),
    input: () => ({ xs: [1, 2, 3] }),
    tools: () => ({ echo: tool((xs: { x: number }[]) => xs.map((x, k) => (k === 1 ? new Error("item") : x)), { batch: true }) }),
    expect: { data: { xs: [{ v: 1 }, { v: "item failed" }, { v: 3 }] } },
  },
  {
    name: "an uncaught Error item fails the mapping with its message",
    source: A("    .v <- e.x"),
    input: () => ({ xs: [1, 2, 3] }),
    tools: () => ({ echo: tool((xs: { x: number }[]) => xs.map((x, k) => (k === 1 ? new Error("item") : x)), { batch: true }) }),
    expect: { error: { class: "BridgeRuntimeError", message: "item" } },
  },
  {
    name: "a batch tool throwing a string fails every item with String(value)",
    source: A("    .v <- e.x"),
    input: () => ({ xs: [1, 2, 3] }),
    tools: () => ({
      echo: tool(
        () => {
          throw "batch down";
        },
        { batch: true },
      ),
    }),
    expect: { error: { class: "BridgeRuntimeError", message: "batch down", cause: "string" } },
  },
  {
    name: "a sparse result array of the right length gives undefined items",
    source: A("    .v <- e.x"),
    input: () => ({ xs: [1, 2, 3] }),
    tools: () => ({ echo: tool((xs: unknown[]) => new Array<unknown>(xs.length), { batch: true }) }),
    expect: { error: { class: "BridgeRuntimeError", message: "Cannot read properties of undefined (reading 'x')" } },
  },
  {
    name: "chunks of 2: only the chunk with the wrong length fails",
    source: A('    .v <- e.x catch "bad chunk"'),
    input: () => ({ xs: [1, 2, 3, 4, 5] }),
    tools: (state) => ({
      echo: tool(
        (xs: unknown[]) => {
          state["calls"] = ((state["calls"] as number | undefined) ?? 0) + 1;
          return state["calls"] === 2 ? xs.slice(1) : xs;
        },
        { batch: { maxBatchSize: 2 } },
      ),
    }),
    expect: { data: { xs: [{ v: 1 }, { v: 2 }, { v: "bad chunk" }, { v: "bad chunk" }, { v: 5 }] } },
  },
  {
    name: "a batch chunk that hangs times out for every item",
    source: A('    .v <- e.x catch "late"'),
    input: () => ({ xs: [1, 2] }),
    tools: () => ({ echo: tool(never, { batch: true }) }),
    options: { toolTimeoutMs: 30 },
    expect: { data: { xs: [{ v: "late" }, { v: "late" }] } },
  },
];

const inputSnapshot = () => ({ a: { b: [1, 2] }, s: "x" });

const mutation: HardeningCase[] = [
  {
    name: "a tool adding, deleting and replacing keys of its input leaves the caller's input untouched",
    source: B("  e <- i\n  e.extra <- i.s\n  o.seen <- e.keys"),
    input: inputSnapshot,
    tools: () => ({
      echo: tool((x: Record<string, unknown>) => {
        const keys = Object.keys(x).sort();
        delete x["a"];
        x["s"] = "mutated";
        x["added"] = true;
        return { keys };
      }),
    }),
    expect: { data: { seen: ["a", "extra", "s"] } },
    check: ({ built }) => {
      if (JSON.stringify(built.input) !== JSON.stringify(inputSnapshot())) throw new Error(`input changed: ${JSON.stringify(built.input)}`);
    },
  },
  {
    name: "two instances fed from the same input: one mutating its input does not affect the other",
    source: "version 1.5\nbridge Query.run {\n  with input as i\n  with output as o\n  with mutate as m\n  with echo as e\n  m <- i\n  e <- i\n  o.m <- m.done\n  o.e <- e.s\n}",
    input: inputSnapshot,
    tools: () => ({
      mutate: tool((x: Record<string, unknown>) => {
        x["s"] = "mutated";
        return { done: true };
      }),
      echo: tool(async (x: unknown) => x),
    }),
    expect: { data: { m: true, e: "x" } },
  },
  {
    name: "a tool mutating a const it received: later const reads are fresh (R-CONST-5)",
    source: 'version 1.5\nconst c = {"v": 1}\nbridge Query.run {\n  with const as k\n  with output as o\n  with echo as e\n  e.c <- k.c\n  o.t <- e.c.v\n  o.k <- k.c\n}',
    tools: () => ({
      echo: tool((x: { c: { v: number } }) => {
        x.c.v = 99;
        return x;
      }),
    }),
    expect: { data: { t: 99, k: { v: 1 } } },
  },
  {
    name: "a frozen tool result under overlapping output writes is copied, not written",
    source: B("  o.x <- e\n  o.x.z.y <- i.a"),
    input: () => ({ a: 1 }),
    tools: () => ({ echo: tool(() => Object.freeze({ z: Object.freeze({ w: 1 }) })) }),
    expect: { data: { x: { z: { w: 1, y: 1 } } } },
  },
];

const aborts: HardeningCase[] = [
  {
    name: "caller abort: a tool honouring its signal (AbortError) ends the execution with BridgeAbortError",
    source: B("  o.x <- e.v"),
    tools: (state) => onAbort(state, () => new DOMException("gone", "AbortError")),
    options: { abortAfterMs: 10 },
    expect: { error: { class: "BridgeAbortError", message: "Execution aborted by external signal" } },
    check: expectAborted,
  },
  {
    name: "caller abort: BridgeAbortError bypasses catch",
    source: B('  o.x <- e.v catch "caught"'),
    tools: (state) => onAbort(state, () => new DOMException("gone", "AbortError")),
    options: { abortAfterMs: 10 },
    expect: { error: { class: "BridgeAbortError", message: "Execution aborted by external signal" } },
  },
  {
    name: "caller abort: a tool throwing a plain Error while aborted is an ordinary failure",
    source: B("  o.x <- e.v"),
    tools: (state) => onAbort(state, () => new Error("rejected on abort")),
    options: { abortAfterMs: 10 },
    expect: { error: { class: "BridgeRuntimeError", message: "rejected on abort" } },
  },
  {
    name: "caller abort: a tool rejecting with a string while aborted",
    source: B("  o.x <- e.v"),
    tools: (state) => onAbort(state, () => "string on abort"),
    options: { abortAfterMs: 10 },
    expect: { error: { class: "BridgeRuntimeError", message: "string on abort", cause: "string" } },
  },
  {
    name: "caller abort: a tool ignoring its signal is still bounded by the timeout",
    source: B("  o.x <- e.v"),
    tools: hanging,
    options: { abortAfterMs: 10, toolTimeoutMs: 60 },
    expect: { error: { class: "BridgeRuntimeError", message: 'Tool "echo" timed out after 60ms', cause: "BridgeTimeoutError" } },
    check: expectAborted,
  },
  {
    name: "caller abort between two calls: the second tool is never called",
    source: "version 1.5\nbridge Query.run {\n  with output as o\n  with slow as a\n  with next as b\n  b.v <- a.v\n  o.x <- b.v\n}",
    tools: (state) => ({
      slow: tool(() => new Promise((resolve) => setTimeout(() => resolve({ v: 1 }), 40))),
      next: tool((x: unknown) => {
        state["nextCalled"] = true;
        return x;
      }),
    }),
    options: { abortAfterMs: 10, trace: "basic" },
    expect: { error: { class: "BridgeAbortError", message: "Execution aborted by external signal" } },
    check: ({ built, error }) => {
      if (built.state["nextCalled"]) throw new Error("the second tool was called after the abort");
      const tools = ((error as { traces: { tool: string }[] }).traces ?? []).map((t) => t.tool);
      if (JSON.stringify(tools) !== JSON.stringify(["slow"])) throw new Error(`traces ${JSON.stringify(tools)}`);
    },
  },
  {
    name: "a pre-aborted signal with a tool: BridgeAbortError and the tool is never called",
    source: B("  o.x <- e.v"),
    tools: (state) => ({
      echo: tool(() => {
        state["called"] = true;
        return { v: 1 };
      }),
    }),
    options: { abortAfterMs: 0 },
    expect: { error: { class: "BridgeAbortError", message: "Execution aborted by external signal" } },
    check: ({ built }) => {
      if (built.state["called"]) throw new Error("the tool was called");
    },
  },
  {
    name: "a pre-aborted signal without tools completes (R-ABORT-4)",
    source: B("  o.x <- i.a"),
    input: () => ({ a: 1 }),
    options: { abortAfterMs: 0 },
    expect: { data: { x: 1 } },
  },
  {
    name: "a panic aborts the signal of a pending tool (D-3), so the execution ends without a timeout",
    source: B('  o.a <- e.v\n  o.b <- i.x ?? panic "stop"'),
    tools: (state) => onAbort(state, () => new DOMException("gone", "AbortError")),
    options: { toolTimeoutMs: 0 },
    expect: { error: { class: "BridgePanicError", message: "stop" } },
    check: expectAborted,
    timeoutMs: 3_000,
  },
  {
    name: "a panic with a pending tool that ignores its signal: BridgePanicError once the call times out; signal aborted",
    source: B('  o.a <- e.v\n  o.b <- i.x ?? panic "stop"'),
    tools: hanging,
    options: { toolTimeoutMs: 60 },
    expect: { error: { class: "BridgePanicError", message: "stop" } },
    check: expectAborted,
  },
];

export const misbehavingToolGroups: Record<string, HardeningCase[]> = {
  "hangs and timeouts": hangs,
  "synchronous throws": throwsSync,
  "wrong result types": wrongTypes,
  "settling twice": settleTwice,
  "sync contract (R-SYNC-1, D-5)": syncContract,
  "batch results (R-BATCH-4)": batches,
  "input mutation": mutation,
  "aborts (R-ABORT-*, D-3)": aborts,
};
