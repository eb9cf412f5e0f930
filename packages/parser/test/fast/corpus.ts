/**
 * Texts for the differential tests of the hand-written scanner and parser:
 * every fixture, the malformed rows, generated valid documents, and each of
 * those with a few deterministic edits (tokens inserted, characters
 * deleted) so that most variants are invalid in some way.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { malformedGroups, validEdges } from "../hardening/cases/malformed.js";
import { generateDocument } from "../support/arbitrary-document.js";

const fixtures = fileURLToPath(new URL("../fixtures/", import.meta.url));

function fixtureTexts(): string[] {
  const out: string[] = [];
  for (const area of readdirSync(fixtures).sort()) {
    for (const f of readdirSync(join(fixtures, area)).sort()) if (f.endsWith(".bridge")) out.push(readFileSync(join(fixtures, area, f), "utf8"));
  }
  return out;
}

const SNIPPETS = [
  "", " ", "\n", "\r\n", "\r", ".", "?.", "<-", "=", "{", "}", "[", "]", "[0]", "(", ")", ":", "||", "??", "catch", "not", "as",
  "with", "alias", "1", "-1", "1.5e3", "x", "...", "?", "+", "-", "/", "and", "[]", "on error", "force", "x.y", "\"s\"", "\"a\nb\"",
  "true", "on", "error", "input", "const", "tool", "throw", "continue", "break 2", "{\"a\":1}", "a:b", "memoize", "@1.2", "from",
  "define", "bridge", "version", "#c\n", "Input", "/p/q", "!=", "'", "%",
];

/** `count` deterministic variants of `text`. */
function variants(text: string, count: number, seed: number): string[] {
  let s = seed;
  const rnd = (n: number): number => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % n;
  };
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    let t = text;
    for (let m = 1 + rnd(2); m > 0; m--) {
      const i = rnd(t.length + 1);
      const snippet = SNIPPETS[rnd(SNIPPETS.length)]!;
      const kind = rnd(3);
      t = kind === 0 ? t.slice(0, i) + snippet + t.slice(i) : kind === 1 ? t.slice(0, i) + t.slice(i + 1 + rnd(5)) : `${t.slice(0, i)} ${snippet} ${t.slice(i)}`;
    }
    out.push(t);
  }
  return out;
}

/** The corpus: originals first, then `perText` variants of each. */
export function corpus(perText: number): string[] {
  const malformed = Object.values(malformedGroups).flat().map((r) => (typeof r.source === "string" ? r.source : ""));
  const generated = Array.from({ length: 150 }, (_, i) => generateDocument(i * 7919, { size: 1 + (i % 5), messy: i % 2 === 0 }));
  const base = [...fixtureTexts(), ...malformed.filter((t) => t.length < 5000), ...validEdges.map((e) => e.source()).filter((t) => t.length < 5000), ...generated];
  return [...base, ...base.flatMap((t, i) => variants(t, perText, i + 1))];
}
