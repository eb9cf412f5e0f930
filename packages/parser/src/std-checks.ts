/**
 * Editor checks about the standard library (R-DIAG-5): unknown `std.*`
 * namespaces, `std.*` version tags the bundled std 1.5.0 cannot satisfy
 * (R-WITH-7 rule 3), and document versions above it (R-FILE-4).
 */
import type { Block, BridgeDocument, WithStatement } from "@bridgekit/engine";

/** The standard library version bundled with bridgekit. */
export const BUNDLED_STD = { major: 1, minor: 5, text: "1.5.0" } as const;
const STD_NAMESPACES = new Set(["str", "arr", "audit", "httpCall"]);

interface Diag {
  severity: "error" | "warning";
  message: string;
  range: { start: { line: number; column: number }; end: { line: number; column: number } };
}

function unknownStd(source: string): Diag[] {
  const out: Diag[] = [];
  source.split(/\r\n|\r|\n/).forEach((text, i) => {
    if (text.trimStart().startsWith("#")) return;
    for (const m of text.matchAll(/(?<![A-Za-z0-9_.-])std\.([A-Za-z_][A-Za-z0-9_-]*)/g)) {
      if (STD_NAMESPACES.has(m[1]!)) continue;
      const column = m.index + 1;
      out.push({
        severity: "error",
        message: `Unknown built-in tool "std.${m[1]}"`,
        range: { start: { line: i + 1, column }, end: { line: i + 1, column: column + m[0].length - 1 } },
      });
    }
  });
  return out;
}

function satisfied(version: string): boolean {
  const [maj, min] = version.split(".");
  if (Number(maj) !== BUNDLED_STD.major) return false;
  return min === undefined || min === "x" || Number(min) <= BUNDLED_STD.minor;
}

function withsOf(block: Block): WithStatement[] {
  const out: WithStatement[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node)) { node.forEach(visit); return; }
    const rec = node as Record<string, unknown>;
    if (rec["kind"] === "With") out.push(rec as unknown as WithStatement);
    for (const key in rec) if (key !== "loc") visit(rec[key]);
  };
  visit(block);
  return out;
}

export function stdDiagnostics(source: string, doc: BridgeDocument | null): Diag[] {
  const out = unknownStd(source);
  if (!doc) return out;
  const range = (l: { startLine: number; startColumn: number; endLine: number; endColumn: number }) =>
    ({ start: { line: l.startLine, column: l.startColumn }, end: { line: l.endLine, column: l.endColumn } });
  for (const w of doc.blocks.flatMap(withsOf)) {
    if (w.binding !== "tool" || !w.version || !w.name.startsWith("std.") || satisfied(w.version)) continue;
    out.push({
      severity: "warning",
      message: `"${w.name}@${w.version}" exceeds bundled std ${BUNDLED_STD.text}. Provide this tool version at runtime via the tools map.`,
      range: range(w.loc),
    });
  }
  if (doc.version && !satisfied(doc.version)) {
    out.push({
      severity: "warning",
      message: `Bridge version ${doc.version} requires standard library ≥ ${doc.version}, but the bundled std is ${BUNDLED_STD.text}; execution fails unless a compatible std is supplied (R-FILE-4)`,
      range: range(doc.loc),
    });
  }
  return out;
}
