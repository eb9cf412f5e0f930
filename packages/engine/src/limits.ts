/**
 * Execution limits: one frozen defaults object, validation of user overrides
 * (unknown keys and bad values are refused up front, not discovered mid-run),
 * and the single constructor of limit errors so every message names the limit
 * and its value.
 */
import { BridgeLimitError } from "./errors.js";
import type { Limits } from "./types.js";

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxDepth: 30,
  maxArrayLength: 100_000,
  maxToolCalls: 10_000,
  maxOutputElements: 1_000_000,
});

const LIMIT_NAMES = Object.keys(DEFAULT_LIMITS) as (keyof Limits)[];

/** Merges `limits` and the `maxDepth` shorthand over the defaults; throws TypeError on bad input. */
export function resolveLimits(options: { maxDepth?: number; limits?: Partial<Limits> } = {}): Limits {
  const { maxDepth, limits } = options;
  if (maxDepth === undefined && limits === undefined) return DEFAULT_LIMITS;
  const out: Limits = { ...DEFAULT_LIMITS };
  if (limits !== undefined) {
    if (limits === null || typeof limits !== "object" || Array.isArray(limits)) {
      throw new TypeError("Option `limits` must be an object");
    }
    for (const key of Object.keys(limits)) {
      if (!(LIMIT_NAMES as string[]).includes(key)) {
        throw new TypeError(`Unknown limit "${key}" (known limits: ${LIMIT_NAMES.join(", ")})`);
      }
      const value = (limits as Record<string, unknown>)[key];
      if (value === undefined) continue;
      out[key as keyof Limits] = checkLimit(`limits.${key}`, value);
    }
  }
  if (maxDepth !== undefined) out.maxDepth = checkLimit("maxDepth", maxDepth);
  return Object.freeze(out);
}

function checkLimit(name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value <= 0) {
    throw new TypeError(`Option \`${name}\` must be a positive integer, got ${describe(value)}`);
  }
  return value;
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || value == null) return String(value);
  return typeof value;
}

/**
 * The error for an exceeded limit. `value` is the configured limit for most
 * limits; for `maxDepth` it is the depth that was reached (R-ARR-12 wording).
 */
export function limitError(name: keyof Limits, value: number, detail?: string): BridgeLimitError {
  const message =
    name === "maxDepth"
      ? `Maximum execution depth exceeded (${value}). Check for infinite recursion or circular array mappings.`
      : `Limit ${name} (${value}) exceeded${detail ? `: ${detail}` : ""}`;
  return new BridgeLimitError(name, value, message);
}
