/**
 * Runs one conformance case in one pass (tools as written, or all forced
 * async) and checks data or error, trace count, call counts, and that the
 * caller's input and context were not mutated.
 */
import { expect } from "vitest";
import type { BridgeDocument } from "../../src/ast/index.js";
import type { ExecuteBridgeOptions } from "../../src/types.js";
import type { FixtureCase } from "./fixtures.js";
import { reviveExpected, snapshot } from "./expected.js";
import type { ExecuteBridge } from "./load-engine.js";
import { buildTools, type ToolMode } from "./tools.js";

interface ThrownLike {
  name?: unknown;
  message?: unknown;
  loc?: { startLine: number; startColumn: number; endLine: number; endColumn: number };
  traces?: unknown[];
}

/** Checks a parse failure against `expect.syntaxError`. */
export function checkSyntaxError(testCase: FixtureCase, parse: () => unknown): void {
  const want = (testCase.expect as { syntaxError: { message?: string; messageIncludes?: string; line?: number } }).syntaxError;
  let thrown: unknown;
  let parsed = false;
  try {
    parse();
    parsed = true;
  } catch (err) {
    thrown = err;
  }
  expect(parsed, "parseBridge should have thrown a BridgeSyntaxError").toBe(false);
  const err = thrown as ThrownLike & { line?: unknown };
  expect(err.name, `error class (message: ${String(err.message)})`).toBe("BridgeSyntaxError");
  if (want.message !== undefined) expect(err.message).toBe(want.message);
  if (want.messageIncludes !== undefined) expect(String(err.message)).toContain(want.messageIncludes);
  if (want.line !== undefined) expect(err.line, "error line").toBe(want.line);
}

/** Executes one case and checks every expectation. */
export async function runCase(
  executeBridge: ExecuteBridge,
  document: BridgeDocument,
  testCase: FixtureCase,
  mode: ToolMode,
): Promise<void> {
  const { tools, calls } = buildTools(testCase.tools, mode);
  const input = testCase.input;
  const context = testCase.context;
  const inputBefore = snapshot(input);
  const contextBefore = snapshot(context);
  const options: ExecuteBridgeOptions = {
    document,
    operation: testCase.operation ?? "",
    tools,
    ...(input !== undefined ? { input } : {}),
    ...(context !== undefined ? { context } : {}),
    ...(testCase.options as Partial<ExecuteBridgeOptions> | undefined),
  };
  if (testCase.traces !== undefined && options.trace === undefined) options.trace = "basic";

  let data: unknown;
  let traces: unknown[] | undefined;
  let thrown: unknown;
  let failed = false;
  try {
    const result = await executeBridge(options);
    data = result.data;
    traces = result.traces;
  } catch (err) {
    failed = true;
    thrown = err;
    traces = (err as ThrownLike | null)?.traces;
  }

  if ("data" in testCase.expect) {
    if (failed) {
      const err = thrown as ThrownLike;
      expect.fail(`expected data, got ${String(err?.name)}: ${String(err?.message)}`);
    }
    expect(data).toStrictEqual(reviveExpected(testCase.expect.data));
  } else if ("error" in testCase.expect) {
    const want = testCase.expect.error;
    if (!failed) expect.fail(`expected ${want.class}: ${want.message}, got data ${JSON.stringify(data)}`);
    const err = thrown as ThrownLike;
    expect(`${String(err.name)}: ${String(err.message)}`).toBe(`${want.class}: ${want.message}`);
    if (want.loc !== undefined) {
      const loc = err.loc;
      expect(loc ? [loc.startLine, loc.startColumn, loc.endLine, loc.endColumn] : undefined, "error loc").toEqual(want.loc);
    }
  }

  if (testCase.traces !== undefined) {
    expect(traces?.length, "trace entries").toBe(testCase.traces);
  }
  if (testCase.calls !== undefined) {
    const got: Record<string, number> = {};
    for (const name of Object.keys(testCase.calls)) got[name] = calls[name] ?? 0;
    expect(got, "tool calls").toEqual(testCase.calls);
  }
  expect(input, "input must not be mutated").toStrictEqual(inputBefore);
  expect(context, "context must not be mutated").toStrictEqual(contextBefore);
}
