/**
 * Exit codes of the `bridge` CLI (documented in docs/cli.md and `bridge --help`).
 */
export const EXIT = Object.freeze({
  /** Success. */
  ok: 0,
  /** The bridge failed, the file has errors, or `fmt --check` found unformatted files. */
  failure: 1,
  /** Bad command line: unknown command or option, missing argument, unreadable input. */
  usage: 2,
});

/** A command-line mistake: printed with the command's usage hint, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}
