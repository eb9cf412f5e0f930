/**
 * Memoization caches for `with … memoize` declarations. Keys are a type-tagged
 * canonical encoding of the complete input (sorted object keys, quoted
 * strings, tags for every primitive kind), so two different inputs can never
 * share a key. Values that have no structural encoding (functions, symbols,
 * class instances) are keyed by identity. Cyclic or overly deep inputs fail
 * with a BridgeRuntimeError instead of overflowing the stack.
 */
import { BridgeRuntimeError } from "../errors.js";

const MAX_DEPTH = 100;

/** One cached outcome: the value (possibly a pending Promise) or the error a sync call threw. */
export type MemoEntry = { ok: true; value: unknown } | { ok: false; error: unknown };

export interface MemoCache {
  readonly entries: Map<string, MemoEntry>;
  /** Identity numbers for values keyed by identity; created on first use. */
  ids: WeakMap<object, number> | null;
  symbols: Map<symbol, number> | null;
  nextId: number;
}

/** A fresh cache; one per memoized declaration per execution. */
export function createMemoCache(): MemoCache {
  return { entries: new Map(), ids: null, symbols: null, nextId: 0 };
}

/** The cache key of an input value. Throws BridgeRuntimeError for cyclic or too-deep inputs. */
export function memoKey(cache: MemoCache, value: unknown): string {
  // Stryker disable next-line ArrayDeclaration: the stack is only searched for the object being encoded (stack.includes(obj)); a seeded non-object entry can never equal an object, so the keys and errors are unchanged
  return encode(cache, value, 0, []);
}

function encode(cache: MemoCache, value: unknown, depth: number, stack: object[]): string {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      return Object.is(value, -0) ? "n-0" : `n${value}`;
    case "boolean":
      return value ? "T" : "F";
    case "undefined":
      return "U";
    case "bigint":
      return `b${value}`;
    case "symbol":
      return `s${symbolId(cache, value)}`;
    case "function":
      return `f${objectId(cache, value)}`;
  }
  if (value === null) return "N";
  const obj = value as object;
  if (depth >= MAX_DEPTH) {
    throw new BridgeRuntimeError(`Cannot memoize tool input: nesting deeper than ${MAX_DEPTH} levels`);
  }
  if (stack.includes(obj)) throw new BridgeRuntimeError("Cannot memoize tool input: it contains a cycle");
  if (Array.isArray(obj)) {
    stack.push(obj);
    let out = "[";
    for (let i = 0; i < obj.length; i++) {
      if (i > 0) out += ",";
      out += i in obj ? encode(cache, obj[i], depth + 1, stack) : "H";
    }
    stack.pop();
    return `${out}]`;
  }
  if (obj instanceof Date) return `d${obj.getTime()}`;
  const proto = Object.getPrototypeOf(obj);
  if (proto !== Object.prototype && proto !== null) return `o${objectId(cache, obj)}`;
  stack.push(obj);
  const keys = Object.keys(obj).sort();
  let out = "{";
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (i > 0) out += ",";
    out += `${JSON.stringify(key)}:${encode(cache, (obj as Record<string, unknown>)[key], depth + 1, stack)}`;
  }
  stack.pop();
  return `${out}}`;
}

function objectId(cache: MemoCache, obj: object): number {
  const ids = (cache.ids ??= new WeakMap());
  let id = ids.get(obj);
  if (id === undefined) ids.set(obj, (id = cache.nextId++));
  return id;
}

function symbolId(cache: MemoCache, sym: symbol): number {
  const ids = (cache.symbols ??= new Map());
  let id = ids.get(sym);
  if (id === undefined) ids.set(sym, (id = cache.nextId++));
  return id;
}
