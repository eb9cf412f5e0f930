/**
 * References, pipe chains, wire targets and dotted names (R-PATH-1,
 * R-PIPE-1, R-WIRE-1/2). The CST of an address is a flat run of tokens
 * (`name`, `.`/`?.` + segment, `[` n `]`), read here in source order.
 */
import type { CstNode, IToken } from "chevrotain";
import { tokenMatcher } from "chevrotain";
import type { PathSegment, PipeExpr, PipeStage, RefExpr, SourceLocation, Target } from "@bridgekit/engine";
import * as T from "../lexer.js";
import type { BuildContext } from "./cst.js";
import { firstToken, semanticError, tokenLoc, tokensOf } from "./cst.js";
import type { Env } from "./scope.js";
import { resolvePipeStage, resolveRead } from "./scope.js";

interface RawAddress {
  root: IToken;
  path: PathSegment[];
  /** the first `[n]` token, if any (targets reject indices). */
  index: IToken | undefined;
}

/** Read `name { sep segment | [ n ] }` from the tokens `ts` (in source order, starting at the name). */
function readSteps(ctx: BuildContext, ts: IToken[]): RawAddress {
  const path: PathSegment[] = [];
  let index: IToken | undefined;
  for (let i = 1; i < ts.length; i++) {
    const t = ts[i]!;
    if (tokenMatcher(t, T.LBracket)) {
      const num = ts[i + 1]!;
      // Stryker disable next-line AssignmentOperator: equivalent, readSteps' `index` is never read (its only caller, buildSource, uses root and path; pipe-stage indices are rejected through the path)
      index ??= t;
      if (!/^-?\d+$/.test(num.image)) {
        throw semanticError(ctx, tokenLoc(num), `Array indices must be integers, found "${num.image}"`);
      }
      path.push({ key: Number(num.image), safe: false });
      i += 2;
    } else {
      path.push({ key: ts[i + 1]!.image, safe: tokenMatcher(t, T.QDot) });
      i += 1;
    }
  }
  return { root: ts[0]!, path, index };
}

/** An address node (or a source node without pipes). */
function readAddress(ctx: BuildContext, n: CstNode): RawAddress {
  const c = n.children;
  const seps = tokensOf(c.Sep);
  const segs = tokensOf(c.Segment);
  const nums = c.NumberLit as IToken[] | undefined;
  if (!nums) {
    return { root: firstToken(c.Name)!, path: segs.map((t, i) => ({ key: t.image, safe: seps[i]!.tokenType === T.QDot })), index: undefined };
  }
  const path: PathSegment[] = [];
  let s = 0;
  for (const num of nums) {
    // Stryker disable next-line EqualityOperator: `<` vs `<=` on startOffset is equivalent, a segment and a number are distinct tokens and never start at the same offset
    for (; s < segs.length && segs[s]!.startOffset < num.startOffset; s++) path.push({ key: segs[s]!.image, safe: seps[s]!.tokenType === T.QDot });
    if (!/^-?\d+$/.test(num.image)) throw semanticError(ctx, tokenLoc(num), `Array indices must be integers, found "${num.image}"`);
    path.push({ key: Number(num.image), safe: false });
  }
  for (; s < segs.length; s++) path.push({ key: segs[s]!.image, safe: seps[s]!.tokenType === T.QDot });
  return { root: firstToken(c.Name)!, path, index: firstToken(c.LBracket) };
}

/** The span of the address (or source) tokens held by `n`. */
export function addressLoc(n: CstNode): SourceLocation {
  const c = n.children;
  const names = tokensOf(c.Name);
  const first = names[0]!;
  let last = names[names.length - 1]!;
  for (const list of [c.Segment, c.RBracket] as Array<IToken[] | undefined>) {
    const t = list?.[list.length - 1];
    // Stryker disable next-line EqualityOperator: `>` vs `>=` is equivalent, names, segments and `]` are distinct tokens and never start at the same offset
    if (t && t.startOffset > last.startOffset) last = t;
  }
  return tokenLoc(first, last);
}

const SOURCE_KEYS = ["Name", "Sep", "Segment", "LBracket", "NumberLit", "RBracket", "Colon"];

/** The address tokens of `n` in source order (other children, e.g. `not`, are left out). */
function sourceTokens(n: CstNode): IToken[] {
  const out: IToken[] = [];
  for (const key of SOURCE_KEYS) for (const t of (n.children[key] ?? []) as IToken[]) out.push(t);
  return out.sort((a, b) => a.startOffset - b.startOffset);
}

/** An address in read position: a checked reference. */
export function buildRef(env: Env, n: CstNode): RefExpr {
  const { root, path } = readAddress(env.ctx, n);
  const loc = addressLoc(n);
  resolveRead(env, root.image, path.length > 0, loc);
  return { kind: "Ref", root: root.image, path, loc };
}

function splitAtColons(n: CstNode): IToken[][] {
  const parts: IToken[][] = [[]];
  for (const t of sourceTokens(n)) {
    if (tokenMatcher(t, T.Colon)) parts.push([]);
    else parts[parts.length - 1]!.push(t);
  }
  return parts;
}

/** `source = address , { ":" , address }`: a reference or a pipe chain. */
export function buildSource(env: Env, n: CstNode): RefExpr | PipeExpr {
  if (!n.children.Colon) return buildRef(env, n);
  const addresses = splitAtColons(n);
  const stages: PipeStage[] = [];
  for (const a of addresses.slice(0, -1)) {
    const { root, path } = readSteps(env.ctx, a);
    const loc = tokenLoc(a[0]!, a[a.length - 1]!);
    resolvePipeStage(env, root.image, loc);
    if (path.some((p) => typeof p.key === "number")) {
      throw semanticError(env.ctx, loc, `A pipe stage input path cannot contain an array index`);
    }
    stages.push({ kind: "PipeStage", handle: root.image, inputPath: path.map((p) => String(p.key)), loc });
  }
  const last = addresses[addresses.length - 1]!;
  const { root, path } = readSteps(env.ctx, last);
  const refLoc = tokenLoc(last[0]!, last[last.length - 1]!);
  resolveRead(env, root.image, path.length > 0, refLoc);
  const source: RefExpr = { kind: "Ref", root: root.image, path, loc: refLoc };
  return { kind: "Pipe", stages, source, loc: addressLoc(n) };
}

/** An address in target position (R-WIRE-1, R-WIRE-2: no indices, `?.` reads as `.`). */
export function buildTarget(ctx: BuildContext, n: CstNode): Target {
  const { root, path, index } = readAddress(ctx, n);
  const loc = addressLoc(n);
  if (index) {
    throw semanticError(ctx, loc, "Explicit array index in wire target is not supported. Use array mapping (`[] as iter { }`) instead.");
  }
  return { kind: "Target", root: root.image, path: path.map((p) => String(p.key)), loc };
}

/** The `.seg.seg` of a scope line: a relative target. */
export function buildRelTarget(n: CstNode): Target {
  const segs = tokensOf(n.children.Segment);
  return { kind: "Target", root: null, path: segs.map((t) => t.image), loc: tokenLoc(firstToken(n.children.Dot)!, segs[segs.length - 1]!) };
}

/** `dotted = name , { "." , name }` as the joined text. */
export function dottedText(n: CstNode): { text: string; parts: IToken[] } {
  const parts = tokensOf(n.children.Name);
  return { text: parts.map((t) => t.image).join("."), parts };
}
