/**
 * Preparing a document: everything that depends only on the document and the
 * tool map, done once. Operation lookup (first bridge wins, R-FILE-6), std
 * version resolution (R-FILE-4, R-EXEC-1 steps 3-4), the merged tool map
 * (R-EXEC-14), tool bindings, and the compiled static scope index of each
 * bridge (built on first use of an operation, or for all bridges up front in
 * strict mode, which also refuses unknown tools).
 */
import { resolveStdNamespace } from "@bridgekit/std";
import type { BridgeBlock, BridgeDocument } from "../ast/index.js";
import type { ToolMap } from "../types.js";
import { compileRootBody } from "./compile-body.js";
import { createDocCtx, type DocCtx } from "./doc.js";
import type { BodyIndex } from "./scope-index.js";

export interface PrepareOptions {
  /** Refuse unknown tools and bad documents now (engine.prepare); executeBridge keeps them lazy. */
  strict: boolean;
}

/** A document prepared for one tool map. Immutable after prepare; shared by all executions. */
export interface PreparedDoc {
  readonly source: string | undefined;
  readonly filename: string | undefined;
  readonly consts: Record<string, unknown>;
  /** The compiled bridge for an operation; throws the R-EXEC-1 errors. */
  bridge(operation: string): BodyIndex;
}

function operationError(operation: unknown): Error {
  return new Error(`Invalid operation "${String(operation)}" — expected "Type.field" (e.g. "Query.myField")`);
}

function findBridge(doc: BridgeDocument, type: string, field: string): BridgeBlock | undefined {
  const blocks = Array.isArray(doc.blocks) ? doc.blocks : [];
  for (const b of blocks) if (b.kind === "Bridge" && b.type === type && b.field === field) return b;
  return undefined;
}

function mergeTools(doc: BridgeDocument, tools: ToolMap): { merged: ToolMap; stdError: Error | null } {
  try {
    const version = typeof doc.version === "string" ? doc.version : undefined;
    const { namespace } = resolveStdNamespace(version, tools as Record<string, unknown>);
    return { merged: { std: namespace as ToolMap, ...tools }, stdError: null };
  } catch (e) {
    return { merged: { ...tools }, stdError: e instanceof Error ? e : new Error(String(e)) };
  }
}

function validate(doc: DocCtx, where: string): void {
  if (doc.problems.length > 0) throw new Error(`Cannot prepare ${where}: ${doc.problems[0]}`);
  // One definition per tool name (DocCtx.toolDef), so each is checked once.
  for (const def of doc.allToolDefs()) {
    if (def.error !== null) throw new Error(`Cannot prepare ${where}: ${def.error}`);
    if (def.missing) {
      const via = def.name === def.fnName ? "" : ` (used by tool "${def.name}")`;
      throw new Error(`Cannot prepare ${where}: no tool found for "${def.fnName}"${via}`);
    }
  }
}

export function prepareDocument(document: BridgeDocument, tools: ToolMap, options: PrepareOptions): PreparedDoc {
  if (document === null || typeof document !== "object") throw new TypeError("Bridge document must be an object");
  const { merged, stdError } = mergeTools(document, tools);
  if (stdError !== null && options.strict) throw stdError;
  const ctx = createDocCtx(document, merged);
  const consts: Record<string, unknown> = {};
  for (const [k, v] of ctx.consts) Object.defineProperty(consts, k, { value: v, enumerable: true, writable: true });
  const compiled = new Map<string, BodyIndex>();
  const compile = (b: BridgeBlock): BodyIndex => {
    const key = `${b.type}.${b.field}`;
    let body = compiled.get(key);
    if (body === undefined) {
      try {
        body = compileRootBody(ctx, "bridge", Array.isArray(b.body) ? b.body : []);
      } catch (e) {
        // A hand-built document with missing AST fields: report it, never crash mid-way.
        throw new TypeError(`Malformed bridge document (${key}): ${e instanceof Error ? e.message : String(e)}`);
      }
      compiled.set(key, body);
    }
    return body;
  };
  if (options.strict) {
    for (const b of Array.isArray(document.blocks) ? document.blocks : []) {
      if (b.kind === "Bridge" && findBridge(document, b.type, b.field) === b) compile(b);
    }
    validate(ctx, "document");
  }
  return {
    source: typeof document.source === "string" ? document.source : undefined,
    filename: typeof document.filename === "string" ? document.filename : undefined,
    consts,
    bridge(operation) {
      const ready = compiled.get(operation);
      if (ready !== undefined && stdError === null) return ready;
      if (typeof operation !== "string") throw operationError(operation);
      const parts = operation.split(".");
      if (parts.length !== 2 || !parts[0] || !parts[1]) throw operationError(operation);
      const block = findBridge(document, parts[0], parts[1]);
      if (block === undefined) throw new Error(`Bridge "${operation}" not found in document`);
      if (stdError !== null) throw stdError;
      return compile(block);
    },
  };
}
