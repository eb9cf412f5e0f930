/**
 * The `bridge` command: dispatches to run, check and fmt.
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { EXIT, UsageError } from "./exit-codes.js";
import { MAIN_HELP } from "./help.js";
import { painterFor } from "./output.js";
import type { Streams } from "./output.js";
import { readStdin } from "./values.js";
import type { CommandEnv } from "./run.js";
import { runCommand } from "./run.js";
import { checkCommand } from "./check.js";
import { fmtCommand } from "./fmt.js";

const commands: Record<string, (argv: string[], env: CommandEnv) => Promise<number>> = {
  run: runCommand,
  check: checkCommand,
  fmt: fmtCommand,
};

/** Runs the CLI with the given arguments; returns the exit code. Used by the bin and by tests. */
export async function main(argv: string[], streams: Partial<Streams> & { cwd?: string; stdin?: () => Promise<string> } = {}): Promise<number> {
  const env: CommandEnv = {
    stdout: streams.stdout ?? process.stdout,
    stderr: streams.stderr ?? process.stderr,
    env: streams.env ?? process.env,
    cwd: streams.cwd ?? process.cwd(),
    stdin: streams.stdin ?? (() => readStdin()),
    paint: { out: painterFor({}, {}), err: painterFor({}, {}) },
  };
  env.paint = { out: painterFor(env.stdout, env.env), err: painterFor(env.stderr, env.env) };
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    env.stdout.write(MAIN_HELP);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = commands[name];
  try {
    if (command === undefined) throw new UsageError(`unknown command "${name}"`);
    return await command(rest, env);
  } catch (err) {
    const usage = err instanceof UsageError || (err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    if (!usage) throw err;
    env.stderr.write(`bridge: ${(err as Error).message}\nRun "bridge ${command ? `${name} ` : ""}--help" for usage.\n`);
    return EXIT.usage;
  }
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

/** Runs the CLI on `process.argv` and sets the exit code (the `bridge` executable). */
export function runAsBin(): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`bridge: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
      process.exitCode = EXIT.failure;
    },
  );
}

if (isEntryPoint()) runAsBin();
