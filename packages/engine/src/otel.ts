/**
 * OpenTelemetry spans and metrics for tool calls. Looking up the global
 * providers is done once per execution (`otelForRun`): when no SDK is
 * registered the result is null and calls pay nothing; a provider registered
 * later is seen by the next execution. Tracer and instruments are cached per
 * provider object.
 */
import { context, createNoopMeter, metrics, ProxyTracerProvider, SpanStatusCode, trace } from "@opentelemetry/api";
import { messageOf } from "./errors.js";
import type { Counter, Histogram, Span, Tracer, TracerProvider, MeterProvider, Attributes } from "@opentelemetry/api";

const SCOPE = "@bridgekit/engine";
const NOOP_TRACER_PROVIDER: TracerProvider = new ProxyTracerProvider().getDelegate();
const NOOP_METER = createNoopMeter();

export interface OtelState {
  tracer: Tracer | null;
  calls: Counter | null;
  duration: Histogram | null;
  errors: Counter | null;
}

let lastTracerProvider: TracerProvider | undefined;
let lastMeterProvider: MeterProvider | undefined;
let lastState: OtelState | null = null;

/**
 * The registry of the OpenTelemetry API (major version 1) on the global object:
 * absent until something registers a provider, context manager or propagator.
 */
const API_GLOBAL = Symbol.for("opentelemetry.js.api.1");

/** The tracer and instruments to use for one execution, or null when OpenTelemetry is idle. */
export function otelForRun(): OtelState | null {
  // Nothing was ever registered: idle, without the API's lookups (the common case).
  if ((globalThis as Record<symbol, unknown>)[API_GLOBAL] === undefined) return null;
  const global = trace.getTracerProvider();
  const tp = global instanceof ProxyTracerProvider ? global.getDelegate() : global;
  const mp = metrics.getMeterProvider();
  if (tp === lastTracerProvider && mp === lastMeterProvider) return lastState;
  lastTracerProvider = tp;
  lastMeterProvider = mp;
  const tracer = tp === NOOP_TRACER_PROVIDER ? null : tp.getTracer(SCOPE);
  const meter = mp.getMeter(SCOPE);
  const metered = meter !== NOOP_METER;
  lastState =
    tracer === null && !metered
      ? null
      : {
          tracer,
          calls: metered ? meter.createCounter("bridge.tool.calls", { description: "Tool calls" }) : null,
          duration: metered
            ? meter.createHistogram("bridge.tool.duration", { description: "Tool call duration", unit: "ms" })
            : null,
          errors: metered ? meter.createCounter("bridge.tool.errors", { description: "Failed tool calls" }) : null,
        };
  return lastState;
}

/** Starts the span of one call (null when tracing is idle). */
export function startToolSpan(otel: OtelState, tool: string, fn: string): Span | null {
  if (otel.tracer === null) return null;
  return otel.tracer.startSpan(tool, { attributes: { "bridge.tool.name": tool, "bridge.tool.fn": fn } });
}

/** Runs `fn(input, ctx)` with `span` as the active span, so spans made inside the tool nest under it. */
export function runInSpan<A, B, R>(span: Span, fn: (a: A, b: B) => R, a: A, b: B): R {
  return context.with(trace.setSpan(context.active(), span), fn, undefined, a, b);
}

/** Ends the span and records the metrics of one finished call. */
export function endToolCall(
  otel: OtelState,
  span: Span | null,
  tool: string,
  fn: string,
  durationMs: number,
  error: unknown,
  failed: boolean,
): void {
  if (span !== null) {
    if (failed) {
      const message = messageOf(error);
      span.recordException(error instanceof Error ? error : message);
      span.setStatus({ code: SpanStatusCode.ERROR, message });
    }
    span.end();
  }
  if (otel.calls !== null) {
    const attributes: Attributes = { "bridge.tool.name": tool, "bridge.tool.fn": fn };
    otel.calls.add(1, attributes);
    otel.duration?.record(durationMs, attributes);
    if (failed) otel.errors?.add(1, attributes);
  }
}
