/**
 * Small source scanners for the formatter: locate tokens that the AST does
 * not record (the `version` line, the `{` that opens a body) so comments can
 * be placed next to them. Comments are skipped. Also re-indents multi-line
 * JSON text for the canonical layout.
 */

/**
 * Offset of the first `{` at or after `from` that is not inside a comment.
 * Callers search from the start of a block header (`tool a from b`,
 * `define d`, `bridge T.f`), the end of a scope-block target or the start of
 * `[] as it`: only names, keywords and comments come before the brace there,
 * never a string literal.
 */
export function findBrace(source: string, from: number): number {
  let i = from;
  while (i < source.length) {
    const ch = source[i];
    if (ch === "{") return i;
    i = ch === "#" ? lineEnd(source, i) : i + 1;
  }
  return source.length;
}

/** Offsets of the `version X` declaration (the first token after leading comments). */
export function findVersion(source: string): { start: number; end: number } {
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === "#") i = lineEnd(source, i);
    else if (/\s/.test(ch)) i++;
    else break;
  }
  const match = /^version\s+[^\s#]*/i.exec(source.slice(i));
  return { start: i, end: i + (match ? match[0].length : 0) };
}

function lineEnd(source: string, from: number): number {
  const end = source.indexOf("\n", from);
  return end === -1 ? source.length : end;
}

/**
 * Re-indents the continuation lines of multi-line JSON text for a statement
 * printed at `depth`: their common indentation becomes two spaces per level,
 * their indentation relative to each other is kept. Only whitespace outside
 * strings changes (JSON strings cannot span lines), so the value is the same.
 */
export function reindentJson(raw: string, depth: number): string {
  if (!raw.includes("\n")) return raw;
  const [first = "", ...rest] = raw.split(/\r?\n/);
  const indents = rest.filter((line) => line.trim() !== "").map((line) => /^[ \t]*/.exec(line)![0].length);
  const common = Math.min(...indents);
  const base = " ".repeat(depth * 2);
  const lines = rest.map((line) => (line.trim() === "" ? "" : base + line.slice(common)));
  return [first, ...lines].join("\n");
}
