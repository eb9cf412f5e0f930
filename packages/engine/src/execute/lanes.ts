/**
 * Lanes: a field or tool-input group that is a plain strict read of an alias
 * or tool instance (`.a <- resp.a`, `svcB.x <- svcA.lat`). Groups reading the
 * same pending instance one after another wait on it once (one `then`, not
 * one per group) and read their paths from its value, with the results,
 * errors and locations each group would have produced on its own.
 */
import { locate, type Loc } from "../errors.js";
import type { Group, SlotRead } from "../prepare/scope-index.js";
import { resolveAlias, resolveTool } from "./instances.js";
import { readPath } from "./paths.js";
import { Signal, ignore, scopeUp, startRest, type Chain, type Scope } from "./scope.js";

/** Marks a value still waiting for the shared instance. */
export const WAIT = { wait: true } as const;

/** The instance value of a lane (or a Promise of it); throws what the instance failed with. */
export function resolveLane(s: Scope, lane: SlotRead, c: Chain): unknown {
  const owner = lane.up === 0 ? s : scopeUp(s, lane.up);
  const d = lane.decl;
  return d.kind === "alias" ? resolveAlias(owner, d, c, lane.loc) : resolveTool(owner, d, c, lane.loc);
}

/** Reads a lane's path from its instance value, as the compiled reference would. */
export function readLane(lane: SlotRead, v: unknown): unknown {
  const segs = lane.segs;
  if (segs.length === 1 && v !== null && typeof v === "object") {
    const seg = segs[0]!;
    if (!seg.unsafe && !(v instanceof Signal)) {
      const r = (v as Record<string | number, unknown>)[seg.key];
      return typeof r === "function" ? undefined : r;
    }
  }
  if (segs.length === 0) return typeof v === "function" ? undefined : v;
  if (v instanceof Signal && lane.decl.kind === "alias") return v;
  try {
    return readPath(v, segs);
  } catch (e) {
    throw locate(e, lane.loc);
  }
}

/**
 * Once `p` settles, replaces the WAIT entries of `groups` in `vals` (from
 * `base`), in group order. A rejection is located at `loc` unless `loc` is
 * null (slot values are located already).
 */
export function readWaiting(
  vals: unknown[],
  base: number,
  groups: readonly Group[],
  p: Promise<unknown>,
  loc: Loc | undefined | null,
): Promise<void> {
  const fill = (x: unknown): void => {
    for (let j = 0; j < groups.length; j++) if (vals[base + j] === WAIT) vals[base + j] = readLane(groups[j]!.lane!, x);
  };
  if (loc === null) return p.then(fill);
  return p.then(fill, (e: unknown) => {
    throw locate(e, loc);
  });
}

/** Receives the values of `collectGroups` when they are not all there at once (instead of a Promise). */
export interface Collected {
  inputsReady(vals: unknown[]): void;
  inputsFailed(e: unknown): void;
}

/** Returned by `collectGroups` when the values will be handed to its `then`. */
export const DEFERRED = { deferred: true } as const;

/**
 * Evaluates `groups` in `s` (values, or one Promise of all of them), like
 * `collect` in output.ts but with lanes: consecutive lanes on the same
 * pending instance wait on it once. Used for tool inputs (R-EXEC-4). With
 * `then`, pending values are handed to it when complete and DEFERRED is
 * returned (one `then` less than waiting on the returned Promise).
 */
export function collectGroups(
  groups: readonly Group[],
  s: Scope,
  c: Chain,
  then: Collected | null = null,
): unknown[] | Promise<unknown[]> | typeof DEFERRED {
  const n = groups.length;
  const out = new Array<unknown>(n);
  let pending = 0;
  let last = -1;
  let wait: Promise<unknown> | null = null;
  let waited: Promise<unknown[]> | null = null;
  // Set when the shared wait alone completes the values and `then` takes them.
  let cont: Collected | null = null;
  let open = false;
  for (let k = 0; k < n; k++) {
    const g = groups[k]!;
    let v: unknown;
    try {
      const lane = g.lane;
      if (lane !== null) {
        v = resolveLane(s, lane, c);
        if (v instanceof Promise) {
          if (wait === null) {
            wait = v;
            open = true;
            // Attached now, so its reaction keeps the place the first lane's read would have had.
            waited = v.then(
              (x) => {
                try {
                  for (let j = 0; j < n; j++) if (out[j] === WAIT) out[j] = readLane(groups[j]!.lane!, x);
                } catch (e) {
                  if (cont === null) throw e;
                  cont.inputsFailed(e);
                  return out;
                }
                cont?.inputsReady(out);
                return out;
              },
              (e: unknown) => {
                if (cont === null) throw e;
                cont.inputsFailed(e);
                return out;
              },
            );
          }
          if (open && v === wait) {
            out[k] = WAIT;
            continue;
          }
          v = v.then((x) => readLane(lane, x));
        } else v = readLane(lane, v);
      } else v = g.ev(s, c);
    } catch (e) {
      if (pending > 0) for (let j = 0; j < k; j++) ignore(out[j]);
      ignore(waited);
      startRest(e, groups, k + 1, (g) => (g.lane !== null ? resolveLane(s, g.lane, c) : g.ev(s, c)));
      throw e;
    }
    open = false;
    if (v instanceof Promise) {
      pending++;
      last = k;
    }
    out[k] = v;
  }
  if (waited !== null) {
    if (pending > 0) return handOver(joinWaited(waited, out), then);
    if (then === null) return waited;
    cont = then;
    return DEFERRED;
  }
  if (pending === 0) return out;
  if (pending === 1) {
    // One pending value: a single then is cheaper than Promise.all.
    const one = out[last] as Promise<unknown>;
    if (then === null) {
      return one.then((x) => {
        out[last] = x;
        return out;
      });
    }
    one.then(
      (x) => {
        out[last] = x;
        then.inputsReady(out);
      },
      (e: unknown) => then.inputsFailed(e),
    );
    return DEFERRED;
  }
  return handOver(Promise.all(out), then);
}

function handOver(p: Promise<unknown[]>, then: Collected | null): Promise<unknown[]> | typeof DEFERRED {
  if (then === null) return p;
  p.then(
    (vals) => then.inputsReady(vals),
    (e: unknown) => then.inputsFailed(e),
  );
  return DEFERRED;
}

function joinWaited(waited: Promise<unknown[]>, out: unknown[]): Promise<unknown[]> {
  const ps: Promise<unknown>[] = [waited];
  const at: number[] = [];
  for (let k = 0; k < out.length; k++) {
    const v = out[k];
    if (v instanceof Promise) {
      ps.push(v);
      at.push(k);
    }
  }
  return Promise.all(ps).then((res) => {
    for (let i = 0; i < at.length; i++) out[at[i]!] = res[i + 1];
    return out;
  });
}
