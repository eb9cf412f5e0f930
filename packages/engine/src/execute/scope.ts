/**
 * Per-execution runtime objects shared by every evaluator: the execution
 * state (`Run`), scope instances (`Scope`), slot states and loop signals.
 *
 * A scope instance points at the static index of its body and allocates its
 * slot array only when something in it is first resolved (lazy slots), so an
 * array element that only reads its iterator costs one small object.
 * Slots hold a settled value directly (`UNDEF` stands for `undefined`), the
 * `COMPUTING` sentinel while a value is being produced synchronously, a
 * `Pending` while it is awaited, or a `Failed` carrying the shared error.
 */
import { isFatal } from "../errors.js";
import type { BodyIndex, DefineDecl } from "../prepare/scope-index.js";

import type { RunState } from "./call-tool.js";
import type { MemoCache } from "./memo.js";

export type { MemoCache, RunState };

/** Everything one execution shares between its scopes (its RunState). Never shared between executions. */
export type Run = RunState;

/** A compiled evaluator: returns a value, a Promise of one, or throws. */
export type Ev = (s: Scope, c: Chain) => unknown;

/** The set of instances being resolved on the current evaluation path (R-CYCLE-1). */
export interface ChainNode {
  owner: Scope | null;
  decl: object;
  next: Chain;
}
export type Chain = ChainNode | null;

export function onChain(c: Chain, owner: Scope | null, decl: object): boolean {
  for (let n = c; n !== null; n = n.next) if (n.decl === decl && n.owner === owner) return true;
  return false;
}

/** Lazily-evaluated state of a define instance (R-DEF-3..6). */
export interface DefineInstance {
  caller: Scope;
  decl: DefineDecl;
  /** Values of the caller's input groups, by group index. */
  inputs: unknown[];
  /** Values of the define's output groups, by group index. */
  outputs: unknown[];
  /** Critical forces of the define body, awaited by every read. */
  forced: Promise<unknown> | null;
}

/** One scope instance: the bridge root, an array element, a define instance or a tool-block invocation. */
export class Scope {
  slots: unknown[] | null = null;
  constructor(
    readonly run: Run,
    readonly parent: Scope | null,
    readonly body: BodyIndex,
    readonly element: unknown,
    readonly depth: number,
    /** Sparse-fieldset patterns for this scope's output groups (null = all). */
    readonly fields: string[] | null,
    readonly def: DefineInstance | null,
  ) {}
}

/** Returns the slot array of a scope, allocating it on first use. */
export function slotsOf(s: Scope): unknown[] {
  return s.slots ?? (s.slots = new Array<unknown>(s.body.nslots));
}

/** Walks `up` lexical levels. */
export function scopeUp(s: Scope, up: number): Scope {
  let t = s;
  for (let k = up; k > 0; k--) t = t.parent!;
  return t;
}

/** Stands for a settled `undefined` in a slot (an empty slot is `undefined`). */
export const UNDEF = { undef: true } as const;
/** A slot being computed synchronously: reading it again on the same stack is a cycle. */
export const COMPUTING = { computing: true } as const;

/** A slot whose value is being awaited. */
export class Pending {
  constructor(readonly promise: Promise<unknown>) {}
}

/** A slot whose evaluation failed; every reader sees the same error (R-EXEC-3). */
export class Failed {
  constructor(readonly error: unknown) {}
}

/** A loop-control signal (R-CTRL-4, R-ARR-13..17). */
export class Signal {
  constructor(
    readonly kind: "continue" | "break",
    readonly level: number,
  ) {}
}

export const CONTINUE = new Signal("continue", 1);
export const BREAK = new Signal("break", 1);

export function signal(kind: "continue" | "break", level: number): Signal {
  if (level === 1) return kind === "continue" ? CONTINUE : BREAK;
  return new Signal(kind, level);
}

export function isPromise(v: unknown): v is Promise<unknown> {
  return v instanceof Promise;
}

/** Marks a promise as handled so abandoning it never reports an unhandled rejection. */
export function ignore(p: unknown): void {
  if (p instanceof Promise) p.then(undefined, noop);
}

export function noop(): void {}

/**
 * Work that runs concurrently (R-EXEC-4) all starts even when an earlier part
 * fails synchronously, as it would with async tools: a later part may hold a
 * fatal error (a cycle, a panic) that must win over the ordinary failure.
 * Called with the synchronous `failure`: when it is ordinary, starts `items`
 * from `from`, drops their results and ordinary failures, and throws the
 * first fatal one; a fatal `failure` already wins, so nothing starts.
 */
export function startRest<T>(failure: unknown, items: readonly T[], from: number, start: (item: T) => unknown): void {
  if (isFatal(failure)) return;
  for (let i = from; i < items.length; i++) {
    try {
      ignore(start(items[i]!));
    } catch (err) {
      if (isFatal(err)) throw err;
    }
  }
}
