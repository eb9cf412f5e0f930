/**
 * Resolving tool instances, pipe stages and aliases inside scope instances.
 *
 * A tool instance is called at most once per scope instance (R-EXEC-3): its
 * slot holds the settled value, a `Pending` shared by concurrent readers, or
 * a `Failed` shared by every reader (located at the first reader, R-LOC-2).
 * The input is assembled in two phases (R-EXEC-4, R-TOOL-7): tool-block
 * self-wires in a fresh invocation scope (private dependencies, R-TOOL-8),
 * then the caller's wire groups; both are written in statement order.
 * Re-entering an instance on the current evaluation path is a fatal cycle
 * (R-CYCLE-1); a synchronous re-entry is seen through the `COMPUTING` slot.
 */
import { BridgePanicError, locate, type Loc } from "../errors.js";
import type { AliasDecl, Group, ToolDecl } from "../prepare/scope-index.js";
import { INTO, callInto, callTool, type CallSink } from "./call-tool.js";
import { DEFERRED, collectGroups, type Collected } from "./lanes.js";
import { createMemoCache } from "./memo.js";
import { collect, writeGroups } from "./output.js";
import type { CallContext } from "./run-state.js";
import { setPath } from "./paths.js";
import {
  COMPUTING,
  Failed,
  Pending,
  Scope,
  ignore,
  UNDEF,
  onChain,
  slotsOf,
  type Chain,
  type MemoCache,
} from "./scope.js";

function cycle(message: string, loc: Loc | undefined): BridgePanicError {
  return new BridgePanicError(message, { loc });
}

/**
 * Evaluates a slot once: `compute` runs with a chain that includes this
 * instance; the result (or located failure) is stored for every reader.
 */
export function once(
  slots: unknown[],
  slot: number,
  owner: Scope,
  decl: object,
  c: Chain,
  loc: Loc | undefined,
  cycleMessage: string,
  compute: (c: Chain) => unknown,
): unknown {
  const x = slots[slot];
  if (x !== undefined) {
    if (x === UNDEF) return undefined;
    if (x instanceof Pending) {
      if (onChain(c, owner, decl)) throw cycle(cycleMessage, loc);
      return x.promise;
    }
    if (x instanceof Failed) throw x.error;
    if (x === COMPUTING) throw cycle(cycleMessage, loc);
    return x;
  }
  slots[slot] = COMPUTING;
  let r: unknown;
  try {
    r = compute({ owner, decl, next: c });
  } catch (e) {
    const err = locate(e, loc);
    slots[slot] = new Failed(err);
    throw err;
  }
  if (r instanceof Promise) {
    const p = r.then(
      (v: unknown) => {
        slots[slot] = v === undefined ? UNDEF : v;
        return v;
      },
      (e: unknown) => {
        const err = locate(e, loc);
        slots[slot] = new Failed(err);
        throw err;
      },
    );
    slots[slot] = new Pending(p);
    return p;
  }
  slots[slot] = r === undefined ? UNDEF : r;
  return r;
}

/** Reads a tool instance owned by `owner` (R-EXEC-6, R-EXEC-9). */
export function resolveTool(owner: Scope, decl: ToolDecl, c: Chain, loc: Loc | undefined): unknown {
  const slots = owner.slots ?? slotsOf(owner);
  const slot = decl.slot;
  const x = slots[slot];
  if (x !== undefined) {
    if (x === UNDEF) return undefined;
    if (x instanceof Pending) {
      if (c !== null && onChain(c, owner, decl)) throw cycle(`Circular dependency detected: "${decl.key}" depends on itself`, loc);
      return x.promise;
    }
    if (x instanceof Failed) throw x.error;
    if (x === COMPUTING) throw cycle(`Circular dependency detected: "${decl.key}" depends on itself`, loc);
    return x;
  }
  slots[slot] = COMPUTING;
  let r: unknown;
  const binding = decl.def.binding;
  // A call that may be asynchronous settles the slot itself (no Promise of its own, no `then`).
  const sink = decl.memo < 0 && !binding.sync && binding.batch === null ? new SlotSink(slots, slot, loc) : null;
  try {
    const leaf = decl.inputs.length === 0 && decl.def.self.length === 0;
    r = invokeTool(owner, decl, leaf ? c : { owner, decl, next: c }, null, undefined, sink);
  } catch (e) {
    const err = locate(e, loc);
    slots[slot] = new Failed(err);
    throw err;
  }
  if (r === INTO) r = sink!.wait();
  else if (r instanceof Promise && (sink === null || r !== sink.created())) return settleSlot(slots, slot, r, loc);
  if (r instanceof Promise) {
    slots[slot] = new Pending(r);
    return r;
  }
  slots[slot] = r === undefined ? UNDEF : r;
  return r;
}

/** An instance whose hidden class is kept alive (shapes.ts). */
export function slotSinkShape(): object {
  return new SlotSink([], 0, undefined);
}

/**
 * Settles a tool slot from its call (`callInto`) or its deferred input
 * assembly, as settleSlot would; as `Collected`, it receives the inputs that
 * were not all there at once and makes the call.
 */
class SlotSink implements CallSink, Collected {
  private promise: Promise<unknown> | null = null;
  private res: ((v: unknown) => void) | null = null;
  private rej: ((e: unknown) => void) | null = null;
  owner: Scope | null = null;
  private decl: ToolDecl | null = null;
  private input: Record<string, unknown> | null = null;

  /** Remembers what `ready` needs to make the call. */
  phase(decl: ToolDecl, input: Record<string, unknown>): this {
    this.decl = decl;
    this.input = input;
    return this;
  }

  inputsReady(vals: unknown[]): void {
    const decl = this.decl!;
    const input = this.input!;
    let r: unknown;
    try {
      writeInput(input, decl.inputs, vals);
      r = call(this.owner!, decl, input, null, undefined, this);
    } catch (e) {
      this.failWith(e);
      return;
    }
    if (r !== INTO) this.settle(r);
  }

  constructor(
    private readonly slots: unknown[],
    private readonly slot: number,
    private readonly loc: Loc | undefined,
  ) {}

  /** The slot's Promise; created before any outcome can arrive. */
  wait(): Promise<unknown> {
    return (this.promise ??= new Promise((resolve, reject) => {
      this.res = resolve;
      this.rej = reject;
    }));
  }

  created(): Promise<unknown> | null {
    return this.promise;
  }

  settle(v: unknown): void {
    this.slots[this.slot] = v === undefined ? UNDEF : v;
    this.res!(v);
  }

  failWith(e: unknown): void {
    const err = locate(e, this.loc);
    this.slots[this.slot] = new Failed(err);
    this.rej!(err);
  }

  ok(_ctx: CallContext, v: unknown): void {
    this.settle(v);
  }

  fail(_ctx: CallContext, e: unknown): void {
    this.failWith(e);
  }

  inputsFailed(e: unknown): void {
    this.failWith(e);
  }
}

function settleSlot(slots: unknown[], slot: number, r: Promise<unknown>, loc: Loc | undefined): Promise<unknown> {
  const p = r.then(
    (v: unknown) => {
      slots[slot] = v === undefined ? UNDEF : v;
      return v;
    },
    (e: unknown) => {
      const err = locate(e, loc);
      slots[slot] = new Failed(err);
      throw err;
    },
  );
  slots[slot] = new Pending(p);
  return p;
}

/** Reads an alias owned by `owner` (R-ALIAS-2): evaluated on first read, cached for the scope instance. */
export function resolveAlias(owner: Scope, decl: AliasDecl, c: Chain, loc: Loc | undefined): unknown {
  const slots = owner.slots ?? slotsOf(owner);
  const slot = decl.slot;
  const x = slots[slot];
  if (x !== undefined) {
    if (x === UNDEF) return undefined;
    if (x instanceof Pending) {
      if (c !== null && onChain(c, owner, decl)) throw cycle(`Circular dependency detected in alias "${decl.name}"`, loc);
      return x.promise;
    }
    if (x instanceof Failed) throw x.error;
    if (x === COMPUTING) throw cycle(`Circular dependency detected in alias "${decl.name}"`, loc);
    return x;
  }
  const dep = decl.dep;
  if (dep !== null && slots[dep.slot] === undefined) resolveDeps(owner, slots, dep, c, decl.depLoc);
  slots[slot] = COMPUTING;
  let r: unknown;
  try {
    r = decl.ev(owner, { owner, decl, next: c });
  } catch (e) {
    const err = locate(e, loc);
    slots[slot] = new Failed(err);
    throw err;
  }
  if (r instanceof Promise) return settleSlot(slots, slot, r, decl.errLoc ?? loc);
  slots[slot] = r === undefined ? UNDEF : r;
  return r;
}

/**
 * Resolves a chain of aliases that each read the previous one
 * (`alias b <- a`, `alias c <- b`, …) from the innermost outwards, so a long
 * chain never recurses. Their primaries are evaluated anyway (R-FALL-1), so
 * this changes only the order, not what runs.
 */
function resolveDeps(owner: Scope, slots: unknown[], first: AliasDecl, c: Chain, firstLoc: Loc | undefined): void {
  const todo: AliasDecl[] = [];
  for (let d: AliasDecl | null = first; d !== null && slots[d.slot] === undefined; d = d.dep) todo.push(d);
  for (let k = todo.length - 1; k >= 0; k--) {
    const d = todo[k]!;
    if (slots[d.slot] !== undefined) continue;
    try {
      const v = resolveAlias(owner, d, c, k === 0 ? firstLoc : todo[k - 1]!.depLoc);
      ignore(v);
    } catch {
      // The failure is stored in the slot; the reader that needs it rethrows it.
    }
  }
}

function memoOf(owner: Scope, decl: ToolDecl): MemoCache | null {
  if (decl.memo < 0) return null;
  const memos = (owner.run.memos ??= []);
  return memos[decl.memo] ?? (memos[decl.memo] = createMemoCache());
}

function writeInput(input: Record<string, unknown>, groups: readonly Group[], values: readonly unknown[]): void {
  writeGroups(input, groups, values, 0, groups.length, (v) => {
    input.__rootValue__ = v;
  });
}

/**
 * Builds the input of one call of `decl` and calls the tool. `pipe` is the
 * piped value and its input path for a pipe stage (R-PIPE-2/3): uncached and
 * never memoized.
 */
export function invokeTool(
  owner: Scope,
  decl: ToolDecl,
  c: Chain,
  pipePath: readonly string[] | null,
  pipeValue: unknown,
  sink: SlotSink | null = null,
): unknown {
  const def = decl.def;
  if (def.error !== null) throw new Error(def.error);
  const input: Record<string, unknown> = {};
  if (def.self.length === 0) return callerPhase(owner, decl, c, input, pipePath, pipeValue, sink);
  const inv = new Scope(owner.run, null, def.body!, undefined, 0, null, null);
  const selfValues = collect(def.self, (g) => g.ev(inv, c));
  if (selfValues instanceof Promise) {
    return selfValues.then((vals) => {
      writeInput(input, def.self, vals);
      return callerPhase(owner, decl, c, input, pipePath, pipeValue, null);
    });
  }
  writeInput(input, def.self, selfValues);
  return callerPhase(owner, decl, c, input, pipePath, pipeValue, sink);
}

/** Phase 2 of input assembly (the caller's wires) and the call itself. */
function callerPhase(
  owner: Scope,
  decl: ToolDecl,
  c: Chain,
  input: Record<string, unknown>,
  pipePath: readonly string[] | null,
  pipeValue: unknown,
  sink: SlotSink | null,
): unknown {
  const groups = decl.inputs;
  if (groups.length === 0) return call(owner, decl, input, pipePath, pipeValue, sink);
  // With a sink, inputs that are not all there yet go to the sink, which then
  // calls the tool and settles the slot's own Promise (see SlotSink.ready).
  if (sink !== null) sink.owner = owner;
  const values = collectGroups(groups, owner, c, sink !== null ? sink.phase(decl, input) : null);
  if (values === DEFERRED) return sink!.wait();
  if (values instanceof Promise) {
    // A manual deferred instead of returning the call's Promise from a then
    // callback: that would cost two extra microtask hops per tool.
    return new Promise((resolve, reject) => {
      values.then((vals) => {
        let r: unknown;
        try {
          writeInput(input, groups, vals);
          r = call(owner, decl, input, pipePath, pipeValue, null);
        } catch (e) {
          reject(e);
          return;
        }
        if (r instanceof Promise) r.then(resolve, reject);
        else resolve(r);
      }, reject);
    });
  }
  writeInput(input, groups, values as unknown[]);
  return call(owner, decl, input, pipePath, pipeValue, sink);
}

function call(
  owner: Scope,
  decl: ToolDecl,
  input: Record<string, unknown>,
  pipePath: readonly string[] | null,
  pipeValue: unknown,
  sink: SlotSink | null,
): unknown {
  if (pipePath !== null) {
    setPath(input, pipePath, pipeValue);
    return callTool(owner.run, decl.def.binding, input, null);
  }
  if (sink !== null) return callInto(owner.run, decl.def.binding, input, sink, 0);
  return callTool(owner.run, decl.def.binding, input, memoOf(owner, decl));
}
