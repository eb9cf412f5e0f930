/**
 * The project's only error renderer: a headline, `--> file:line:column`, and a
 * source snippet with carets under the failing span. It accepts any thrown
 * value (strings, null, objects without a prototype, hostile getters) and
 * never throws: a renderer that fails would hide the error it was asked to
 * show.
 */
import { safeString } from "./errors.js";
import type { Loc } from "./errors.js";

export interface FormatBridgeErrorOptions {
  /** Source text of the document; defaults to the error's `.source`. */
  source?: string;
  /** Name shown after `-->`; defaults to the error's `.filename`, then `<bridge>`. */
  filename?: string;
}

/** Renders an error (any value) with its location and a source snippet when known. */
export function formatBridgeError(err: unknown, options?: FormatBridgeErrorOptions): string {
  let head = "Bridge Execution Error: ";
  let message = "";
  try {
    if (isObject(err) && read(err, "name") === "BridgeSyntaxError") head = "Bridge Syntax Error: ";
    message = messageText(err);
    const loc = locationOf(err);
    if (loc === null) return head + message;
    const filename = firstString(read(options, "filename"), read(err, "filename")) ?? "<bridge>";
    let out = `${head}${message}\n  --> ${filename}:${loc.startLine}:${loc.startColumn}`;
    const source = firstString(read(options, "source"), read(err, "source"));
    if (source !== undefined) out += snippet(source, loc);
    return out;
  } catch {
    return head + (message || "[unprintable error]");
  }
}

function snippet(source: string, loc: Loc): string {
  const lines = source.split(/\r\n|\r|\n/);
  const index = loc.startLine - 1;
  if (index < 0 || index >= lines.length) return "";
  const text = lines[index]!;
  const hasNext = index + 1 < lines.length;
  const width = String(hasNext ? loc.startLine + 1 : loc.startLine).length;
  const gutter = " ".repeat(width);
  const row = (n: number, line: string): string => `\n${String(n).padStart(width)} | ${line}`;
  let out = `\n${gutter} |`;
  if (index > 0) out += row(loc.startLine - 1, lines[index - 1]!);
  out += row(loc.startLine, text);
  const carets =
    loc.endLine === loc.startLine
      ? Math.max(1, loc.endColumn - loc.startColumn + 1)
      : Math.max(1, text.length - loc.startColumn + 1);
  out += `\n${gutter} | ${" ".repeat(loc.startColumn - 1)}${"^".repeat(carets)}`;
  if (hasNext) out += row(loc.startLine + 1, lines[index + 1]!);
  return out;
}

/** `loc` of a runtime error, or `line`/`column` of a syntax error; null when absent or malformed. */
function locationOf(err: unknown): Loc | null {
  if (!isObject(err)) return null;
  const loc = read(err, "loc");
  if (isObject(loc)) {
    const startLine = read(loc, "startLine");
    const startColumn = read(loc, "startColumn");
    if (isPosInt(startLine) && isPosInt(startColumn)) {
      const endLine = read(loc, "endLine");
      const endColumn = read(loc, "endColumn");
      return {
        startLine,
        startColumn,
        endLine: isPosInt(endLine) ? endLine : startLine,
        endColumn: isPosInt(endColumn) ? endColumn : startColumn,
      };
    }
  }
  const line = read(err, "line");
  if (!isPosInt(line)) return null;
  const column = read(err, "column");
  const startColumn = isPosInt(column) ? column : 1;
  return { startLine: line, startColumn, endLine: line, endColumn: startColumn };
}

function messageText(err: unknown): string {
  if (err instanceof Error) {
    const message = read(err, "message");
    return typeof message === "string" ? message : safeString(message);
  }
  return safeString(err);
}


function read(obj: unknown, key: string): unknown {
  if (!isObject(obj)) return undefined;
  try {
    return (obj as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is object {
  return value !== null && (typeof value === "object" || typeof value === "function");
}

function isPosInt(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1;
}

function firstString(...values: unknown[]): string | undefined {
  for (const value of values) if (typeof value === "string") return value;
  return undefined;
}
