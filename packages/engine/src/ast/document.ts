import type { BaseNode, JsonValue } from "./location.js";
import type { BodyStatement, ToolStatement } from "./statements.js";

/** `const name = json` (R-CONST-*). `raw` is the JSON source text. */
export interface ConstBlock extends BaseNode {
  kind: "Const";
  name: string;
  value: JsonValue;
  raw: string;
}

/**
 * `tool name from source { body }` (R-TOOL-*). `extends` is true when
 * `source` names a tool block declared earlier in the file (R-TOOL-3, R-FILE-5);
 * otherwise `source` is a host function name. `braces` records whether the
 * body was written with braces (formatting only).
 */
export interface ToolBlock extends BaseNode {
  kind: "Tool";
  name: string;
  source: string;
  extends: boolean;
  body: ToolStatement[];
  braces: boolean;
}

/** `define name { body }` (R-DEF-*). */
export interface DefineBlock extends BaseNode {
  kind: "Define";
  name: string;
  body: BodyStatement[];
}

/**
 * `bridge Type.field { body }` (R-BRIDGE-*). For the passthrough shorthand
 * `bridge Type.field with name` (R-BRIDGE-3), `passthrough` holds `name` and
 * `body` holds the equivalent statements, so consumers never need to expand it.
 */
export interface BridgeBlock extends BaseNode {
  kind: "Bridge";
  type: string;
  field: string;
  body: BodyStatement[];
  passthrough: string | null;
}

export type Block = ConstBlock | ToolBlock | DefineBlock | BridgeBlock;

/** A `# …` comment (kept for the formatter). `text` excludes the `#`. */
export interface Comment extends BaseNode {
  kind: "Comment";
  text: string;
}

/**
 * A parsed `.bridge` text (R-FILE-*). Plain JSON: it can be stored, shipped
 * and executed without the parser.
 * - `version`: the declared version text (`"1.5"`); absent on hand-built documents.
 * - `source` / `filename`: kept so runtime errors can show a snippet (R-ERR-2).
 */
export interface BridgeDocument extends BaseNode {
  kind: "Document";
  version?: string;
  blocks: Block[];
  comments?: Comment[];
  source?: string;
  filename?: string;
}
