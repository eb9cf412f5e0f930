/**
 * Hostile data reaching an execution from outside: prototype keys in every
 * place data enters (input, context, consts, `on error` JSON, tool results,
 * array elements) and every place the engine copies keys (root merges,
 * spreads, tool-input root wires); members every object inherits (D-1);
 * cyclic values; huge strings, arrays and nesting; functions; non-Error
 * throw values; host objects with throwing getters or proxy traps. Each row
 * pins the exact outcome; the runner also checks that Object.prototype was
 * never written and that `data` holds only plain objects and no functions.
 */
import { expect } from "vitest";
import type { HardeningCase } from "../support.js";
import { json, tool } from "../support.js";

/** A bridge `Query.run` with handles i (input), o (output), ctx (context) and e (tool `echo`); body starts on line 7. */
export const B = (body: string): string =>
  `version 1.5\nbridge Query.run {\n  with input as i\n  with output as o\n  with context as ctx\n  with echo as e\n${body}\n}`;

/** Same, with `e` memoized. */
const M = (body: string): string =>
  `version 1.5\nbridge Query.run {\n  with input as i\n  with output as o\n  with echo as e memoize\n${body}\n}`;

const echo = () => ({ echo: tool((x: unknown) => x) });
const returning = (value: () => unknown) => () => ({ echo: tool(() => value()) });
const throwing = (value: () => unknown) => () => ({
  echo: tool(() => {
    throw value();
  }),
});
const rejecting = (value: () => unknown) => () => ({ echo: tool(() => Promise.reject(value())) });

const PROTO_JSON = '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"},"a":1}';
const protoValue = () => json(PROTO_JSON);
/** What a copy of PROTO_JSON must look like: the three unsafe keys skipped (D-2). */
const COPIED = { a: 1 };

function cyclic(): Record<string, unknown> {
  const a: Record<string, unknown> = { v: 1 };
  a["self"] = a;
  return a;
}

function deep(levels: number): Record<string, unknown> {
  let v: Record<string, unknown> = { leaf: 1 };
  for (let k = 0; k < levels; k++) v = { d: v };
  return v;
}

const fn = () => "called";

/** Keys of an object, including own `__proto__`, in a form toEqual can compare exactly. */
function ownEntries(v: unknown): [string, unknown][] {
  return Object.entries(v as object);
}

const prototypeKeys: HardeningCase[] = [
  {
    name: "input: root merge skips own __proto__/constructor/prototype keys",
    source: B("  o <- i"),
    input: protoValue,
    expect: { data: COPIED },
  },
  {
    name: "input: spread skips the unsafe keys",
    source: B("  o.copy {\n    ... <- i\n  }"),
    input: protoValue,
    expect: { data: { copy: COPIED } },
  },
  {
    name: "input: reading __proto__ as a path segment is refused",
    source: B("  o.x <- i.__proto__.polluted"),
    input: protoValue,
    expect: {
      error: {
        class: "BridgeRuntimeError",
        message: "Unsafe property traversal: __proto__",
        loc: { startLine: 7, startColumn: 10, endLine: 7, endColumn: 29 },
      },
    },
  },
  {
    name: "input: reading constructor of an own constructor key is refused",
    source: B("  o.x <- i.constructor.prototype"),
    input: protoValue,
    expect: { error: { class: "BridgeRuntimeError", message: "Unsafe property traversal: constructor" } },
  },
  {
    name: "input: an unsafe segment in a reference with ?. is swallowed like any non-fatal error (Q-20)",
    source: B("  o.x <- i.a?.prototype"),
    input: protoValue,
    expect: { data: { x: undefined } },
  },
  {
    name: "input: a __proto__ key passed whole stays an own data key",
    source: B("  o.raw <- i"),
    input: protoValue,
    expect: { data: { raw: json(PROTO_JSON) } },
    check: ({ result }) => {
      const raw = (result!.data as { raw: object }).raw;
      if (Object.getPrototypeOf(raw) !== Object.prototype) throw new Error("prototype changed");
      if (!Object.prototype.hasOwnProperty.call(raw, "__proto__")) throw new Error("own __proto__ key lost");
    },
  },
  {
    name: "context: root merge and spread skip the unsafe keys",
    source: B("  o <- ctx\n  o.copy {\n    ... <- ctx\n  }"),
    context: protoValue,
    expect: { data: { a: 1, copy: COPIED } },
  },
  {
    name: "context: reading ctx.__proto__ is refused",
    source: B("  o.x <- ctx.__proto__"),
    context: protoValue,
    expect: { error: { class: "BridgeRuntimeError", message: "Unsafe property traversal: __proto__" } },
  },
  {
    name: "tool result: root merge, spread and whole read",
    source: B("  o <- e\n  o.copy {\n    ... <- e\n  }\n  o.whole <- e"),
    tools: returning(protoValue),
    expect: { data: { a: 1, copy: COPIED, whole: json(PROTO_JSON) } },
  },
  {
    name: "tool result (async): root merge skips the unsafe keys",
    source: B("  o <- e"),
    tools: () => ({ echo: tool(async () => protoValue()) }),
    expect: { data: COPIED },
  },
  {
    name: "tool result: reading e.__proto__ is refused after the call",
    source: B("  o.x <- e.__proto__"),
    tools: returning(protoValue),
    expect: { error: { class: "BridgeRuntimeError", message: "Unsafe property traversal: __proto__" } },
  },
  {
    name: "tool input: a root wire of hostile input gives the tool a plain object without unsafe keys",
    source: B("  e <- i\n  o.keys <- e.keys\n  o.plain <- e.plain"),
    input: protoValue,
    tools: () => ({
      echo: tool((x: object) => ({ keys: Object.keys(x), plain: Object.getPrototypeOf(x) === Object.prototype })),
    }),
    expect: { data: { keys: ["a"], plain: true } },
  },
  {
    name: "tool input: a spread in a tool-input scope block skips the unsafe keys",
    source: B("  e.q {\n    ... <- i\n  }\n  o.keys <- e.keys"),
    input: protoValue,
    tools: () => ({ echo: tool((x: { q: object }) => ({ keys: Object.keys(x.q) })) }),
    expect: { data: { keys: ["a"] } },
  },
  {
    name: "const: root merge of a const with own __proto__ key",
    source: `version 1.5\nconst c = ${PROTO_JSON}\nbridge Query.run {\n  with const as k\n  with output as o\n  o <- k.c\n  o.whole <- k.c\n}`,
    expect: { data: { a: 1, whole: json(PROTO_JSON) } },
  },
  {
    name: "const: reading k.c.__proto__ is refused",
    source: `version 1.5\nconst c = ${PROTO_JSON}\nbridge Query.run {\n  with const as k\n  with output as o\n  o.x <- k.c.__proto__\n}`,
    expect: { error: { class: "BridgeRuntimeError", message: "Unsafe property traversal: __proto__" } },
  },
  {
    name: "on error JSON with own __proto__ key: root merge skips it, whole read keeps it as data",
    source: `version 1.5\ntool t from echo {\n  on error = ${PROTO_JSON}\n}\nbridge Query.run {\n  with t\n  with output as o\n  o <- t\n  o.whole <- t\n}`,
    tools: throwing(() => new Error("down")),
    expect: { data: { a: 1, whole: json(PROTO_JSON) } },
  },
  {
    name: "catch JSON with own __proto__ key is plain data",
    source: B(`  o.x <- i.missing.deeper catch {"__proto__": {"polluted": "yes"}, "a": 1}`),
    expect: { data: { x: json('{"__proto__":{"polluted":"yes"},"a":1}') } },
    check: ({ result }) => {
      const x = (result!.data as { x: object }).x;
      if (ownEntries(x).length !== 2) throw new Error(`expected two own keys, got ${JSON.stringify(Object.keys(x))}`);
    },
  },
  {
    name: "array elements: spread and element root reads of hostile elements",
    source: B("  o.xs <- i.xs[] as it {\n    ... <- it\n    .n <- it.a\n  }"),
    input: () => json(`{"xs":[${PROTO_JSON},${PROTO_JSON}]}`),
    expect: { data: { xs: [{ a: 1, n: 1 }, { a: 1, n: 1 }] } },
  },
  {
    name: "array elements: element root wire `o <- i.xs[] as it { ... }` of hostile elements",
    source: B("  o <- i.xs[] as it {\n    .a <- it.a\n    .p <- it.__proto__ catch \"refused\"\n  }"),
    input: () => json(`{"xs":[${PROTO_JSON}]}`),
    expect: { data: [{ a: 1, p: "refused" }] },
  },
  {
    name: "write target o.__proto__.x is refused",
    source: B("  o.__proto__.x <- i.a"),
    input: () => ({ a: 1 }),
    expect: { error: { class: "BridgeRuntimeError", message: "Unsafe assignment key: __proto__" } },
  },
  {
    name: "write target o.constructor is refused",
    source: B("  o.constructor <- i.a"),
    input: () => ({ a: 1 }),
    expect: { error: { class: "BridgeRuntimeError", message: "Unsafe assignment key: constructor" } },
  },
  {
    name: "write target e.__proto__ (tool input) is refused before the call",
    source: B("  e.__proto__ <- i.a\n  o.x <- e.b"),
    input: () => ({ a: { polluted: "yes" } }),
    tools: (state) => ({
      echo: tool(() => {
        state["called"] = true;
        return {};
      }),
    }),
    expect: { error: { class: "BridgeRuntimeError", message: "Unsafe assignment key: __proto__" } },
    check: ({ built }) => {
      if (built.state["called"]) throw new Error("the tool was called");
    },
  },
  {
    name: "spread target o.prototype is refused",
    source: B("  o.prototype {\n    ... <- i.a\n  }"),
    input: () => ({ a: { polluted: "yes" } }),
    expect: { error: { class: "BridgeRuntimeError", message: "Unsafe assignment key: prototype" } },
  },
  {
    name: "requestedFields naming __proto__ and constructor select nothing",
    source: B("  o.a <- i.a"),
    input: () => ({ a: 1 }),
    options: { requestedFields: ["__proto__.polluted", "constructor", "prototype.*"] },
    expect: { data: {} },
  },
  {
    name: "operation constructor.name is not found",
    source: B("  o.a = 1"),
    operation: "constructor.name",
    expect: { error: { class: "Error", message: 'Bridge "constructor.name" not found in document' } },
  },
  {
    name: "operation __proto__.valueOf is not found",
    source: B("  o.a = 1"),
    operation: "__proto__.valueOf",
    expect: { error: { class: "Error", message: 'Bridge "__proto__.valueOf" not found in document' } },
  },
  {
    name: "operation Query.toString is not found",
    source: B("  o.a = 1"),
    operation: "Query.toString",
    expect: { error: { class: "Error", message: 'Bridge "Query.toString" not found in document' } },
  },
];

const inheritedMembers: HardeningCase[] = [
  {
    name: "D-1: inherited members read as undefined (toString, hasOwnProperty, map, toUpperCase, toFixed, __lookupGetter__)",
    source: B(
      "  o.t <- i.a.toString\n  o.h <- i.a.hasOwnProperty\n  o.m <- i.xs.map\n  o.u <- i.s.toUpperCase\n  o.f <- i.n.toFixed\n  o.g <- i.a.__lookupGetter__",
    ),
    input: () => ({ a: {}, xs: [1, 2], s: "abc", n: 1 }),
    expect: { data: { t: undefined, h: undefined, m: undefined, u: undefined, f: undefined, g: undefined } },
  },
  {
    name: "D-1: own data (array and string length, string index) still reads",
    source: B("  o.sl <- i.s.length\n  o.al <- i.xs.length\n  o.c <- i.s[1]\n  o.out <- i.xs[5]"),
    input: () => ({ s: "abc", xs: [1, 2] }),
    expect: { data: { sl: 3, al: 2, c: "b", out: undefined } },
  },
  {
    name: "D-1: an inherited member in a template placeholder renders as empty",
    source: B('  o.x <- "a{i.a.toString}b{i.a.valueOf}c"'),
    input: () => ({ a: {} }),
    expect: { data: { x: "abc" } },
  },
  {
    name: "D-1: a tool named constructor is not found",
    source: "version 1.5\nbridge Query.run {\n  with output as o\n  with constructor as c\n  o.x <- c.name\n}",
    expect: { error: { class: "BridgeRuntimeError", message: 'No tool found for "constructor"' } },
  },
  {
    name: "D-1: a tool named toString is not found",
    source: "version 1.5\nbridge Query.run {\n  with output as o\n  with toString as c\n  o.x <- c.name\n}",
    expect: { error: { class: "BridgeRuntimeError", message: 'No tool found for "toString"' } },
  },
  {
    name: "D-1: std.constructor is not found",
    source: "version 1.5\nbridge Query.run {\n  with output as o\n  with std.constructor as c\n  o.x <- c.name\n}",
    expect: { error: { class: "BridgeRuntimeError", message: 'No tool found for "std.constructor"' } },
  },
  {
    name: "R-SEC-1: std.str.__proto__ is not found",
    source: "version 1.5\nbridge Query.run {\n  with output as o\n  with std.str.__proto__ as c\n  o.x <- c.name\n}",
    expect: { error: { class: "BridgeRuntimeError", message: 'No tool found for "std.str.__proto__"' } },
  },
  {
    name: "D-1: a namespace's inherited hasOwnProperty is not a tool",
    source: "version 1.5\nbridge Query.run {\n  with output as o\n  with api.hasOwnProperty as c\n  o.x <- c.name\n}",
    tools: () => ({ api: {} }),
    expect: { error: { class: "BridgeRuntimeError", message: 'No tool found for "api.hasOwnProperty"' } },
  },
  {
    name: "D-1: a tool map entry that is not a function is not found",
    source: B("  o.x <- e.v"),
    tools: () => ({ echo: 42 as unknown as ReturnType<typeof tool> }),
    expect: { error: { class: "BridgeRuntimeError", message: 'No tool found for "echo"' } },
  },
  {
    name: "D-1: getters of a host class on the context still read; its methods do not",
    source: B("  o.t <- ctx.tenant\n  o.m <- ctx.method\n  o.own <- ctx.own"),
    context: () =>
      new (class {
        own = 1;
        get tenant() {
          return "t1";
        }
        method() {
          return 2;
        }
      })() as unknown as Record<string, unknown>,
    expect: { data: { t: "t1", m: undefined, own: 1 } },
  },
];

const cycles: HardeningCase[] = [
  {
    name: "cyclic input: reading through the cycle works",
    source: B("  o.x <- i.a.self.self.self.v"),
    input: () => ({ a: cyclic() }),
    expect: { data: { x: 1 } },
  },
  {
    name: "cyclic input: passed whole keeps its identity",
    source: B("  o.c <- i.a"),
    input: () => ({ a: cyclic() }),
    expect: { data: { c: { v: 1, self: expect.objectContaining({ v: 1 }) } } },
    check: ({ result, built }) => {
      if ((result!.data as { c: unknown }).c !== built.input!["a"]) throw new Error("identity lost");
    },
  },
  {
    name: "cyclic input: root merge copies the top level only",
    source: B("  o <- i.a"),
    input: () => ({ a: cyclic() }),
    expect: { data: { v: 1, self: expect.objectContaining({ v: 1 }) } },
  },
  {
    name: "cyclic input: array elements read through the cycle",
    source: B("  o.xs <- i.xs[] as x {\n    .v <- x.self.self.v\n  }"),
    input: () => {
      const a = cyclic();
      return { xs: [a, a] };
    },
    expect: { data: { xs: [{ v: 1 }, { v: 1 }] } },
  },
  {
    name: "cyclic input: a template of a cyclic object does not recurse",
    source: B('  o.x <- "{i.a}"'),
    input: () => ({ a: cyclic() }),
    expect: { data: { x: "[object Object]" } },
  },
  {
    name: "cyclic input: given to a tool and read back",
    source: B("  e.a <- i.a\n  o.x <- e.a.self.v"),
    input: () => ({ a: cyclic() }),
    tools: echo,
    expect: { data: { x: 1 } },
  },
  {
    name: "cyclic input: memoize fails with a Bridge error (D-6)",
    source: M("  e.a <- i.a\n  o.x <- e.a.v"),
    input: () => ({ a: cyclic() }),
    tools: echo,
    expect: {
      error: {
        class: "BridgeRuntimeError",
        message: "Cannot memoize tool input: it contains a cycle",
        loc: { startLine: 7, startColumn: 10, endLine: 7, endColumn: 14 },
      },
    },
  },
  {
    name: "cyclic input: the memoize failure is catchable",
    source: M('  e.a <- i.a\n  o.x <- e.a.v catch "no memo"'),
    input: () => ({ a: cyclic() }),
    tools: echo,
    expect: { data: { x: "no memo" } },
  },
  {
    name: "cyclic input: trace full stores a bounded copy and finishes",
    source: B("  e.a <- i.a\n  o.x <- e.a.self.v"),
    input: () => ({ a: cyclic() }),
    tools: echo,
    options: { trace: "full" },
    expect: { data: { x: 1 } },
    check: ({ result }) => {
      const input = result!.traces[0]!.input;
      const text = JSON.stringify(input);
      if (!text.includes('"[depth limit]"')) throw new Error(`no depth limit in ${text}`);
    },
  },
  {
    name: "cyclic tool result: reading through the cycle works",
    source: B("  o.x <- e.self.self.self.v\n  o.y <- e.v"),
    tools: returning(cyclic),
    expect: { data: { x: 1, y: 1 } },
  },
  {
    name: "cyclic tool result (async): root merge copies the top level only",
    source: B("  o <- e"),
    tools: () => ({ echo: tool(async () => cyclic()) }),
    expect: { data: { v: 1, self: expect.objectContaining({ v: 1 }) } },
  },
  {
    name: "self-containing array read by index",
    source: B("  o.xs <- i.xs[] as x {\n    .n <- x[0][0][0].length\n  }"),
    input: () => {
      const xs: unknown[] = [];
      xs.push(xs);
      return { xs: [xs] };
    },
    expect: { data: { xs: [{ n: 1 }] } },
  },
];

const BIG = 1_000_000;

const hugeValues: HardeningCase[] = [
  {
    name: "a 1e6-character string passes through and into a template",
    source: B('  o.s <- i.s\n  o.t <- "{i.s}!"'),
    input: () => ({ s: "x".repeat(BIG) }),
    expect: { data: { s: "x".repeat(BIG), t: `${"x".repeat(BIG)}!` } },
  },
  {
    name: "a 1e6-character string in a full trace is cut to 1024 characters",
    source: B("  e.s <- i.s\n  o.n <- e.s.length"),
    input: () => ({ s: "x".repeat(BIG) }),
    tools: echo,
    options: { trace: "full" },
    expect: { data: { n: BIG } },
    check: ({ result }) => {
      const s = (result!.traces[0]!.input as { s: string }).s;
      if (s !== `${"x".repeat(1024)}... (${BIG} chars)`) throw new Error(`trace input not bounded: ${s.length}`);
    },
  },
  {
    name: "a 100,000-element array in a full trace is cut to 100 items",
    source: B("  e.xs <- i.xs\n  o.n <- e.xs.length"),
    input: () => ({ xs: new Array<number>(100_000).fill(7) }),
    tools: echo,
    options: { trace: "full" },
    expect: { data: { n: 100_000 } },
    check: ({ result }) => {
      const xs = (result!.traces[0]!.input as { xs: unknown[] }).xs;
      if (xs.length !== 101 || xs[100] !== "... (100000 items)") throw new Error(`trace input not bounded: ${xs.length}`);
    },
  },
  {
    name: "a 1,000,000-element array passed whole (no mapping, no limit)",
    source: B("  o.xs <- i.xs\n  o.n <- i.xs.length"),
    input: () => ({ xs: new Array<number>(BIG).fill(1) }),
    expect: { data: { xs: new Array<number>(BIG).fill(1), n: BIG } },
  },
  {
    name: "a 100,000-key object root-merged",
    source: B("  o <- i"),
    input: () => Object.fromEntries(Array.from({ length: 100_000 }, (_, k) => [`k${k}`, k])),
    expect: { data: Object.fromEntries(Array.from({ length: 100_000 }, (_, k) => [`k${k}`, k])) },
  },
  {
    name: "10,000-level nesting read through a short path",
    source: B("  o.x <- i.deep.d.d.d.d.d.d.d.d.d.d\n  o.y <- i.deep.d?.d?.missing ?? \"none\""),
    input: () => ({ deep: deep(10_000) }),
    expect: { data: { x: expect.objectContaining({ d: expect.anything() }), y: "none" } },
    check: ({ result, built }) => {
      let v = built.input!["deep"] as Record<string, unknown>;
      for (let k = 0; k < 10; k++) v = v["d"] as Record<string, unknown>;
      if ((result!.data as { x: unknown }).x !== v) throw new Error("identity lost");
    },
  },
  {
    name: "10,000-level nesting compared and templated",
    source: B('  o.eq <- i.deep == i.deep\n  o.t <- "{i.deep.d}"'),
    input: () => ({ deep: deep(10_000) }),
    expect: { data: { eq: true, t: "[object Object]" } },
  },
  {
    name: "10,000-level nesting through a tool with a full trace",
    source: B("  e.v <- i.deep\n  o.x <- e.v.d.d.d.leaf ?? \"deep\""),
    input: () => ({ deep: deep(10_000) }),
    tools: echo,
    options: { trace: "full" },
    expect: { data: { x: "deep" } },
  },
  {
    name: "10,000-level nesting under memoize fails with a Bridge error (D-6)",
    source: M("  e.v <- i.deep\n  o.x <- e.v.d"),
    input: () => ({ deep: deep(10_000) }),
    tools: echo,
    expect: { error: { class: "BridgeRuntimeError", message: "Cannot memoize tool input: nesting deeper than 100 levels" } },
  },
  {
    name: "a 10,000-segment path over 10,000-level input",
    source: B(`  o.x <- i${".d".repeat(10_000)}.leaf`),
    input: () => deep(10_000),
    expect: { data: { x: 1 } },
  },
  {
    name: "a 1,024-operand + chain (the parser's maxOperators)",
    source: B(`  o.a <- i.a${" + i.a".repeat(1_024)}`),
    input: () => ({ a: 1 }),
    expect: { data: { a: 1_025 } },
  },
  {
    name: "a 1,024-operand and chain",
    source: B(`  o.a <- i.a${" and i.a".repeat(1_024)}`),
    input: () => ({ a: 1 }),
    expect: { data: { a: true } },
  },
  {
    name: "a 10,000-operand + chain is refused by the parser, never a stack overflow",
    source: B(`  o.a <- i.a${" + i.a".repeat(10_000)}`),
    input: () => ({ a: 1 }),
    expect: {
      error: { class: "BridgeSyntaxError", message: "Line 7, column 6158: expression exceeds the parser limit maxOperators (1024 operators in one expression)" },
    },
  },
  {
    name: "a 10,000-operand and chain is refused by the parser",
    source: B(`  o.a <- i.a${" and i.a".repeat(10_000)}`),
    input: () => ({ a: 1 }),
    expect: {
      error: { class: "BridgeSyntaxError", message: "Line 7, column 8206: expression exceeds the parser limit maxOperators (1024 operators in one expression)" },
    },
  },
  {
    name: "a 10,000-alternative || chain",
    source: B(`  o.a <- i.a${" || i.b".repeat(10_000)}`),
    input: () => ({ b: 2 }),
    expect: { data: { a: 2 } },
  },
  {
    name: "a template with 10,000 placeholders",
    source: B(`  o.t <- "${"{i.a}".repeat(10_000)}"`),
    input: () => ({ a: 1 }),
    expect: { data: { t: "1".repeat(10_000) } },
  },
  {
    name: "10,000 output wires",
    source: B(Array.from({ length: 10_000 }, (_, k) => `  o.f${k} <- i.a`).join("\n")),
    input: () => ({ a: 1 }),
    expect: { data: Object.fromEntries(Array.from({ length: 10_000 }, (_, k) => [`f${k}`, 1])) },
  },
  {
    name: "a chain of 10,000 aliases",
    source: B(`  alias a0 <- i.a\n${Array.from({ length: 10_000 }, (_, k) => `  alias a${k + 1} <- a${k}`).join("\n")}\n  o.v <- a10000`),
    input: () => ({ a: 1 }),
    expect: { data: { v: 1 } },
  },
];

const functions: HardeningCase[] = [
  {
    name: "input function read through a path is undefined",
    source: B("  o.f <- i.f\n  o.g <- i.o.g\n  o.t <- \"<{i.f}>\""),
    input: () => ({ f: fn, o: { g: fn } }),
    expect: { data: { f: undefined, g: undefined, t: "<>" } },
  },
  {
    name: "input function given to a tool arrives as undefined",
    source: B("  e.f <- i.f\n  e.g <- i.o.g\n  o.t <- e"),
    input: () => ({ f: fn, o: { g: fn } }),
    tools: () => ({ echo: tool((x: { f: unknown; g: unknown }) => [typeof x.f, typeof x.g]) }),
    expect: { data: { t: ["undefined", "undefined"] } },
  },
  {
    name: "input function as an array source maps to null (it reads as undefined)",
    source: B("  o.xs <- i.f[] as x {\n    .v <- x\n  }"),
    input: () => ({ f: fn }),
    expect: { data: { xs: null } },
  },
  {
    name: "tool-result function read through a path is undefined; reading past it fails strictly",
    source: B("  o.f <- e.f\n  o.g <- e.f.name"),
    tools: returning(() => ({ f: fn })),
    expect: { error: { class: "BridgeRuntimeError", message: "Cannot read properties of undefined (reading 'name')" } },
  },
  {
    name: "a tool returning a function: the whole result never reaches output",
    source: B("  o.y <- e"),
    tools: returning(() => fn),
    expect: { data: { y: undefined } },
  },
  {
    name: "a tool returning a function: root wire never makes data a function",
    source: B("  o <- e"),
    tools: returning(() => fn),
    expect: { data: undefined },
  },
  {
    name: "root merge of input with a function-valued key drops the function",
    source: B("  o <- i"),
    input: () => ({ f: fn, a: 1 }),
    expect: { data: { a: 1 } },
  },
  {
    name: "spread of input with a function-valued key drops the function",
    source: B("  o.y {\n    ... <- i\n  }"),
    input: () => ({ f: fn, a: 1 }),
    expect: { data: { y: { a: 1 } } },
  },
  {
    name: "an iterator whose element is a function reads as undefined",
    source: B("  o.xs <- i.xs[] as x {\n    .v <- x\n  }"),
    input: () => ({ xs: [fn, 1] }),
    expect: { data: { xs: [{ v: undefined }, { v: 1 }] } },
  },
  {
    name: "an object holding a function, passed whole, carries no function into output",
    source: B("  o.y <- i.obj"),
    input: () => ({ obj: { g: fn, a: 1 } }),
    expect: { data: { y: { a: 1 } } },
  },
];

const nonErrorThrows: HardeningCase[] = [
  ...(
    [
      ["a string", () => "plain string", "plain string", "string"],
      ["null", () => null, "null", "null"],
      ["undefined", () => undefined, "undefined", "undefined"],
      ["a number", () => 42, "42", "number"],
      ["NaN", () => NaN, "NaN", "number"],
      ["false", () => false, "false", "boolean"],
      ["a bigint", () => 10n, "10", "bigint"],
      ["a symbol", () => Symbol("s"), "Symbol(s)", "symbol"],
      ["a plain object", () => ({ code: 1 }), "[object Object]", "object"],
      ["an object without prototype (String() throws)", () => Object.create(null) as object, "[object Object]", "object"],
      ["an object whose toString throws", () => ({ toString: () => { throw new Error("no"); } }), "[object Object]", "object"],
      ["an array", () => [1, 2], "1,2", "object"],
    ] as const
  ).flatMap(([label, value, message, cause]): HardeningCase[] => [
    {
      name: `sync throw of ${label} → BridgeRuntimeError "${message}"`,
      source: B("  o.x <- e.v"),
      tools: throwing(value),
      expect: {
        error: {
          class: "BridgeRuntimeError",
          message,
          cause,
          loc: { startLine: 7, startColumn: 10, endLine: 7, endColumn: 12 },
        },
      },
    },
    {
      name: `async rejection with ${label} → BridgeRuntimeError "${message}"`,
      source: B("  o.x <- e.v"),
      tools: rejecting(value),
      expect: { error: { class: "BridgeRuntimeError", message } },
    },
  ]),
  {
    name: "a non-Error throw is caught by catch",
    source: B('  o.x <- e.v catch "caught"'),
    tools: throwing(() => "plain string"),
    expect: { data: { x: "caught" } },
  },
  {
    name: "a non-Error throw is replaced by on error",
    source: 'version 1.5\ntool t from echo {\n  on error = {"v": "fallback"}\n}\nbridge Query.run {\n  with t\n  with output as o\n  o.x <- t.v\n}',
    tools: throwing(() => null),
    expect: { data: { x: "fallback" } },
  },
  {
    name: "an Error whose message getter throws still ends as a BridgeRuntimeError",
    source: B("  o.x <- e.v"),
    tools: throwing(() => {
      const e = new Error("hidden");
      Object.defineProperty(e, "message", {
        get() {
          throw new Error("message getter");
        },
      });
      return e;
    }),
    expect: { error: { class: "BridgeRuntimeError", message: "message getter" } },
  },
  {
    name: "an error named BridgePanicError but not one is not fatal",
    source: B('  o.x <- e.v catch "caught"'),
    tools: throwing(() => Object.assign(new Error("fake"), { name: "BridgePanicError" })),
    expect: { data: { x: "caught" } },
  },
];

const hostObjects: HardeningCase[] = [
  {
    name: "an input getter that throws fails the wire",
    source: B("  o.x <- i.a.b"),
    input: () => ({
      get a(): unknown {
        throw new Error("getter");
      },
    }),
    expect: {
      error: { class: "BridgeRuntimeError", message: "getter", loc: { startLine: 7, startColumn: 10, endLine: 7, endColumn: 14 } },
    },
  },
  {
    name: "a tool-result getter that throws fails the reader",
    source: B("  o.x <- e.v"),
    tools: returning(() => ({
      get v(): unknown {
        throw new Error("v getter");
      },
    })),
    expect: { error: { class: "BridgeRuntimeError", message: "v getter" } },
  },
  {
    name: "a proxy input whose get trap throws fails the wire",
    source: B("  o.x <- i.a"),
    input: () =>
      new Proxy(
        {},
        {
          get() {
            throw new Error("get trap");
          },
        },
      ),
    expect: { error: { class: "BridgeRuntimeError", message: "get trap" } },
  },
  {
    name: "a proxy input whose ownKeys trap throws, root-merged, fails as a BridgeRuntimeError",
    source: B("  o <- i"),
    input: () =>
      new Proxy(
        {},
        {
          ownKeys() {
            throw new Error("ownKeys trap");
          },
        },
      ),
    expect: { error: { class: "BridgeRuntimeError", message: "ownKeys trap" } },
  },
  {
    name: "a null-prototype input root-merged gives a plain object",
    source: B("  o <- i"),
    input: () => Object.assign(Object.create(null) as Record<string, unknown>, { a: 1 }),
    expect: { data: { a: 1 } },
  },
];

export const hostileDataGroups: Record<string, HardeningCase[]> = {
  "prototype keys": prototypeKeys,
  "inherited members (D-1)": inheritedMembers,
  cycles,
  "huge values": hugeValues,
  functions,
  "non-Error throws": nonErrorThrows,
  "host objects": hostObjects,
};
