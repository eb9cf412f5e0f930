import { createRunState, createToolBinding } from "../../src/execute/call-tool.js";
import type { OnErrorFallback, RunStateOptions } from "../../src/execute/call-tool.js";
import { DEFAULT_LIMITS } from "../../src/limits.js";
import type { ToolFn, ToolMetadata } from "../../src/types.js";

export function makeRun(options: Partial<RunStateOptions> = {}) {
  return createRunState({ toolTimeoutMs: 0, limits: DEFAULT_LIMITS, context: {}, consts: {}, ...options });
}

export function makeTool<F extends (input: any, ctx: any) => unknown>(fn: F, meta?: ToolMetadata): ToolFn {
  if (meta) (fn as ToolFn).bridge = meta;
  return fn as ToolFn;
}

export function bind(fn: ToolFn | undefined, extra: { toolName?: string; fnName?: string; onError?: OnErrorFallback } = {}) {
  return createToolBinding({
    toolName: extra.toolName ?? "t",
    fnName: extra.fnName ?? extra.toolName ?? "t",
    fn,
    onError: extra.onError ?? null,
  });
}

export const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
