/**
 * Statements shared by bridge, define, tool and array bodies: `with`
 * declarations (R-WITH-*), wires (R-WIRE-*), scope blocks (R-BLOCK-*),
 * spreads (R-SPREAD-*), aliases (R-ALIAS-*) and `force` (R-FORCE-*).
 * `flavor` says which body a scope block belongs to, because the allowed
 * lines differ (R-BLOCK-4 for element blocks, Q-08 for tool bodies).
 */
import type { CstNode, IToken } from "chevrotain";
import { tokenMatcher } from "chevrotain";
import type {
  AliasStatement, ConstantWire, ForceStatement, PullWire, ScopeBlock, ScopeStatement, SpreadStatement, Target, WithStatement,
} from "@bridgekit/engine";
import * as T from "../lexer.js";
import { RESERVED } from "../lexer.js";
import type { BuildContext } from "./cst.js";
import { firstNode, firstToken, items, nodeLoc, semanticError, sub, syntaxError, tok, tokenLoc } from "./cst.js";
import type { Env, HandleKind } from "./scope.js";
import { resolveForce, resolveWrite } from "./scope.js";
import { buildRelTarget, buildSource, buildTarget, dottedText } from "./paths.js";
import { bareValue } from "./strings.js";
import type { RhsMode } from "./expressions.js";
import { buildChain } from "./expressions.js";

export type Flavor = "body" | "tool" | "element";

/** R-NAME-3: reject reserved words in name positions. */
export function checkReservedName(ctx: BuildContext, name: string, t: IToken, label: string, words: ReadonlySet<string>): void {
  const lower = name.toLowerCase();
  if (words.has(lower)) throw semanticError(ctx, tokenLoc(t), `"${name}" is a reserved keyword and cannot be used as a ${label}`);
  if (RESERVED.sourceIdentifiers.has(lower)) {
    throw semanticError(ctx, tokenLoc(t), `"${name}" is a reserved source identifier and cannot be used as a ${label}`);
  }
}

const BUILTINS = [T.Input, T.Output, T.Context, T.Const];

/** `with …` (R-WITH-1, R-WITH-6, R-WITH-7, R-DEF-2, R-TOOL-5, Q-14). */
export function buildWith(env: Env, n: CstNode): WithStatement {
  const { ctx, scope } = env;
  const c = n.children;
  const { text, parts } = dottedText(firstNode(c.dotted)!);
  const loc = nodeLoc(n);
  const asTok = firstToken(c.Name);
  const memoTok = firstToken(c.Memoize);
  const versionTok = firstToken(c.VersionTag);
  const builtin = parts.length === 1 && BUILTINS.some((b) => tokenMatcher(parts[0]!, b));
  if (builtin) {
    const binding = text.toLowerCase() as "input" | "output" | "context" | "const";
    if (scope.block === "tool" && (binding === "input" || binding === "output")) {
      throw semanticError(ctx, loc, `'with ${binding}' is not allowed in tool blocks`);
    }
    if (memoTok) throw semanticError(ctx, tokenLoc(memoTok), "memoize is only valid for tool references");
    if (versionTok) throw syntaxError(ctx, tokenLoc(versionTok), "a version tag is only valid on a tool reference (R-WITH-7)");
    return { kind: "With", binding, name: binding, handle: asTok?.image ?? binding, version: null, memoize: false, loc };
  }
  const defineAt = ctx.defines.get(text);
  const isDefine = scope.block === "bridge" && defineAt !== undefined && defineAt < scope.blockStart;
  if (scope.block === "define" && defineAt !== undefined) {
    ctx.warnings.push({ loc, message: `"${text}" is a define; a define cannot use another define, so it is looked up as a tool (Q-14)` });
  }
  if (asTok) checkReservedName(ctx, asTok.image, asTok, "handle alias", RESERVED.handleKeywords);
  if (memoTok && isDefine) throw semanticError(ctx, tokenLoc(memoTok), "memoize is only valid for tool references");
  const handle = asTok?.image ?? (isDefine ? text : parts[parts.length - 1]!.image);
  return {
    kind: "With", binding: isDefine ? "define" : "tool", name: text, handle,
    version: versionTok ? versionTok.image.slice(1) : null, memoize: !!memoTok, loc,
  };
}

/** Declare the `with` handles of one body up front (R-WITH-2, R-WITH-3). */
export function declareWiths(env: Env, withs: WithStatement[]): void {
  const seen = new Set<string>();
  for (const w of withs) {
    if (seen.has(w.handle)) throw semanticError(env.ctx, w.loc, `Duplicate handle name "${w.handle}"`);
    seen.add(w.handle);
    env.scope.names.set(w.handle, { kind: w.binding as HandleKind, offset: w.loc.start, fromWith: true });
  }
}

/** Build the `with` lines of a body and declare them up front (R-WITH-2); the statements by line index. */
export function declareBodyWiths(env: Env, lines: ReadonlyArray<[string, CstNode]>): Array<WithStatement | undefined> {
  const byLine = new Array<WithStatement | undefined>(lines.length);
  const withs: WithStatement[] = [];
  for (let i = 0; i < lines.length; i++) {
    const [key, node] = lines[i]!;
    if (key !== "withDecl") continue;
    const w = buildWith(env, node);
    byLine[i] = w;
    withs.push(w);
  }
  declareWiths(env, withs);
  return byLine;
}

/** `force h [catch null]` (R-FORCE-1, Q-24). */
export function buildForce(env: Env, n: CstNode): ForceStatement {
  const name = tok(n, "Name")!;
  const loc = nodeLoc(n);
  resolveForce(env, name.image, tokenLoc(name));
  return { kind: "Force", handle: name.image, catchNull: !!tok(n, "Catch"), loc };
}

/** `alias name <- chain` (R-ALIAS-*); the name becomes visible afterwards. */
export function buildAlias(env: Env, n: CstNode): AliasStatement {
  const name = tok(n, "Name")!;
  const inArray = env.scope.body === "array";
  if (inArray) checkReservedName(env.ctx, name.image, name, "local binding alias", RESERVED.handleKeywords);
  const loc = nodeLoc(n);
  const chain = buildChain({ ...env, aliasOffset: loc.start }, sub(n, "rhs")!, { alias: true, short: inArray });
  env.scope.names.set(name.image, { kind: "alias", offset: loc.start, fromWith: false });
  return { kind: "Alias", name: name.image, chain, loc };
}

/** `... <- source` (R-SPREAD-1). */
export function buildSpread(env: Env, n: CstNode): SpreadStatement {
  return { kind: "Spread", source: buildSource(env, sub(n, "source")!), loc: nodeLoc(n) };
}

/** One line inside a scope block: alias, `.path …` or spread. */
function buildScopeInner(env: Env, key: string, node: CstNode, flavor: Flavor): ScopeStatement {
  if (key === "alias") {
    if (flavor === "tool") throw syntaxError(env.ctx, nodeLoc(node), "`alias` is not supported inside tool blocks (Q-08)");
    if (flavor === "element") throw syntaxError(env.ctx, nodeLoc(node), "`alias` is not allowed inside an element block; declare it directly in the array body (R-BLOCK-4)");
    return buildAlias(env, node);
  }
  if (key === "spread") {
    if (flavor === "tool") throw syntaxError(env.ctx, nodeLoc(node), "a spread inside a nested scope block of a tool body is not supported (Q-08); spread at the top of the tool body instead");
    return buildSpread(env, node);
  }
  return buildScopeLine(env, node, flavor);
}

/** `.path = …`, `.path <- …` or `.path { … }` with a relative target. */
export function buildScopeLine(env: Env, n: CstNode, flavor: Flavor, mode: RhsMode = {}): ConstantWire | PullWire | ScopeBlock {
  return buildTail(env, buildRelTarget(n), n, nodeLoc(n), flavor, mode);
}

/** The part of a wire after its target (R-WIRE-4, R-WIRE-8, R-BLOCK-1); `tail` is the wire or scope-line node. */
export function buildTail(
  env: Env, target: Target, tail: CstNode, loc: PullWire["loc"], flavor: Flavor, mode: RhsMode,
): ConstantWire | PullWire | ScopeBlock {
  const t = firstToken(tail.children.BareValue);
  if (t) {
    return { kind: "ConstantWire", target, value: bareValue(t), raw: t.image, loc };
  }
  const rhs = firstNode(tail.children.rhs);
  if (rhs) return { kind: "PullWire", target, chain: buildChain(env, rhs, mode), loc };
  const body = items(tail, ["alias", "scopeLine", "spread"]).map(([key, line]) => buildScopeInner(env, key, line, flavor));
  return { kind: "ScopeBlock", target, body, loc };
}

/** `address ( = | <- | { } )` with a handle-rooted target. */
export function buildWire(env: Env, n: CstNode, flavor: Flavor, mode: RhsMode = {}): ConstantWire | PullWire | ScopeBlock {
  const target = buildTarget(env.ctx, n);
  resolveWrite(env, target.root!, target.path.length > 0, target.loc);
  return buildTail(env, target, n, nodeLoc(n), flavor, mode);
}
