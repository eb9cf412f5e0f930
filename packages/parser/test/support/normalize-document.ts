/**
 * Normalises a parsed document for round-trip comparisons: drops source
 * locations, the source text and filename, and keeps comments as their
 * trimmed text in source order.
 */
import type { BridgeDocument } from "@bridgekit/engine";

const DROPPED = new Set(["loc", "clauseLoc", "source", "filename"]);

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (!DROPPED.has(key)) out[key] = strip(item);
  }
  return out;
}

export function normalizeDocument(doc: BridgeDocument): unknown {
  const comments = [...(doc.comments ?? [])].sort((a, b) => a.loc.start - b.loc.start).map((c) => c.text.trimEnd());
  return { ...(strip({ ...doc, comments: undefined }) as object), comments };
}
