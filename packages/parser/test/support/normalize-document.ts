/**
 * Normalises a parsed document for round-trip comparisons: drops source
 * locations, the source text and filename, keeps comments as their trimmed
 * text in source order, and ignores the indentation of continuation lines in
 * the raw text of JSON values (the formatter re-indents multi-line JSON).
 */
import type { BridgeDocument } from "@bridgekit/engine";

const DROPPED = new Set(["loc", "clauseLoc", "source", "filename"]);
const JSON_KINDS = new Set(["Const", "OnError", "Literal"]);

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  const json = JSON_KINDS.has((value as { kind?: string }).kind ?? "");
  for (const [key, item] of Object.entries(value)) {
    if (DROPPED.has(key)) continue;
    out[key] = json && key === "raw" && typeof item === "string" ? item.replace(/\r?\n[ \t]*/g, "\n") : strip(item);
  }
  return out;
}

export function normalizeDocument(doc: BridgeDocument): unknown {
  const comments = [...(doc.comments ?? [])].sort((a, b) => a.loc.start - b.loc.start).map((c) => c.text.trimEnd());
  return { ...(strip({ ...doc, comments: undefined }) as object), comments };
}
