// Runs the CLI in-process with captured streams.
import { main } from "../src/cli/main.js";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(
  argv: string[],
  options: { stdin?: string; env?: Record<string, string>; tty?: boolean; cwd?: string } = {},
): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: { write: (t: string) => (stdout += t), isTTY: options.tty ?? false },
    stderr: { write: (t: string) => (stderr += t), isTTY: options.tty ?? false },
    env: options.env ?? {},
    ...(options.cwd !== undefined && { cwd: options.cwd }),
    stdin: async () => options.stdin ?? "",
  });
  return { code, stdout, stderr };
}
