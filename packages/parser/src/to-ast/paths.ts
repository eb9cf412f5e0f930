/**
 * References, pipe chains, wire targets and dotted names (R-PATH-1,
 * R-PIPE-1, R-WIRE-1/2). The CST of an address is a flat run of tokens
 * (`name`, `.`/`?.` + segment, `[` n `]`), read here in source order.
 */
import type { CstNode, IToken } from "chevrotain";
import { tokenMatcher } from "chevrotain";
import type { PathSegment, PipeExpr, PipeStage, RefExpr, Target } from "@bridgekit/engine";
import * as T from "../lexer.js";
import type { BuildContext } from "./cst.js";
import { nodeLoc, orderedTokens, semanticError, subs, tokenLoc } from "./cst.js";
import type { Env } from "./scope.js";
import { resolvePipeStage, resolveRead } from "./scope.js";

interface RawAddress {
  root: IToken;
  path: PathSegment[];
  /** the first `[n]` token, if any (targets reject indices). */
  index: IToken | undefined;
}

function readAddress(ctx: BuildContext, n: CstNode): RawAddress {
  const ts = orderedTokens(n);
  const path: PathSegment[] = [];
  let index: IToken | undefined;
  for (let i = 1; i < ts.length; i++) {
    const t = ts[i]!;
    if (tokenMatcher(t, T.LBracket)) {
      const num = ts[i + 1]!;
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

/** An address in read position: a checked reference. */
export function buildRef(env: Env, n: CstNode): RefExpr {
  const { root, path } = readAddress(env.ctx, n);
  const loc = nodeLoc(n);
  resolveRead(env, root.image, path.length > 0, loc);
  return { kind: "Ref", root: root.image, path, loc };
}

/** `source = address , { ":" , address }`: a reference or a pipe chain. */
export function buildSource(env: Env, n: CstNode): RefExpr | PipeExpr {
  const addresses = subs(n, "address");
  if (addresses.length === 1) return buildRef(env, addresses[0]!);
  const stages: PipeStage[] = [];
  for (const a of addresses.slice(0, -1)) {
    const { root, path } = readAddress(env.ctx, a);
    const loc = nodeLoc(a);
    resolvePipeStage(env, root.image, loc);
    if (path.some((p) => typeof p.key === "number")) {
      throw semanticError(env.ctx, loc, `A pipe stage input path cannot contain an array index`);
    }
    stages.push({ kind: "PipeStage", handle: root.image, inputPath: path.map((p) => String(p.key)), loc });
  }
  const source = buildRef(env, addresses[addresses.length - 1]!);
  return { kind: "Pipe", stages, source, loc: nodeLoc(n) };
}

/** An address in target position (R-WIRE-1, R-WIRE-2: no indices, `?.` reads as `.`). */
export function buildTarget(ctx: BuildContext, n: CstNode): Target {
  const { root, path, index } = readAddress(ctx, n);
  const loc = nodeLoc(n);
  if (index) {
    throw semanticError(ctx, loc, "Explicit array index in wire target is not supported. Use array mapping (`[] as iter { }`) instead.");
  }
  return { kind: "Target", root: root.image, path: path.map((p) => String(p.key)), loc };
}

/** `relPath = "." , segment , { "." , segment }`: a relative target. */
export function buildRelTarget(n: CstNode): Target {
  const segs = orderedTokens(n).filter((t) => !tokenMatcher(t, T.Dot) && !tokenMatcher(t, T.QDot));
  return { kind: "Target", root: null, path: segs.map((t) => t.image), loc: nodeLoc(n) };
}

/** `dotted = name , { "." , name }` as the joined text. */
export function dottedText(n: CstNode): { text: string; parts: IToken[] } {
  const parts = orderedTokens(n).filter((t) => !tokenMatcher(t, T.Dot));
  return { text: parts.map((t) => t.image).join("."), parts };
}
