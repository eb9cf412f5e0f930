/**
 * `formatBridge`: the canonical pretty-printer for `.bridge` text. It parses
 * the source and prints the AST in one fixed layout (see `printer.ts`), so
 * formatting is idempotent and never changes what a document means.
 */
import { parseBridge } from "../parse.js";
import { printDocument } from "./printer.js";

/** Formats Bridge source text in the canonical layout. Throws `BridgeSyntaxError` on invalid input. */
export function formatBridge(source: string): string {
  return printDocument(parseBridge(source), source);
}
