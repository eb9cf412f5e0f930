/**
 * Builds the host tool map of a conformance case from its ToolSpecs, counts
 * real invocations per tool, and (for the second pass) forces every tool to
 * be asynchronous while keeping its overdefinition cost unchanged.
 */
import type { ToolContext, ToolFn, ToolMap, ToolMetadata } from "../../src/types.js";
import type { ToolSpec } from "./fixtures.js";

export type ToolMode = "written" | "async";

export interface BuiltTools {
  tools: ToolMap;
  /** Real invocations per tool key (one per function call, so one per batch chunk). */
  calls: Record<string, number>;
}

type Behaviour = (input: unknown, ctx: ToolContext) => unknown;

/** Fresh copy of JSON data, so a tool mutating its result never leaks into another call. */
export function cloneJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Compiles a test-only `js` tool body such as `(input, ctx) => input.a + 1`. */
export function compileJs(source: string): Behaviour {
  const fn = new Function(`"use strict"; return (${source});`)() as unknown;
  if (typeof fn !== "function") throw new Error(`tool js must evaluate to a function: ${source}`);
  return fn as Behaviour;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The plain behaviour of a spec, before sync/async shaping. Throws synchronously for fail/throws. */
function behaviourOf(spec: ToolSpec): Behaviour {
  if (spec === "echo") return (input) => input;
  if (spec === "fail") return () => {
    throw new Error("down");
  };
  if (spec.echo) return (input) => input;
  if (spec.fail) return () => {
    throw new Error("down");
  };
  if (spec.throws !== undefined) {
    const message = spec.throws;
    return () => {
      throw new Error(message);
    };
  }
  if (spec.js !== undefined) return compileJs(spec.js);
  const value = spec.returns;
  return () => cloneJson(value);
}

function metadataOf(spec: ToolSpec): ToolMetadata {
  if (typeof spec === "string") return {};
  const meta: ToolMetadata = {};
  if (spec.sync !== undefined) meta.sync = spec.sync;
  if (spec.batch !== undefined) meta.batch = spec.batch;
  if (spec.cost !== undefined) meta.cost = spec.cost;
  if (spec.trace !== undefined) meta.trace = spec.trace;
  if (spec.log !== undefined) meta.log = spec.log as ToolMetadata["log"];
  return meta;
}

/** Builds one tool function for `mode`; `count` is called once per real invocation. */
export function buildTool(spec: ToolSpec, mode: ToolMode, count: () => void): ToolFn {
  const behaviour = behaviourOf(spec);
  const meta = metadataOf(spec);
  const delayMs = typeof spec === "object" ? spec.delayMs : undefined;
  const isJs = typeof spec === "object" && spec.js !== undefined;
  let fn: ToolFn;
  if (delayMs !== undefined) {
    fn = async (input: unknown, ctx: ToolContext) => {
      count();
      await sleep(delayMs);
      return behaviour(input, ctx);
    };
  } else if (mode === "async") {
    fn = async (input: unknown, ctx: ToolContext) => {
      count();
      return behaviour(input, ctx);
    };
  } else if (meta.sync || isJs) {
    // sync tools, and js tools as written (they decide themselves whether to return a Promise)
    fn = (input: unknown, ctx: ToolContext) => {
      count();
      return behaviour(input, ctx);
    };
  } else {
    fn = async (input: unknown, ctx: ToolContext) => {
      count();
      return behaviour(input, ctx);
    };
  }
  if (mode === "async") {
    meta.cost = meta.cost ?? (meta.sync ? 1 : 2);
    delete meta.sync;
  }
  if (Object.keys(meta).length > 0) fn.bridge = meta;
  return fn;
}

/** The tool map of one case, keyed by the spec names (flat keys; dotted names stay flat, R-EXEC-14). */
export function buildTools(specs: Record<string, ToolSpec> | undefined, mode: ToolMode): BuiltTools {
  const tools: ToolMap = {};
  const calls: Record<string, number> = {};
  for (const [name, spec] of Object.entries(specs ?? {})) {
    calls[name] = 0;
    tools[name] = buildTool(spec, mode, () => {
      calls[name] = (calls[name] ?? 0) + 1;
    });
  }
  return { tools, calls };
}
