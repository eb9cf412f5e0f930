/**
 * Keeps the hidden classes of per-execution objects alive across full GCs.
 *
 * Optimised code refers to the hidden class that instances of a class end up
 * with (after their fields are added) only weakly. Between two requests no
 * RunState, CallContext, Scope, … is alive, so a full GC collects those
 * classes and V8 throws away every function optimised against them ("weak
 * objects"); the next executions ran 10–20x slower until re-optimised. One
 * instance of each class, made once the classes have settled (after some
 * executions), keeps them alive. The instances hold no request data.
 */
import { DEFAULT_LIMITS } from "../limits.js";
import { TraceCollector } from "../trace.js";
import { newBody } from "../prepare/scope-index.js";
import { createToolBinding } from "./call-tool.js";
import { ElementBuilder, ElementJoin } from "./element-calls.js";
import { slotSinkShape } from "./instances.js";
import { CallContext, RunState } from "./run-state.js";
import { Failed, Pending, Scope } from "./scope.js";

/** Executions before the shapes are kept (hidden classes settle during the first ones). */
const AFTER = 64;
let executions = 0;
const kept: object[] = [];

/** Counts an execution; at the AFTER-th, makes and keeps one instance of each per-execution class. */
export function noteExecution(): void {
  if (++executions !== AFTER) return;
  const run = new RunState({ toolTimeoutMs: 0, limits: DEFAULT_LIMITS, context: {}, consts: {} });
  const binding = createToolBinding({ toolName: "", fnName: "", fn: undefined, onError: null });
  kept.push(run, new Scope(run, null, newBody("bridge", null), undefined, 0, null, null));
  kept.push(new CallContext(run, binding, undefined, -1, false), new Pending(Promise.resolve()), new Failed(undefined));
  kept.push(slotSinkShape(), new ElementJoin(run, [], 0, [], undefined), new ElementBuilder(run, [], [], {}, undefined));
  kept.push(new TraceCollector("basic"));
}
