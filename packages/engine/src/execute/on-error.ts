/**
 * Values of a tool block's `on error` fallback: a JSON literal copied afresh
 * for every use (callers may mutate results), or a dotted path read from the
 * execution context or the consts with strict traversal (unsafe keys refused,
 * inherited built-in members invisible, missing intermediates an error).
 */
import type { JsonValue } from "../ast/index.js";

const UNSAFE = new Set(["__proto__", "constructor", "prototype"]);
const BUILTIN_PROTOS: readonly object[] = [Object.prototype, Array.prototype, Function.prototype];

/** A deep copy of a JSON value whose `__proto__` keys stay plain data. */
export function copyJson(value: JsonValue): JsonValue {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(copyJson);
  const out: { [key: string]: JsonValue } = {};
  for (const key of Object.keys(value)) {
    const v = copyJson(value[key]!);
    if (key === "__proto__") Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
    else out[key] = v;
  }
  return out;
}

/** Reads `path` from the context (`kind` "context") or from the consts by name (`kind` "const"). */
export function readFallbackPath(root: Record<string, unknown>, path: readonly string[], kind: "context" | "const"): unknown {
  let value: unknown = root;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    if (UNSAFE.has(key)) throw new Error(`Unsafe property traversal: ${key}`);
    if (i === 0 && kind === "const" && !Object.prototype.hasOwnProperty.call(root, key)) {
      throw new Error(`Const "${key}" not found`);
    }
    value = readSegment(value, key);
  }
  return typeof value === "function" ? undefined : value;
}

function readSegment(value: unknown, key: string): unknown {
  // A function reached through the path reads as undefined (D-1), so reading past it fails as undefined does.
  if (value === null || value === undefined || typeof value === "function") {
    throw new TypeError(`Cannot read properties of ${value === null ? "null" : "undefined"} (reading '${key}')`);
  }
  if (typeof value !== "object") {
    const boxed = Object(value) as Record<string, unknown>;
    if (!(key in boxed)) throw new TypeError(`Cannot read properties of ${String(value)} (reading '${key}')`);
    return Object.prototype.hasOwnProperty.call(boxed, key) ? boxed[key] : undefined;
  }
  const obj = value as Record<string, unknown>;
  if (!Object.prototype.hasOwnProperty.call(obj, key) && isBuiltinMember(obj, key)) return undefined;
  return obj[key];
}

/** True when `key` is only reachable through a built-in prototype (`toString`, `map`, …). */
function isBuiltinMember(obj: object, key: string): boolean {
  for (let proto = Object.getPrototypeOf(obj); proto !== null; proto = Object.getPrototypeOf(proto)) {
    if (Object.prototype.hasOwnProperty.call(proto, key)) return BUILTIN_PROTOS.includes(proto as object);
  }
  return false;
}
