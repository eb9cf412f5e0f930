/**
 * Hand-built documents (api.md: the engine runs a JSON AST without the
 * parser; ast/document.ts: `version` is absent on hand-built documents).
 * Whatever a document lacks or holds that the parser would never produce,
 * `engine.prepare` (strict) and `executeBridge` (lazy) give the exact errors
 * of R-EXEC-1 and R-PIPE-4, or run what is there; they never crash mid-way.
 * Each row takes a parsed document and changes it as a hand-built one could be.
 */
import { describe, expect, it } from "vitest";
import type { BridgeDocument } from "../../src/ast/index.js";
import { createEngine, executeBridge } from "../../src/index.js";
import type { ToolMap } from "../../src/types.js";

/** A pipe through `up`, a handle the parser refuses as a pipe stage; the cases edit it into what they test. */
const PIPE_THROUGH_UP = `version 1.5
bridge Query.run {
  with input as i
  with up
  with output as o
  o.v <- up:i.v
}`;
import { parse } from "../behaviour/support.js";

type Loose = Record<string, any>;

const PLAIN = `version 1.5
bridge Query.run {
  with input as i
  with output as o
  o.v <- i.v
}`;

const TOOL_BLOCK = `version 1.5
tool t from fail {
  on error = 5
}
bridge Query.run {
  with t
  with output as o
  o.v <- t
}`;

/** A bridge with a forced tool `t`; rows retarget the force. */
const FORCED = `version 1.5
bridge Query.run {
  with input as i
  with t
  with output as o
  force t
  o.v <- i.v
}`;

function forceHandle(doc: Loose, handle: string, catchNull: boolean): Loose {
  const force = (doc.blocks[0].body as Loose[]).find((st) => st.kind === "Force")!;
  Object.assign(force, { handle, catchNull });
  return doc;
}

/** Removes every `loc` (a hand-built document need not have them). */
function stripLocations(doc: Loose): Loose {
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v !== null && typeof v === "object") {
      delete (v as Loose).loc;
      delete (v as Loose).clauseLoc;
      Object.values(v).forEach(visit);
    }
  };
  visit(doc);
  return doc;
}

/** Sets the level of every `continue`/`break` in the document (the parser refuses levels above the nesting, Q-35). */
function raiseLevels(doc: Loose, level: number): Loose {
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v !== null && typeof v === "object") {
      const node = v as Loose;
      if (node.kind === "Control" && (node.control === "continue" || node.control === "break")) node.level = level;
      Object.values(node).forEach(visit);
    }
  };
  visit(doc);
  return doc;
}

const fail = () => {
  throw new Error("down");
};

interface Outcome {
  data?: unknown;
  error?: { class: string; message: string; loc?: unknown };
}

interface Row {
  name: string;
  source: string;
  /** Turns the parsed document into the hand-built one. */
  edit: (doc: Loose) => unknown;
  tools?: ToolMap;
  input?: Record<string, unknown>;
  operation?: unknown;
  /** Outcome of engine.prepare(doc).execute(…); `prepare` when prepare itself throws. */
  engine: Outcome | { prepare: { class: string; message: string } };
  /** Outcome of executeBridge; defaults to `engine` when that is an outcome. */
  execute?: Outcome;
}

const rows: Row[] = [
  {
    name: "R-EXEC-1: a document without blocks has no bridge",
    source: PLAIN,
    edit: () => ({ kind: "Document" }),
    engine: { error: { class: "Error", message: 'Bridge "Query.run" not found in document' } },
  },
  {
    name: "R-EXEC-1: a non-string operation is an invalid operation",
    source: PLAIN,
    edit: (doc) => doc,
    operation: 42,
    engine: { error: { class: "Error", message: 'Invalid operation "42" — expected "Type.field" (e.g. "Query.myField")' } },
  },
  {
    name: "R-BRIDGE-4: a bridge block without a body writes nothing: {}",
    source: PLAIN,
    edit: (doc) => {
      delete doc.blocks[0].body;
      return doc;
    },
    input: { v: 1 },
    engine: { data: {} },
  },
  {
    name: "a statement missing its target is reported as a malformed document naming the bridge",
    source: PLAIN,
    edit: (doc) => {
      doc.blocks[0].body.push({ kind: "PullWire" });
      return doc;
    },
    engine: { prepare: { class: "TypeError", message: "Malformed bridge document (Query.run): " } },
    execute: { error: { class: "TypeError", message: "Malformed bridge document (Query.run): " } },
  },
  {
    name: "R-TOOL-4: a tool block extending an unknown tool: refused by prepare, a runtime error when called",
    source: TOOL_BLOCK,
    edit: (doc) => {
      Object.assign(doc.blocks[0], { extends: true, source: "nothere" });
      return doc;
    },
    tools: { fail },
    engine: { prepare: { class: "Error", message: 'Cannot prepare document: Tool "t" extends unknown tool "nothere"' } },
    execute: {
      error: {
        class: "BridgeRuntimeError",
        message: 'Tool "t" extends unknown tool "nothere"',
        loc: { startLine: 8, startColumn: 10, endLine: 8, endColumn: 10 },
      },
    },
  },
  {
    name: "R-TOOL-9: a tool block without a body calls its function with no fallback",
    source: TOOL_BLOCK,
    edit: (doc) => {
      delete doc.blocks[0].body;
      return doc;
    },
    tools: { fail },
    engine: { error: { class: "BridgeRuntimeError", message: "down", loc: { startLine: 8, startColumn: 10, endLine: 8, endColumn: 10 } } },
  },
  {
    name: "R-TOOL-9: on error without a value falls back to null, as its JSON round trip does",
    source: TOOL_BLOCK,
    edit: (doc) => {
      doc.blocks[0].body[0].value = undefined;
      return doc;
    },
    tools: { fail },
    engine: { data: { v: null } },
  },
  {
    name: "R-DEF-5: a define block without a body has an empty output",
    source: `version 1.5
define d {
  with output as o
  o.v = 1
}
bridge Query.run {
  with d as h
  with output as o
  o.all <- h
  o.v <- h.v
}`,
    edit: (doc) => {
      delete doc.blocks[0].body;
      return doc;
    },
    engine: { data: { all: {}, v: undefined } },
  },
  {
    name: "R-DEF-2: a define binding that names no define block is a tool name",
    source: `version 1.5
bridge Query.run {
  with d as h
  with output as o
  o.v <- h.v
}`,
    edit: (doc) => {
      doc.blocks[0].body[0].binding = "define";
      return doc;
    },
    tools: { d: () => ({ v: 7 }) },
    engine: { data: { v: 7 } },
  },
  {
    name: "R-LOC-1: a document without locations runs; its errors carry no location",
    source: `version 1.5
bridge Query.run {
  with input as i
  with output as o
  o.v <- i.a.b
}`,
    edit: (doc) => stripLocations(doc),
    input: {},
    engine: { error: { class: "BridgeRuntimeError", message: "Cannot read properties of undefined (reading 'b')" } },
  },
  {
    name: "R-PIPE-4: without locations the prepare message names no line",
    source: PIPE_THROUGH_UP,
    edit: (doc) => {
      // The parser refuses an undeclared pipe handle; a hand-built document can hold one.
      doc.blocks[0].body[3].chain.head.stages[0].handle = "nope";
      return stripLocations(doc);
    },
    tools: { up: (x: unknown) => x },
    engine: { prepare: { class: "Error", message: 'Cannot prepare document: pipe handle "nope" must reference a tool, got "undeclared"' } },
    execute: { error: { class: "BridgeRuntimeError", message: 'Pipe handle "nope" must reference a tool, got "undeclared"' } },
  },
  {
    name: "an expression of an unknown kind fails when it is read, naming the kind",
    source: PLAIN,
    edit: (doc) => {
      doc.blocks[0].body[2].chain.head = { kind: "Bogus" };
      return doc;
    },
    input: { v: 1 },
    engine: { error: { class: "BridgeRuntimeError", message: 'Unsupported expression kind "Bogus"' } },
  },
  {
    name: "R-CTRL-4: a continue or break without a level is level 1",
    source: `version 1.5
bridge Query.run {
  with input as i
  with output as o
  o <- i.xs[] as x {
    .v <- x.v ?? break
  }
}`,
    edit: (doc) => {
      const visit = (v: unknown): void => {
        if (Array.isArray(v)) v.forEach(visit);
        else if (v !== null && typeof v === "object") {
          if ((v as Loose).kind === "Control") delete (v as Loose).level;
          Object.values(v).forEach(visit);
        }
      };
      visit(doc);
      return doc;
    },
    input: { xs: [{ v: 1 }, {}, { v: 3 }] },
    engine: { data: [{ v: 1 }] },
  },
  {
    name: "R-ARR-17: a signal crossing more mappings than exist leaves the owning output field unwritten",
    source: `version 1.5
bridge Query.run {
  with input as i
  with output as o
  o.list <- i.xs[] as x {
    .v <- x.v ?? break
  }
  o.n <- i.n
}`,
    edit: (doc) => raiseLevels(doc, 2),
    input: { xs: [{ v: 1 }, {}], n: 1 },
    engine: { data: { n: 1 } },
  },
  {
    name: "R-ARR-17: a signal crossing more mappings than exist leaves a root output wire unwritten",
    source: `version 1.5
bridge Query.run {
  with input as i
  with output as o
  o <- i.xs[] as x {
    .v <- x.v ?? continue
  }
}`,
    edit: (doc) => raiseLevels(doc, 3),
    input: { xs: [{ v: 1 }, {}] },
    engine: { data: {} },
  },
  {
    name: "R-ARR-17: without a signal the same hand-built mapping is written",
    source: `version 1.5
bridge Query.run {
  with input as i
  with output as o
  o.list <- i.xs[] as x {
    .v <- x.v ?? break
  }
}`,
    edit: (doc) => raiseLevels(doc, 2),
    input: { xs: [{ v: 1 }, { v: 2 }] },
    engine: { data: { list: [{ v: 1 }, { v: 2 }] } },
  },
  {
    name: "R-FORCE-4: forcing an input handle (refused by the parser, Q-24) fails at run time",
    source: FORCED,
    edit: (doc) => forceHandle(doc, "i", false),
    tools: { t: () => ({}) },
    input: { v: 1 },
    engine: { error: { class: "BridgeRuntimeError", message: 'Tool "_.i" not found in any scope' } },
  },
  {
    name: "R-FORCE-3: forcing an input handle with catch null swallows that failure",
    source: FORCED,
    edit: (doc) => forceHandle(doc, "i", true),
    tools: { t: () => ({}) },
    input: { v: 1 },
    engine: { data: { v: 1 } },
  },
  {
    name: "R-PIPE-4: a pipe through a handle that is not a tool: refused by prepare, a runtime error when read",
    source: PIPE_THROUGH_UP,
    edit: (doc) => {
      const w = doc.blocks[0].body[1];
      Object.assign(w, { binding: "input", name: "input" });
      return doc;
    },
    tools: { up: (x: unknown) => x },
    input: { v: 1 },
    engine: { prepare: { class: "Error", message: 'Cannot prepare document: pipe handle "up" must reference a tool, got "input" at line 6' } },
    execute: {
      error: {
        class: "BridgeRuntimeError",
        message: 'Pipe handle "up" must reference a tool, got "input"',
        loc: { startLine: 6, startColumn: 10, endLine: 6, endColumn: 15 },
      },
    },
  },
];

async function outcome(p: () => Promise<{ data: unknown }>): Promise<Outcome> {
  try {
    return { data: (await p()).data };
  } catch (e) {
    const err = e as Error & { loc?: unknown };
    return { error: { class: err.constructor.name, message: err.message, ...(err.loc === undefined ? {} : { loc: err.loc }) } };
  }
}

/** Compares an outcome; an expected message ending in ": " is a prefix (the rest names the JavaScript failure). */
function expectOutcome(got: Outcome, want: Outcome): void {
  if (want.error?.message.endsWith(": ")) {
    expect(got.error?.class).toBe(want.error.class);
    expect(got.error?.message.startsWith(want.error.message)).toBe(true);
    return;
  }
  expect(got).toStrictEqual(want);
}

describe("hand-built documents (R-EXEC-1)", () => {
  for (const row of rows) {
    it(row.name, async () => {
      const doc = () => row.edit(JSON.parse(JSON.stringify(parse(row.source))) as Loose) as BridgeDocument;
      const operation = (row.operation ?? "Query.run") as string;
      const options = { operation, input: row.input };
      if ("prepare" in row.engine) {
        const want = row.engine.prepare;
        let thrown: unknown;
        try {
          createEngine({ tools: row.tools }).prepare(doc());
        } catch (e) {
          thrown = e;
        }
        expect((thrown as Error)?.constructor.name).toBe(want.class);
        expectOutcome({ error: { class: want.class, message: (thrown as Error).message } }, { error: want });
      } else {
        expectOutcome(await outcome(() => createEngine({ tools: row.tools }).prepare(doc()).execute(options)), row.engine);
      }
      const viaExecute = row.execute ?? (row.engine as Outcome);
      expectOutcome(await outcome(() => executeBridge({ document: doc(), tools: row.tools, ...options })), viaExecute);
    });
  }

  it("a document that is not an object is refused by both entry points", async () => {
    expect(() => createEngine().prepare(null as unknown as BridgeDocument)).toThrow(new TypeError("Bridge document must be an object"));
    await expect(executeBridge({ document: null as unknown as BridgeDocument, operation: "Query.run" })).rejects.toThrow(
      new TypeError("executeBridge: `document` is required"),
    );
  });
});
