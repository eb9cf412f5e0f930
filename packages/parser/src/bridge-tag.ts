/**
 * The `bridge` template tag for Bridge text embedded in TypeScript. It
 * dedents the text exactly as the reference's tag does (language.md
 * R-LOC-4), so line and column numbers in errors match the dedented text:
 * join the (cooked) parts with `String(value)` for interpolations, split at
 * `\n`, drop a whitespace-only first and last line, remove the smallest
 * indentation of the non-blank lines from every line, join with `\n` (no
 * trailing newline).
 */

const BLANK = /^\s*$/;

/** Dedenting template tag: bridge`…` returns the Bridge source text. */
export function bridge(strings: TemplateStringsArray | readonly string[], ...values: unknown[]): string {
  // A part with an invalid escape (`\u{zz}`) has no cooked text: use its raw text.
  const part = (i: number): string => strings[i] ?? ("raw" in strings ? strings.raw[i] : undefined) ?? "";
  let text = part(0);
  for (let i = 0; i < values.length; i++) text += String(values[i]) + part(i + 1);
  const lines = text.split("\n"); // never empty: splitting "" gives [""]
  if (BLANK.test(lines[0]!)) lines.shift();
  if (lines.length > 0 && BLANK.test(lines[lines.length - 1]!)) lines.pop();
  let indent = Number.POSITIVE_INFINITY;
  for (const line of lines) {
    if (BLANK.test(line)) continue;
    indent = Math.min(indent, line.search(/\S/));
  }
  if (indent === Number.POSITIVE_INFINITY) indent = 0;
  return lines.map((line) => line.slice(indent)).join("\n");
}
