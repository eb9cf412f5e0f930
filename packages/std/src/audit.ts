/**
 * `std.audit`: logs its input (without `level`) through the execution's
 * logger as `logger[level](data, "[bridge:audit]")` and returns the input
 * object itself, so later wires can read fields back.
 */
import { inputOf, syncTool } from "./types.js";
import type { Logger } from "./types.js";

export const AUDIT_TAG = "[bridge:audit]";

/** Finds the logger method for `level`, ignoring members inherited from Object.prototype. */
function loggerMethod(logger: Logger | undefined, level: unknown): ((...args: unknown[]) => void) | undefined {
  if (typeof logger !== "object" || logger === null || typeof level !== "string") return undefined;
  if (!Object.hasOwn(logger, level) && level in Object.prototype) return undefined;
  const fn = (logger as Record<string, unknown>)[level];
  return typeof fn === "function" ? (fn as (...args: unknown[]) => void) : undefined;
}

export const audit = syncTool((raw, ctx) => {
  const input = inputOf(raw);
  const { level = "info", ...data } = input;
  const logger = ctx?.logger;
  const method = loggerMethod(logger, level);
  // Called with the logger as `this`: pino-style loggers need their receiver.
  if (method) method.call(logger, data, AUDIT_TAG);
  return raw;
});
