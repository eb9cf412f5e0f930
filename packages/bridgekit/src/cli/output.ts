/**
 * Terminal output for the CLI: colour only on a TTY and never when NO_COLOR is
 * set (https://no-color.org), and one place that writes to stdout/stderr.
 */
export interface Streams {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
}

export interface Painter {
  red(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

function code(open: number, close: number): (text: string) => string {
  return (text) => `\u001b[${open}m${text}\u001b[${close}m`;
}

const plain: Painter = { red: (t) => t, yellow: (t) => t, dim: (t) => t, bold: (t) => t };
const ansi: Painter = { red: code(31, 39), yellow: code(33, 39), dim: code(2, 22), bold: code(1, 22) };

/** The painter for a stream: colours only for a TTY without NO_COLOR. */
export function painterFor(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): Painter {
  const noColor = env["NO_COLOR"] !== undefined && env["NO_COLOR"] !== "";
  return stream.isTTY === true && !noColor ? ansi : plain;
}
