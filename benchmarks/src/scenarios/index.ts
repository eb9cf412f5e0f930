// The full scenario list, in table order. Call buildScenarios() once per
// engine under test: each call creates fresh tool closures, so two engines
// measured in one process never share (and never warm up) each other's tools.
import { arrayScenarios } from "./arrays.js";
import { basicScenarios } from "./basic.js";
import { parseScenarios } from "./parse.js";
import { toolPerElementScenarios } from "./tool-per-element.js";
import type { Scenario } from "./types.js";

export type { BenchTool, BenchTools, ExecScenario, ParseScenario, Scenario } from "./types.js";

export function buildScenarios(): Scenario[] {
  return [...parseScenarios(), ...basicScenarios(), ...arrayScenarios(), ...toolPerElementScenarios()];
}

/** Every row id, in table order. */
export const ROW_IDS: readonly string[] = buildScenarios().map((s) => s.id);
