/**
 * Every limit of limits.ts at its edge: N passes and N+1 fails with a fatal
 * BridgeLimitError that names the limit and its value (D-4, conventions
 * item 9), at the default and at a configured value, through executeBridge
 * and through createEngine; plus the validation of limit options and a
 * document at the parser's nesting limit executing end to end.
 */
import type { HardeningCase } from "../support.js";
import { tool } from "../support.js";

const DEPTH_MESSAGE = (depth: number) =>
  `Maximum execution depth exceeded (${depth}). Check for infinite recursion or circular array mappings.`;

/** `levels` nested array mappings over `i.xs`; the innermost writes `.v <- aN` (a fast-path body). */
function nestedMappings(levels: number, withTool = false): string {
  let body = `.v <- a${levels}`;
  if (withTool) body = `with echo as e\n.v <- e.v\ne.v <- a${levels}`;
  for (let k = levels - 1; k >= 1; k--) body = `.v <- a${k}[] as a${k + 1} {\n${body}\n}`;
  return `version 1.5\nbridge Query.run {\n  with input as i\n  with output as o\n  o.xs <- i.xs[] as a1 {\n${body}\n  }\n}`;
}

/** Input for `nestedMappings(levels)`: `levels` nested one-element arrays around 1. */
function nestedArrays(levels: number): unknown {
  let v: unknown = 1;
  for (let k = 0; k < levels; k++) v = [v];
  return v;
}

/** The data `nestedMappings(levels)` gives for `nestedArrays(levels)`: `{ v: [...] }` wrapped `levels - 1` times around `[{ v: 1 }]`. */
function nestedResult(levels: number): unknown {
  let inner: unknown = [{ v: 1 }];
  for (let k = 1; k < levels; k++) inner = [{ v: inner }];
  return { xs: inner };
}

/** An array body calling `echo` per element. */
const PER_ELEMENT =
  "version 1.5\nbridge Query.run {\n  with input as i\n  with output as o\n  o.xs <- i.xs[] as x {\n    with echo as e\n    e.x <- x\n    .v <- e.x\n  }\n}";

const MAP = "version 1.5\nbridge Query.run {\n  with input as i\n  with output as o\n  o.xs <- i.xs[] as x {\n    .v <- x\n  }\n}";

const range = (n: number) => Array.from({ length: n }, (_, k) => k);
const mapped = (n: number) => ({ xs: range(n).map((v) => ({ v })) });
const echo = () => ({ echo: tool((x: unknown) => x) });

const maxDepth: HardeningCase[] = [
  {
    name: "maxDepth default 30: 30 nested mappings pass",
    source: nestedMappings(30),
    input: () => ({ xs: nestedArrays(30) }),
    expect: { data: nestedResult(30) },
  },
  {
    name: "maxDepth default 30: 31 nested mappings fail",
    source: nestedMappings(31),
    input: () => ({ xs: nestedArrays(31) }),
    expect: { error: { class: "BridgeLimitError", message: DEPTH_MESSAGE(31), limit: { name: "maxDepth", value: 31 } } },
  },
  {
    name: "maxDepth 3: 3 nested mappings pass",
    source: nestedMappings(3),
    input: () => ({ xs: nestedArrays(3) }),
    options: { maxDepth: 3 },
    expect: { data: nestedResult(3) },
  },
  {
    name: "maxDepth 3: 4 nested mappings fail",
    source: nestedMappings(4),
    input: () => ({ xs: nestedArrays(4) }),
    options: { maxDepth: 3 },
    expect: { error: { class: "BridgeLimitError", message: DEPTH_MESSAGE(4), limit: { name: "maxDepth", value: 4 } } },
  },
  {
    name: "limits.maxDepth 3 through createEngine: 4 nested mappings with a tool per element fail",
    source: nestedMappings(4, true),
    input: () => ({ xs: nestedArrays(4) }),
    tools: echo,
    options: { limits: { maxDepth: 3 }, engine: true },
    expect: { error: { class: "BridgeLimitError", message: DEPTH_MESSAGE(4), limit: { name: "maxDepth", value: 4 } } },
  },
  {
    name: "limits.maxDepth 3 through createEngine: 3 nested mappings with a tool per element pass",
    source: nestedMappings(3, true),
    input: () => ({ xs: nestedArrays(3) }),
    tools: echo,
    options: { limits: { maxDepth: 3 }, engine: true },
    expect: { data: nestedResult(3) },
  },
  {
    name: "maxDepth is fatal: catch does not absorb it",
    source:
      'version 1.5\nbridge Query.run {\n  with input as i\n  with output as o\n  o.xs <- i.xs[] as a1 {\n    .v <- a1[] as a2 {\n      .v <- a2\n    } catch "caught"\n  } catch "caught"\n}',
    input: () => ({ xs: nestedArrays(2) }),
    options: { maxDepth: 1 },
    expect: { error: { class: "BridgeLimitError", message: DEPTH_MESSAGE(2), limit: { name: "maxDepth", value: 2 } } },
  },
];

const maxArrayLength: HardeningCase[] = [
  {
    name: "maxArrayLength default 100,000: 100,000 elements pass",
    source: MAP,
    input: () => ({ xs: range(100_000) }),
    expect: { data: mapped(100_000) },
  },
  {
    name: "maxArrayLength default 100,000: 100,001 elements fail",
    source: MAP,
    input: () => ({ xs: range(100_001) }),
    expect: {
      error: {
        class: "BridgeLimitError",
        message: "Limit maxArrayLength (100000) exceeded",
        limit: { name: "maxArrayLength", value: 100_000 },
        loc: { startLine: 5, startColumn: 15, endLine: 7, endColumn: 3 },
      },
    },
  },
  {
    name: "maxArrayLength default: a sparse array of length 100,001 is refused before iterating",
    source: MAP,
    input: () => ({ xs: new Array<unknown>(100_001) }),
    expect: { error: { class: "BridgeLimitError", message: "Limit maxArrayLength (100000) exceeded", limit: { name: "maxArrayLength", value: 100_000 } } },
  },
  {
    name: "maxArrayLength default: a sparse array of length 2^32-1 is refused before iterating",
    source: MAP,
    input: () => ({ xs: new Array<unknown>(2 ** 32 - 1) }),
    expect: { error: { class: "BridgeLimitError", message: "Limit maxArrayLength (100000) exceeded", limit: { name: "maxArrayLength", value: 100_000 } } },
  },
  {
    name: "limits.maxArrayLength 5: 5 elements pass",
    source: MAP,
    input: () => ({ xs: range(5) }),
    options: { limits: { maxArrayLength: 5 } },
    expect: { data: mapped(5) },
  },
  {
    name: "limits.maxArrayLength 5: 6 elements fail",
    source: MAP,
    input: () => ({ xs: range(6) }),
    options: { limits: { maxArrayLength: 5 } },
    expect: { error: { class: "BridgeLimitError", message: "Limit maxArrayLength (5) exceeded", limit: { name: "maxArrayLength", value: 5 } } },
  },
  {
    name: "limits.maxArrayLength 5 (createEngine): an inner array of 6 fails, however small the outer",
    source: nestedMappings(2),
    input: () => ({ xs: [range(6)] }),
    options: { limits: { maxArrayLength: 5 }, engine: true },
    expect: { error: { class: "BridgeLimitError", message: "Limit maxArrayLength (5) exceeded", limit: { name: "maxArrayLength", value: 5 } } },
  },
  {
    name: "limits.maxArrayLength 5: fatal, catch does not absorb it",
    source: MAP.replace("\n  }\n}", '\n  } catch "caught"\n}'),
    input: () => ({ xs: range(6) }),
    options: { limits: { maxArrayLength: 5 } },
    expect: { error: { class: "BridgeLimitError", message: "Limit maxArrayLength (5) exceeded", limit: { name: "maxArrayLength", value: 5 } } },
  },
  {
    name: "maxArrayLength does not apply to arrays passed whole",
    source: "version 1.5\nbridge Query.run {\n  with input as i\n  with output as o\n  o.xs <- i.xs\n}",
    input: () => ({ xs: range(6) }),
    options: { limits: { maxArrayLength: 5 } },
    expect: { data: { xs: range(6) } },
  },
];

const CALLS = (n: number) => `Limit maxToolCalls (${n}) exceeded: more tool calls than allowed in one execution`;

const maxToolCalls: HardeningCase[] = [
  {
    name: "maxToolCalls default 10,000: 10,000 calls pass",
    source: PER_ELEMENT,
    input: () => ({ xs: range(10_000) }),
    tools: echo,
    expect: { data: mapped(10_000) },
  },
  {
    name: "maxToolCalls default 10,000: 10,001 calls fail",
    source: PER_ELEMENT,
    input: () => ({ xs: range(10_001) }),
    tools: echo,
    expect: { error: { class: "BridgeLimitError", message: CALLS(10_000), limit: { name: "maxToolCalls", value: 10_000 } } },
  },
  {
    name: "limits.maxToolCalls 5: 5 async calls pass",
    source: PER_ELEMENT,
    input: () => ({ xs: range(5) }),
    tools: () => ({ echo: tool(async (x: unknown) => x) }),
    options: { limits: { maxToolCalls: 5 } },
    expect: { data: mapped(5) },
  },
  {
    name: "limits.maxToolCalls 5: the 6th async call fails",
    source: PER_ELEMENT,
    input: () => ({ xs: range(6) }),
    tools: () => ({ echo: tool(async (x: unknown) => x) }),
    options: { limits: { maxToolCalls: 5 } },
    expect: { error: { class: "BridgeLimitError", message: CALLS(5), limit: { name: "maxToolCalls", value: 5 } } },
  },
  {
    name: "limits.maxToolCalls 5 (createEngine): failing calls count too",
    source: PER_ELEMENT.replace(".v <- e.x", '.v <- e.x catch "failed"'),
    input: () => ({ xs: range(6) }),
    tools: () => ({
      echo: tool(() => {
        throw new Error("down");
      }),
    }),
    options: { limits: { maxToolCalls: 5 }, engine: true },
    expect: { error: { class: "BridgeLimitError", message: CALLS(5), limit: { name: "maxToolCalls", value: 5 } } },
  },
  {
    name: "limits.maxToolCalls 1: one batch call for 10 items passes",
    source: PER_ELEMENT,
    input: () => ({ xs: range(10) }),
    tools: () => ({ echo: tool((xs: unknown[]) => xs, { batch: true }) }),
    options: { limits: { maxToolCalls: 1 } },
    expect: { data: mapped(10) },
  },
  {
    name: "limits.maxToolCalls 1: two batch chunks fail",
    source: PER_ELEMENT,
    input: () => ({ xs: range(10) }),
    tools: () => ({ echo: tool((xs: unknown[]) => xs, { batch: { maxBatchSize: 5 } }) }),
    options: { limits: { maxToolCalls: 1 } },
    expect: { error: { class: "BridgeLimitError", message: CALLS(1), limit: { name: "maxToolCalls", value: 1 } } },
  },
  {
    name: "limits.maxToolCalls 1: memo hits are not calls",
    source: PER_ELEMENT.replace("with echo as e", "with echo as e memoize").replace("e.x <- x", "e.x <- i.same"),
    input: () => ({ xs: range(10), same: 7 }),
    tools: echo,
    options: { limits: { maxToolCalls: 1 } },
    expect: { data: { xs: range(10).map(() => ({ v: 7 })) } },
  },
];

const OUT = (n: number) => `Limit maxOutputElements (${n}) exceeded`;

const maxOutputElements: HardeningCase[] = [
  {
    name: "limits.maxOutputElements 10: 10 elements pass",
    source: MAP,
    input: () => ({ xs: range(10) }),
    options: { limits: { maxOutputElements: 10 } },
    expect: { data: mapped(10) },
  },
  {
    name: "limits.maxOutputElements 10: 11 elements fail",
    source: MAP,
    input: () => ({ xs: range(11) }),
    options: { limits: { maxOutputElements: 10 } },
    expect: { error: { class: "BridgeLimitError", message: OUT(10), limit: { name: "maxOutputElements", value: 10 } } },
  },
  {
    name: "limits.maxOutputElements 10: 2 outer x 4 inner = 10 elements pass",
    source: nestedMappings(2),
    input: () => ({ xs: [range(4), range(4)] }),
    options: { limits: { maxOutputElements: 10 } },
    expect: { data: { xs: [{ v: range(4).map((v) => ({ v })) }, { v: range(4).map((v) => ({ v })) }] } },
  },
  {
    name: "limits.maxOutputElements 10: 2 outer x 5 inner = 12 elements fail",
    source: nestedMappings(2),
    input: () => ({ xs: [range(5), range(5)] }),
    options: { limits: { maxOutputElements: 10 } },
    expect: { error: { class: "BridgeLimitError", message: OUT(10), limit: { name: "maxOutputElements", value: 10 } } },
  },
  {
    name: "maxOutputElements default 1,000,000: 10 mappings of 100,000 pass",
    source: `version 1.5\nbridge Query.run {\n  with input as i\n  with output as o\n${range(10).map((k) => `  o.m${k} <- i.xs[] as x {\n    .v <- x\n  }`).join("\n")}\n}`,
    input: () => ({ xs: new Array<number>(100_000).fill(1) }),
    expect: { data: Object.fromEntries(range(10).map((k) => [`m${k}`, new Array(100_000).fill({ v: 1 })])) },
    timeoutMs: 60_000,
  },
  {
    name: "maxOutputElements default 1,000,000: 1,000,001 elements fail",
    source: `version 1.5\nbridge Query.run {\n  with input as i\n  with output as o\n${range(10).map((k) => `  o.m${k} <- i.xs[] as x {\n    .v <- x\n  }`).join("\n")}\n  o.extra <- i.one[] as x {\n    .v <- x\n  }\n}`,
    input: () => ({ xs: new Array<number>(100_000).fill(1), one: [1] }),
    expect: { error: { class: "BridgeLimitError", message: OUT(1_000_000), limit: { name: "maxOutputElements", value: 1_000_000 } } },
    timeoutMs: 60_000,
  },
];

const optionValidation: HardeningCase[] = [
  ...(
    [
      ["limits.maxDepth 0", { limits: { maxDepth: 0 } }, "Option `limits.maxDepth` must be a positive integer, got 0"],
      ["limits.maxArrayLength 1.5", { limits: { maxArrayLength: 1.5 } }, "Option `limits.maxArrayLength` must be a positive integer, got 1.5"],
      ["limits.maxToolCalls \"5\"", { limits: { maxToolCalls: "5" } }, 'Option `limits.maxToolCalls` must be a positive integer, got "5"'],
      ["limits.maxOutputElements Infinity", { limits: { maxOutputElements: Infinity } }, "Option `limits.maxOutputElements` must be a positive integer, got Infinity"],
      ["maxDepth -1", { maxDepth: -1 }, "Option `maxDepth` must be a positive integer, got -1"],
      ["maxDepth NaN", { maxDepth: NaN }, "Option `maxDepth` must be a positive integer, got NaN"],
      ["an unknown limit", { limits: { maxRecursion: 1 } }, 'Unknown limit "maxRecursion" (known limits: maxDepth, maxArrayLength, maxToolCalls, maxOutputElements)'],
      ["limits null", { limits: null }, "Option `limits` must be an object"],
      ["limits an array", { limits: [1] }, "Option `limits` must be an object"],
    ] as const
  ).flatMap(([label, options, message]): HardeningCase[] =>
    [false, true].map((engine) => ({
      name: `${label} is refused up front (${engine ? "createEngine" : "executeBridge"})`,
      source: MAP,
      input: () => ({ xs: [] }),
      options: { ...(options as HardeningCase["options"]), engine },
      expect: { error: { class: "TypeError", message } },
    })),
  ),
];

/** `levels` nested scope blocks under `o.a`; with the bridge body that is `levels + 1` nested `{`. */
function nestedScopes(levels: number): string {
  return `version 1.5\nbridge Query.run {\n  with output as o\n  o.a ${"{\n.a ".repeat(levels - 1)}{\n.leaf = 1\n${"}\n".repeat(levels)}}`;
}

function nestedScopeData(levels: number): unknown {
  let v: unknown = { leaf: 1 };
  for (let k = 1; k < levels; k++) v = { a: v };
  return { a: v };
}

const parserEdge: HardeningCase[] = [
  {
    name: "a document at the parser nesting limit (255 scope blocks inside the bridge) executes",
    source: nestedScopes(255),
    expect: { data: nestedScopeData(255) },
  },
];

export const limitGroups: Record<string, HardeningCase[]> = {
  maxDepth,
  maxArrayLength,
  maxToolCalls,
  maxOutputElements,
  "limit options": optionValidation,
  "parser nesting limit, executed": parserEdge,
};
