/**
 * Loads `executeBridge` from @bridgekit/engine and `parseBridge` from
 * @bridgekit/parser without letting a missing export or a module that fails
 * to load crash the test file: the problem is reported per test instead.
 * The specifiers are held in variables so the engine's typecheck does not
 * need the parser (which the engine package does not depend on).
 */
import type { ExecuteBridgeOptions, ExecuteResult } from "../../src/types.js";

export type ExecuteBridge = (options: ExecuteBridgeOptions) => Promise<ExecuteResult>;
export type ParseBridge = (source: string, options?: { filename?: string }) => unknown;

export interface Implementations {
  executeBridge?: ExecuteBridge;
  parseBridge?: ParseBridge;
  /** Why an implementation is unavailable, per package. */
  problems: string[];
}

const ENGINE = "@bridgekit/engine";
const PARSER = "@bridgekit/parser";

async function loadExport<T>(specifier: string, name: string, problems: string[]): Promise<T | undefined> {
  try {
    const mod = (await import(/* @vite-ignore */ specifier)) as Record<string, unknown>;
    const value = mod[name];
    if (typeof value === "function") return value as T;
    problems.push(`${specifier} does not export ${name} yet`);
  } catch (err) {
    problems.push(`${specifier} failed to load: ${(err as Error).message}`);
  }
  return undefined;
}

export async function loadImplementations(): Promise<Implementations> {
  const problems: string[] = [];
  const executeBridge = await loadExport<ExecuteBridge>(ENGINE, "executeBridge", problems);
  const parseBridge = await loadExport<ParseBridge>(PARSER, "parseBridge", problems);
  return { executeBridge, parseBridge, problems };
}
