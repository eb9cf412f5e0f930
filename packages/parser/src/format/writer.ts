/**
 * Line writer for the formatter: collects output lines and places `#`
 * comments from the source between them.
 *
 * Comments are kept in source order. Each output line knows the source
 * offsets it covers (`start` of its first token, `end` after its last token):
 * - comments before `start` are written on their own lines first, at the
 *   indentation of the line that follows them;
 * - a comment right after `end` on the same source line becomes the line's
 *   end-of-line comment;
 * - comments inside a line's span (e.g. between the tokens of a statement
 *   that spans lines) stay pending and are written on their own lines before
 *   whatever is printed next. This keeps the output stable under reformatting.
 * One blank line is kept where the source had at least one between two items.
 */
import type { Comment } from "@bridgekit/engine";

const INDENT = "  ";
const BLANK_LINE = /\n[ \t\r]*\n/;

export class LineWriter {
  private readonly lines: string[] = [];
  private next = 0;
  private lastEnd = 0;
  /** Set at the start of a body: no blank line before its first item. */
  // Stryker disable next-line BooleanLiteral: only read by separate(), whose first call has no line to put a blank after (lines.length === 0) and resets it
  private atBodyStart = true;
  /** Set between top-level blocks: exactly one blank line before the next item. */
  // Stryker disable next-line BooleanLiteral: only read by separate(), whose first call has no line to put a blank after (lines.length === 0) and resets it
  private forceBlank = false;

  constructor(
    private readonly source: string,
    private readonly comments: readonly Comment[],
  ) {}

  /** Writes all pending comments that start before `offset` on their own lines. */
  flushComments(offset: number, depth: number): void {
    for (;;) {
      const comment = this.comments[this.next];
      if (!comment || comment.loc.start >= offset) return;
      this.next++;
      this.separate(comment.loc.start);
      this.lines.push(INDENT.repeat(depth) + commentText(comment));
      this.lastEnd = comment.loc.end;
    }
  }

  /**
   * Writes one output line covering source offsets `start`..`end`, after the
   * comments that precede it and followed by its end-of-line comment.
   */
  line(depth: number, text: string, start: number, end: number): void {
    this.flushComments(start, depth);
    this.separate(start);
    this.lines.push(INDENT.repeat(depth) + text + this.trailing(end));
  }

  /** Continues the previous item without blank-line handling (closing lines of bodies). */
  closeLine(depth: number, text: string, closeStart: number, end: number): void {
    this.flushComments(closeStart, depth + 1);
    this.atBodyStart = false;
    this.forceBlank = false;
    this.lines.push(INDENT.repeat(depth) + text + this.trailing(end));
  }

  /** Marks the start of a body: its first item follows the opening line directly. */
  openBody(): void {
    this.atBodyStart = true;
  }

  /** Requests exactly one blank line before the next item (between top-level blocks). */
  blockBreak(): void {
    this.forceBlank = true;
  }

  /** True when an unwritten comment starts inside `start`..`end`. */
  hasCommentWithin(start: number, end: number): boolean {
    for (let i = this.next; i < this.comments.length; i++) {
      const offset = this.comments[i]!.loc.start;
      if (offset >= end) return false;
      if (offset >= start) return true;
    }
    return false;
  }

  /** Returns the text with every remaining comment written at the end. */
  finish(): string {
    if (this.next < this.comments.length) this.blockBreak();
    this.flushComments(Number.POSITIVE_INFINITY, 0);
    return this.lines.join("\n") + "\n";
  }

  private separate(start: number): void {
    const wantBlank = this.forceBlank || (!this.atBodyStart && BLANK_LINE.test(this.source.slice(this.lastEnd, start)));
    if (wantBlank && this.lines.length > 0) this.lines.push("");
    this.atBodyStart = false;
    this.forceBlank = false;
  }

  private trailing(end: number): string {
    this.lastEnd = Math.max(this.lastEnd, end);
    const comment = this.comments[this.next];
    if (!comment || comment.loc.start < end) return "";
    const gap = this.source.slice(end, comment.loc.start);
    if (gap.includes("\n") || gap.trim() !== "") return "";
    this.next++;
    this.lastEnd = comment.loc.end;
    return "  " + commentText(comment);
  }
}

function commentText(comment: Comment): string {
  return ("#" + comment.text).trimEnd();
}
