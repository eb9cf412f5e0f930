/**
 * String literals in their different roles (R-LEX-6, R-STR-*, R-WIRE-5/6,
 * JSON-decoded plain strings, templates with `{…}`
 * placeholders, `catch` strings, and the coercion of `=` values.
 */
import type { IToken } from "chevrotain";
import { tokenMatcher } from "chevrotain";
import type { JsonValue, LiteralExpr, PathSegment, PipeStage, RefExpr, TemplateExpr, TemplatePlaceholder, TemplateText } from "@bridgekit/engine";
import * as T from "../lexer.js";
import type { BuildContext } from "./cst.js";
import { offsetLoc, semanticError, syntaxError, tokenLoc } from "./cst.js";
import type { Env } from "./scope.js";
import { resolvePipeStage, resolveRead } from "./scope.js";

// eslint-disable-next-line no-control-regex
const NEEDS_JSON = /[\\\u0000-\u001f]/;

/** JSON-decode a string token (plain strings, messages, fallbacks). */
export function decodeString(ctx: BuildContext, t: IToken): string {
  const image = t.image;
  if (!NEEDS_JSON.test(image)) return image.slice(1, -1);
  try {
    return JSON.parse(t.image.replace(/\\\{/g, "{")) as string;
  } catch {
    const why = /[\r\n]/.test(t.image) ? "a line break inside a string must be written as \\n" : "invalid escape sequence or control character in string";
    throw syntaxError(ctx, tokenLoc(t), `${why} (R-LEX-6)`);
  }
}

interface Span {
  start: number;
  end: number;
}

/** Find the placeholders of a string token's content (R-STR-1, R-STR-3). */
function scanTemplate(inner: string): Array<string | Span> {
  const parts: Array<string | Span> = [];
  let text = "";
  let i = 0;
  while (i < inner.length) {
    const c = inner[i]!;
    if (c === "\\") {
      text += inner[i + 1] === "{" ? "{" : inner.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c === "{") {
      let j = i + 1;
      while (j < inner.length && inner[j] !== "{" && inner[j] !== "}") j++;
      if (inner[j] === "}" && inner.slice(i + 1, j).trim() !== "") {
        if (text) parts.push(text);
        text = "";
        parts.push({ start: i, end: j + 1 });
        i = j + 1;
        continue;
      }
    }
    text += c;
    i++;
  }
  if (text) parts.push(text);
  return parts;
}

/** True when a string token has at least one non-empty `{…}` placeholder. */
export function isTemplate(t: IToken): boolean {
  return scanTemplate(t.image.slice(1, -1)).some((p) => typeof p !== "string");
}

function placeholder(env: Env, t: IToken, span: Span): TemplatePlaceholder {
  const base = t.startOffset + 1;
  const raw = t.image.slice(1 + span.start + 1, 1 + span.end - 1);
  const content = raw.trim();
  const contentStart = base + span.start + 1 + (raw.length - raw.trimStart().length);
  const loc = offsetLoc(env.ctx, base + span.start, base + span.end);
  const exprLoc = offsetLoc(env.ctx, contentStart, contentStart + content.length);
  if (content.startsWith(".")) {
    throw semanticError(env.ctx, loc, "Self-reference creates a circular dependency. Remove the leading dot or use a declared handle.");
  }
  const pieces = content.split(":");
  const [root, ...rest] = pieces[pieces.length - 1]!.trim().split(".");
  const path: PathSegment[] = rest.map((key) => ({ key, safe: false }));
  const stageNames = pieces.slice(0, -1).map((s) => s.trim());
  const stages: PipeStage[] = stageNames.map((handle) => {
    resolvePipeStage(env, handle, exprLoc);
    return { kind: "PipeStage", handle, inputPath: [], loc: exprLoc };
  });
  resolveRead(env, root!, path.length > 0, exprLoc);
  const ref: RefExpr = { kind: "Ref", root: root!, path, loc: exprLoc };
  const expr = stages.length ? { kind: "Pipe" as const, stages, source: ref, loc: exprLoc } : ref;
  return { kind: "Placeholder", expr, loc };
}

/** A string in pull position: a template if it has placeholders, else a JSON-decoded literal. */
export function pullString(env: Env, t: IToken): TemplateExpr | LiteralExpr {
  const scanned = scanTemplate(t.image.slice(1, -1));
  if (!scanned.some((p) => typeof p !== "string")) {
    return { kind: "Literal", value: decodeString(env.ctx, t), raw: t.image, loc: tokenLoc(t) };
  }
  const parts: Array<TemplateText | TemplatePlaceholder> = scanned.map((p) =>
    typeof p === "string" ? { kind: "Text", text: p } : placeholder(env, t, p));
  return { kind: "Template", parts, raw: t.image, loc: tokenLoc(t) };
}

/** `catch "…"`: never a template; raw text kept when it looks like one. */
export function catchString(ctx: BuildContext, t: IToken): LiteralExpr {
  const value = isTemplate(t) ? t.image.slice(1, -1) : decodeString(ctx, t);
  return { kind: "Literal", value, raw: t.image, loc: tokenLoc(t) };
}

/** R-WIRE-6: quoted `=` values, quotes stripped without decoding, then coerced. */
export function coerceQuoted(inner: string): JsonValue {
  if (inner === "true") return true;
  if (inner === "false") return false;
  if (inner === "null") return null;
  if (inner.trim() !== "" && Number.isFinite(Number(inner))) return Number(inner);
  try {
    return JSON.parse(inner) as JsonValue;
  } catch {
    return inner;
  }
}

/** The value of a bare `=` token (R-WIRE-4, R-WIRE-5, R-WIRE-6). */
export function bareValue(t: IToken): JsonValue {
  if (tokenMatcher(t, T.StringLit)) return coerceQuoted(t.image.slice(1, -1));
  if (tokenMatcher(t, T.NumberLit)) return Number(t.image);
  if (tokenMatcher(t, T.True)) return true;
  if (tokenMatcher(t, T.False)) return false;
  if (tokenMatcher(t, T.Null)) return null;
  return t.image;
}
