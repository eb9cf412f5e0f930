/**
 * The one place where tool functions are called. `callTool` applies, in this
 * order: function lookup result, caller abort, memoization, the tool-call
 * limit, batching, the call itself with a per-call AbortSignal, sync
 * validation, timeout, AbortError mapping, trace entry, log line, OpenTelemetry
 * span and metrics, and finally the `on error` fallback. Plain, pipe and
 * batched calls all go through here, so error policy lives in one file.
 *
 * Cost model: a tool that returns a plain value gets no Promise, no closure
 * and no clock read unless tracing, logging or OpenTelemetry is active. The
 * per-call AbortController is created only when the tool reads `ctx.signal`.
 * Timeouts share one timer per execution: deadlines are FIFO (every call has
 * the same timeout), so the timer is armed for the oldest pending call and
 * re-armed when it fires; it is cleared as soon as no call is pending. Calls
 * started in the same synchronous turn share one clock reading.
 */
import type { Span } from "@opentelemetry/api";
import type { JsonValue } from "../ast/index.js";
import { BridgeAbortError, BridgeTimeoutError, isFatal, messageOf } from "../errors.js";
import { limitError } from "../limits.js";
import { logFailure, logSuccess, NOOP_LOGGER, resolveLogLevels } from "../log.js";
import type { FailureLevel, SuccessLevel } from "../log.js";
import { endToolCall, otelForRun, runInSpan, startToolSpan } from "../otel.js";
import type { OtelState } from "../otel.js";
import { createTraceCollector } from "../trace.js";
import type { TraceCollector } from "../trace.js";
import type { Limits, Logger, MaybePromise, ToolContext, ToolFn, ToolTrace, TraceLevel } from "../types.js";
import { enqueueBatch } from "./batch.js";
import type { BatchQueue } from "./batch.js";
import { copyJson, readFallbackPath } from "./on-error.js";
import { memoKey } from "./memo.js";
import type { MemoCache } from "./memo.js";

/** `on error` of the effective tool block: a JSON value, or a path read from the context or the consts. */
export type OnErrorFallback = null | { kind: "value"; value: JsonValue } | { kind: "context" | "const"; path: string[] };

/** A tool resolved at prepare time, with its metadata normalized once. */
export interface ToolBinding {
  readonly toolName: string;
  readonly fnName: string;
  readonly fn: ToolFn | undefined;
  readonly sync: boolean;
  readonly batch: null | { readonly maxBatchSize: number };
  readonly cost: number;
  readonly traced: boolean;
  readonly logSuccess: SuccessLevel | null;
  readonly logFailure: FailureLevel | null;
  readonly onError: OnErrorFallback;
}

export function createToolBinding(options: {
  toolName: string;
  fnName: string;
  fn: ToolFn | undefined;
  onError: OnErrorFallback;
}): ToolBinding {
  const { toolName, fnName, fn, onError } = options;
  const raw = fn === undefined ? undefined : fn.bridge;
  const meta = raw !== null && typeof raw === "object" ? raw : {};
  const sync = meta.sync === true;
  let batch: ToolBinding["batch"] = null;
  if (meta.batch === true || (meta.batch !== null && typeof meta.batch === "object")) {
    const size = meta.batch === true ? undefined : meta.batch.maxBatchSize;
    batch = { maxBatchSize: typeof size === "number" && size >= 1 ? Math.floor(size) : Infinity };
  }
  const cost = fn === undefined ? 2 : typeof meta.cost === "number" ? meta.cost : sync ? 1 : 2;
  const levels = resolveLogLevels(meta.log);
  return Object.freeze({
    toolName,
    fnName,
    fn,
    sync,
    batch,
    cost,
    traced: meta.trace !== false,
    logSuccess: levels.success,
    logFailure: levels.failure,
    onError,
  });
}

/** Per-execution state of every tool call. Never shared between executions. */
export class RunState {
  readonly trace: TraceCollector | null;
  readonly logger: Logger | null;
  /** What tools receive as `ctx.logger`. */
  readonly toolLogger: Logger;
  readonly signal: AbortSignal | undefined;
  readonly timeoutMs: number;
  readonly limits: Limits;
  readonly context: Record<string, unknown>;
  readonly consts: Record<string, unknown>;
  readonly otel: OtelState | null;
  toolCalls = 0;
  finished = false;
  /** The fatal error that ended the execution, once it has ended that way. */
  fatal: unknown = undefined;
  /** Calls whose tool has read `ctx.signal` and that have not settled. */
  inflight: Set<CallContext> | null = null;
  /** Async calls waiting for their deadline, oldest first. */
  pending: CallContext[] = [];
  pendingHead = 0;
  pendingCount = 0;
  timer: ReturnType<typeof setTimeout> | null = null;
  timerFn: (() => void) | null = null;
  /** Clock reading shared by the calls of one synchronous turn; -1 when stale. */
  clock = -1;
  resetClock: (() => number) | null = null;
  batches: Map<ToolFn, BatchQueue> | null = null;
  onAbort: (() => void) | null = null;

  constructor(options: RunStateOptions) {
    this.trace = createTraceCollector(options.trace);
    this.logger = options.logger ?? null;
    this.toolLogger = options.logger ?? NOOP_LOGGER;
    this.signal = options.signal;
    this.timeoutMs = options.toolTimeoutMs > 0 ? options.toolTimeoutMs : 0;
    this.limits = options.limits;
    this.context = options.context;
    this.consts = options.consts;
    this.otel = otelForRun();
    const signal = options.signal;
    if (signal !== undefined && !signal.aborted) {
      this.onAbort = () => abortInflight(this, signal.reason);
      signal.addEventListener("abort", this.onAbort, { once: true });
    }
  }
}

export interface RunStateOptions {
  logger?: Logger;
  trace?: TraceLevel;
  toolTimeoutMs: number;
  limits: Limits;
  signal?: AbortSignal;
  context: Record<string, unknown>;
  consts: Record<string, unknown>;
}

export function createRunState(options: RunStateOptions): RunState {
  return new RunState(options);
}

/**
 * The second argument of a tool call and the record of that call. The
 * AbortController behind `signal` is created on first read.
 */
export class CallContext implements ToolContext {
  readonly logger: Logger;
  /** @internal */ ctrl: AbortController | null = null;
  /** @internal */ abortReason: unknown = undefined;
  /** @internal */ settled = false;
  /** @internal */ start = 0;
  /** @internal */ span: Span | null = null;
  /** @internal */ deadline = 0;
  /** @internal */ resolve: ((value: unknown) => void) | null = null;
  /** @internal */ reject: ((reason: unknown) => void) | null = null;

  constructor(
    /** @internal */ readonly run: RunState,
    /** @internal */ readonly binding: ToolBinding,
    /** @internal */ readonly toolName: string,
    /** @internal */ readonly input: unknown,
    /** @internal */ readonly expected: number,
    /** @internal */ readonly observed: boolean,
  ) {
    this.logger = run.toolLogger;
  }

  get signal(): AbortSignal {
    let ctrl = this.ctrl;
    if (ctrl === null) {
      ctrl = this.ctrl = new AbortController();
      const run = this.run;
      if (this.abortReason !== undefined) ctrl.abort(this.abortReason);
      else if (run.fatal !== undefined) ctrl.abort(run.fatal);
      else if (run.signal?.aborted) ctrl.abort(run.signal.reason);
      else if (!this.settled) (run.inflight ??= new Set()).add(this);
    }
    return ctrl.signal;
  }

  /** @internal Aborts this call's signal (now, or when it is first read). */
  abort(reason: unknown): void {
    if (this.abortReason !== undefined) return;
    this.abortReason = reason ?? new BridgeAbortError();
    this.ctrl?.abort(this.abortReason);
  }
}

/**
 * Calls a bound tool. Returns the value synchronously when the tool did;
 * failures of synchronous calls are thrown, of async calls rejected. Thrown
 * errors are raw (the caller locates them); fatal errors pass unchanged.
 */
export function callTool(
  run: RunState,
  binding: ToolBinding,
  input: Record<string, unknown>,
  memo: MemoCache | null,
  opts?: { pipe?: boolean },
): MaybePromise<unknown> {
  if (binding.fn === undefined) throw new Error(`No tool found for "${binding.fnName}"`);
  const signal = run.signal;
  if (signal !== undefined && signal.aborted) throw new BridgeAbortError();
  if (memo !== null && opts?.pipe !== true) return callMemoized(run, binding, input, memo);
  return callOnce(run, binding, input);
}

function callMemoized(run: RunState, binding: ToolBinding, input: Record<string, unknown>, memo: MemoCache): MaybePromise<unknown> {
  const key = memoKey(memo, input);
  const hit = memo.entries.get(key);
  if (hit !== undefined) {
    if (hit.ok) return hit.value;
    throw hit.error;
  }
  try {
    const value = callOnce(run, binding, input);
    memo.entries.set(key, { ok: true, value });
    return value;
  } catch (err) {
    if (!isFatal(err)) memo.entries.set(key, { ok: false, error: err });
    throw err;
  }
}

function callOnce(run: RunState, binding: ToolBinding, input: Record<string, unknown>): MaybePromise<unknown> {
  if (binding.batch !== null) return enqueueBatch(run, binding, input);
  let result: unknown;
  try {
    result = invoke(run, binding, binding.toolName, input, -1);
  } catch (err) {
    return recover(run, binding, err);
  }
  if (result instanceof Promise && binding.onError !== null) {
    return result.then(undefined, (err: unknown) => recover(run, binding, err));
  }
  return result;
}

/** Applies `on error` to a tool failure: fatal errors and tools without a fallback rethrow. */
export function recover(run: RunState, binding: ToolBinding, err: unknown): unknown {
  const fallback = binding.onError;
  if (fallback === null || isFatal(err)) throw err;
  if (fallback.kind === "value") return copyJson(fallback.value);
  return readFallbackPath(fallback.kind === "context" ? run.context : run.consts, fallback.path, fallback.kind);
}

/**
 * One real invocation of `binding.fn` (a direct call, a pipe stage or a batch
 * chunk when `expected >= 0`): counts it, calls it, and records it once
 * settled. Resolves to the raw result; fails with the raw (or mapped) error.
 */
export function invoke(
  run: RunState,
  binding: ToolBinding,
  toolName: string,
  input: unknown,
  expected: number,
): MaybePromise<unknown> {
  if (run.toolCalls >= run.limits.maxToolCalls) {
    throw limitError("maxToolCalls", run.limits.maxToolCalls, `more tool calls than allowed in one execution`);
  }
  run.toolCalls++;
  const fn = binding.fn!;
  const observed =
    (binding.traced && (run.trace !== null || run.otel !== null)) ||
    (run.logger !== null && (binding.logSuccess !== null || binding.logFailure !== null));
  const ctx = new CallContext(run, binding, toolName, input, expected, observed);
  let result: unknown;
  let thenable: boolean;
  try {
    if (observed) {
      if (binding.traced && run.otel !== null) ctx.span = startToolSpan(run.otel, toolName, binding.fnName);
      ctx.start = performance.now();
    }
    result = ctx.span === null ? fn(input, ctx) : runInSpan(ctx.span, fn, input, ctx);
    thenable =
      result !== null &&
      (typeof result === "object" || typeof result === "function") &&
      typeof (result as PromiseLike<unknown>).then === "function";
  } catch (err) {
    throw fail(ctx, err);
  }
  if (thenable) {
    if (binding.sync && expected < 0) {
      Promise.resolve(result).then(undefined, ignore);
      throw fail(ctx, new Error(`Tool "${binding.fnName}" declared {sync:true} but returned a Promise`));
    }
    return awaitResult(ctx, result as PromiseLike<unknown>);
  }
  if (expected >= 0) {
    const bad = checkBatchResult(binding.fnName, result, expected);
    if (bad !== null) throw fail(ctx, bad);
  }
  succeed(ctx, result);
  return result;
}

function ignore(): void {}

function checkBatchResult(fnName: string, result: unknown, expected: number): Error | null {
  if (Array.isArray(result) && result.length === expected) return null;
  const got = Array.isArray(result) ? result.length : typeof result;
  return new Error(`Batch tool "${fnName}" returned ${got} items, expected ${expected}`);
}

function awaitResult(ctx: CallContext, result: PromiseLike<unknown>): Promise<unknown> {
  const run = ctx.run;
  const promise = new Promise<unknown>((resolve, reject) => {
    ctx.resolve = resolve;
    ctx.reject = reject;
  });
  if (run.timeoutMs > 0 && !run.finished) schedule(run, ctx);
  Promise.resolve(result).then(
    (value) => {
      if (ctx.settled) return;
      unschedule(run, ctx);
      const bad = ctx.expected >= 0 ? checkBatchResult(ctx.binding.fnName, value, ctx.expected) : null;
      if (bad !== null) {
        ctx.reject!(fail(ctx, bad));
        return;
      }
      succeed(ctx, value);
      ctx.resolve!(value);
    },
    (err: unknown) => {
      if (ctx.settled) return;
      unschedule(run, ctx);
      ctx.reject!(fail(ctx, err));
    },
  );
  return promise;
}

function succeed(ctx: CallContext, value: unknown): void {
  ctx.settled = true;
  if (ctx.ctrl !== null) ctx.run.inflight?.delete(ctx);
  if (ctx.observed) record(ctx, value, undefined, false);
}

/** Settles a failed call: maps AbortErrors, records it, and returns the error to raise. */
function fail(ctx: CallContext, err: unknown): unknown {
  ctx.settled = true;
  const run = ctx.run;
  if (ctx.ctrl !== null) run.inflight?.delete(ctx);
  if (run.signal?.aborted && isAbortError(err)) err = new BridgeAbortError();
  if (ctx.observed) record(ctx, undefined, err, true);
  return err;
}

function isAbortError(err: unknown): boolean {
  return err !== null && typeof err === "object" && (err as { name?: unknown }).name === "AbortError";
}

function record(ctx: CallContext, value: unknown, err: unknown, failed: boolean): void {
  const end = performance.now();
  const { run, binding, toolName } = ctx;
  const durationMs = end - ctx.start;
  const message = failed ? messageOf(err) : undefined;
  if (binding.traced) {
    run.trace?.add(toolName, binding.fnName, ctx.start, end, ctx.input, value, message);
    if (run.otel !== null) endToolCall(run.otel, ctx.span, toolName, binding.fnName, durationMs, err, failed);
  }
  const logger = run.logger;
  if (logger !== null) {
    if (failed) {
      if (binding.logFailure !== null) logFailure(logger, binding.logFailure, toolName, binding.fnName, message!);
    } else if (binding.logSuccess !== null) {
      logSuccess(logger, binding.logSuccess, toolName, binding.fnName, durationMs);
    }
  }
}

function schedule(run: RunState, ctx: CallContext): void {
  // One clock read per synchronous turn: calls started together share it.
  let now = run.clock;
  if (now < 0) {
    now = run.clock = performance.now();
    queueMicrotask((run.resetClock ??= () => (run.clock = -1)));
  }
  ctx.deadline = now + run.timeoutMs;
  run.pending.push(ctx);
  run.pendingCount++;
  if (run.timer === null) {
    run.timer = setTimeout((run.timerFn ??= () => expire(run)), run.timeoutMs);
  }
}

function unschedule(run: RunState, ctx: CallContext): void {
  if (ctx.deadline === 0) return;
  if (--run.pendingCount === 0) clearPending(run);
}

function clearPending(run: RunState): void {
  if (run.timer !== null) clearTimeout(run.timer);
  run.timer = null;
  run.pending.length = 0;
  run.pendingHead = 0;
  run.pendingCount = 0;
}

/** Timer callback: fails every call past its deadline, then re-arms for the oldest one left. */
function expire(run: RunState): void {
  run.timer = null;
  const now = performance.now();
  const pending = run.pending;
  while (run.pendingHead < pending.length) {
    const ctx = pending[run.pendingHead]!;
    if (!ctx.settled) {
      // Node fires timers on a millisecond clock; allow for that rounding.
      if (ctx.deadline > now + 1) {
        run.timer = setTimeout(run.timerFn!, Math.ceil(ctx.deadline - now));
        break;
      }
      const err = new BridgeTimeoutError(ctx.toolName, run.timeoutMs);
      run.pendingCount--;
      ctx.abort(err);
      ctx.reject!(fail(ctx, err));
    }
    run.pendingHead++;
  }
  if (run.pendingCount === 0) clearPending(run);
  else if (run.pendingHead > 1024 && run.pendingHead * 2 > pending.length) {
    pending.splice(0, run.pendingHead);
    run.pendingHead = 0;
  }
}

function abortInflight(run: RunState, reason: unknown): void {
  const inflight = run.inflight;
  if (inflight === null) return;
  run.inflight = null;
  for (const ctx of inflight) ctx.abort(reason);
}

/**
 * Ends the execution's tool state: on a fatal end, aborts the signals of calls
 * still running; always clears the timer and the abort listener. Returns the
 * traces recorded so far (`[]` when tracing is off).
 */
export function finishRun(run: RunState, fatal?: unknown): ToolTrace[] {
  if (!run.finished) {
    run.finished = true;
    if (fatal !== undefined && isFatal(fatal)) {
      run.fatal = fatal;
      abortInflight(run, fatal);
    }
    clearPending(run);
    if (run.onAbort !== null) {
      run.signal?.removeEventListener("abort", run.onAbort);
      run.onAbort = null;
    }
    if (run.trace !== null) run.trace.closed = true;
  }
  return run.trace === null ? [] : run.trace.traces;
}
