/**
 * `std.str.*`: string tools that read the field `in` (so they work as pipe
 * stages) and return `undefined` for anything that is not a string.
 */
import { inputOf, syncTool } from "./types.js";

function stringTool<R>(op: (s: string) => R) {
  return syncTool((input): R | undefined => {
    const value = inputOf(input).in;
    return typeof value === "string" ? op(value) : undefined;
  });
}

export const toUpperCase = stringTool((s) => s.toUpperCase());
export const toLowerCase = stringTool((s) => s.toLowerCase());
export const trim = stringTool((s) => s.trim());
export const length = stringTool((s) => s.length);
