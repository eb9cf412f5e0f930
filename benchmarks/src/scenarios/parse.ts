// Parse rows: a small bridge and a large one (20 handles x 5 wires). Each is
// measured against JSON.parse of the same document's AST JSON.
import { SIMPLE, largeBridgeText } from "./texts.js";
import type { ParseScenario } from "./types.js";

export function parseScenarios(): ParseScenario[] {
  return [
    { id: "parse-simple", title: "parse: simple bridge", kind: "parse", text: SIMPLE },
    {
      id: "parse-large",
      title: "parse: large bridge (20 handles x 5 wires)",
      kind: "parse",
      text: largeBridgeText(20, 5),
    },
  ];
}
