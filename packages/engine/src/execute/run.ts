/**
 * One execution of a prepared bridge (R-EXEC-1 steps 5-9, R-EXEC-5).
 *
 * Creates the per-request state, starts forced handles (R-FORCE-2), starts
 * every selected output group and every spread concurrently in index order
 * (R-EXEC-4), waits until all have settled (a failing critical force ends the
 * wait at once), then reports the first fatal error in index order, else the
 * first failure, else assembles `data`. When nothing is asynchronous no
 * Promise is created until the final result.
 */
import { finalizeError, isFatal } from "../errors.js";
import type { BodyIndex, Group } from "../prepare/scope-index.js";
import type { ExecuteResult, Limits, Logger, TraceLevel } from "../types.js";
import { createRunState, finishRun, type RunState } from "./call-tool.js";
import { abortInflight } from "./run-state.js";
import { assemble, selectGroups } from "./output.js";
import { Failed, Scope, ignore, noop } from "./scope.js";
import { noteExecution } from "./shapes.js";

export interface RunOptions {
  input?: Record<string, unknown>;
  context?: Record<string, unknown>;
  requestedFields?: string[];
  signal?: AbortSignal;
  logger?: Logger;
  trace?: TraceLevel;
  toolTimeoutMs?: number;
  limits: Limits;
  consts: Record<string, unknown>;
  source: string | undefined;
  filename: string | undefined;
}

/** On the first fatal failure, abort the per-call signals of tools still running (D-3). */
function onFatal(rs: RunState, e: unknown): void {
  if (rs.fatal !== undefined || !isFatal(e)) return;
  rs.fatal = e;
  abortInflight(rs, e);
}

/**
 * Replaces promises in `values` by their outcome once all have settled, then
 * runs `then` (its result or failure settles the returned Promise). Null when
 * nothing is pending.
 */
function settle<T>(values: unknown[], rs: RunState, then: () => T): Promise<T> | null {
  let count = 0;
  // Stryker disable next-line UnaryOperator: `only` is read only when count === 1, and the loop then has set it to that promise's index
  let only = -1;
  // Stryker disable next-line EqualityOperator: values[values.length] is undefined, neither Failed nor a Promise, so one more step changes nothing
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (v instanceof Failed) onFatal(rs, v.error);
    else if (v instanceof Promise) {
      count++;
      only = k;
    }
  }
  if (count === 0) return null;
  if (count === 1) {
    return (values[only] as Promise<unknown>).then(
      (x: unknown) => {
        values[only] = x;
        return then();
      },
      (e: unknown) => {
        values[only] = new Failed(e);
        return then();
      },
    );
  }
  return new Promise<T>((resolve, reject) => {
    const last = (): void => {
      try {
        resolve(then());
      } catch (e) {
        reject(e);
      }
    };
    for (let k = 0; k < values.length; k++) {
      const v = values[k];
      if (!(v instanceof Promise)) continue;
      v.then(
        (x: unknown) => {
          values[k] = x;
          if (--count === 0) last();
        },
        (e: unknown) => {
          values[k] = new Failed(e);
          onFatal(rs, e);
          if (--count === 0) last();
        },
      );
    }
  });
}

function firstFailure(values: readonly unknown[]): Failed | null {
  let first: Failed | null = null;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (!(v instanceof Failed)) continue;
    if (isFatal(v.error)) return v;
    first ??= v;
  }
  return first;
}

function quickly(ps: Promise<unknown>[]): Promise<unknown> {
  return Promise.race([Promise.all(ps), new Promise((resolve) => setTimeout(resolve, 0))]);
}

function fail(rs: RunState, o: RunOptions, err: unknown): never {
  const traces = finishRun(rs, err);
  throw finalizeError(err, { traces, source: o.source, filename: o.filename });
}

function complete(rs: RunState, o: RunOptions, groups: readonly Group[], spreads: readonly Group[], values: unknown[]): ExecuteResult {
  const failure = firstFailure(values);
  if (failure !== null) return fail(rs, o, failure.error);
  let data: unknown;
  try {
    data = assemble(groups, values, spreads, values, 0, groups.length);
  } catch (e) {
    return fail(rs, o, e);
  }
  return { data, traces: finishRun(rs) };
}

export function runBridge(body: BodyIndex, o: RunOptions): Promise<ExecuteResult> {
  noteExecution();
  const context = o.context ?? {};
  const rs = createRunState({
    logger: o.logger,
    trace: o.trace,
    toolTimeoutMs: o.toolTimeoutMs ?? 15000,
    limits: o.limits,
    signal: o.signal,
    context,
    consts: o.consts,
    input: o.input,
  });
  const fields = o.requestedFields && o.requestedFields.length > 0 ? o.requestedFields : null;
  const root = new Scope(rs, null, body, undefined, 0, fields, null);

  const critical: unknown[] = [];
  let background: Promise<unknown>[] | null = null;
  for (const f of body.forces) {
    let r: unknown;
    try {
      r = f.ev(root, null);
    } catch (e) {
      r = new Failed(e);
    }
    if (!f.critical) {
      if (r instanceof Promise) (background ??= []).push(r.then(noop, noop));
      continue;
    }
    if (r instanceof Failed) {
      // An ordinary failure waits for the rest to start, as with an async
      // tool (R-EXEC-4, R-EXEC-5); a fatal one ends the run here, and the
      // critical forces already started are abandoned (handled, dropped).
      if (!isFatal(r.error)) {
        critical.push(Promise.reject(r.error));
        continue;
      }
      for (const p of critical) ignore(p);
      try {
        return Promise.resolve(fail(rs, o, r.error));
      } catch (e) {
        return Promise.reject(e);
      }
    }
    if (r instanceof Promise) critical.push(r);
  }

  const groups = selectGroups(body.outputs, fields);
  const spreads = body.spreads;
  const nGroups = groups.length;
  const values = new Array<unknown>(nGroups + spreads.length);
  for (let k = 0; k < values.length; k++) {
    const g = k < nGroups ? groups[k]! : spreads[k - nGroups]!;
    try {
      values[k] = g.ev(root, null);
    } catch (e) {
      values[k] = new Failed(e);
    }
  }

  // Fire-and-forget forces that settle quickly are still traced (R-FORCE-3): give them one macrotask.
  if (background !== null) critical.push(quickly(background));
  if (critical.length === 0) {
    const result = settle(values, rs, () => complete(rs, o, groups, spreads, values));
    if (result !== null) return result;
    try {
      return Promise.resolve(complete(rs, o, groups, spreads, values));
    } catch (e) {
      return Promise.reject(e);
    }
  }
  const waiting = settle(values, rs, noop) ?? Promise.resolve();
  // Promise.all rejects as soon as a critical force fails (R-EXEC-5); `waiting` never rejects.
  return Promise.all([waiting, ...critical]).then(
    () => complete(rs, o, groups, spreads, values),
    (e: unknown) => fail(rs, o, e),
  );
}
