/**
 * Right-hand sides of pull wires and aliases (R-WIRE-8, R-EXPR-*, R-TERN-*,
 * R-FALL-*, R-CTRL-*). Operator chains are flat in the CST (`operand op
 * operand …`); precedence (R-EXPR-3) is applied here with a small
 * operator-precedence (shunting-yard) pass, all operators left-associative.
 */
import type { CstNode, IToken } from "chevrotain";
import { tokenMatcher } from "chevrotain";
import type { CatchClause, ControlExpr, Expr, Fallback, SourceChain } from "@bridgekit/engine";
import * as T from "../lexer.js";
import { PARSER_LIMITS } from "../limits.js";
import { firstNode, firstToken, nodeLoc, nodesOf, only, orderedTokens, semanticError, spanLoc, sub, subs, syntaxError, tok, tokenLoc, tokensOf, toks } from "./cst.js";
import type { Env } from "./scope.js";
import { buildRef, buildSource } from "./paths.js";
import { catchString, decodeString, pullString } from "./strings.js";
import { buildMapping } from "./arrays.js";

/** Which restrictions apply to a right-hand side. */
export interface RhsMode {
  /** alias: a string head may be followed by operators (R-ALIAS-1). */
  alias?: boolean;
  /** array-body alias: short form only (R-ALIAS-1, R-ARR-10). */
  short?: boolean;
  /** no array mapping on the head (loop-scoped handle wires, tool bodies Q-08). */
  noMapping?: string;
}

function literal(t: IToken): Expr {
  const tt = t.tokenType;
  const value = tt === T.NumberLit ? Number(t.image) : tt === T.True ? true : tt === T.False ? false : null;
  return { kind: "Literal", value, raw: t.image, loc: tokenLoc(t) };
}

/** A `LiteralTok` in pull position: strings may be templates. */
function pullLiteral(env: Env, t: IToken): Expr {
  return t.tokenType === T.StringLit ? pullString(env, t) : literal(t);
}

/** `operand = NUMBER | STRING | "true" | "false" | "null" | paren | source`. */
function buildOperand(env: Env, n: CstNode): Expr {
  const [key, el] = only(n);
  if (key === "paren") return buildParen(env, el as CstNode);
  if (key === "source") return buildSource(env, el as CstNode);
  return pullLiteral(env, el as IToken);
}

/** Fold `e0 op1 e1 op2 e2 …` by precedence; all operators are left-associative. */
function climb(env: Env, first: Expr, ops: IToken[], operandNodes: CstNode[]): Expr {
  if (ops.length > PARSER_LIMITS.maxOperators) {
    const at = tokenLoc(ops[PARSER_LIMITS.maxOperators]!);
    throw syntaxError(env.ctx, at, `expression exceeds the parser limit maxOperators (${PARSER_LIMITS.maxOperators} operators in one expression)`);
  }
  const operands = operandNodes.map((o) => buildOperand(env, o));
  const values: Expr[] = [first];
  const stack: Array<{ op: string; prec: number }> = [];
  const reduce = (): void => {
    const { op } = stack.pop()!;
    const right = values.pop()!;
    const left = values.pop()!;
    values.push({ kind: "Binary", op: op as never, left, right, loc: spanLoc(left.loc, right.loc) });
  };
  ops.forEach((opTok, i) => {
    const info = T.OPERATORS.get(opTok.tokenType)!;
    while (stack.length && stack[stack.length - 1]!.prec >= info.prec) reduce();
    stack.push(info);
    values.push(operands[i]!);
  });
  while (stack.length) reduce();
  return values[0]!;
}

/** `paren = "(" , [ "not" ] , source , { op , operand } , ")"`. */
function buildParen(env: Env, n: CstNode): Expr {
  const head = buildSource(env, sub(n, "source")!);
  const expr = climb(env, head, toks(n, "BinOp"), subs(n, "operand"));
  const not = tok(n, "Not");
  return not ? { kind: "Not", operand: expr, loc: spanLoc(tokenLoc(not), expr.loc) } : expr;
}

function buildBranch(env: Env, n: CstNode): Expr {
  const [key, el] = only(n);
  if (key === "address") return buildRef(env, el as CstNode);
  return pullLiteral(env, el as IToken);
}

function checkLevel(env: Env, kw: IToken, num: IToken | undefined): number {
  const word = kw.image;
  if (num && (!/^\d+$/.test(num.image) || Number(num.image) < 1)) {
    throw semanticError(env.ctx, tokenLoc(num), `${word} level must be a positive integer`);
  }
  const level = num ? Number(num.image) : 1;
  const depth = env.scope.arrayDepth;
  if (depth === 0) throw semanticError(env.ctx, tokenLoc(kw), `${word} is only allowed inside an array mapping body`);
  if (level > depth) {
    throw semanticError(env.ctx, tokenLoc(kw, num ?? kw), `${word} ${level} exceeds the ${depth} enclosing array mapping${depth === 1 ? "" : "s"}`);
  }
  return level;
}

function buildControl(env: Env, ts: IToken[]): ControlExpr {
  const kw = ts[0]!;
  const arg = ts[1];
  const loc = tokenLoc(kw, arg ?? kw);
  if (tokenMatcher(kw, T.Throw) || tokenMatcher(kw, T.Panic)) {
    const control = tokenMatcher(kw, T.Throw) ? "throw" : "panic";
    return { kind: "Control", control, message: decodeString(env.ctx, arg!), loc };
  }
  const control = tokenMatcher(kw, T.Continue) ? "continue" : "break";
  return { kind: "Control", control, level: checkLevel(env, kw, arg), loc };
}

function jsonLiteral(env: Env, n: CstNode): Expr {
  const loc = nodeLoc(n);
  const raw = env.ctx.source.slice(loc.start, loc.end);
  try {
    return { kind: "Literal", value: JSON.parse(raw), raw, loc };
  } catch (e) {
    throw semanticError(env.ctx, loc, `Invalid JSON literal ${raw}: ${(e as Error).message}`);
  }
}

/** `alt` of a gate or a catch (R-FALL-2, R-FALL-4). */
function buildAlt(env: Env, n: CstNode, inCatch: boolean): Expr {
  const c = n.children;
  if (c["Throw"] || c["Panic"] || c["Continue"] || c["Break"]) return buildControl(env, orderedTokens(n));
  const json = sub(n, "jsonObject") ?? sub(n, "jsonArray");
  if (json) return jsonLiteral(env, json);
  if (n.children["Name"]) {
    const head = buildSource(env, n);
    return climb(env, head, toks(n, "BinOp"), subs(n, "operand"));
  }
  const lit = tok(n, "LiteralTok")!;
  if (lit.tokenType !== T.StringLit) return literal(lit);
  return inCatch ? catchString(env.ctx, lit) : pullString(env, lit);
}

function shortFormViolation(n: CstNode, stringHead: boolean): CstNode | IToken | undefined {
  return tok(n, "Not") ?? toks(n, "BinOp")[0] ?? sub(n, "ternary") ?? sub(n, "mapping")
    ?? (stringHead ? tok(n, "StringLit") : sub(n, "paren"));
}

function locOfElement(el: CstNode | IToken) {
  return "image" in el ? tokenLoc(el) : nodeLoc(el);
}

/** The primary expression of a chain: head, operators, ternary, `not`, mapping. */
function buildHead(env: Env, n: CstNode, mode: RhsMode): Expr {
  const c = n.children;
  const str = firstToken(c.StringLit);
  const not = firstToken(c.Not);
  const ops = tokensOf(c.BinOp);
  const ternary = firstNode(c.ternary);
  if (mode.short) {
    const bad = shortFormViolation(n, !!str);
    if (bad) throw syntaxError(env.ctx, locOfElement(bad), "an alias inside an array body takes only a reference or pipe chain, optionally followed by `||`, `??` and `catch` (R-ALIAS-1)");
  }
  if (str && not) throw syntaxError(env.ctx, tokenLoc(not), "`not` cannot be applied to a string literal");
  if (str && !mode.alias && (ops.length || ternary)) {
    const at = ops[0] ?? ternary!;
    throw syntaxError(env.ctx, locOfElement(at), "a string literal on a wire can only be followed by `||`, `??` or `catch` (R-STR-5); use an alias for operators");
  }
  const paren = firstNode(c.paren);
  let expr: Expr = str ? pullString(env, str) : paren ? buildParen(env, paren) : buildSource(env, n);
  expr = climb(env, expr, ops, nodesOf(c.operand));
  if (ternary) {
    const thenE = buildBranch(env, sub(ternary, "then")!);
    const elseE = buildBranch(env, sub(ternary, "else")!);
    expr = { kind: "Ternary", condition: expr, then: thenE, else: elseE, loc: spanLoc(expr.loc, elseE.loc) };
  }
  if (not) expr = { kind: "Not", operand: expr, loc: spanLoc(tokenLoc(not), expr.loc) };
  const mapping = firstNode(c.mapping);
  if (mapping) {
    if (mode.noMapping) throw syntaxError(env.ctx, nodeLoc(mapping), mode.noMapping);
    expr = buildMapping(env, expr, mapping);
  }
  return expr;
}

/** `rhs` → SourceChain (R-WIRE-8). */
export function buildChain(env: Env, n: CstNode, mode: RhsMode = {}): SourceChain {
  const head = buildHead(env, n, mode);
  const fallbacks: Fallback[] = nodesOf(n.children.gate).map((g) => {
    const gateTok = tok(g, "GateTok")!;
    let value = buildAlt(env, sub(g, "alt")!, false);
    const mapping = sub(g, "mapping");
    if (mapping) {
      if (mode.noMapping) throw syntaxError(env.ctx, nodeLoc(mapping), mode.noMapping);
      value = buildMapping(env, value, mapping);
    }
    return { kind: "Fallback", gate: gateTok.image as "||" | "??", value, loc: spanLoc(tokenLoc(gateTok), value.loc) };
  });
  const catchTok = firstToken(n.children.Catch);
  let catchClause: CatchClause | null = null;
  if (catchTok) {
    const value = buildAlt(env, sub(n, "alt")!, true);
    catchClause = { kind: "Catch", value, loc: spanLoc(tokenLoc(catchTok), value.loc) };
  }
  return { kind: "Chain", head, fallbacks, catch: catchClause, loc: nodeLoc(n) };
}
