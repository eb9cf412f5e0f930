/**
 * Sync and async tools must give the same outcome (the property in
 * hardening/properties.test.ts, which found these cases). Work that runs
 * concurrently (R-EXEC-4: operands R-EXPR-6, template placeholders, the
 * input wires of a tool, the output fields of a define, the fields and
 * elements of an array mapping, critical forces R-EXEC-5) all starts even when
 * an earlier part fails; a cycle a later part re-enters is a fatal
 * BridgePanicError (R-CYCLE-1) that no `catch` absorbs.
 *
 * With sync tools the earlier part throws before the later ones are
 * evaluated; the engine still starts them, so the cycle is entered and
 * panics as with async tools.
 */
import { describe, expect, it } from "vitest";
import { run, tool } from "../behaviour/support.js";

const CYCLE = 'BridgePanicError: Circular dependency detected: "_:Tools:echo:1" depends on itself';

interface Row {
  name: string;
  source: string;
  expect: string;
  input?: Record<string, unknown>;
  limits?: { maxToolCalls: number };
}

const body = (lines: string, head = ""): string =>
  `version 1.5\n${head}bridge Query.run {\n  with fail as f\n  with echo as e\n  with output as o\n${lines}\n}`;

/** A mapping over `i.xs` whose element body is `lines`, with its own `fail as f` and `echo as e`. */
const mapping = (lines: string): string =>
  `version 1.5\nbridge Query.run {\n  with input as i\n  with output as o\n  o.xs <- i.xs[] as x {\n    with fail as f\n    with echo as e\n${lines}\n  }\n}`;

const XS = { xs: [{ k: false }, { k: true }] };

const rows: Row[] = [
  {
    name: "R-EXPR-6: the right operand re-enters its tool after the left one fails",
    source: body('  e.a <- f.x * e.b\n  o.v <- e.a catch "caught"'),
    expect: `${CYCLE} at {"startLine":6,"startColumn":16,"endLine":6,"endColumn":18}`,
  },
  {
    name: "R-STR: a later placeholder re-enters its tool after an earlier one fails",
    source: body('  e.a <- "{f.x}-{e.b}"\n  o.v <- e.a catch "caught"'),
    expect: CYCLE,
  },
  {
    name: "R-EXEC-4: a later input wire of a tool re-enters it after an earlier input fails",
    source: body('  e.a <- f.x\n  e.b <- e.c\n  o.v <- e.a catch "caught"'),
    expect: CYCLE,
  },
  {
    name: "R-DEFINE: a later output field of a define re-enters a tool after an earlier field fails",
    source: `version 1.5
define pair {
  with fail as f
  with echo as e
  with output as po
  e.b <- e.c
  po.a <- f.x
  po.b <- e.v
}
bridge Query.run {
  with pair as p
  with output as o
  o.v <- p catch "caught"
}`,
    expect: CYCLE,
  },
  {
    name: "R-ARR: a later field of the element re-enters a tool after an earlier field fails",
    source: mapping("    e.b <- e.c\n    .a <- f.x\n    .b <- e.v"),
    input: XS,
    expect: CYCLE,
  },
  {
    name: "R-ARR: a later element re-enters a tool after an earlier element fails",
    source: mapping("    e.b <- x.k ? e.c : 1\n    .a <- x.k ? 1 : f.x\n    .b <- e.v"),
    input: XS,
    expect: CYCLE,
  },
  {
    name: "R-ARR, D-4: a later element's call exceeds maxToolCalls after an earlier element's call fails",
    source: "version 1.5\nbridge Query.run {\n  with input as i\n  with output as o\n  with fail as f\n  o.xs <- i.xs[] as x {\n    alias r <- f:x\n    .a <- r.a\n  }\n}",
    input: { xs: [1, 2] },
    limits: { maxToolCalls: 1 },
    expect: "BridgeLimitError: Limit maxToolCalls (1) exceeded: more tool calls than allowed in one execution",
  },
  {
    name: "R-EXEC-5: a later critical force re-enters a tool after an earlier force fails",
    source: body("  e.b <- e.c\n  force f\n  force e\n  o.a = 1"),
    expect: CYCLE,
  },
];

type Mode = "sync" | "async";

function toolsFor(mode: Mode) {
  const fn = (f: (x: unknown) => unknown) => (mode === "sync" ? tool(f, { sync: true }) : tool(async (x: unknown) => f(x)));
  return {
    echo: fn((x) => x),
    fail: fn(() => {
      throw new Error("down");
    }),
  };
}

async function outcome(row: Row, mode: Mode, withLoc: boolean): Promise<string> {
  return run(row.source, { tools: toolsFor(mode), input: row.input, limits: row.limits }).then(
    (r) => `data ${JSON.stringify(r.data)}`,
    (e: Error & { loc?: unknown }) => `${e.name}: ${e.message}${withLoc ? ` at ${JSON.stringify(e.loc)}` : ""}`,
  );
}

describe("a failing part next to a later part that re-enters its tool (R-EXEC-4, R-CYCLE-1)", () => {
  for (const row of rows) {
    for (const mode of ["sync", "async"] as const) {
      it(`${row.name} (${mode} tools)`, async () => {
        expect(await outcome(row, mode, row.expect.includes(" at {"))).toBe(row.expect);
      });
    }
  }
});

describe("ordinary failures of later parts", () => {
  const tools = {
    first: tool(() => { throw new Error("first down"); }, { sync: true }),
    second: tool(() => { throw new Error("second down"); }, { sync: true }),
    echo: tool((x: unknown) => x, { sync: true }),
  };
  const sources = {
    operands: "  o.v <- a.x + b.x",
    placeholders: '  o.t <- "{a.x}{b.x}"',
    "tool inputs": "  e.p <- a.x\n  e.q <- b.x\n  o.v <- e.p",
    "critical forces": "  force a\n  force b\n  o.v = 1",
    "array elements": "  o.xs <- i.xs[] as x {\n    .v <- x.k ? b.x : a.x\n  }",
  };
  for (const [name, lines] of Object.entries(sources)) {
    it(`${name}: a later part's ordinary failure does not replace the first one`, async () => {
      const source = `version 1.5\nbridge Query.run {\n  with input as i\n  with first as a\n  with second as b\n  with echo as e\n  with output as o\n${lines}\n}`;
      await expect(run(source, { tools, input: XS })).rejects.toThrow("first down");
    });
  }
});
