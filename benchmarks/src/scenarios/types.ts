// The shape of a benchmark scenario and of the tools it hands to engines.
// Kept local (not imported from @bridgekit/engine) so the bench compiles and
// runs against any engine build, including an older one checked out by the gate.

/** Tool metadata the scenarios use: only `sync`. */
export interface BenchToolMeta {
  sync?: boolean;
}

/** A host tool as the scenarios define it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type BenchTool = ((input: any) => unknown) & { bridge?: BenchToolMeta };

export type BenchTools = Record<string, BenchTool>;

export interface ParseScenario {
  id: string;
  title: string;
  kind: "parse";
  text: string;
}

export interface ExecScenario {
  id: string;
  title: string;
  kind: "exec";
  text: string;
  operation: string;
  /** A factory: every call gets a fresh request object. */
  input: () => Record<string, unknown>;
  /** Built once per scenario, as a server defines its tools once. */
  tools: BenchTools;
}

export type Scenario = ParseScenario | ExecScenario;
