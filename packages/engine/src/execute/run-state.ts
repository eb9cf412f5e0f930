/**
 * Per-execution state of tool calls and the per-call context object. A
 * RunState is created for every execution and never shared; `finishRun`
 * releases everything it holds (timer, abort listener, per-call signals).
 */
import { BridgeAbortError, isFatal } from "../errors.js";
import { NOOP_LOGGER } from "../log.js";
import { otelForRun, type OtelSpan, type OtelState } from "../otel.js";
import { watchAbort } from "./abort-watch.js";
import { createTraceCollector } from "../trace.js";
import type { TraceCollector } from "../trace.js";
import type { Limits, Logger, ToolContext, ToolFn, ToolTrace, TraceLevel } from "../types.js";
import type { BatchQueue } from "./batch.js";
import type { MemoCache } from "./memo.js";
import type { ToolBinding } from "./call-tool.js";

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
  /** The operation's input (`with input`). */
  readonly input: Record<string, unknown>;
  /** One memo cache per `memoize` declaration, created on first use (R-MEMO-2). */
  memos: (MemoCache | undefined)[] | null = null;
  /** Elements mapped so far by all array mappings (D-4 maxOutputElements). */
  elements = 0;
  private otelState: OtelState | null | undefined = undefined;
  toolCalls = 0;
  finished = false;
  /** The fatal error that ended the execution, once it has ended that way. */
  fatal: unknown = undefined;
  /** Calls whose tool has read `ctx.signal` and that have not settled. */
  inflight: Set<CallContext> | null = null;
  /** Async calls waiting for their deadline, oldest first (linked through `CallContext.nextPending`). */
  pendingFirst: CallContext | null = null;
  pendingLast: CallContext | null = null;
  /** The first pending call without a deadline yet; every later one has none either. */
  unstamped: CallContext | null = null;
  /** Pending calls that have not settled. */
  pendingCount = 0;
  timer: ReturnType<typeof setTimeout> | null = null;
  timerFn: (() => void) | null = null;
  /** A deadline check is queued as a microtask (see `schedule` in call-tool.ts). */
  checkQueued = false;
  /** Microtask hops the queued check has already waited. */
  checkHops = 0;
  checkFn: (() => void) | null = null;
  batches: Map<ToolFn, BatchQueue> | null = null;
  /** Stops watching the caller's signal (null when there is none or it was released). */
  unwatchAbort: (() => void) | null = null;

  constructor(options: RunStateOptions) {
    this.trace = createTraceCollector(options.trace);
    this.logger = options.logger ?? null;
    this.toolLogger = options.logger ?? NOOP_LOGGER;
    this.signal = options.signal;
    this.timeoutMs = options.toolTimeoutMs > 0 ? options.toolTimeoutMs : 0;
    this.limits = options.limits;
    this.context = options.context;
    this.consts = options.consts;
    this.input = options.input ?? {};
    const signal = options.signal;
    if (signal !== undefined && !signal.aborted) {
      this.unwatchAbort = watchAbort(signal, () => abortInflight(this, signal.reason));
    }
  }

  /** OpenTelemetry state, looked up at the first tool call of the execution (null when idle). */
  get otel(): OtelState | null {
    let state = this.otelState;
    if (state === undefined) state = this.otelState = otelForRun();
    return state;
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
  input?: Record<string, unknown>;
}

export function createRunState(options: RunStateOptions): RunState {
  return new RunState(options);
}

/** What an observed call records when it starts. */
export interface CallObservation {
  start: number;
  span: OtelSpan | null;
}

/**
 * Where an asynchronous call started with `callInto` delivers its outcome
 * (after `on error` is applied), instead of settling a Promise of its own.
 */
export interface CallSink {
  ok(ctx: CallContext, value: unknown): void;
  fail(ctx: CallContext, err: unknown): void;
}

/**
 * The second argument of a tool call and the record of that call. The
 * AbortController behind `signal` is created on first read.
 */
export class CallContext implements ToolContext {
  /** @internal */ ctrl: AbortController | null = null;
  /** @internal */ abortReason: unknown = undefined;
  /** @internal */ settled = false;
  /** @internal Start time and span of an observed call (traced, logged or in OpenTelemetry). */
  obs: CallObservation | null = null;
  /** @internal 0: not timed; -1: timed, deadline not set yet; else the deadline (`performance.now()` scale, whole ms). */
  deadline = 0;
  /** @internal The next call in the run's pending list. */
  nextPending: CallContext | null = null;
  /** @internal */ resolve: ((value: unknown) => void) | null = null;
  /** @internal */ reject: ((reason: unknown) => void) | null = null;
  /** @internal Receives the outcome instead of a Promise (see `callInto`). */
  sink: CallSink | null = null;
  /** @internal Passed back to the sink (an element index). */
  sinkIndex = 0;

  constructor(
    /** @internal */ readonly run: RunState,
    /** @internal */ readonly binding: ToolBinding,
    /** @internal */ readonly input: unknown,
    /** @internal */ readonly expected: number,
    /** @internal */ readonly observed: boolean,
  ) {}

  /** The execution's logger, or a no-op logger. */
  get logger(): Logger {
    return this.run.toolLogger;
  }

  /** @internal */
  get toolName(): string {
    return this.binding.toolName;
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

export function clearPending(run: RunState): void {
  if (run.timer !== null) clearTimeout(run.timer);
  run.timer = null;
  run.pendingFirst = run.pendingLast = run.unstamped = null;
  run.pendingCount = 0;
}

export function abortInflight(run: RunState, reason: unknown): void {
  const inflight = run.inflight;
  if (inflight === null) return;
  run.inflight = null;
  for (const ctx of inflight) ctx.abort(reason);
}

/**
 * Ends the execution's tool state: on a fatal end, aborts the signals of calls
 * still running; always clears the timer and the abort listener. Returns the
 * live trace list (`[]` when tracing is off): calls still running when the
 * execution ends are appended when they finish.
 */
export function finishRun(run: RunState, fatal?: unknown): ToolTrace[] {
  if (!run.finished) {
    run.finished = true;
    if (fatal !== undefined && isFatal(fatal)) {
      run.fatal = fatal;
      abortInflight(run, fatal);
    }
    clearPending(run);
    if (run.unwatchAbort !== null) {
      run.unwatchAbort();
      run.unwatchAbort = null;
    }
  }
  return run.trace === null ? [] : run.trace.traces;
}
