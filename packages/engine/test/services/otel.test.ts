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
  });
});
