/**
 * `bridge fmt`: print, rewrite (--write) or verify (--check) the canonical layout.
 */
import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { formatBridge } from "@bridgekit/parser";
import { formatBridgeError } from "@bridgekit/engine";
import { EXIT, UsageError } from "./exit-codes.js";
import { FMT_HELP } from "./help.js";
import type { CommandEnv } from "./run.js";

export async function fmtCommand(argv: string[], env: CommandEnv): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { write: { type: "boolean" }, check: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    env.stdout.write(FMT_HELP);
    return EXIT.ok;
  }
  if (values.write && values.check) throw new UsageError("use either --write or --check, not both");
  if (positionals.length === 0) throw new UsageError("bridge fmt needs at least one file");
  let status: number = EXIT.ok;
  for (const file of positionals) {
    let source: string;
    try {
      source = await readFile(file, "utf8");
    } catch (err) {
      throw new UsageError(`cannot read ${file}: ${(err as Error).message}`);
    }
    let formatted: string;
    try {
      formatted = formatBridge(source);
    } catch (err) {
      env.stderr.write(`${formatBridgeError(err, { source, filename: file })}\n`);
      status = EXIT.failure;
      continue;
    }
    if (values.check) {
      if (formatted !== source) {
        env.stdout.write(`${file}\n`);
        status = EXIT.failure;
      }
    } else if (values.write) {
      if (formatted !== source) await writeFile(file, formatted);
    } else {
      env.stdout.write(formatted);
    }
  }
  return status;
}
