/**
 * Reads JSON option values: inline JSON, `@path/to/file.json`, or `-` for stdin.
 */
import { readFile } from "node:fs/promises";
import { UsageError } from "./exit-codes.js";

export type StdinReader = () => Promise<string>;

/** Reads all of standard input as text. */
export async function readStdin(stream: AsyncIterable<Buffer | string> = process.stdin): Promise<string> {
  let text = "";
  for await (const chunk of stream) text += typeof chunk === "string" ? chunk : chunk.toString("utf8");
  return text;
}

/** Parses `--input`/`--context`: a JSON object given inline, as `@file`, or `-` (stdin). */
export async function readJsonObject(
  option: string,
  value: string | undefined,
  stdin: StdinReader,
): Promise<Record<string, unknown> | undefined> {
  if (value === undefined) return undefined;
  let text: string;
  let origin: string;
  if (value === "-") {
    text = await stdin();
    origin = "standard input";
  } else if (value.startsWith("@")) {
    const path = value.slice(1);
    try {
      text = await readFile(path, "utf8");
    } catch (err) {
      throw new UsageError(`--${option}: cannot read ${path}: ${(err as Error).message}`);
    }
    origin = path;
  } else {
    text = value;
    origin = "the command line";
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`--${option}: invalid JSON from ${origin}: ${(err as Error).message}`);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new UsageError(`--${option}: expected a JSON object from ${origin}`);
  }
  return parsed as Record<string, unknown>;
}
