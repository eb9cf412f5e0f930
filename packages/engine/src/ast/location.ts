/**
 * Source locations. Every AST node carries one `loc` of plain numbers so that
 * `JSON.parse(JSON.stringify(document))` is an identical document.
 *
 * Offsets are 0-based UTF-16 indexes into the source (`end` exclusive).
 * Lines and columns are 1-based; `endColumn` is inclusive: the column of the
 * last character of the last token (language.md R-LOC-1).
 */
export interface SourceLocation {
  start: number;
  end: number;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** Fields shared by every AST node. */
export interface BaseNode {
  loc: SourceLocation;
}

/** A JSON value as it appears in `const` blocks, `on error = …` and JSON fallback literals. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
