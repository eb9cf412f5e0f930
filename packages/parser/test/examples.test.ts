/** The worked examples of language.md §16 (E-1 … E-11) parse; E-10 with its last line fails (R-WIRE-8). */
import { describe, expect, test } from "vitest";
import { BridgeSyntaxError, parseBridge } from "../src/index.js";

const V = "version 1.5\n";

const E1 = `bridge Query.loan {
  with lib.member as m
  with lib.fees as f
  with input as i
  with output as o
  m.id <- i.memberId
  f.level <- m.level
  o.name <- m.name
  o.fee <- f.amount
}`;
const E3 = `bridge Query.title {
  with catalog as c
  with context as ctx
  with input as i
  with output as o
  c.isbn <- i.isbn
  o.title <- c.title
  o.title <- ctx.titleOverride
}`;
const E4 = `bridge Query.n {
  with input as i
  with output as o
  o.a <- i.n || 10
  o.b <- i.n ?? 10
}`;
const E5 = `tool guarded from fail {
  on error = { "v": "from-on-error" }
}
bridge Query.r {
  with guarded as g
  with fail as f1
  with fail as f2
  with output as o
  o.a <- g.v
  o.b <- f1.v catch "from-catch"
  o.c <- f2?.v || "from-safe"
}`;
const E6 = `bridge Query.p {
  with input as i
  with output as o
  o.x <- i.v ?? panic "no v" catch "never"
}`;
const E7 = `bridge Query.list {
  with input as i
  with output as o
  o.ok <- i.rows[] as r { .n <- r.n ?? continue }
  o.upTo <- i.rows[] as r { .n <- r.n ?? break }
  o.none <- i.missing[] as r { .n <- r }
  o.notArray <- i.word[] as r { .n <- r }
}`;
const E8 = `bridge Query.covers {
  with input as i
  with output as o
  o <- i.isbns[] as code {
    with covers.lookup as cv memoize
    cv.isbn <- code
    .url <- cv.url
  }
}`;
const E9 = `define price {
  with fx.rate as r
  with input as i
  with output as o
  r.to <- i.currency
  o.total <- i.amount * r.rate
}
bridge Query.quote {
  with price as eur
  with price as usd
  with input as i
  with output as o
  eur.amount <- i.amount
  eur.currency = "EUR"
  usd.amount <- i.amount
  usd.currency = "USD"
  o.eur <- eur.total
  o.usd <- usd.total
}`;
const E10 = `bridge Query.badge {
  with input as i
  with output as o
  o.text <- "{i.first} ({i.points} pts)"
  o.level <- i.points >= 100 ? "gold" : "basic"`;
const E10_LAST = `  o.next <- 100 - i.points          # syntax error: a literal cannot start a wire`;
const E11 = `tool base from echo {
  .mode = "safe"
  .retries = 2
}
tool strict from base {
  .mode = "strict"
}
bridge Query.cfg {
  with strict as s
  with output as o
  s.retries = 5
  o <- s
}`;

describe("language.md §16 worked examples", () => {
  test.each([["E-1/E-2", E1], ["E-3", E3], ["E-4", E4], ["E-5", E5], ["E-6", E6], ["E-7", E7], ["E-8", E8], ["E-9", E9], ["E-11", E11]])(
    "%s parses",
    (_name, text) => {
      const doc = parseBridge(V + text);
      expect(doc.kind).toBe("Document");
      expect(doc.blocks.length).toBeGreaterThan(0);
    },
  );

  test("E-9 binds both handles to the earlier define", () => {
    const doc = parseBridge(V + E9);
    const bridge = doc.blocks[1]!;
    expect(bridge.kind).toBe("Bridge");
    const withs = bridge.kind === "Bridge" ? bridge.body.filter((s) => s.kind === "With") : [];
    expect(withs.slice(0, 2).map((w) => w.kind === "With" && w.binding)).toEqual(["define", "define"]);
  });

  test("E-10 without its last line parses; the suggested rewrite parses", () => {
    expect(() => parseBridge(`${V}${E10}\n}`)).not.toThrow();
    expect(() => parseBridge(`${V}${E10}\n  o.next <- i.points * -1 + 100\n}`)).not.toThrow();
  });

  test("E-10 with its last line is a syntax error at the literal (R-WIRE-8)", () => {
    let error: unknown;
    try {
      parseBridge(`${V}${E10}\n${E10_LAST}\n}`);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BridgeSyntaxError);
    const e = error as BridgeSyntaxError;
    expect(e.line).toBe(7);
    expect(e.column).toBe(13);
    expect(e.message).toMatch(/^Line 7, column 13: a literal cannot start a pull wire/);
  });
});
