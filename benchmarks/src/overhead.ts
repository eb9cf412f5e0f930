// Cost of observability on the simple-chain row: trace "basic", and an
// OpenTelemetry SDK registered globally, each relative to the same prepared
// engine with trace "off" and no SDK. The SDK is a process-wide global, so
// instead of interleaving ops the variants run in alternating batches (the SDK
// registered only around its own batch), timed on CPU time; the cost is the
// median of the per-round ratios, as in the main suite.
//   node --expose-gc benchmarks/dist/overhead.js [--rounds N]
import { metrics, trace } from "@opentelemetry/api";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { MeterProvider } from "@opentelemetry/sdk-metrics";
import { createEngine } from "@bridgekit/engine";
import { parseBridge } from "@bridgekit/parser";
import { SIMPLE } from "./scenarios/texts.js";
import { median } from "./stats.js";

const tools = { api: async (p: { q: string }) => ({ answer: p.q + "!" }) };
const document = parseBridge(SIMPLE);
const off = createEngine({ tools }).prepare(document);
const basic = createEngine({ tools, trace: "basic" }).prepare(document);
const handwritten = async (input: { q: string }) => ({ result: (await tools.api({ q: input.q })).answer });
const exporter = new InMemorySpanExporter();
const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const meterProvider = new MeterProvider();

const run = {
  handwritten: () => handwritten({ q: "hello" }),
  off: () => off.execute({ operation: "Query.simple", input: { q: "hello" } }),
  basic: () => basic.execute({ operation: "Query.simple", input: { q: "hello" } }),
  otel: () => off.execute({ operation: "Query.simple", input: { q: "hello" } }),
};
type Variant = keyof typeof run;

function withSdk<T>(on: boolean, fn: () => Promise<T>): Promise<T> {
  if (on) {
    trace.setGlobalTracerProvider(tracerProvider);
    metrics.setGlobalMeterProvider(meterProvider);
  }
  return fn().finally(() => {
    if (!on) return;
    trace.disable();
    metrics.disable();
    exporter.reset();
  });
}

async function batch(variant: Variant, n: number): Promise<number> {
  return withSdk(variant === "otel", async () => {
    const fn = run[variant];
    const c0 = process.cpuUsage();
    for (let i = 0; i < n; i++) await fn();
    const d = process.cpuUsage(c0);
    return ((d.user + d.system) * 1000) / n;
  });
}

async function main(): Promise<void> {
  const roundsArg = process.argv.indexOf("--rounds");
  const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 15;
  const variants = Object.keys(run) as Variant[];
  const n = 5000;
  for (const v of variants) await batch(v, n); // warm-up: optimised tiers for every path
  const perRound = new Map<Variant, number[]>(variants.map((v) => [v, []]));
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < variants.length; k++) {
      const v = variants[(k + r) % variants.length]!;
      (globalThis as { gc?: (o?: object) => void }).gc?.({ type: "minor" });
      perRound.get(v)!.push(await batch(v, n));
    }
    process.stderr.write(`\roverhead: round ${r + 1}/${rounds}`);
  }
  process.stderr.write("\n");
  const ratio = (a: Variant, b: Variant) => median(perRound.get(a)!.map((x, i) => x / perRound.get(b)![i]!));
  const rows: Array<[string, string, string, string]> = [
    ["trace off, no SDK", (median(perRound.get("off")!) / 1000).toFixed(2), "1.00x", ratio("off", "handwritten").toFixed(2) + "x"],
    ['trace "basic"', (median(perRound.get("basic")!) / 1000).toFixed(2), ratio("basic", "off").toFixed(2) + "x", ratio("basic", "handwritten").toFixed(2) + "x"],
    ["OpenTelemetry SDK registered", (median(perRound.get("otel")!) / 1000).toFixed(2), ratio("otel", "off").toFixed(2) + "x", ratio("otel", "handwritten").toFixed(2) + "x"],
  ];
  console.log("simple-chain, prepared engine (CPU time per op, median of rounds)");
  console.log("| variant | µs/op | vs trace off | vs hand-written |\n|---|---|---|---|");
  for (const row of rows) console.log(`| ${row.join(" | ")} |`);
}

await main();
