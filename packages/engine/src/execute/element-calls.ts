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
import type { CallContext, CallSink } from "./run-state.js";
import { WAIT, readLane } from "./lanes.js";
import { setPath } from "./paths.js";
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

/** The elements of one mapping whose alias call reports to it. */
export class ElementJoin implements CallSink {
  /** Calls not settled yet. */
  count = 0;
  private done = false;
  private resolve: ((v: unknown) => void) | null = null;
  private reject: ((e: unknown) => void) | null = null;

  constructor(
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

/**
 * Evaluates the alias of a direct lane for element `index`: through the
 * element call path when the alias is a plain one-tool pipe and `join` is
 * given (then INTO means the outcome goes to `join`), else its compiled
 * chain. Throws the located failure.
 */
export function evaluateDirect(es: Scope, lane: SlotRead, c: Chain, join: ElementJoin | null, index: number): unknown {
  const decl = lane.decl as AliasDecl;
  const pipe = decl.pipe;
  try {
    if (join === null || pipe === null) return decl.ev(es, c);
    const tool = pipe.tool;
    const def = tool.def;
    if (tool.inputs.length !== 0 || def.self.length !== 0 || def.error !== null || def.binding.batch !== null) return decl.ev(es, c);
    const v = pipe.source(es, c);
    if (v instanceof Promise) return decl.ev(es, c);
    if (v instanceof Signal) return v;
    try {
      const input: Record<string, unknown> = {};
      setPath(input, pipe.path, v);
      return callInto(es.run, def.binding, input, join, index);
    } catch (e) {
      throw locate(e, pipe.loc);
    }
  } catch (e) {
    throw locate(e, lane.loc);
  }
}
