/**
 * Handle scopes and the checks that depend on them (R-WITH-*, R-ALIAS-3,
 * R-ARR-9/10 with ). A `Scope` is one
 * body: a bridge, define or tool body, or an array body nested in one.
 * Bodies declare their `with` handles up front (R-WITH-2); aliases become
 * visible in source order (R-ALIAS-3). Unknown names get a "did you mean"
 * hint computed with Levenshtein distance, after the exact R-DIAG-3 text.
 */
import type { SourceLocation } from "@bridgekit/engine";
import type { BuildContext } from "./cst.js";
import { semanticError } from "./cst.js";

export type HandleKind = "input" | "output" | "context" | "const" | "tool" | "define" | "alias" | "iterator";
export type BodyKind = "bridge" | "define" | "tool" | "array";

export interface Binding {
  kind: HandleKind;
  /** source offset of the declaration (Q-39: aliases see earlier `with`s only). */
  offset: number;
  fromWith: boolean;
}

/**
 * One body's names. Scopes are plain objects made by `createScope`, not
 * class instances: optimised code refers to the hidden class of its objects
 * only weakly, and the hidden class a constructor's instances end up with
 * is collected by a full GC that finds none alive (between two parses),
 * discarding every function compiled against it. An object literal's
 * hidden class is held by the literal itself.
 */
export interface Scope {
  readonly parent: Scope | null;
  readonly body: BodyKind;
  /** the enclosing top-level block kind (bridge, define or tool). */
  readonly block: "bridge" | "define" | "tool";
  /** start offset of the enclosing top-level block (R-DEF-2 source order). */
  readonly blockStart: number;
  readonly names: Map<string, Binding>;
  readonly arrayDepth: number;
}

export function createScope(parent: Scope | null, body: BodyKind, block: Scope["block"], blockStart: number): Scope {
  const arrayDepth = parent ? parent.arrayDepth + (body === "array" ? 1 : 0) : 0;
  return { parent, body, block, blockStart, names: new Map<string, Binding>(), arrayDepth };
}

/** Resolve a name from `scope` outwards; `aliasOffset` limits this array body's `with`s to those declared before it. */
export function lookup(scope: Scope, name: string, aliasOffset?: number): { binding: Binding; scope: Scope } | undefined {
  for (let s: Scope | null = scope; s; s = s.parent) {
    const b = s.names.get(name);
    if (!b) continue;
    if (s === scope && aliasOffset !== undefined && s.body === "array" && b.fromWith && b.offset > aliasOffset) continue;
    return { binding: b, scope: s };
  }
  return undefined;
}

function allNames(scope: Scope): string[] {
  const out = new Set<string>();
  for (let s: Scope | null = scope; s; s = s.parent) for (const k of s.names.keys()) out.add(k);
  return [...out];
}

/** What an expression builder needs: the scope, and whether it is inside an alias. */
export interface Env {
  ctx: BuildContext;
  scope: Scope;
  aliasOffset?: number;
}

function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      const cost = a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + cost);
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** `" Did you mean `x`?"` for the closest names (graphql-js didYouMean style), or "". */
export function didYouMean(name: string, candidates: string[]): string {
  const threshold = Math.floor(name.length * 0.4) + 1;
  const close = candidates
    .map((c) => ({ c, d: levenshtein(name, c) }))
    .filter((x) => x.d <= threshold && x.d < x.c.length && x.c !== name)
    .sort((x, y) => x.d - y.d || x.c.localeCompare(y.c))
    .slice(0, 3)
    .map((x) => `\`${x.c}\``);
  if (close.length === 0) return "";
  const list = close.length === 1 ? close[0] : `${close.slice(0, -1).join(", ")} or ${close[close.length - 1]}`;
  return ` Did you mean ${list}?`;
}

/** Resolve a reference root for reading (R-WITH-4, Q-18). */
export function resolveRead(env: Env, name: string, hasPath: boolean, loc: SourceLocation): Binding {
  const found = lookup(env.scope, name, env.aliasOffset);
  if (!found) {
    const hint = didYouMean(name, allNames(env.scope));
    const text = hasPath
      ? `Undeclared handle "${name}". Add 'with ${name}' or 'with ${name} as ${name}' to the bridge header.`
      : `Undeclared reference "${name}". Add 'with output as o' for output fields, or 'with ${name}' for a tool.`;
    throw semanticError(env.ctx, loc, text + hint);
  }
  if (found.binding.kind === "output") {
    throw semanticError(env.ctx, loc, `Cannot read from output handle "${name}"; the output can only be written`);
  }
  return found.binding;
}

/** Resolve a pipe stage handle (R-PIPE-1, R-PIPE-4, Q-16). */
export function resolvePipeStage(env: Env, name: string, loc: SourceLocation): void {
  const found = lookup(env.scope, name, env.aliasOffset);
  if (!found) {
    const hint = didYouMean(name, allNames(env.scope));
    throw semanticError(env.ctx, loc, `Undeclared handle in pipe: "${name}". Add 'with <tool> as ${name}' to the bridge header.${hint}`);
  }
  if (found.binding.kind !== "tool") {
    throw semanticError(env.ctx, loc, `Pipe handle "${name}" must reference a tool, got "${found.binding.kind}"`);
  }
}

/** Resolve a wire target root (R-WIRE-1, Q-18, Q-36, Q-38). */
export function resolveWrite(env: Env, name: string, hasPath: boolean, loc: SourceLocation): void {
  const found = lookup(env.scope, name);
  if (!found) resolveRead(env, name, hasPath, loc);
  const { binding, scope } = found!;
  const kind = binding.kind;
  if (kind === "input" || kind === "context" || kind === "const") {
    throw semanticError(env.ctx, loc, `Cannot write to ${kind} handle "${name}"`);
  }
  if (kind === "alias" || kind === "iterator") {
    throw semanticError(env.ctx, loc, `Cannot write to ${kind} "${name}"`);
  }
  if (env.scope.body !== "array") return;
  if (kind === "output") {
    throw semanticError(env.ctx, loc, `Cannot write to output handle "${name}" inside an array body; use an element line such as ".field <- …"`);
  }
  if (scope !== env.scope) {
    throw semanticError(env.ctx, loc, `Cannot wire outer handle "${name}" from inside an array body; loop-scoped wires may only target handles declared in the same array body`);
  }
}

/** Check a `force` target (R-FORCE-1, Q-24: tools and aliases only). */
export function resolveForce(env: Env, name: string, loc: SourceLocation): void {
  const found = lookup(env.scope, name);
  if (!found) throw semanticError(env.ctx, loc, `Cannot force undeclared handle "${name}"${didYouMean(name, allNames(env.scope))}`);
  const kind = found.binding.kind;
  if (kind !== "tool" && kind !== "alias") {
    throw semanticError(env.ctx, loc, `Cannot force ${kind} handle "${name}"; only tool handles and aliases can be forced`);
  }
}
