/**
 * OpenTelemetry spans and metrics for tool calls.
 *
 * The engine does not import `@opentelemetry/api`: it reads the API's global
 * registry (the object under `Symbol.for("opentelemetry.js.api.1")` where
 * every copy of the 1.x API keeps the registered tracer provider, meter
 * provider and context manager). An app that registers an SDK therefore gets
 * spans and metrics exactly as through the API, and an app that does not pays
 * neither the API's start-up (about 65 CommonJS files) nor any per-call work.
 *
 * The lookup is done once per execution (`otelForRun`): with nothing
 * registered the result is null; a provider registered later is seen by the
 * next execution. Tracer and instruments are cached per provider object.
 */
import { messageOf } from "./errors.js";

/** Attribute values of spans and metric points (the subset the engine writes). */
export type OtelAttributes = Record<string, string | number | boolean>;

/** The span methods the engine uses (a subset of the API's `Span`). */
export interface OtelSpan {
  recordException(exception: Error | string): void;
  setStatus(status: { code: number; message?: string }): unknown;
  end(): void;
}

interface OtelTracer {
  startSpan(name: string, options?: { attributes?: OtelAttributes }): OtelSpan;
}

interface OtelTracerProvider {
  getTracer(name: string, version?: string): OtelTracer;
  /** Present on the API's proxy provider: the provider the app registered. */
  getDelegate?(): OtelTracerProvider;
}

interface OtelCounter {
  add(value: number, attributes?: OtelAttributes): void;
}

interface OtelHistogram {
  record(value: number, attributes?: OtelAttributes): void;
}

interface OtelMeterProvider {
  getMeter(name: string): {
    createCounter(name: string, options?: { description?: string }): OtelCounter;
    createHistogram(name: string, options?: { description?: string; unit?: string }): OtelHistogram;
  };
}

/** An OpenTelemetry context: immutable, values under symbol keys. */
interface OtelContext {
  setValue(key: symbol, value: unknown): OtelContext;
}

interface OtelContextManager {
  active(): OtelContext;
  with<A extends unknown[], R>(context: OtelContext, fn: (...args: A) => R, thisArg?: unknown, ...args: A): R;
}

/** The API's global registry (1.x). Each entry is absent until something registers it. */
interface OtelRegistry {
  version?: unknown;
  trace?: OtelTracerProvider;
  metrics?: OtelMeterProvider;
  context?: OtelContextManager;
}

export interface OtelState {
  tracer: OtelTracer | null;
  calls: OtelCounter | null;
  duration: OtelHistogram | null;
  errors: OtelCounter | null;
}

const SCOPE = "@bridgekit/engine";
/** Where every copy of the API at major version 1 keeps its registrations. */
const API_GLOBAL = Symbol.for("opentelemetry.js.api.1");
/** The context key of the active span, the same in every copy of the API. */
const SPAN_KEY = Symbol.for("OpenTelemetry Context Key SPAN");
/** `SpanStatusCode.ERROR`. */
const STATUS_ERROR = 2;

let lastRegistry: OtelRegistry | undefined;
let lastTracerProvider: OtelTracerProvider | undefined;
let lastMeterProvider: OtelMeterProvider | undefined;
let lastState: OtelState | null = null;

function registry(): OtelRegistry | undefined {
  const g = (globalThis as Record<symbol, unknown>)[API_GLOBAL];
  if (typeof g !== "object" || g === null) return undefined;
  const r = g as OtelRegistry;
  // The API ignores registrations of an incompatible major version; so do we.
  return typeof r.version === "string" && r.version.startsWith("1.") ? r : undefined;
}

/** The tracer and instruments to use for one execution, or null when OpenTelemetry is idle. */
export function otelForRun(): OtelState | null {
  const r = registry();
  // Nothing was ever registered: idle (the common case).
  if (r === undefined) return null;
  const tp = r.trace;
  const mp = r.metrics;
  if (r === lastRegistry && tp === lastTracerProvider && mp === lastMeterProvider) return lastState;
  lastRegistry = r;
  lastTracerProvider = tp;
  lastMeterProvider = mp;
  const provider = tp?.getDelegate?.() ?? tp;
  const tracer = provider === undefined ? null : provider.getTracer(SCOPE);
  const meter = mp?.getMeter(SCOPE);
  lastState =
    tracer === null && meter === undefined
      ? null
      : {
          tracer,
          calls: meter ? meter.createCounter("bridge.tool.calls", { description: "Tool calls" }) : null,
          duration: meter
            ? meter.createHistogram("bridge.tool.duration", { description: "Tool call duration", unit: "ms" })
            : null,
          errors: meter ? meter.createCounter("bridge.tool.errors", { description: "Failed tool calls" }) : null,
        };
  return lastState;
}

/** Starts the span of one call (null when tracing is idle). */
export function startToolSpan(otel: OtelState, tool: string, fn: string): OtelSpan | null {
  if (otel.tracer === null) return null;
  return otel.tracer.startSpan(tool, { attributes: { "bridge.tool.name": tool, "bridge.tool.fn": fn } });
}

/** Runs `fn(input, ctx)` with `span` as the active span, so spans made inside the tool nest under it. */
export function runInSpan<A, B, R>(span: OtelSpan, fn: (a: A, b: B) => R, a: A, b: B): R {
  const manager = registry()?.context;
  // Without a context manager the API's context is a no-op: nothing can nest.
  if (manager === undefined) return fn(a, b);
  return manager.with(manager.active().setValue(SPAN_KEY, span), fn, undefined, a, b);
}

/** Ends the span and records the metrics of one finished call. */
export function endToolCall(
  otel: OtelState,
  span: OtelSpan | null,
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
      span.setStatus({ code: STATUS_ERROR, message });
    }
    span.end();
  }
  if (otel.calls !== null) {
    const attributes: OtelAttributes = { "bridge.tool.name": tool, "bridge.tool.fn": fn };
    otel.calls.add(1, attributes);
    otel.duration?.record(durationMs, attributes);
    if (failed) otel.errors?.add(1, attributes);
  }
}
