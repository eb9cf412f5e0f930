/**
 * Element aliases that pipe the element into one tool (`alias r <- enrich:it`,
 * R-PIPE-1..3, R-ARR-9): each element calls the tool once, whether the
 * element's other fields read the iterator (the mapping then waits on one
 * join for all calls) or only the alias (element objects built from the call
 * results). Failures are those of reading each field on its own: the first
 * failure in time fails the mapping (R-ARR-11), located at the pipe (R-LOC-2);
 * outcomes arriving after it change nothing.
 */
import { expect } from "vitest";
import { defineSuite, sleep, tool, type HardeningCase } from "../hardening/support.js";

/** `o <- i.items[] as it { <body> }` with a bridge-level `enrich`; the body starts on line 7. */
const S = (body: string): string => `version 1.5
bridge Query.run {
  with input as i
  with enrich
  with output as o
  o <- i.items[] as it {
${body}
  }
}`;

const PIPE = "    alias r <- enrich:it";
const items = () => ({ items: [{ id: 1 }, { id: 2 }, { id: 3 }] });

/** An async enrich that records its inputs in `state.seen` and settles after `delay(id)` ms (0: no timer, in microtasks). */
function enrich(outcome: (id: number) => unknown, delay: (id: number) => number = () => 0) {
  return (state: Record<string, unknown>) => {
    const seen: unknown[] = (state.seen = []);
    return {
      enrich: tool(async (input: { in?: { id: number }; q?: { id: number } }) => {
        seen.push(input);
        const id = (input.in ?? input.q)?.id ?? 0;
        const ms = delay(id);
        if (ms > 0) await sleep(ms);
        const r = outcome(id);
        if (r instanceof Error) throw r;
        return r;
      }),
    };
  };
}

const mixed: HardeningCase[] = [
  {
    name: "R-ARR-11: the first failure in time fails the mapping, located at the pipe; later outcomes are ignored",
    source: S(`${PIPE}\n    .id <- it.id\n    .a <- r.a`),
    input: items,
    // 2 fails first (without a timer), 1 fails later, 3 succeeds last.
    tools: enrich(
      (id) => (id === 3 ? { a: 30 } : new Error(`down ${id}`)),
      (id) => (id === 2 ? 0 : id === 1 ? 10 : 20),
    ),
    expect: {
      error: { class: "BridgeRuntimeError", message: "down 2", loc: { startLine: 7, startColumn: 16, endLine: 7, endColumn: 24 } },
    },
    check: async ({ built }) => {
      await sleep(30);
      expect(built.state.seen).toEqual([{ in: { id: 1 } }, { in: { id: 2 } }, { in: { id: 3 } }]);
    },
  },
  {
    name: "R-ARR-11: a synchronous failure of a later element fails the mapping while earlier calls are pending",
    source: S(`${PIPE}\n    .a <- r.a\n    .x <- it.x.y`),
    input: () => ({ items: [{ id: 1, x: { y: "ok" } }, { id: 2 }] }),
    tools: enrich((id) => ({ a: id }), () => 5),
    expect: {
      error: {
        class: "BridgeRuntimeError",
        message: "Cannot read properties of undefined (reading 'y')",
        loc: { startLine: 9, startColumn: 11, endLine: 9, endColumn: 16 },
      },
    },
  },
  {
    name: "R-LOC-2: a strict path failure reading the call result is located at the field's reference",
    source: S(`${PIPE}\n    .id <- it.id\n    .a <- r.a.b`),
    input: items,
    tools: enrich((id) => ({ a: id === 2 ? null : { b: id } })),
    expect: {
      error: {
        class: "BridgeRuntimeError",
        message: "Cannot read properties of null (reading 'b')",
        loc: { startLine: 9, startColumn: 11, endLine: 9, endColumn: 15 },
      },
    },
  },
  {
    name: "R-LOC-2: a strict path failure in the piped source is located at the source reference, nothing is called",
    source: S("    alias r <- enrich:it.a.b\n    .id <- it.id\n    .v <- r.v"),
    input: () => ({ items: [{ a: { b: 1 } }, {}] }),
    tools: enrich((id) => ({ v: id })),
    expect: {
      error: {
        class: "BridgeRuntimeError",
        message: "Cannot read properties of undefined (reading 'b')",
        loc: { startLine: 7, startColumn: 23, endLine: 7, endColumn: 28 },
      },
    },
    check: ({ built }) => {
      expect(built.state.seen).toEqual([{ in: 1 }]);
    },
  },
  {
    name: "R-LOC-2: an element alias without a pipe failing synchronously is located at its reference",
    source: S("    alias r <- it.a.b\n    .id <- it.id\n    .v <- r.v"),
    input: () => ({ items: [{ id: 1, a: { b: { v: 2 } } }, { id: 2 }] }),
    expect: {
      error: {
        class: "BridgeRuntimeError",
        message: "Cannot read properties of undefined (reading 'b')",
        loc: { startLine: 7, startColumn: 16, endLine: 7, endColumn: 21 },
      },
    },
  },
  {
    name: "R-LOC-2: an element alias over a loop-scoped tool failing asynchronously is located at the alias's reference",
    source: S("    with enrich as e\n    e.in <- it\n    alias r <- e.v\n    .id <- it.id\n    .a <- r.a\n    .b <- r.b"),
    input: items,
    tools: enrich((id) => (id === 2 ? new Error("down 2") : { v: { a: id, b: id } })),
    expect: {
      error: { class: "BridgeRuntimeError", message: "down 2", loc: { startLine: 9, startColumn: 16, endLine: 9, endColumn: 18 } },
    },
  },
  {
    name: "the join maps every element when all calls succeed, fields in body order",
    source: S(`${PIPE}\n    .id <- it.id\n    .a <- r.a\n    .b <- r.b`),
    input: items,
    tools: enrich((id) => ({ a: id * 10, b: `b${id}` }), (id) => 4 - id),
    expect: {
      data: [
        { id: 1, a: 10, b: "b1" },
        { id: 2, a: 20, b: "b2" },
        { id: 3, a: 30, b: "b3" },
      ],
    },
  },
];

const callsOnly: HardeningCase[] = [
  {
    name: "D-1: a function in the call result reads as undefined (one segment and deeper)",
    source: S(`${PIPE}\n    .f <- r.fn\n    .g <- r.o.fn\n    .a <- r.a`),
    input: () => ({ items: [{ id: 1 }, { id: 2 }] }),
    tools: enrich((id) => ({ fn: () => id, o: { fn: () => id }, a: id })),
    expect: {
      data: [
        { f: undefined, g: undefined, a: 1 },
        { f: undefined, g: undefined, a: 2 },
      ],
    },
  },
  {
    name: "R-PIPE-3: a named input path receives the element (enrich.q:it)",
    source: S("    alias r <- enrich.q:it\n    .a <- r.a\n    .b <- r.b"),
    input: () => ({ items: [{ id: 1 }, { id: 2 }] }),
    tools: enrich((id) => ({ a: id, b: -id })),
    expect: {
      data: [
        { a: 1, b: -1 },
        { a: 2, b: -2 },
      ],
    },
    check: ({ built }) => {
      expect(built.state.seen).toEqual([{ q: { id: 1 } }, { q: { id: 2 } }]);
    },
  },
  {
    name: "D-1: a function element is piped as undefined",
    source: S(`${PIPE}\n    .a <- r.a\n    .b <- r.b`),
    input: () => ({ items: [() => "called", { id: 2 }] }),
    tools: enrich((id) => ({ a: id, b: "x" })),
    expect: {
      data: [
        { a: 0, b: "x" },
        { a: 2, b: "x" },
      ],
    },
    check: ({ built }) => {
      expect(built.state.seen).toEqual([{ in: undefined }, { in: { id: 2 } }]);
      expect(Object.keys((built.state.seen as object[])[0]!)).toEqual(["in"]);
    },
  },
];

defineSuite("features-element-calls", {
  "element alias calls next to iterator fields (R-ARR-11, R-LOC-2)": mixed,
  "element objects built from the alias calls only (R-PIPE-3, D-1)": callsOnly,
});
