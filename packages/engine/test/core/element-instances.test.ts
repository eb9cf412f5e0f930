// Element fields that read an alias or tool of their own element (`.a <- resp.a`)
// are read together from one wait per element. Whatever the mix of fields, the
// results, failures and locations are those of reading each field on its own.
import { describe, expect, it } from "vitest";
import { parseBridge } from "@bridgekit/parser";
import { createEngine, executeBridge } from "@bridgekit/engine";

const items = [
  { id: 1, name: "a" },
  { id: 2, name: "b" },
  { id: 3, name: "c" },
];

function tools(enrich: (p: { in: { id: number; name: string } }) => unknown) {
  return { api: async () => ({ items }), enrich };
}

interface Outcome {
  data?: unknown;
  error?: Error & { loc?: unknown };
}

async function run(body: string, enrich: (p: { in: { id: number; name: string } }) => unknown): Promise<Outcome> {
  const doc = parseBridge(`version 1.5
bridge Query.q {
  with api
  with enrich
  with output as o
  o <- api.items[] as it {
${body}
  }
}`);
  const prepared = createEngine({ tools: tools(enrich) }).prepare(doc);
  const viaEngine = await prepared.execute({ operation: "Query.q" }).then(
    (r): Outcome => ({ data: r.data }),
    (e: unknown): Outcome => ({ error: e as Error & { loc?: unknown } }),
  );
  const viaExecute = await executeBridge({ document: doc, operation: "Query.q", tools: tools(enrich) }).then(
    (r): Outcome => ({ data: r.data }),
    (e: unknown): Outcome => ({ error: e as Error & { loc?: unknown } }),
  );
  expect(viaExecute.error?.message).toBe(viaEngine.error?.message);
  return viaEngine;
}

const asyncEnrich = async (p: { in: { id: number; name: string } }) => ({ a: p.in.id * 10, b: p.in.name.toUpperCase(), fn: () => 1 });

describe("element fields reading their element's instances", () => {
  it("reads several fields, the whole value and deep paths of one alias", async () => {
    const r = await run(
      `    alias resp <- enrich:it
    .a <- resp.a
    .all <- resp
    .b <- resp.b
    .id <- it.id`,
      async (p) => ({ a: p.in.id, b: { c: p.in.name } }),
    );
    expect(r.data).toEqual([
      { a: 1, all: { a: 1, b: { c: "a" } }, b: { c: "a" }, id: 1 },
      { a: 2, all: { a: 2, b: { c: "b" } }, b: { c: "b" }, id: 2 },
      { a: 3, all: { a: 3, b: { c: "c" } }, b: { c: "c" }, id: 3 },
    ]);
  });

  it("keeps fields that read the alias with a fallback between plain reads", async () => {
    const r = await run(
      `    alias resp <- enrich:it
    .a <- resp.a
    .x <- resp.missing || "dflt"
    .b <- resp.b`,
      asyncEnrich,
    );
    expect(r.data).toEqual(items.map((it) => ({ a: it.id * 10, x: "dflt", b: it.name.toUpperCase() })));
  });

  it("reads a tool declared in the element body", async () => {
    const r = await run(
      `    with enrich as e
    e.in <- it
    .a <- e.a
    .b <- e.b`,
      asyncEnrich,
    );
    expect(r.data).toEqual(items.map((it) => ({ a: it.id * 10, b: it.name.toUpperCase() })));
  });

  it("reads two different aliases of the element", async () => {
    const r = await run(
      `    alias x <- enrich:it
    alias y <- enrich:it
    .a <- x.a
    .b <- y.b
    .c <- x.b`,
      asyncEnrich,
    );
    expect(r.data).toEqual(items.map((it) => ({ a: it.id * 10, b: it.name.toUpperCase(), c: it.name.toUpperCase() })));
  });

  it("never surfaces a function read whole", async () => {
    const r = await run(
      `    alias f <- enrich:it
    .f <- f
    .id <- it.id`,
      async () => () => 1,
    );
    expect(r.data).toEqual(items.map((it) => ({ id: it.id })));
  });

  it("applies loop signals carried by the alias", async () => {
    const r = await run(
      `    alias n <- enrich:it
    alias m <- n.skip ?? continue
    .id <- it.id
    .m <- m`,
      async (p) => (p.in.id === 2 ? {} : { skip: p.in.id }),
    );
    expect(r.data).toEqual([
      { id: 1, m: 1 },
      { id: 3, m: 3 },
    ]);
  });

  it("locates a strict path failure at the field's reference", async () => {
    const r = await run(
      `    alias resp <- enrich:it
    .a <- resp.a
    .b <- resp.b.c`,
      async (p) => ({ a: p.in.id, b: null }),
    );
    expect(r.error?.message).toContain("Cannot read properties of null (reading 'c')");
    expect(r.error?.loc).toEqual({ startLine: 9, startColumn: 11, endLine: 9, endColumn: 18 });
  });

  it("locates a tool failure at the pipe and reports the first failure in time", async () => {
    const r = await run(
      `    alias resp <- enrich:it
    .a <- resp.a
    .b <- resp.b`,
      async (p) => {
        if (p.in.id === 1) await new Promise((resolve) => setTimeout(resolve, 5));
        throw new Error(`down ${p.in.id}`);
      },
    );
    expect(r.error?.message).toBe("down 2");
    expect(r.error?.loc).toEqual({ startLine: 7, startColumn: 19, endLine: 7, endColumn: 27 });
  });

  it("takes the same path for sync tools", async () => {
    const enrich = (p: { in: { id: number; name: string } }) => ({ a: p.in.id, b: p.in.name });
    enrich.bridge = { sync: true };
    const r = await run(
      `    alias resp <- enrich:it
    .a <- resp.a
    .b <- resp.b`,
      enrich,
    );
    expect(r.data).toEqual(items.map((it) => ({ a: it.id, b: it.name })));
  });
});

async function runText(text: string, tools: Record<string, unknown>): Promise<Outcome> {
  const doc = parseBridge(text);
  const prepared = createEngine({ tools: tools as never }).prepare(doc);
  return prepared.execute({ operation: "Query.q" }).then(
    (r): Outcome => ({ data: r.data }),
    (e: unknown): Outcome => ({ error: e as Error & { loc?: unknown } }),
  );
}

describe("tool inputs reading one instance several times", () => {
  const a = async () => ({ lat: 1, lon: 2, deep: { v: 3 }, none: null });
  const echo = async (p: unknown) => p;

  it("builds the input from several paths of one pending tool, in wire order", async () => {
    const r = await runText(
      `version 1.5
bridge Query.q {
  with a
  with echo as b
  with output as o
  b.x <- a.lat
  b.y <- a.lon
  b.z <- a.deep.v
  b.w <- a.lat || 9
  b.all <- a.deep
  o <- b
}`,
      { a, echo },
    );
    expect(r.data).toEqual({ x: 1, y: 2, z: 3, w: 1, all: { v: 3 } });
  });

  it("locates a strict path failure of one input wire at its reference", async () => {
    const r = await runText(
      `version 1.5
bridge Query.q {
  with a
  with echo as b
  with output as o
  b.x <- a.lat
  b.y <- a.none.v
  o.v <- b.x
}`,
      { a, echo },
    );
    expect(r.error?.message).toContain("Cannot read properties of null (reading 'v')");
    expect(r.error?.loc).toEqual({ startLine: 7, startColumn: 10, endLine: 7, endColumn: 17 });
  });

  it("reads an outer tool from an element's tool input", async () => {
    const r = await runText(
      `version 1.5
bridge Query.q {
  with a
  with output as o
  o <- a.list[] as it {
    with echo as e
    e.n <- it
    e.lat <- a.lat
    e.lon <- a.lon
    .v <- e
  }
}`,
      { a: async () => ({ lat: 1, lon: 2, list: [7, 8] }), echo },
    );
    expect(r.data).toEqual([
      { v: { n: 7, lat: 1, lon: 2 } },
      { v: { n: 8, lat: 1, lon: 2 } },
    ]);
  });
});

describe("element aliases read only by their fields", () => {
  const two = [
    { id: 1, name: "a" },
    { id: 2, name: "b" },
  ];
  const down = async (p: { in: { id: number } }) => {
    throw new Error(`down ${p.in.id}`);
  };
  const ok = async (p: { in: { id: number; name: string } }) => ({ a: p.in.id, b: p.in.name });
  const text = (body: string) => `version 1.5
bridge Query.q {
  with api
  with enrich
  with other
  with output as o
  o <- api.items[] as it {
${body}
  }
}`;
  const afterOther = `    with other as x
    x.in <- it
    alias resp <- enrich:it
    .x <- x.a
    .a <- resp.a
    .b <- resp.b`;

  it("locates a failure of the alias at its pipe when another instance is awaited first", async () => {
    const r = await runText(text(afterOther), { api: async () => ({ items: two }), enrich: down, other: ok });
    expect(r.error?.message).toBe("down 1");
    expect(r.error?.loc).toEqual({ startLine: 10, startColumn: 19, endLine: 10, endColumn: 27 });
  });

  it("reports the other instance's failure at its field when it fails", async () => {
    const r = await runText(text(afterOther), { api: async () => ({ items: two }), enrich: ok, other: down });
    expect(r.error?.message).toBe("down 1");
    expect(r.error?.loc).toEqual({ startLine: 11, startColumn: 11, endLine: 11, endColumn: 13 });
  });

  it("locates a synchronous failure of the alias at its pipe", async () => {
    const sync = (p: { in: { id: number } }) => {
      throw new Error(`sync ${p.in.id}`);
    };
    const r = await runText(
      text(`    alias resp <- enrich:it
    .a <- resp.a
    .b <- resp.b`),
      { api: async () => ({ items: two }), enrich: sync, other: ok },
    );
    expect(r.error?.message).toBe("sync 1");
    expect(r.error?.loc).toEqual({ startLine: 8, startColumn: 19, endLine: 8, endColumn: 27 });
  });

  it("maps the fields when the alias succeeds", async () => {
    const r = await runText(text(afterOther), { api: async () => ({ items: two }), enrich: ok, other: ok });
    expect(r.data).toEqual([
      { x: 1, a: 1, b: "a" },
      { x: 2, a: 2, b: "b" },
    ]);
  });
});

describe("element aliases piping the element into one tool", () => {
  const two = [
    { id: 1, name: "a" },
    { id: 2, name: "b" },
  ];
  const text = (head: string) => `version 1.5
${head}
bridge Query.q {
  with api
  with enrich
  with output as o
  o <- api.items[] as it {
    alias resp <- enrich:it
    .a <- resp.a
    .b <- resp.b
  }
}`;
  const exec = (head: string, tools: Record<string, unknown>, options: { toolTimeoutMs?: number; trace?: "basic" } = {}) =>
    executeBridge({
      document: parseBridge(text(head)),
      operation: "Query.q",
      tools: { api: async () => ({ items: two }), ...tools } as never,
      ...options,
    });
  const withFallback = `tool enrich from lib.enrich {
  on error = { "a": -1, "b": "x" }
}`;

  it("applies the tool's on error fallback to an async failure and to a timeout", async () => {
    const failing = async (p: { in: { id: number; name: string } }) => {
      if (p.in.id === 2) throw new Error("no");
      return { a: p.in.id, b: p.in.name };
    };
    expect((await exec(withFallback, { "lib.enrich": failing })).data).toEqual([
      { a: 1, b: "a" },
      { a: -1, b: "x" },
    ]);
    const hanging = (p: { in: { id: number } }) => (p.in.id === 2 ? new Promise(() => {}) : Promise.resolve({ a: 1, b: 2 }));
    const r = await exec(withFallback, { "lib.enrich": hanging }, { toolTimeoutMs: 30 });
    expect(r.data).toEqual([
      { a: 1, b: 2 },
      { a: -1, b: "x" },
    ]);
  });

  it("locates a timeout at the pipe", async () => {
    const hanging = (p: { in: { id: number } }) => (p.in.id === 2 ? new Promise(() => {}) : Promise.resolve({ a: 1, b: 2 }));
    const err = (await exec("", { enrich: hanging }, { toolTimeoutMs: 30 }).catch((e: unknown) => e)) as Error & { loc?: unknown };
    expect(err.message).toBe('Tool "enrich" timed out after 30ms');
    expect(err.loc).toEqual({ startLine: 8, startColumn: 19, endLine: 8, endColumn: 27 });
  });

  it("traces every element call and reports a missing tool at the pipe", async () => {
    const r = await exec("", { enrich: async (p: { in: { id: number } }) => ({ a: p.in.id, b: 1 }) }, { trace: "basic" });
    expect(r.traces.map((t) => t.tool)).toEqual(["api", "enrich", "enrich"]);
    const err = (await exec("", {}).catch((e: unknown) => e)) as Error & { loc?: unknown };
    expect(err.message).toBe('No tool found for "enrich"');
    expect(err.loc).toEqual({ startLine: 8, startColumn: 19, endLine: 8, endColumn: 27 });
  });
});

describe("tool slots settled by their own calls", () => {
  const a = async () => ({ lat: 1, lon: 2, none: null });
  const echo = async (p: unknown) => p;
  const down = async () => {
    throw new Error("down");
  };
  const q = (body: string) => `version 1.5
bridge Query.q {
  ${body}
}`;

  it("builds the result from a tool whose inputs wait on another tool, read twice", async () => {
    const r = await runText(q(`with a\n  with echo as b\n  with output as o\n  b.x <- a.lat\n  o.v <- b.x\n  o.w <- b.x\n  o.z <- a.lon`), { a, echo });
    expect(r.data).toEqual({ v: 1, w: 1, z: 2 });
  });

  it("locates the failure of a tool called after its inputs arrived, and of the tool it waited on", async () => {
    const late = await runText(q(`with a\n  with down as b\n  with output as o\n  b.x <- a.lat\n  o.v <- b.x`), { a, down });
    expect(late.error?.message).toBe("down");
    expect(late.error?.loc).toEqual({ startLine: 7, startColumn: 10, endLine: 7, endColumn: 12 });
    const early = await runText(q(`with down as a\n  with echo as b\n  with output as o\n  b.x <- a.lat\n  o.v <- b.x`), { down, echo });
    expect(early.error?.loc).toEqual({ startLine: 6, startColumn: 10, endLine: 6, endColumn: 14 });
    const caught = await runText(q(`with down as a\n  with echo as b\n  with output as o\n  b.x <- a.lat\n  o.v <- b.x catch "c"`), { down, echo });
    expect(caught.data).toEqual({ v: "c" });
  });

  it("times out a tool called after its inputs arrived", async () => {
    const doc = parseBridge(q(`with a\n  with hang as b\n  with output as o\n  b.x <- a.lat\n  o.v <- b.x`));
    const err = (await executeBridge({
      document: doc,
      operation: "Query.q",
      tools: { a, hang: () => new Promise(() => {}) },
      toolTimeoutMs: 20,
    }).catch((e: unknown) => e)) as Error & { loc?: unknown };
    expect(err.message).toBe('Tool "hang" timed out after 20ms');
    expect(err.loc).toEqual({ startLine: 7, startColumn: 10, endLine: 7, endColumn: 12 });
  });
});
