/**
 * Direct lanes of the general array path (see SlotRead.direct): an element
 * alias read only by one run of its fields is evaluated once per element,
 * without a slot, and located as `resolveAlias` would locate it.
 *
 * When the alias pipes the element into one plain tool (`alias r <- enrich:it`)
 * the element calls the tool itself with `callInto`: the call's outcome goes
 * to the array's ElementJoin, which reads the element's fields from it in the
 * call's own settle callback. Per element that leaves the tool's Promise and
 * one `then`; the array waits on one Promise for all of them.
 */
import { locate, type Loc } from "../errors.js";
import type { AliasDecl, Group, SlotRead } from "../prepare/scope-index.js";
import { callInto } from "./call-tool.js";
import type { CallContext, CallSink, RunState } from "./run-state.js";
import { WAIT, readLane } from "./lanes.js";
import { readPath, setPath, type Seg } from "./paths.js";
import { Signal, type Chain, type Scope } from "./scope.js";

export { INTO } from "./call-tool.js";

/** Where an asynchronous failure of a direct lane's alias is located (resolveAlias: the pipe heading it, else the reader). */
export function directLoc(lane: SlotRead): Loc | undefined {
  return (lane.decl as AliasDecl).errLoc ?? lane.loc;
}

/** A direct lane outside the element's shared wait: its own `then`, failures located as resolveAlias would. */
export function readDirectLater(lane: SlotRead, p: Promise<unknown>): Promise<unknown> {
  const loc = directLoc(lane);
  return p.then(
    (x) => readLane(lane, x),
    (e: unknown) => {
      throw locate(e, loc);
    },
  );
}

/** The piped iterator value, read as the compiled reference would (strict, located at the reference). */
function readSource(el: unknown, segs: readonly Seg[], loc: Loc | undefined): unknown {
  if (segs.length === 0) return typeof el === "function" ? undefined : el;
  try {
    return readPath(el, segs);
  } catch (e) {
    throw locate(e, loc);
  }
}

/** The elements of one mapping whose alias call reports to it. */
export class ElementJoin implements CallSink {
  /** Calls not settled yet. */
  count = 0;
  private done = false;
  private resolve: ((v: unknown) => void) | null = null;
  private reject: ((e: unknown) => void) | null = null;

  constructor(
    readonly run: RunState,
    private readonly vals: unknown[],
    private readonly W: number,
    private readonly groups: readonly Group[],
    private readonly loc: Loc | undefined,
  ) {}

  ok(ctx: CallContext, value: unknown): void {
    if (this.done) return;
    const { vals, groups } = this;
    const base = ctx.sinkIndex * this.W;
    try {
      for (let j = 0; j < groups.length; j++) if (vals[base + j] === WAIT) vals[base + j] = readLane(groups[j]!.lane!, value);
    } catch (e) {
      this.done = true;
      this.reject!(e);
      return;
    }
    if (--this.count === 0) {
      this.done = true;
      this.resolve!(undefined);
    }
  }

  fail(_ctx: CallContext, err: unknown): void {
    if (this.done) return;
    this.done = true;
    this.reject!(locate(err, this.loc));
  }

  /** The Promise of all reported elements (called once, after the loop, when count > 0). */
  wait(): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  /** The mapping failed synchronously: later outcomes are dropped. */
  drop(): void {
    this.done = true;
  }
}

/** Evaluates the alias of a direct lane as resolveAlias would, without a slot; throws the located failure. */
export function evaluateDirect(es: Scope, lane: SlotRead, c: Chain): unknown {
  try {
    return (lane.decl as AliasDecl).ev(es, c);
  } catch (e) {
    throw locate(e, lane.loc);
  }
}

/** True when the lane's alias pipes the element into a plain tool (no input wires, no self-wires, no batching). */
export function callsElement(lane: SlotRead): boolean {
  const pipe = (lane.decl as AliasDecl).pipe;
  if (pipe === null) return false;
  const tool = pipe.tool;
  const def = tool.def;
  return tool.inputs.length === 0 && def.self.length === 0 && def.error === null && def.binding.batch === null;
}

/**
 * The alias of a direct lane for which `callsElement` holds, for element
 * `el` at `index`: the tool's value, or INTO when the outcome goes to `join`.
 * Throws the located failure, as the compiled pipe would.
 */
export function callElement(join: ElementJoin, lane: SlotRead, el: unknown, index: number): unknown {
  const pipe = (lane.decl as AliasDecl).pipe!;
  try {
    const v = readSource(el, pipe.segs, pipe.srcLoc);
    if (v instanceof Signal) return v;
    try {
      let input: Record<string, unknown>;
      if (pipe.path.length === 1 && pipe.path[0] === "in") input = { in: v };
      else setPath((input = {}), pipe.path, v);
      return callInto(join.run, pipe.tool.def.binding, input, join, index);
    } catch (e) {
      throw locate(e, pipe.loc);
    }
  } catch (e) {
    throw locate(e, lane.loc);
  }
}
