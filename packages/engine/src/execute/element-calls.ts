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
import { isFatal, locate, type Loc } from "../errors.js";
import type { AliasDecl, Group, SlotRead } from "../prepare/scope-index.js";
import { callInto } from "./call-tool.js";
import type { CallContext, CallSink, RunState } from "./run-state.js";
import { WAIT, readLane } from "./lanes.js";
import { readPath, setPath, type Seg } from "./paths.js";
import { Failed, type Chain, type Scope } from "./scope.js";

import { INTO } from "./call-tool.js";

export { INTO };

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

/**
 * The calls of one mapping's elements, reporting to it: counts the calls not
 * settled yet, fails on the first failure (in time) and resolves once every
 * call has settled. Subclasses say what a call's value does (`store`) and
 * what the mapping resolves with (`result`).
 */
abstract class ElementCalls implements CallSink {
  /** Calls not settled yet. */
  count = 0;
  private done = false;
  private resolve: ((v: unknown) => void) | null = null;
  private reject: ((e: unknown) => void) | null = null;

  constructor(
    readonly run: RunState,
    private readonly loc: Loc | undefined,
  ) {}

  /** Takes the value of element `index`'s call; throws a field's located read failure. */
  protected abstract store(index: number, value: unknown): void;

  /** What the mapping resolves with once every call settled. */
  protected abstract result(): unknown;

  ok(ctx: CallContext, value: unknown): void {
    if (this.done) return;
    try {
      this.store(ctx.sinkIndex, value);
    } catch (e) {
      this.done = true;
      this.reject!(e);
      return;
    }
    if (--this.count === 0) {
      this.done = true;
      this.resolve!(this.result());
    }
  }

  fail(_ctx: CallContext, err: unknown): void {
    if (this.done) return;
    this.done = true;
    this.reject!(locate(err, this.loc));
  }

  /** The Promise of the mapping (called once, after the loop, when count > 0). */
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

/** The elements of one mapping whose alias call reports to it: fills the element's waiting fields. */
export class ElementJoin extends ElementCalls {
  constructor(
    run: RunState,
    private readonly vals: unknown[],
    private readonly W: number,
    private readonly groups: readonly Group[],
    loc: Loc | undefined,
  ) {
    super(run, loc);
  }

  protected store(index: number, value: unknown): void {
    const { vals, groups } = this;
    const base = index * this.W;
    for (let j = 0; j < groups.length; j++) if (vals[base + j] === WAIT) vals[base + j] = readLane(groups[j]!.lane!, value);
  }

  protected result(): unknown {
    return undefined;
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
 * Throws the located failure, as the compiled pipe would. The piped value is
 * iterator data, never a loop signal (signals are never stored in values).
 */
export function callElement(join: ElementCalls, lane: SlotRead, el: unknown, index: number): unknown {
  const pipe = (lane.decl as AliasDecl).pipe!;
  try {
    const v = readSource(el, pipe.segs, pipe.srcLoc);
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

/**
 * True when every selected field is a direct lane of one alias that pipes the
 * element into a plain tool, with a one-segment key, and there are no
 * spreads: the mapping is then one tool call per element and the element
 * objects are built straight from the call results (`mapCalls`).
 */
export function callsOnly(groups: readonly Group[], spreads: readonly Group[]): boolean {
  if (spreads.length !== 0 || groups.length === 0) return false;
  const first = groups[0]!.lane;
  if (first === null || !first.direct || !callsElement(first)) return false;
  for (const g of groups) {
    if (g.lane === null || g.lane.decl !== first.decl || g.path.length !== 1) return false;
  }
  return true;
}

/** Builds the element objects of `mapCalls` as the calls settle. */
export class ElementBuilder extends ElementCalls {
  constructor(
    run: RunState,
    private readonly out: unknown[],
    private readonly groups: readonly Group[],
    private readonly tpl: Record<string, unknown>,
    loc: Loc | undefined,
  ) {
    super(run, loc);
  }

  /** The element object of a call result; throws a field's located read failure. */
  build(value: unknown): Record<string, unknown> {
    const groups = this.groups;
    const o: Record<string, unknown> = { ...this.tpl };
    for (let j = 0; j < groups.length; j++) {
      const g = groups[j]!;
      o[g.path[0]!] = readLane(g.lane!, value);
    }
    return o;
  }

  protected store(index: number, value: unknown): void {
    this.out[index] = this.build(value);
  }

  protected result(): unknown {
    return this.out;
  }
}

/**
 * Maps `src` when `callsOnly` holds: one call per element (in element order,
 * as the general path makes them), element objects built from the results.
 * No signal can occur (the piped value is iterator data, the alias a tool
 * result), so the built array is the result.
 */
export function mapCalls(run: RunState, groups: readonly Group[], src: readonly unknown[]): unknown {
  const lane = groups[0]!.lane!;
  const n = src.length;
  const out = new Array<unknown>(n);
  const tpl: Record<string, unknown> = {};
  for (const g of groups) tpl[g.path[0]!] = undefined;
  const builder = new ElementBuilder(run, out, groups, tpl, directLoc(lane));
  // As in mapGeneral: an ordinary synchronous failure waits until every element's call has started (R-EXEC-4).
  let failure: Failed | null = null;
  for (let i = 0; i < n; i++) {
    let v: unknown;
    try {
      v = callElement(builder, lane, src[i], i);
      if (v !== INTO) out[i] = builder.build(v);
    } catch (e) {
      if (isFatal(e)) {
        failure = new Failed(e);
        break;
      }
      failure ??= new Failed(e);
      continue;
    }
    if (v === INTO) builder.count++;
  }
  if (failure !== null) {
    builder.drop();
    throw failure.error;
  }
  return builder.count > 0 ? builder.wait() : out;
}
