// Loads a build of the parser and engine from a checkout's dist folders by
// absolute file URL. The suite loads the current checkout; the gate loads two
// (base worktree and head) into one process. Missing builds or exports are
// reported as notes, so exec rows can be skipped while the engine is unwritten.
//
// BRIDGE_BENCH_INJECT_SLOWDOWN_US=<µs>: when a loader is asked to honour it
// (the gate's head side), every execute of that build busy-waits that long
// first. It exists to prove the gate catches a known slowdown.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

// The AST is opaque to the bench: it is produced by parseBridge and handed back.
export type BridgeDoc = object;

export interface ExecArgs {
  operation: string;
  input?: Record<string, unknown>;
}
export interface ExecResult {
  data: unknown;
}
export type ParseFn = (text: string) => BridgeDoc;
export type ExecuteBridgeFn = (args: ExecArgs & { document: BridgeDoc; tools?: object }) => Promise<ExecResult>;
export interface Prepared {
  execute(args: ExecArgs): Promise<ExecResult>;
}
export type CreateEngineFn = (options: { tools?: object }) => { prepare(doc: BridgeDoc): Prepared };

export interface Impl {
  label: string;
  root: string;
  parseBridge?: ParseFn;
  executeBridge?: ExecuteBridgeFn;
  createEngine?: CreateEngineFn;
  /** Why something is missing, one line each. */
  notes: string[];
  injectedUs: number;
}

async function importDist(root: string, pkg: string, notes: string[]): Promise<Record<string, unknown> | undefined> {
  const file = join(root, "packages", pkg, "dist", "index.js");
  if (!existsSync(file)) {
    notes.push(`${pkg}: no build at ${file} (run the build first)`);
    return undefined;
  }
  try {
    return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (err) {
    notes.push(`${pkg}: failed to load ${file}: ${(err as Error).message.split("\n")[0]}`);
    return undefined;
  }
}

function busyWait(us: number): void {
  const end = performance.now() + us / 1000;
  while (performance.now() < end) {
    // spin: a deliberate, measurable slowdown
  }
}

function withSlowdown(impl: Impl, us: number): void {
  const eb = impl.executeBridge;
  if (eb) impl.executeBridge = (args) => (busyWait(us), eb(args));
  const ce = impl.createEngine;
  if (ce) {
    impl.createEngine = (options) => {
      const engine = ce(options);
      return {
        prepare(doc) {
          const prepared = engine.prepare(doc);
          return { execute: (args) => (busyWait(us), prepared.execute(args)) };
        },
      };
    };
  }
  impl.injectedUs = us;
}

export async function loadImpl(root: string, label: string, honourInjection = false): Promise<Impl> {
  const notes: string[] = [];
  const impl: Impl = { label, root, notes, injectedUs: 0 };
  const parser = await importDist(root, "parser", notes);
  if (parser) {
    if (typeof parser.parseBridge === "function") impl.parseBridge = parser.parseBridge as ParseFn;
    else notes.push("parser: no parseBridge export yet");
  }
  const engine = await importDist(root, "engine", notes);
  if (engine) {
    if (typeof engine.executeBridge === "function") impl.executeBridge = engine.executeBridge as ExecuteBridgeFn;
    else notes.push("engine: no executeBridge export yet");
    if (typeof engine.createEngine === "function") impl.createEngine = engine.createEngine as CreateEngineFn;
    else notes.push("engine: no createEngine export yet");
  }
  const inject = Number(process.env.BRIDGE_BENCH_INJECT_SLOWDOWN_US ?? 0);
  if (honourInjection && inject > 0) withSlowdown(impl, inject);
  return impl;
}
