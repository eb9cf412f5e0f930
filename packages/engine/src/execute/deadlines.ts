/**
 * Tool-call deadlines (R-TIMEOUT-1, D-3): one timer per execution at most.
 * Deadlines are FIFO (every call has the same timeout), so the timer is armed
 * for the oldest pending call and re-armed when it fires; it is cleared as
 * soon as no call is pending. The timer is armed only when a call is still
 * pending a few microtask hops after it started: a tool whose Promise settles
 * at once (a plain `async` function with no real I/O) never costs a timer.
 */
import { BridgeTimeoutError } from "../errors.js";
import { fail, rejectCall } from "./call-tool.js";
import { clearPending, type CallContext, type RunState } from "./run-state.js";

/** Microtask hops a call may stay pending before the timer is armed. */
const GRACE_HOPS = 3;
const RESOLVED = Promise.resolve();

/**
 * Queues a timed call. Its deadline is set by the next deadline check (a
 * microtask after the current synchronous turn, so calls started together
 * share one clock reading), and only if it is still pending then.
 */
export function schedule(run: RunState, ctx: CallContext): void {
  ctx.deadline = -1;
  const last = run.pendingLast;
  if (last === null) run.pendingFirst = ctx;
  else last.nextPending = ctx;
  run.pendingLast = ctx;
  if (run.unstamped === null) run.unstamped = ctx;
  run.pendingCount++;
  if (!run.checkQueued) {
    run.checkQueued = true;
    run.checkHops = 0;
    void RESOLVED.then((run.checkFn ??= () => check(run)));
  }
}

/**
 * Deadline check: once calls are still pending after GRACE_HOPS microtask
 * hops (or at once when the timer is already armed), sets the deadlines of
 * new calls and arms the timer for the oldest one.
 */
function check(run: RunState): void {
  run.checkQueued = false;
  if (run.finished || run.pendingCount === 0) return;
  if (run.timer === null && ++run.checkHops < GRACE_HOPS) {
    run.checkQueued = true;
    void RESOLVED.then(run.checkFn!);
    return;
  }
  // Whole milliseconds (timers fire on a millisecond clock): the field stays a small integer.
  const now = performance.now();
  const deadline = Math.ceil(now + run.timeoutMs);
  for (let ctx = run.unstamped; ctx !== null; ctx = ctx.nextPending) ctx.deadline = deadline;
  run.unstamped = null;
  if (run.timer === null) arm(run, now);
}

/** Arms the timer for the oldest unsettled call. */
function arm(run: RunState, now: number): void {
  let ctx = run.pendingFirst;
  while (ctx !== null && ctx.settled) ctx = ctx.nextPending;
  run.pendingFirst = ctx;
  if (ctx === null) {
    run.pendingLast = null;
    return;
  }
  const wait = ctx.deadline - now;
  run.timer = setTimeout((run.timerFn ??= () => expire(run)), wait > 0 ? Math.ceil(wait) : 0);
}

export function unschedule(run: RunState, ctx: CallContext): void {
  if (ctx.deadline === 0) return;
  if (--run.pendingCount === 0) clearPending(run);
}

/** Timer callback: fails every call past its deadline, then re-arms for the oldest one left. */
function expire(run: RunState): void {
  run.timer = null;
  const now = performance.now();
  let ctx = run.pendingFirst;
  for (; ctx !== null; ctx = ctx.nextPending) {
    if (ctx.settled) continue;
    // Node fires timers on a millisecond clock; allow for that rounding.
    if (ctx.deadline < 0 || ctx.deadline > now + 1) break;
    const err = new BridgeTimeoutError(ctx.toolName, run.timeoutMs);
    run.pendingCount--;
    ctx.abort(err);
    rejectCall(ctx, fail(ctx, err));
  }
  run.pendingFirst = ctx;
  if (ctx === null) run.pendingLast = run.unstamped = null;
  if (run.pendingCount === 0) clearPending(run);
  else if (ctx !== null && ctx.deadline > 0) run.timer = setTimeout(run.timerFn!, Math.ceil(ctx.deadline - now));
}
