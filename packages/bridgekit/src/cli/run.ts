/**
 * `bridge run`: parse a file, execute one operation, print the data as JSON.
 */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { parseBridge } from "@bridgekit/parser";
import { executeBridge, formatBridgeError } from "@bridgekit/engine";
import type { BridgeDocument, ToolTrace } from "@bridgekit/engine";
import { EXIT, UsageError } from "./exit-codes.js";
import type { Painter, Streams } from "./output.js";
import { readJsonObject } from "./values.js";
import type { StdinReader } from "./values.js";
import { loadToolsModule } from "./tools-module.js";
import { RUN_HELP } from "./help.js";

export interface CommandEnv extends Streams {
  cwd: string;
  stdin: StdinReader;
  paint: { out: Painter; err: Painter };
}

function pickOperation(doc: BridgeDocument, requested: string | undefined): string {
  if (requested !== undefined) return requested;
  const bridges = doc.blocks.filter((b) => b.kind === "Bridge");
  const only = bridges[0];
  if (bridges.length === 1 && only !== undefined) return `${only.type}.${only.field}`;
  const names = bridges.map((b) => `${b.type}.${b.field}`).join(", ");
  throw new UsageError(`--operation is required: the file has ${bridges.length} bridges (${names || "none"})`);
}

function parseTrace(value: string | undefined): "off" | "basic" | "full" {
  if (value === undefined) return "off";
  if (value === "basic" || value === "full") return value;
  throw new UsageError(`--trace must be "basic" or "full", got "${value}"`);
}

function parseTimeout(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = Number(value);
  if (!Number.isFinite(ms)) throw new UsageError(`--timeout must be a number of milliseconds, got "${value}"`);
  return ms;
}

function printTraces(env: CommandEnv, traces: ToolTrace[]): void {
  for (const t of traces) {
    const status = t.error === undefined ? "ok" : env.paint.err.red(`error: ${t.error}`);
    env.stderr.write(`${env.paint.err.dim("trace")} ${t.tool} (${t.fn}) ${t.durationMs.toFixed(2)}ms ${status}\n`);
    if (t.input !== undefined) env.stderr.write(`  input:  ${JSON.stringify(t.input)}\n`);
    if (t.output !== undefined) env.stderr.write(`  output: ${JSON.stringify(t.output)}\n`);
  }
}

export async function runCommand(argv: string[], env: CommandEnv): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      operation: { type: "string", short: "o" },
      input: { type: "string", short: "i" },
      context: { type: "string", short: "c" },
      tools: { type: "string", short: "t" },
      trace: { type: "string" },
      fields: { type: "string", short: "f" },
      timeout: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    env.stdout.write(RUN_HELP);
    return EXIT.ok;
  }
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) throw new UsageError("bridge run takes exactly one .bridge file");
  if (values.input === "-" && values.context === "-") throw new UsageError("only one of --input and --context can read stdin");
  const trace = parseTrace(values.trace);
  const toolTimeoutMs = parseTimeout(values.timeout);
  let source: string;
  try {
    source = await readFile(file, "utf8");
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as Error).message}`);
  }
  const input = await readJsonObject("input", values.input, env.stdin);
  const context = await readJsonObject("context", values.context, env.stdin);
  const tools = values.tools === undefined ? {} : await loadToolsModule(values.tools, env.cwd);
  const requestedFields = values.fields?.split(",").map((f) => f.trim()).filter((f) => f !== "");
  let traces: ToolTrace[] = [];
  try {
    const document = parseBridge(source, { filename: file });
    const operation = pickOperation(document, values.operation);
    const result = await executeBridge({
      document, operation, tools, trace,
      ...(input && { input }), ...(context && { context }),
      ...(requestedFields && { requestedFields }),
      ...(toolTimeoutMs !== undefined && { toolTimeoutMs }),
    });
    traces = result.traces;
    env.stdout.write(`${JSON.stringify(result.data ?? null, null, 2)}\n`);
    return EXIT.ok;
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const attached = (err as { traces?: ToolTrace[] } | null)?.traces;
    if (Array.isArray(attached)) traces = attached;
    const [head = "", ...rest] = formatBridgeError(err, { source, filename: file }).split("\n");
    env.stderr.write(`${[env.paint.err.red(head), ...rest].join("\n")}\n`);
    return EXIT.failure;
  } finally {
    if (trace !== "off") printTraces(env, traces);
  }
}
