// Turns a scenario plus an engine build into the measurable variants of its
// row: parse rows are parseBridge vs JSON.parse of the AST JSON; exec rows are
// executeBridge (document through a JSON round trip), a prepared engine, and
// the hand-written version. checkRow runs each once and compares outputs.
import { isDeepStrictEqual } from "node:util";
import { executeHandwritten } from "./handwritten/index.js";
import type { BridgeDoc, Impl } from "./load.js";
import type { Scenario } from "./scenarios/index.js";

export type VariantName = "parseBridge" | "JSON.parse" | "executeBridge" | "prepared" | "handwritten";

export interface Variant {
  name: VariantName;
  run: () => unknown;
}

export interface RowSetup {
  scenario: Scenario;
  /** The denominator of the row's cost ratio. */
  floor: VariantName;
  /** The engine variant that heads the row (prepared for exec rows). */
  headline: VariantName;
  variants: Variant[];
  /** Variants that could not be set up, with the reason. */
  missing: string[];
}

const docCache = new WeakMap<Impl, Map<string, BridgeDoc>>();

function parsedDoc(impl: Impl, text: string): BridgeDoc {
  let byText = docCache.get(impl);
  if (!byText) docCache.set(impl, (byText = new Map()));
  let doc = byText.get(text);
  if (!doc) {
    doc = impl.parseBridge!(text);
    byText.set(text, doc);
  }
  return doc;
}

/** JSON round trip: compares values, not prototypes (an engine may build null-prototype objects). */
function plain(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

function errLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split("\n")[0]!;
}

export function setupRow(scenario: Scenario, impl: Impl): RowSetup {
  const missing: string[] = [];
  if (!impl.parseBridge) {
    return { scenario, floor: "handwritten", headline: "prepared", variants: [], missing: ["skipped: parseBridge missing (parser not built or not exported yet)"] };
  }
  let doc: BridgeDoc;
  try {
    doc = parsedDoc(impl, scenario.text);
  } catch (err) {
    return { scenario, floor: "handwritten", headline: "prepared", variants: [], missing: [`parse failed: ${errLine(err)}`] };
  }
  const json = JSON.stringify(doc);
  if (scenario.kind === "parse") {
    const text = scenario.text;
    const parse = impl.parseBridge;
    return {
      scenario,
      floor: "JSON.parse",
      headline: "parseBridge",
      variants: [
        { name: "parseBridge", run: () => parse(text) },
        { name: "JSON.parse", run: () => JSON.parse(json) },
      ],
      missing,
    };
  }
  const { operation, input, tools } = scenario;
  const document = JSON.parse(json) as BridgeDoc;
  const variants: Variant[] = [];
  const eb = impl.executeBridge;
  if (eb) variants.push({ name: "executeBridge", run: () => eb({ document, operation, input: input(), tools }) });
  else missing.push("executeBridge: engine export missing");
  if (impl.createEngine) {
    try {
      const prepared = impl.createEngine({ tools }).prepare(document);
      variants.push({ name: "prepared", run: () => prepared.execute({ operation, input: input() }) });
    } catch (err) {
      missing.push(`prepared: prepare failed: ${errLine(err)}`);
    }
  } else missing.push("prepared: engine export missing");
  if (variants.length > 0) {
    variants.push({ name: "handwritten", run: () => executeHandwritten({ operation, input: input(), tools }) });
  }
  return { scenario, floor: "handwritten", headline: "prepared", variants, missing };
}

/**
 * Runs every variant once. For exec rows each engine's `data` must equal the
 * hand-written `data`; a variant that throws or differs is removed from the
 * row and reported. Returns the problems found.
 */
export async function checkRow(row: RowSetup): Promise<string[]> {
  const problems: string[] = [];
  const outputs = new Map<VariantName, unknown>();
  for (const v of [...row.variants]) {
    try {
      const out = await v.run();
      outputs.set(v.name, row.scenario.kind === "exec" ? plain((out as { data: unknown }).data) : out);
    } catch (err) {
      problems.push(`${v.name} threw: ${errLine(err)}`);
      row.variants = row.variants.filter((x) => x !== v);
    }
  }
  if (row.scenario.kind === "exec" && outputs.has("handwritten")) {
    const expected = outputs.get("handwritten");
    for (const v of [...row.variants]) {
      if (v.name === "handwritten" || isDeepStrictEqual(outputs.get(v.name), expected)) continue;
      const got = JSON.stringify(outputs.get(v.name))?.slice(0, 120);
      problems.push(`${v.name} output differs from hand-written: got ${got}`);
      row.variants = row.variants.filter((x) => x !== v);
    }
  }
  if (row.variants.length === 1) row.variants = [];
  return problems;
}
