/**
 * `BridgeSyntaxError`: the one error class thrown by the parser. It carries
 * its location from the moment it is created (line, column and the span
 * `loc`), plus the source and filename so `formatBridgeError` can render a
 * snippet without further context.
 */

/** A span in 1-based line/column terms, `endColumn` inclusive (R-LOC-1). */
export interface SyntaxErrorLocation {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export interface BridgeSyntaxErrorOptions {
  loc: SyntaxErrorLocation;
  source?: string;
  filename?: string;
}

/** A parse failure; `message` names the line (and column for syntax errors). */
export class BridgeSyntaxError extends Error {
  override name = "BridgeSyntaxError";
  readonly line: number;
  readonly column: number;
  readonly loc: SyntaxErrorLocation;
  filename?: string;
  source?: string;

  constructor(message: string, options: BridgeSyntaxErrorOptions) {
    super(message);
    this.loc = options.loc;
    this.line = options.loc.startLine;
    this.column = options.loc.startColumn;
    // Stryker disable next-line ConditionalExpression: `if (true)` is equivalent, the `source?` class field is already an own property holding undefined (ES2022 define semantics); the `if (false)` variant is killed by limit-edges.test.ts
    if (options.source !== undefined) this.source = options.source;
    // Stryker disable next-line ConditionalExpression: `if (true)` is equivalent, the `filename?` class field is already an own property holding undefined (ES2022 define semantics); the `if (false)` variant is killed by limit-edges.test.ts
    if (options.filename !== undefined) this.filename = options.filename;
  }
}

/** A location covering one point (or a short span) on one line. */
export function pointLoc(line: number, column: number, length = 1): SyntaxErrorLocation {
  return { startLine: line, startColumn: column, endLine: line, endColumn: column + Math.max(length, 1) - 1 };
}
