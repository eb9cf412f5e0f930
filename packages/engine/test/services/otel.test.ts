import { context, metrics, SpanStatusCode, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { AggregationTemporality, MeterProvider, MetricReader } from "@opentelemetry/sdk-metrics";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { afterEach, describe, expect, it } from "vitest";
import { callTool, finishRun } from "../../src/execute/call-tool.js";
import { DEFAULT_LIMITS } from "../../src/limits.js";
import { otelForRun } from "../../src/otel.js";
import { bind, makeRun, makeTool } from "./helpers.js";

class TestReader extends MetricReader {
  constructor() {
    super({ aggregationTemporalitySelector: () => AggregationTemporality.CUMULATIVE });
  }
  protected async onShutdown(): Promise<void> {}
  protected async onForceFlush(): Promise<void> {}
}

function registerTracing() {
  const exporter = new InMemorySpanExporter();
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
  return exporter;
}

afterEach(() => {
  trace.disable();
  metrics.disable();
  context.disable();
});

describe("OpenTelemetry (R-OTEL-1)", () => {
  it("is idle and cheap without a provider", () => {
    expect(otelForRun()).toBeNull();
    const run = makeRun({ limits: { ...DEFAULT_LIMITS, maxToolCalls: 1e9 } });
    expect(run.otel).toBeNull();
    const b = bind(makeTool(() => 1, { sync: true }));
    const t0 = performance.now();
    for (let i = 0; i < 100_000; i++) callTool(run, b, {}, null);
    expect(performance.now() - t0).toBeLessThan(500);
  });

  it("picks up a provider registered after a first execution", async () => {
    const first = makeRun();
    callTool(first, bind(makeTool(() => 1)), {}, null);
    expect(first.otel).toBeNull();

    const exporter = registerTracing();
    const run = makeRun();
    callTool(run, bind(makeTool(() => 1), { toolName: "geo", fnName: "maps.geo" }), {}, null);
    await expect(
      callTool(run, bind(makeTool(async () => { throw new Error("down"); }), { toolName: "bad" }), {}, null),
    ).rejects.toThrow("down");
    callTool(run, bind(makeTool(() => 1, { trace: false }), { toolName: "hidden" }), {}, null);
    finishRun(run);

    const spans = exporter.getFinishedSpans();
    expect(spans.map((s) => s.name)).toEqual(["geo", "bad"]);
    expect(spans[0]!.attributes).toEqual({ "bridge.tool.name": "geo", "bridge.tool.fn": "maps.geo" });
    expect(spans[0]!.status.code).not.toBe(SpanStatusCode.ERROR);
    expect(spans[1]!.status).toEqual({ code: SpanStatusCode.ERROR, message: "down" });
    expect(spans[1]!.events.some((e) => e.name === "exception")).toBe(true);
  });

  it("does not depend on the trace option and parents spans made inside the tool", () => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    const exporter = registerTracing();
    const run = makeRun({ trace: "off" });
    const inner = makeTool(() => {
      trace.getTracer("inner").startSpan("fetch").end();
      return 1;
    });
    callTool(run, bind(inner, { toolName: "outer" }), {}, null);
    const spans = exporter.getFinishedSpans();
    const outer = spans.find((s) => s.name === "outer")!;
    const fetch = spans.find((s) => s.name === "fetch")!;
    expect(fetch.parentSpanContext?.spanId).toBe(outer.spanContext().spanId);
  });

  it("records calls, duration and errors under @bridgekit/engine", async () => {
    const reader = new TestReader();
    metrics.setGlobalMeterProvider(new MeterProvider({ readers: [reader] }));
    const run = makeRun();
    expect(run.otel?.tracer).toBeNull();
    callTool(run, bind(makeTool(() => 1), { toolName: "a" }), {}, null);
    expect(() => callTool(run, bind(makeTool(() => { throw new Error("e"); }), { toolName: "a" }), {}, null)).toThrow();
    callTool(run, bind(makeTool(() => 1, { trace: false }), { toolName: "a" }), {}, null);
    const { resourceMetrics } = await reader.collect();
    const scope = resourceMetrics.scopeMetrics.find((s) => s.scope.name === "@bridgekit/engine")!;
    const byName = Object.fromEntries(scope.metrics.map((m) => [m.descriptor.name, m.dataPoints]));
    expect(byName["bridge.tool.calls"]![0]!.value).toBe(2);
    expect(byName["bridge.tool.errors"]![0]!.value).toBe(1);
    expect((byName["bridge.tool.duration"]![0]!.value as { count: number }).count).toBe(2);
    expect(byName["bridge.tool.calls"]![0]!.attributes).toEqual({ "bridge.tool.name": "a", "bridge.tool.fn": "a" });
    // The descriptors exported to metric backends (docs/observability.md: counter, histogram in ms, counter).
    const descriptors = scope.metrics.map((m) => ({ name: m.descriptor.name, description: m.descriptor.description, unit: m.descriptor.unit }));
    expect(descriptors).toEqual([
      { name: "bridge.tool.calls", description: "Tool calls", unit: "" },
      { name: "bridge.tool.duration", description: "Tool call duration", unit: "ms" },
      { name: "bridge.tool.errors", description: "Failed tool calls", unit: "" },
    ]);
  });
});

describe("OpenTelemetry through the API's global registry (R-OTEL-1)", () => {
  const KEY = Symbol.for("opentelemetry.js.api.1");
  const slot = globalThis as Record<symbol, unknown>;

  /** A registry as any copy of the 1.x API leaves it, with a plain provider (no proxy) and recording spans. */
  function fakeRegistry(version: string, withContext: boolean) {
    const events: string[] = [];
    const tracer = {
      startSpan: (name: string, options?: { attributes?: Record<string, unknown> }) => {
        events.push(`start ${name} ${JSON.stringify(options?.attributes)}`);
        return {
          recordException: (e: Error | string) => events.push(`exception ${typeof e === "string" ? e : e.message}`),
          setStatus: (s: { code: number; message?: string }) => events.push(`status ${s.code} ${s.message}`),
          end: () => events.push(`end ${name}`),
        };
      },
    };
    const context = {
      active: () => ({ setValue: (key: symbol, span: unknown) => ({ key, span }) }),
      with: (ctx: { key: symbol }, fn: (...a: unknown[]) => unknown, _this: unknown, ...args: unknown[]) => {
        events.push(`with ${String(ctx.key.description)}`);
        return fn(...args);
      },
    };
    slot[KEY] = { version, trace: { getTracer: () => tracer }, ...(withContext ? { context } : {}) };
    return events;
  }

  afterEach(() => {
    delete slot[KEY];
  });

  it("ignores a registry of another major version, and one with no provider registered", () => {
    fakeRegistry("2.0.0", true);
    expect(otelForRun()).toBeNull();
    slot[KEY] = { version: "1.9.0" };
    expect(otelForRun()).toBeNull();
    slot[KEY] = "not a registry";
    expect(otelForRun()).toBeNull();
    // A registry without a version string (a foreign object under the key) is ignored, not a crash.
    for (const version of [undefined, 1]) {
      slot[KEY] = { version, trace: { getTracer: () => ({}) } };
      expect(otelForRun()).toBeNull();
    }
  });

  it("uses a plain provider and the registered context manager; caches the state per provider", () => {
    const events = fakeRegistry("1.9.0", true);
    const state = otelForRun();
    expect(state?.tracer).not.toBeNull();
    expect(otelForRun()).toBe(state);
    const run = makeRun();
    callTool(run, bind(makeTool(() => 1), { toolName: "geo", fnName: "maps.geo" }), {}, null);
    expect(() =>
      callTool(run, bind(makeTool(() => { throw "plain string"; }), { toolName: "bad" }), {}, null),
    ).toThrow();
    expect(events).toEqual([
      'start geo {"bridge.tool.name":"geo","bridge.tool.fn":"maps.geo"}',
      "with OpenTelemetry Context Key SPAN",
      "end geo",
      'start bad {"bridge.tool.name":"bad","bridge.tool.fn":"bad"}',
      "with OpenTelemetry Context Key SPAN",
      "exception plain string",
      "status 2 plain string",
      "end bad",
    ]);
  });

  it("calls the tool directly when no context manager is registered", () => {
    const events = fakeRegistry("1.9.0", false);
    const run = makeRun();
    expect(callTool(run, bind(makeTool((x: { n: number }) => x.n * 2), { toolName: "t" }), { n: 21 }, null)).toBe(42);
    expect(events).toEqual(['start t {"bridge.tool.name":"t","bridge.tool.fn":"t"}', "end t"]);
  });
});
