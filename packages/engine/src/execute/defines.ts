/**
 * Define instances (R-DEF-3..6): one isolated scope per `with define as h`
 * and caller scope instance, created on first read.
 *
 * Everything is lazy and cached per instance: an input group runs (in the
 * caller's scope) only when the define body reads that input path, an output
 * group runs only when a caller reads a field it feeds. Every field that is
 * read is produced (Q-13 fix), and each internal tool runs at most once.
 */
import type { Loc } from "../errors.js";
import type { DefineDecl, Group } from "../prepare/scope-index.js";
import { once } from "./instances.js";
import { assemble, collect, writeGroups } from "./output.js";
import { isPlainObject, readPath, type Seg } from "./paths.js";
import { Scope, ignore, slotsOf, type Chain, type DefineInstance } from "./scope.js";

function instanceOf(owner: Scope, decl: DefineDecl): Scope {
  const slots = slotsOf(owner);
  const x = slots[decl.slot];
  if (x instanceof Scope) return x;
  const body = decl.def.body;
  const state: DefineInstance = {
    caller: owner,
    decl,
    inputs: new Array<unknown>(decl.inputs.length),
    outputs: new Array<unknown>(body.outputs.length + body.spreads.length),
    forced: null,
  };
  const inst = new Scope(owner.run, null, body, undefined, 0, null, state);
  slots[decl.slot] = inst;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: startForces with no forces runs an empty loop and leaves `forced` null, so the guard only saves a call
  if (body.forces.length > 0) startForces(inst, state);
  return inst;
}

/** `force` inside a define body runs when the instance is first read (Q-15 fix). */
function startForces(inst: Scope, state: DefineInstance): void {
  const critical: unknown[] = [];
  for (const f of inst.body.forces) {
    let r: unknown;
    try {
      r = f.ev(inst, null);
    } catch (e) {
      if (f.critical) critical.push(Promise.reject(e));
      continue;
    }
    if (r instanceof Promise) {
      if (f.critical) critical.push(r);
      else ignore(r);
    }
  }
  if (critical.length > 0) {
    const all = Promise.all(critical);
    ignore(all);
    state.forced = all;
  }
}

function outputValue(inst: Scope, g: Group, slot: number, c: Chain, loc: Loc | undefined): unknown {
  const state = inst.def!;
  return once(state.outputs, slot, inst, g, c, loc, `Circular dependency detected in define "__define_${state.decl.handle}"`, (cc) =>
    g.ev(inst, cc),
  );
}

/**
 * Reads `h.<segs>` of a define instance. `groups` are the output groups
 * feeding `segs[0]` (precomputed at prepare), or null for the whole output.
 */
export function readDefine(
  owner: Scope,
  decl: DefineDecl,
  groups: readonly Group[] | null,
  segs: readonly Seg[],
  c: Chain,
  loc: Loc | undefined,
): unknown {
  const inst = instanceOf(owner, decl);
  const body = decl.def.body;
  const sel = groups ?? body.outputs;
  const spreads = body.spreads;
  const nOut = body.outputs.length;
  const values = collect(sel, (g) => outputValue(inst, g, g.index, c, loc));
  const spreadValues = spreads.length === 0 ? [] : collect(spreads, (g) => outputValue(inst, g, nOut + g.index, c, loc));
  const finish = (vals: unknown[], svals: unknown[]): unknown => readPath(assemble(sel, vals, spreads, svals), segs);
  const forced = inst.def!.forced;
  if (values instanceof Promise || spreadValues instanceof Promise || forced !== null) {
    return Promise.all([values, spreadValues, forced]).then(([v, sv]) => finish(v, sv));
  }
  return finish(values, spreadValues);
}

/** Reads the define's own input `i.<segs>` from inside its body (R-DEF-4). */
export function readDefineInput(defScope: Scope, segs: readonly Seg[], c: Chain, loc: Loc | undefined): unknown {
  const state = defScope.def!;
  const all = state.decl.inputs;
  let sel: readonly Group[] = all;
  if (segs.length > 0) {
    const first = String(segs[0]!.key);
    sel = all.filter((g) => g.path.length === 0 || g.path[0] === first);
  }
  const message = `Circular dependency detected in define "__define_${state.decl.handle}"`;
  const values = collect(sel, (g) =>
    once(state.inputs, g.index, defScope, g, c, loc, message, (cc) => g.ev(state.caller, cc)),
  );
  const finish = (vals: unknown[]): unknown => {
    let root: unknown = undefined;
    let hasRoot = false;
    const obj: Record<string, unknown> = {};
    writeGroups(obj, sel, vals, 0, sel.length, (v) => {
      root = v;
      hasRoot = true;
    });
    if (hasRoot && !isPlainObject(root)) return readPath(root, segs);
    return readPath(obj, segs);
  };
  return values instanceof Promise ? values.then(finish) : finish(values);
}
