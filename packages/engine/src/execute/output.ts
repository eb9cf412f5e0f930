/**
 * Turning group values into objects: output assembly (R-OUT-*), element
 * objects (R-ARR-3), define outputs (R-DEF-5) and tool inputs (R-EXEC-10),
 * plus group selection for sparse fieldsets (R-FIELDS-*).
 *
 * Writes happen after the values are known, in statement order, so the
 * result never depends on completion order (Q-43 fix): a root object merge
 * comes first, explicit field writes after it, spreads last (Q-21 mirror).
 */
import type { Group } from "../prepare/scope-index.js";
import { copyOwn, isPlainObject, objectAt, setPath } from "./paths.js";
import { Signal, ignore, startRest } from "./scope.js";

/** Collects evaluation values into one array, awaiting promises together (one Promise.all). */
export function collect(
  groups: readonly Group[],
  evaluate: (g: Group) => unknown,
): unknown[] | Promise<unknown[]> {
  const n = groups.length;
  // Stryker disable next-line ArrayDeclaration: every index below n is assigned before `out` is returned, so a growing array holds the same values.
  const out = new Array<unknown>(n);
  let pending = 0;
  // Stryker disable next-line UnaryOperator: `last` is read only when pending === 1, after the loop has set it to that promise's index.
  let last = -1;
  for (let k = 0; k < n; k++) {
    let v: unknown;
    try {
      v = evaluate(groups[k]!);
    } catch (e) {
      if (pending > 0) for (let j = 0; j < k; j++) ignore(out[j]);
      startRest(e, groups, k + 1, evaluate);
      throw e;
    }
    if (v instanceof Promise) {
      pending++;
      last = k;
    }
    out[k] = v;
  }
  if (pending === 0) return out;
  // Stryker disable next-line BlockStatement: without it Promise.all(out) settles in the same microtask with the same values (optimisation only).
  if (pending === 1) {
    // One pending value: a single then is cheaper than Promise.all.
    return (out[last] as Promise<unknown>).then((x) => {
      out[last] = x;
      return out;
    });
  }
  return Promise.all(out);
}

/**
 * Writes group values into `target` in order: field groups set their path,
 * root groups merge a plain object (anything else is stored by `onRootValue`),
 * spread groups merge a plain object at their path. A loop signal leaves its target unwritten.
 */
export function writeGroups(
  target: Record<string, unknown>,
  groups: readonly Group[],
  values: readonly unknown[],
  from: number,
  to: number,
  onRootValue: ((v: unknown) => void) | null,
  offset = 0,
): void {
  // Root merges first, so explicit fields written after them win (Q-43 fix).
  for (let k = from; k < to; k++) {
    const g = groups[k]!;
    if (g.spread || g.path.length !== 0) continue;
    const v = values[offset + k];
    if (v instanceof Signal) continue;
    if (isPlainObject(v)) copyOwn(target, v);
    else if (onRootValue) onRootValue(v);
  }
  for (let k = from; k < to; k++) {
    const g = groups[k]!;
    const v = values[offset + k];
    if (v instanceof Signal) continue;
    const path = g.path;
    if (g.spread) {
      if (isPlainObject(v)) copyOwn(objectAt(target, path), v);
    } else if (path.length === 1) {
      target[path[0]!] = v;
    } else if (path.length !== 0) {
      setPath(target, path, v);
    }
  }
}

const NO_ROOT = { none: true } as const;

/**
 * Builds an output object (bridge, define or element) from its field groups
 * and spreads (R-OUT-1, R-OUT-2, R-OUT-4). A root wire with a non-object
 * value becomes the whole result and discards field writes.
 */
export function assemble(
  groups: readonly Group[],
  values: readonly unknown[],
  spreads: readonly Group[],
  spreadValues: readonly unknown[] | null,
  offset = 0,
  spreadOffset = 0,
): unknown {
  // Root groups first (a non-object root value replaces everything).
  let root: unknown = NO_ROOT;
  for (let k = 0; k < groups.length; k++) {
    const g = groups[k]!;
    if (g.path.length !== 0) continue;
    const v = values[offset + k];
    if (v instanceof Signal) continue;
    if (!isPlainObject(v)) return v;
    root = v;
  }
  const out: Record<string, unknown> = {};
  if (root !== NO_ROOT) copyOwn(out, root as Record<string, unknown>);
  for (let k = 0; k < groups.length; k++) {
    const g = groups[k]!;
    if (g.path.length === 0) continue;
    const v = values[offset + k];
    if (v instanceof Signal) continue;
    if (g.path.length === 1) out[g.path[0]!] = v;
    else setPath(out, g.path, v);
  }
  if (spreadValues !== null) writeGroups(out, spreads, spreadValues, 0, spreads.length, null, spreadOffset);
  return out;
}

/** True when a group with key `k` is selected by `patterns` (R-FIELDS-2). */
export function selects(patterns: readonly string[], k: string): boolean {
  if (k === "") return true;
  for (const p of patterns) {
    if (p === "*") return true;
    if (p.endsWith(".*")) {
      const q = p.slice(0, -2);
      if (k === q || k.startsWith(q + ".")) return true;
    }
    // Any pattern, a wildcard one too, selects the ancestors of the paths it names.
    if (k === p || k.startsWith(p + ".") || p.startsWith(k + ".")) return true;
  }
  return false;
}

/** The groups selected by `patterns` (null or empty = all), keeping index order. */
export function selectGroups(groups: readonly Group[], patterns: readonly string[] | null): readonly Group[] {
  if (patterns === null || patterns.length === 0) return groups;
  let all = true;
  for (const g of groups) if (!selects(patterns, g.key)) all = false;
  if (all) return groups;
  return groups.filter((g) => selects(patterns, g.key));
}

/** Patterns for the body of a mapping owned by the group with key `k` (R-FIELDS-3); null = unrestricted. */
export function narrow(patterns: readonly string[] | null, k: string | null): string[] | null {
  if (patterns === null || patterns.length === 0 || k === null || k === "") return patterns as string[] | null;
  const out: string[] = [];
  for (const p of patterns) {
    if (p === "*" || p === k || p === k + ".*") return null;
    if (p.startsWith(k + ".")) out.push(p.slice(k.length + 1));
  }
  return out.length === 0 ? null : out;
}
