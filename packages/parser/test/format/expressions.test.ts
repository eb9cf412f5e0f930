/**
 * Unit tests of the expression printer on hand-built AST nodes: operator
 * precedence, associativity, `not` placement and the leaf forms.
 */
import { describe, expect, test } from "vitest";
import type { BinaryOperator, ControlExpr, Expr, LiteralExpr, PipeExpr, RefExpr, SourceChain } from "@bridgekit/engine";
import { chainPieces, printControl, printExpr, printPipe, printRef } from "../../src/format/expressions.js";

const loc = { start: 0, end: 0, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
const ref = (text: string): RefExpr => {
  const [root = "", ...rest] = text.split(".");
  return { kind: "Ref", loc, root, path: rest.map((key) => ({ key, safe: false })) };
};
const lit = (raw: string): LiteralExpr => ({ kind: "Literal", loc, raw, value: JSON.parse(raw) });
const bin = (op: BinaryOperator, left: Expr, right: Expr): Expr => ({ kind: "Binary", loc, op, left, right });
const not = (operand: Expr): Expr => ({ kind: "Not", loc, operand });
const tern = (condition: Expr, then: Expr, otherwise: Expr): Expr => ({ kind: "Ternary", loc, condition, then, else: otherwise });
const a = ref("i.a");
const b = ref("i.b");
const c = ref("i.c");

describe("printExpr", () => {
  test.each<[string, Expr, string]>([
    ["tighter right operand", bin("add", a, bin("mul", b, c)), "i.a + i.b * i.c"],
    ["looser left operand", bin("mul", bin("add", a, b), c), "(i.a + i.b) * i.c"],
    ["left associativity", bin("sub", bin("sub", a, b), lit("1")), "i.a - i.b - 1"],
    ["right operand at the same level", bin("sub", a, bin("sub", b, c)), "i.a - (i.b - i.c)"],
    ["comparison chain", bin("eq", bin("lt", a, b), lit("true")), "i.a < i.b == true"],
    ["and binds tighter than or", bin("or", a, bin("and", b, c)), "i.a or i.b and i.c"],
    ["or inside and", bin("and", bin("or", a, b), c), "(i.a or i.b) and i.c"],
    ["leading not covers the chain", not(bin("eq", a, lit("2"))), "not i.a == 2"],
    ["not as an operand", bin("and", a, not(b)), "i.a and (not i.b)"],
    ["not over a chain as an operand", bin("or", a, not(bin("and", b, c))), "i.a or (not i.b and i.c)"],
    ["double not", not(not(a)), "not (not i.a)"],
    ["ternary", tern(bin("gt", a, lit("1")), lit('"x"'), b), 'i.a > 1 ? "x" : i.b'],
    ["not over a ternary", not(tern(a, lit('"x"'), lit('"y"'))), 'not i.a ? "x" : "y"'],
    ["ternary on a not", tern(not(a), lit("1"), lit("2")), "(not i.a) ? 1 : 2"],
    ["negative numbers", bin("mul", a, lit("-1")), "i.a * -1"],
  ])("%s", (_name, expr, expected) => {
    expect(printExpr(expr)).toBe(expected);
  });

  test("references and pipes", () => {
    const r: RefExpr = {
      kind: "Ref",
      loc,
      root: "i",
      path: [
        { key: "user", safe: false },
        { key: "name", safe: true },
        { key: 0, safe: false },
      ],
    };
    expect(printRef(r)).toBe("i.user?.name[0]");
    const pipe: PipeExpr = {
      kind: "Pipe",
      loc,
      stages: [
        { kind: "PipeStage", loc, handle: "up", inputPath: [] },
        { kind: "PipeStage", loc, handle: "conv", inputPath: ["amount"] },
      ],
      source: ref("i.x"),
    };
    expect(printPipe(pipe)).toBe("up:conv.amount:i.x");
  });

  test.each<[string, Partial<ControlExpr>, string]>([
    ["throw with its message as a JSON string", { control: "throw", message: 'say "hi"\n' }, 'throw "say \\"hi\\"\\n"'],
    ["panic", { control: "panic", message: "stop" }, 'panic "stop"'],
    ["throw without a message (hand-built): an empty message, never `throw undefined`", { control: "throw" }, 'throw ""'],
    ["continue without a level", { control: "continue" }, "continue"],
    ["level 1 is the default and is left out (R-CTRL-1)", { control: "break", level: 1 }, "break"],
    ["a deeper level", { control: "continue", level: 3 }, "continue 3"],
  ])("printControl: %s", (_name, fields, expected) => {
    expect(printControl({ kind: "Control", loc, control: "throw", ...fields })).toBe(expected);
  });

  test("chains with gates, controls and catch", () => {
    const control = (c: ControlExpr["control"], extra: Partial<ControlExpr>): ControlExpr => ({ kind: "Control", loc, control: c, ...extra });
    const chain: SourceChain = {
      kind: "Chain",
      loc,
      head: a,
      fallbacks: [
        { kind: "Fallback", loc, gate: "??", value: bin("add", b, lit("1")) },
        { kind: "Fallback", loc, gate: "||", value: control("throw", { message: 'say "hi"' }) },
        { kind: "Fallback", loc, gate: "??", value: control("continue", { level: 2 }) },
      ],
      catch: { kind: "Catch", loc, value: control("break", { level: 1 }) },
    };
    expect(chainPieces(chain, { findBrace: () => 0, json: (l) => l.raw }).join("")).toBe('i.a ?? i.b + 1 || throw "say \\"hi\\"" ?? continue 2 catch break');
  });
});
