/**
 * Load test against the BUILT packages: many concurrent executions of one
 * prepared document with distinct inputs, through async tools with random
 * delays, an alias, nested array mappings and a batched tool. Every input
 * carries a unique id that must come back, and only its own id, everywhere in
 * its output (zero cross-talk); a batched call must only ever see items of a
 * single execution. Prints throughput and latency percentiles.
 *
 *   node --expose-gc benchmarks/reliability/load.mjs [--concurrency 10000] [--rounds 3] [--seed 1]
 *
 * Exits 1 on any cross-talk or unexpected failure.
 */
import os from "node:os";
import { parseBridge } from "@bridgekit/parser";
import { createEngine } from "@bridgekit/engine";

const args = parseArgs(process.argv.slice(2), { concurrency: 10_000, rounds: 3, seed: 1 });

const SOURCE = `version 1.5
bridge Query.order {
  with input as i
  with output as o
  with users.get as u
  with audit.stamp as stamp
  u.id <- i.userId
  u.requestId <- i.id
  alias who <- u.name
  stamp.requestId <- u.requestId
  stamp.name <- who
  o.id <- i.id
  o.user <- who
  o.echo <- u.requestId
  o.stamp <- stamp.token
  o.greeting <- "order {i.id} for {who}"
  o.lines <- i.lines[] as line {
    with catalog.price as p
    p.sku <- line.sku
    p.requestId <- i.id
    .sku <- line.sku
    .price <- p.amount
    .owner <- p.requestId
    .tags <- line.tags[] as tag {
      .tag <- tag
      .owner <- i.id
    }
  }
}
`;

let rng = mulberry32(args.seed);
const delay = () => {
  const ms = Math.floor(rng() * 4);
  return ms === 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));
};

const crossTalk = [];
let batchCalls = 0;
let batchItems = 0;

const price = async (inputs) => {
  batchCalls++;
  batchItems += inputs.length;
  const owners = new Set(inputs.map((x) => x.requestId));
  if (owners.size !== 1) crossTalk.push(`a catalog.price batch mixed executions: ${[...owners].join(", ")}`);
  await delay();
  return inputs.map((x) => ({ amount: skuPrice(x.sku), requestId: x.requestId }));
};
price.bridge = { batch: true };

const tools = {
  users: {
    get: async (input) => {
      await delay();
      return { name: `user-${input.id}`, requestId: input.requestId };
    },
  },
  audit: {
    stamp: async (input) => {
      await delay();
      return { token: `${input.requestId}/${input.name}` };
    },
  },
  catalog: { price },
};

function skuPrice(sku) {
  let h = 0;
  for (let k = 0; k < sku.length; k++) h = (h * 31 + sku.charCodeAt(k)) | 0;
  return Math.abs(h % 10_000) / 100;
}

function makeInput(round, k) {
  const id = `r${round}-req-${k}`;
  const lines = Array.from({ length: 1 + Math.floor(rng() * 5) }, (_, j) => ({
    sku: `${id}-sku-${j}`,
    tags: Array.from({ length: Math.floor(rng() * 3) }, (_, t) => `${id}-tag-${t}`),
  }));
  return { id, userId: `u-${id}`, lines };
}

function verify(input, data) {
  const id = input.id;
  const problems = [];
  const want = (label, got, expected) => {
    if (got !== expected) problems.push(`${label}: got ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`);
  };
  want("id", data.id, id);
  want("echo", data.echo, id);
  want("user", data.user, `user-u-${id}`);
  want("stamp", data.stamp, `${id}/user-u-${id}`);
  want("greeting", data.greeting, `order ${id} for user-u-${id}`);
  want("lines.length", data.lines?.length, input.lines.length);
  input.lines.forEach((line, j) => {
    const out = data.lines?.[j] ?? {};
    want(`lines[${j}].sku`, out.sku, line.sku);
    want(`lines[${j}].owner`, out.owner, id);
    want(`lines[${j}].price`, out.price, skuPrice(line.sku));
    want(`lines[${j}].tags.length`, out.tags?.length, line.tags.length);
    line.tags.forEach((tag, t) => {
      want(`lines[${j}].tags[${t}].tag`, out.tags?.[t]?.tag, tag);
      want(`lines[${j}].tags[${t}].owner`, out.tags?.[t]?.owner, id);
    });
  });
  // No other execution's id anywhere in this output.
  const foreign = JSON.stringify(data).match(/r\d+-req-\d+/g)?.filter((m) => m !== id) ?? [];
  if (foreign.length > 0) problems.push(`foreign ids: ${[...new Set(foreign)].join(", ")}`);
  return problems;
}

async function round(prepared, r) {
  const inputs = Array.from({ length: args.concurrency }, (_, k) => makeInput(r, k));
  const latencies = new Float64Array(inputs.length);
  const start = performance.now();
  const settled = await Promise.allSettled(
    inputs.map((input, k) => {
      const t0 = performance.now();
      return prepared.execute({ operation: "Query.order", input }).then((result) => {
        latencies[k] = performance.now() - t0;
        return result;
      });
    }),
  );
  const elapsed = performance.now() - start;
  let failures = 0;
  settled.forEach((s, k) => {
    if (s.status === "rejected") {
      failures++;
      crossTalk.push(`${inputs[k].id} failed: ${s.reason?.message ?? s.reason}`);
      return;
    }
    for (const p of verify(inputs[k], s.value.data)) crossTalk.push(`${inputs[k].id} ${p}`);
  });
  latencies.sort();
  const pct = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { elapsed, failures, p50: pct(0.5), p99: pct(0.99), max: latencies[latencies.length - 1] };
}

const document = parseBridge(SOURCE, { filename: "load.bridge" });
const prepared = createEngine({ tools }).prepare(document);

console.log(`load: ${args.rounds} round(s) of ${args.concurrency} concurrent executions (node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"})`);
let total = 0;
let totalMs = 0;
for (let r = 0; r < args.rounds; r++) {
  rng = mulberry32(args.seed + r);
  const res = await round(prepared, r);
  total += args.concurrency;
  totalMs += res.elapsed;
  console.log(
    `round ${r + 1}: ${args.concurrency} executions in ${res.elapsed.toFixed(0)} ms = ${((args.concurrency / res.elapsed) * 1000).toFixed(0)}/s; ` +
      `latency p50 ${res.p50.toFixed(1)} ms, p99 ${res.p99.toFixed(1)} ms, max ${res.max.toFixed(1)} ms; failures ${res.failures}`,
  );
}
console.log(`total: ${total} executions, ${((total / totalMs) * 1000).toFixed(0)} executions/s; ${batchCalls} batch calls for ${batchItems} items`);
if (crossTalk.length > 0) {
  console.error(`CROSS-TALK: ${crossTalk.length} problem(s)`);
  for (const line of crossTalk.slice(0, 20)) console.error(`  ${line}`);
  process.exit(1);
}
console.log("zero cross-talk: every output carried only its own id");

function parseArgs(argv, defaults) {
  const out = { ...defaults };
  for (let k = 0; k < argv.length; k++) {
    const m = /^--([a-z-]+)$/.exec(argv[k]);
    if (!m || !(m[1] in out)) throw new Error(`unknown argument ${argv[k]}`);
    const v = Number(argv[++k]);
    if (!Number.isFinite(v) || v < 0) throw new Error(`--${m[1]} needs a number`);
    out[m[1]] = v;
  }
  return out;
}

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
