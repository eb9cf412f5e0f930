/**
 * `on error <- ctx.path` with values JSON cannot hold (R-TOOL-9, D-1): the
 * fallback path follows the same strict rules as any reference, so a function
 * reached through it reads as `undefined`, and reading past a function fails
 * exactly as a wire reading the same path does. (Paths over JSON values are
 * fixtures: test/fixtures/tool/on-error-paths.*.)
 */
import { defineSuite, tool, type HardeningCase } from "../hardening/support.js";
import { fallback, wire } from "./on-error-sources.js";

const fail = () => ({
  fail: tool(() => {
    throw new Error("down");
  }),
});
const withFn = () => ({ fb: Object.assign(() => "called", { label: "L" }), nested: { fn: () => 1 } });

const cases: HardeningCase[] = [
  {
    name: "D-1: a fallback path ending at a function gives undefined",
    source: fallback("fb"),
    context: withFn,
    tools: fail,
    expect: { data: { v: undefined } },
  },
  {
    name: "D-1: a fallback path ending at a nested function gives undefined",
    source: fallback("nested.fn"),
    context: withFn,
    tools: fail,
    expect: { data: { v: undefined } },
  },
  {
    name: "D-1: a fallback path reading past a function fails as reading past undefined",
    source: fallback("fb.label"),
    context: withFn,
    tools: fail,
    expect: {
      error: {
        class: "BridgeRuntimeError",
        message: "Cannot read properties of undefined (reading 'label')",
        loc: { startLine: 9, startColumn: 10, endLine: 9, endColumn: 10 },
      },
    },
  },
  {
    name: "D-1: a wire reading past the same function fails with the same message",
    source: wire("fb.label"),
    context: withFn,
    expect: {
      error: {
        class: "BridgeRuntimeError",
        message: "Cannot read properties of undefined (reading 'label')",
        loc: { startLine: 5, startColumn: 10, endLine: 5, endColumn: 21 },
      },
    },
  },
];

defineSuite("coverage-on-error", { "on error <- ctx.path with functions (R-TOOL-9, D-1)": cases });
