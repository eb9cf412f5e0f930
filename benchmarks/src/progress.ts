// One progress line on stderr: rewritten in place on a TTY, one line per
// update otherwise (so CI logs stay readable).

const tty = process.stderr.isTTY === true;
let last = "";

export function progress(message: string): void {
  if (tty) {
    process.stderr.write(`\r\x1b[K${message.slice(0, (process.stderr.columns ?? 120) - 1)}`);
  } else if (message !== last) {
    process.stderr.write(`${message}\n`);
  }
  last = message;
}

export function progressDone(): void {
  if (tty && last) process.stderr.write("\r\x1b[K");
  last = "";
}

/** Minimal flag parser: --name, --name value, --name=value. */
export function parseFlags(argv: string[]): Map<string, string | true> {
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith("--") || a === "--") continue; // `pnpm x -- --flag` passes the bare "--" through
    const eq = a.indexOf("=");
    if (eq > 0) flags.set(a.slice(2, eq), a.slice(eq + 1));
    else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith("--")) flags.set(a.slice(2), argv[++i]!);
    else flags.set(a.slice(2), true);
  }
  return flags;
}

/** `--rows a,b` filter helper: undefined means every row. */
export function rowFilter(flags: Map<string, string | true>): ((id: string) => boolean) | undefined {
  const v = flags.get("rows");
  if (typeof v !== "string") return undefined;
  const wanted = new Set(v.split(","));
  return (id) => wanted.has(id);
}
