/**
 * `std.arr.*`: array tools. `filter`/`find` treat every input field except
 * `in` as a criterion matched with strict equality; `first` has a strict
 * mode with fixed `pickFirst:` messages; `toArray` wraps non-arrays.
 */
import { inputOf, syncTool } from "./types.js";
import type { ToolInput } from "./types.js";

/** Reads `obj[key]` without reaching members every object inherits (`toString`, `map`, ...). */
function readKey(obj: object, key: string): unknown {
  if (Object.hasOwn(obj, key)) return (obj as Record<string, unknown>)[key];
  if (key in Object.prototype || key in Array.prototype) return undefined;
  return (obj as Record<string, unknown>)[key];
}

/** Builds the predicate of `filter`/`find` from the criteria fields. */
function matcher(input: ToolInput): (e: unknown) => boolean {
  const criteria = Object.keys(input)
    .filter((k) => k !== "in")
    .map((k) => [k, input[k]] as const);
  return (e) =>
    typeof e === "object" && e !== null && criteria.every(([k, v]) => readKey(e, k) === v);
}

export const filter = syncTool((raw): unknown[] | undefined => {
  const input = inputOf(raw);
  const list = input.in;
  if (!Array.isArray(list)) return undefined;
  return list.filter(matcher(input));
});

export const find = syncTool((raw): unknown => {
  const input = inputOf(raw);
  const list = input.in;
  if (!Array.isArray(list)) return undefined;
  return list.find(matcher(input));
});

export const first = syncTool((raw): unknown => {
  const input = inputOf(raw);
  const list = input.in;
  const strict = input.strict === true || input.strict === "true";
  if (!strict) return Array.isArray(list) ? list[0] : undefined;
  if (!Array.isArray(list) || list.length === 0) {
    throw new Error("pickFirst: expected a non-empty array");
  }
  if (list.length > 1) {
    throw new Error(`pickFirst: expected exactly one element but got ${list.length}`);
  }
  return list[0];
});

export const toArray = syncTool((raw): unknown[] => {
  const value = inputOf(raw).in;
  return Array.isArray(value) ? value : [value];
});
