// Engine behaviours the conformance fixtures cover thinly: cycles, limits,
// D-1 member reads, deterministic self-wires, define laziness.
import { describe, expect, it } from "vitest";
import { parseBridge } from "@bridgekit/parser";
import { BridgeLimitError, BridgePanicError, executeBridge } from "@bridgekit/engine";

const run = (text: string, extra: Record<string, unknown> = {}) =>
  executeBridge({ document: parseBridge(text), operation: "Query.q", ...extra });

describe("cycles (R-CYCLE-1)", () => {
  it("detects a two-instance cycle with the instance key, zero traces", async () => {
    const echo = async (x: unknown) => x;
    const e = await run(
      `version 1.5
bridge Query.q {
  with echo as a
  with echo as b
  with output as o
  a <- b
  b <- a
  o.v <- a.result
}`,
      { tools: { echo }, trace: "basic" },
    ).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BridgePanicError);
    expect((e as Error).message).toMatch(/^Circular dependency detected: "_:Tools:echo:[12]" depends on itself$/);
    expect((e as { traces: unknown[] }).traces).toEqual([]);
  });

  it("detects self-feeding, located at the re-entering reference", async () => {
    const geo = (x: unknown) => [x];
    const e = await run(
      `version 1.5
bridge Query.q {
  with geo
  with output as o
  geo.q <- geo[0].city
  o.v <- geo[0].city
}`,
      { tools: { geo } },
    ).catch((x: unknown) => x);
    expect((e as Error).message).toBe('Circular dependency detected: "_:Tools:geo:1" depends on itself');
    expect((e as { loc: { startLine: number; startColumn: number } }).loc).toMatchObject({ startLine: 5, startColumn: 12 });
  });

  it("a cycle that is never pulled does not fail", async () => {
    const r = await run(
      `version 1.5
bridge Query.q {
  with echo as a
  with echo as b
  with input as i
  with output as o
  a <- b
  b <- a
  o.ok <- i.ok
}`,
      { tools: { echo: (x: unknown) => x }, input: { ok: 1 } },
    );
    expect(r.data).toEqual({ ok: 1 });
  });
});

describe("limits (D-4, R-ARR-12)", () => {
  const nested = `version 1.5
bridge Query.q {
  with input as i
  with output as o
  o <- i.xs[] as x { .ys <- x.ys[] as y { .v <- y } }
}`;
  it("maxDepth 1 allows one level and refuses the nested one with BridgeLimitError", async () => {
    const e = await run(nested, { maxDepth: 1, input: { xs: [{ ys: [1] }] } }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BridgeLimitError);
    expect(e).toBeInstanceOf(BridgePanicError);
    expect((e as Error).message).toBe(
      "Maximum execution depth exceeded (2). Check for infinite recursion or circular array mappings.",
    );
    const ok = await run(nested, { maxDepth: 2, input: { xs: [{ ys: [1] }] } });
    expect(ok.data).toEqual([{ ys: [{ v: 1 }] }]);
  });

  it("empty sources never trigger the depth check", async () => {
    const ok = await run(nested, { maxDepth: 1, input: { xs: [{ ys: [] }] } });
    expect(ok.data).toEqual([{ ys: [] }]);
  });

  it("maxArrayLength refuses a longer array before mapping, even under catch", async () => {
    const e = await run(
      `version 1.5
bridge Query.q {
  with input as i
  with output as o
  o.v <- i.xs[] as x { .v <- x } catch []
}`,
      { limits: { maxArrayLength: 3 }, input: { xs: [1, 2, 3, 4] } },
    ).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BridgeLimitError);
  });
});

describe("member reads (D-1, R-PATH-3)", () => {
  it("built-in members and functions read as undefined; own data reads normally", async () => {
    const r = await run(
      `version 1.5
bridge Query.q {
  with input as i
  with output as o
  o.a <- i.obj.toString
  o.b <- i.list.map
  o.c <- i.fn
  o.d <- i.list.length
  o.e <- i.s.length
  o.f <- i.own.toString
}`,
      { input: { obj: {}, list: [1, 2], fn: () => 1, s: "abc", own: { toString: "mine" } } },
    );
    expect(r.data).toEqual({ a: undefined, b: undefined, c: undefined, d: 2, e: 3, f: "mine" });
  });

  it("reading through a primitive without the property fails with the JS wording", async () => {
    const e = await run(
      `version 1.5
bridge Query.q {
  with input as i
  with output as o
  o.a <- i.n.x
}`,
      { input: { n: 5 } },
    ).catch((x: unknown) => x);
    expect((e as Error).message).toBe("Cannot read properties of 5 (reading 'x')");
  });
});

describe("tool blocks and defines", () => {
  it("later self-wire wins deterministically, whatever finishes first (Q-09)", async () => {
    const slow = async () => {
      await new Promise((r) => setTimeout(r, 5));
      return "slow";
    };
    const fast = () => "fast";
    const r = await run(
      `version 1.5
tool t from echo {
  with slow as s
  with fast as f
  .v <- s
  .v <- f
}
bridge Query.q {
  with t
  with output as o
  o <- t
}`,
      { tools: { echo: (x: unknown) => x, slow, fast } },
    );
    expect(r.data).toEqual({ v: "fast" });
  });

  it("every field read from a define instance is produced, tools run once (Q-13)", async () => {
    let calls = 0;
    const cat = () => {
      calls++;
      return { title: "Dune", year: 1965 };
    };
    const r = await run(
      `version 1.5
define label {
  with cat as c
  with output as out
  out.title <- c.title
  out.text <- "{c.title} ({c.year})"
}
bridge Query.q {
  with label as l
  with output as o
  o.x <- l.title
  o.y <- l.text
}`,
      { tools: { cat } },
    );
    expect(r.data).toEqual({ x: "Dune", y: "Dune (1965)" });
    expect(calls).toBe(1);
  });
});

describe("error locations (R-LOC-2)", () => {
  it("an async pipe failure read through an alias is located at the pipe expression", async () => {
    const up = async () => {
      throw new Error("down");
    };
    const e = await run(
      `version 1.5
bridge Query.q {
  with up
  with input as i
  with output as o
  alias r <- up:i.name
  o.v <- r.x
}`,
      { tools: { up }, input: { name: "n" } },
    ).catch((x: unknown) => x);
    expect((e as Error).message).toBe("down");
    expect((e as { loc: unknown }).loc).toEqual({ startLine: 6, startColumn: 14, endLine: 6, endColumn: 22 });
  });

  it("a failing tool read by two wires is located at the first reader for both", async () => {
    const cat = async () => {
      throw new Error("down");
    };
    const e = await run(
      `version 1.5
bridge Query.q {
  with cat
  with output as o
  o.a <- cat.x
  o.b <- cat.y
}`,
      { tools: { cat } },
    ).catch((x: unknown) => x);
    expect((e as { loc: unknown }).loc).toEqual({ startLine: 5, startColumn: 10, endLine: 5, endColumn: 14 });
  });
});
