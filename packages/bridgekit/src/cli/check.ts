/**
 * `bridge check`: parse and lint files, print diagnostics as
 * file:line:column (or JSON for editors and CI), exit 1 on any error.
 */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { parseBridgeDiagnostics } from "@bridgekit/parser";
import type { BridgeDiagnostic } from "@bridgekit/parser";
import { EXIT, UsageError } from "./exit-codes.js";
import { CHECK_HELP } from "./help.js";
import type { CommandEnv } from "./run.js";

interface FileDiagnostic extends BridgeDiagnostic {
  file: string;
}

async function diagnose(file: string): Promise<FileDiagnostic[]> {
  let source: string;
  try {
    source = await readFile(file, "utf8");
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as Error).message}`);
  }
  const { diagnostics } = parseBridgeDiagnostics(source, { filename: file });
  return diagnostics.map((d) => ({ file, ...d }));
}

export async function checkCommand(argv: string[], env: CommandEnv): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: "string", default: "text" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    env.stdout.write(CHECK_HELP);
    return EXIT.ok;
  }
  if (values.format !== "text" && values.format !== "json") {
    throw new UsageError(`--format must be "text" or "json", got "${values.format}"`);
  }
  if (positionals.length === 0) throw new UsageError("bridge check needs at least one file");
  const all: FileDiagnostic[] = [];
  for (const file of positionals) all.push(...(await diagnose(file)));
  const errors = all.filter((d) => d.severity === "error").length;
  if (values.format === "json") {
    env.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
  } else {
    const p = env.paint.out;
    for (const d of all) {
      const where = `${d.file}:${d.range.start.line}:${d.range.start.column}`;
      const label = d.severity === "error" ? p.red("error") : p.yellow("warning");
      env.stdout.write(`${p.bold(where)}: ${label}: ${d.message}\n`);
    }
    const warnings = all.length - errors;
    env.stdout.write(`${positionals.length} file(s) checked: ${errors} error(s), ${warnings} warning(s)\n`);
  }
  return errors > 0 ? EXIT.failure : EXIT.ok;
}
