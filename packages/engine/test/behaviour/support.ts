/**
 * Helpers shared by the behaviour tests: parsing through @bridgekit/parser
 * (loaded through a variable specifier, as the conformance runner does, so the
 * engine's typecheck never needs the parser), running a source text with
 * executeBridge, tools with metadata, a recording logger and deferreds.
 */
import type { BridgeDocument } from "../../src/ast/index.js";
import { executeBridge } from "../../src/index.js";
import type { ExecuteBridgeOptions, ExecuteResult, Logger, ToolFn, ToolMetadata } from "../../src/types.js";

interface ParserModule {
  parseBridge(source: string, options?: { filename?: string }): BridgeDocument;
  bridge(strings: TemplateStringsArray, ...values: unknown[]): string;
}

const PARSER = "@bridgekit/parser";
export const parser = (await import(/* @vite-ignore */ PARSER)) as ParserModule;

export function parse(source: string, filename?: string): BridgeDocument {
  return parser.parseBridge(source, filename === undefined ? undefined : { filename });
}

export type RunOptions = Omit<ExecuteBridgeOptions, "document" | "operation"> & { operation?: string };

/** Parses `source` and executes `operation` (default `Query.run`). */
export function run<T = unknown>(source: string, options: RunOptions = {}): Promise<ExecuteResult<T>> {
  const { operation = "Query.run", ...rest } = options;
  return executeBridge<T>({ document: parse(source), operation, ...rest });
}

/** Runs and returns the rejection (fails the test if the execution succeeds). */
export async function runError(source: string, options: RunOptions = {}): Promise<Error & Record<string, unknown>> {
  try {
    const result = await run(source, options);
    throw new Error(`expected a rejection, got data ${JSON.stringify(result.data)}`);
  } catch (err) {
    if (err instanceof Error && err.message.startsWith("expected a rejection")) throw err;
    return err as Error & Record<string, unknown>;
  }
}

/** A tool function with optional `.bridge` metadata. */
export function tool(fn: (input: any, ctx: any) => unknown, meta?: ToolMetadata): ToolFn {
  const f = fn as ToolFn;
  if (meta) f.bridge = meta;
  return f;
}

export interface LogLine {
  level: "debug" | "info" | "warn" | "error";
  args: unknown[];
}

/** A logger recording every call with its level. */
export function recordingLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: LogLine["level"]) => (...args: unknown[]) => {
    lines.push({ level, args });
  };
  return { logger: { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") }, lines };
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(reason: unknown): void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
