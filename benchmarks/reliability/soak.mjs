/**
 * Soak test against the BUILT packages: a long run of a mixed workload
 * (passthrough, a tool chain, array mappings with a batched tool, errors
 * caught by catch / on error, uncaught errors, timeouts caught and uncaught,
 * panics, aborted executions) through prepared documents, all sharing one
 * long-lived caller AbortSignal as a server would. It checks that:
 *
 * - the heap after GC grows by less than 5 MB between the warm-up and the end;
 * - no timer or handle is left behind (process.getActiveResourcesInfo()
 *   before and after);
 * - no listener is left on the shared caller signal (events.getEventListeners);
 * - every outcome is the expected one (data or error class and message).
 *
 *   node --expose-gc benchmarks/reliability/soak.mjs [--executions 1000000] [--concurrency 200] [--samples 20]
 */
import os from "node:os";
import { getEventListeners } from "node:events";
import { parseBridge } from "@bridgekit/parser";
import { createEngine } from "@bridgekit/engine";

/* global AbortController, DOMException, queueMicrotask */

const args = parseArgs(process.argv.slice(2), { executions: 1_000_000, concurrency: 200, samples: 20, warmup: 20_000 });
const gc = globalThis.gc;
if (typeof gc !== "function") {
  console.error("run with node --expose-gc");
  process.exit(2);
}

const SOURCE = `version 1.5
tool api.safe from api.fail {
  on error = {"status": "fallback"}
}
bridge Query.pass {
  with input as i
  with output as o
  o <- i
  o.seen = true
}
bridge Query.chain {
  with input as i
  with output as o
  with step as a
  with step as b
  with step as c
  a.n <- i.n
  b.n <- a.n
  c.n <- b.n
  o.n <- c.n
  o.id <- i.id
}
bridge Query.list {
  with input as i
  with output as o
  o.id <- i.id
  o.items <- i.items[] as it {
    with lookup as l
    l.k <- it.k
    .k <- it.k
    .v <- l.v
    .label <- "{i.id}:{it.k}"
  }
}
bridge Query.caught {
  with input as i
  with output as o
  with api.fail as f
  with api.safe as s
  o.a <- f.status catch "caught"
  o.b <- s.status
  o.c <- i.missing ?? "default"
  o.d <- i.nothing.deeper catch i.id
}
bridge Query.uncaught {
  with input as i
  with output as o
  with api.fail as f
  o.a <- f.status
}
bridge Query.slowCaught {
  with input as i
  with output as o
  with slow as s
  o.a <- s.v catch "timed out"
  o.id <- i.id
}
bridge Query.slowUncaught {
  with output as o
  with slow as s
  o.a <- s.v
}
bridge Query.fatal {
  with input as i
  with output as o
  o.a <- i.x ?? panic "stop"
}
bridge Query.abort {
  with input as i
  with output as o
  with slow as s
  o.a <- s.v
}
`;

const step = async (input) => ({ n: input.n + 1 });
const lookup = (inputs) => inputs.map((x) => ({ v: x.k * 2 }));
lookup.bridge = { batch: true };
const tools = {
  step,
  lookup,
  api: {
    fail: () => {
      throw new Error("api down");
    },
  },
  // Honours its signal: rejects with an AbortError when aborted (timeout or caller abort).
  slow: (_input, ctx) =>
    new Promise((_resolve, reject) => {
      ctx.signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")), { once: true });
    }),
};

const document = parseBridge(SOURCE, { filename: "soak.bridge" });
const engine = createEngine({ tools, toolTimeoutMs: 2 });
const prepared = engine.prepare(document);
const shutdown = new AbortController();
const shared = shutdown.signal;

/** The workload: each kind, its share, and how to check its outcome. */
const KINDS = [
  { op: "Query.pass", weight: 30, input: (k) => ({ id: k, x: "y" }), check: (r, k) => ok(r) && r.data.id === k && r.data.seen === true },
  { op: "Query.chain", weight: 20, input: (k) => ({ id: k, n: k }), check: (r, k) => ok(r) && r.data.n === k + 3 && r.data.id === k },
  {
    op: "Query.list",
    weight: 20,
    input: (k) => ({ id: k, items: [{ k: 1 }, { k: 2 }, { k: 3 }] }),
    check: (r, k) => ok(r) && r.data.items.length === 3 && r.data.items[2].v === 6 && r.data.items[0].label === `${k}:1`,
  },
  {
    op: "Query.caught",
    weight: 10,
    input: (k) => ({ id: k }),
    check: (r, k) => ok(r) && r.data.a === "caught" && r.data.b === "fallback" && r.data.c === "default" && r.data.d === k,
  },
  { op: "Query.uncaught", weight: 5, input: (k) => ({ id: k }), check: (r) => failed(r, "BridgeRuntimeError", "api down") },
  { op: "Query.slowCaught", weight: 5, input: (k) => ({ id: k }), check: (r, k) => ok(r) && r.data.a === "timed out" && r.data.id === k },
  { op: "Query.slowUncaught", weight: 3, input: () => ({}), check: (r) => failed(r, "BridgeRuntimeError", 'Tool "slow" timed out after 2ms') },
  { op: "Query.fatal", weight: 4, input: () => ({}), check: (r) => failed(r, "BridgePanicError", "stop") },
  { op: "Query.abort", weight: 3, input: () => ({}), abort: true, check: (r) => failed(r, "BridgeAbortError", "Execution aborted by external signal") },
];
const WHEEL = KINDS.flatMap((kind) => Array.from({ length: kind.weight }, () => kind));

function ok(r) {
  return r.ok;
}
function failed(r, name, message) {
  return !r.ok && r.error?.name === name && r.error?.message === message;
}

let peakListeners = 0;
const counts = Object.fromEntries(KINDS.map((k) => [k.op, 0]));
const wrong = [];

/** One execution of kind `WHEEL[k % WHEEL.length]`. */
function runOne(k) {
  const kind = WHEEL[k % WHEEL.length];
  counts[kind.op]++;
  let signal = shared;
  let own = null;
  if (kind.abort) {
    // A per-request controller, aborted right after the tool has been called.
    own = new AbortController();
    signal = own.signal;
  }
  if (k % 997 === 0) peakListeners = Math.max(peakListeners, getEventListeners(shared, "abort").length);
  const pending = prepared.execute({ operation: kind.op, input: kind.input(k), signal });
  if (own !== null) queueMicrotask(() => own.abort());
  return pending.then(
    (result) => record(kind, k, { ok: true, data: result.data }),
    (error) => record(kind, k, { ok: false, error }),
  );
}

function record(kind, k, r) {
  if (!kind.check(r, k) && wrong.length < 20) {
    wrong.push(`${kind.op} #${k}: ${r.ok ? `data ${JSON.stringify(r.data)}` : `${r.error?.name}: ${r.error?.message}`}`);
  }
}

/** Runs executions [from, to) with `args.concurrency` in flight. */
async function drive(from, to) {
  let next = from;
  const worker = async () => {
    while (next < to) await runOne(next++);
  };
  await Promise.all(Array.from({ length: Math.min(args.concurrency, to - from) }, worker));
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function heapAfterGc() {
  await sleep(20);
  for (let k = 0; k < 3; k++) {
    gc();
    await sleep(5);
  }
  return process.memoryUsage().heapUsed;
}

function resources() {
  const out = {};
  for (const r of process.getActiveResourcesInfo()) out[r] = (out[r] ?? 0) + 1;
  return out;
}

const MB = 1024 * 1024;
const fmt = (bytes) => `${(bytes / MB).toFixed(2)} MB`;

console.log(
  `soak: ${args.executions} executions, ${args.concurrency} in flight (node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}, ${fmt(os.totalmem())} RAM)`,
);
const resourcesBefore = resources();
const listenersBefore = getEventListeners(shared, "abort").length;

const warmup = Math.min(args.warmup, Math.floor(args.executions / 10));
await drive(0, warmup);
const baseline = await heapAfterGc();
console.log(`warm-up ${warmup} executions; heap after GC ${fmt(baseline)}`);

const started = performance.now();
const samples = [];
const chunk = Math.max(1, Math.ceil((args.executions - warmup) / args.samples));
for (let from = warmup; from < args.executions; from += chunk) {
  const to = Math.min(args.executions, from + chunk);
  await drive(from, to);
  const heap = await heapAfterGc();
  samples.push(heap);
  const elapsed = (performance.now() - started) / 1000;
  console.log(`  ${String(to).padStart(9)} executions  ${elapsed.toFixed(1).padStart(7)} s  heap after GC ${fmt(heap)}  (${heap - baseline >= 0 ? "+" : ""}${fmt(heap - baseline)})`);
}
const seconds = (performance.now() - started) / 1000;

await sleep(50);
const final = await heapAfterGc();
const resourcesAfter = resources();
const listenersAfter = getEventListeners(shared, "abort").length;
const growth = final - baseline;

console.log(`done: ${args.executions - warmup} measured executions in ${seconds.toFixed(1)} s (${((args.executions - warmup) / seconds).toFixed(0)}/s)`);
console.log(`mix: ${KINDS.map((k) => `${k.op.slice(6)} ${counts[k.op]}`).join(", ")}`);
console.log(`heap after GC: baseline ${fmt(baseline)}, final ${fmt(final)}, growth ${fmt(growth)}, max sample ${fmt(Math.max(...samples))}`);
console.log(`active resources before ${JSON.stringify(resourcesBefore)}, after ${JSON.stringify(resourcesAfter)}`);
console.log(`listeners on the shared signal: before ${listenersBefore}, peak sampled ${peakListeners}, after ${listenersAfter}`);

const problems = [];
if (growth >= 5 * MB) problems.push(`heap grew by ${fmt(growth)} (limit 5 MB)`);
for (const key of new Set([...Object.keys(resourcesBefore), ...Object.keys(resourcesAfter)])) {
  if ((resourcesAfter[key] ?? 0) > (resourcesBefore[key] ?? 0)) problems.push(`leaked ${key}: ${resourcesBefore[key] ?? 0} -> ${resourcesAfter[key]}`);
}
if (listenersAfter !== listenersBefore) problems.push(`leaked abort listeners on the shared signal: ${listenersBefore} -> ${listenersAfter}`);
if (wrong.length > 0) problems.push(`unexpected outcomes:\n    ${wrong.join("\n    ")}`);
if (problems.length > 0) {
  console.error(`SOAK FAILED:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log("soak passed: heap growth < 5 MB, no leaked timers, handles or listeners, every outcome as expected");

function parseArgs(argv, defaults) {
  const out = { ...defaults };
  for (let k = 0; k < argv.length; k++) {
    const m = /^--([a-z-]+)$/.exec(argv[k]);
    if (!m || !(m[1] in out)) throw new Error(`unknown argument ${argv[k]}`);
    const v = Number(argv[++k]);
    if (!Number.isInteger(v) || v <= 0) throw new Error(`--${m[1]} needs a positive integer`);
    out[m[1]] = v;
  }
  return out;
}
