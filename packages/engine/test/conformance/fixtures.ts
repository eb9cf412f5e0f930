/**
 * Conformance fixtures: their JSON shape, discovery under `test/fixtures/**`,
 * and validation of each case file (unknown keys are rejected so that a typo
 * in a fixture fails loudly instead of being ignored).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

export type ToolMetaKeys = "sync" | "batch" | "cost" | "trace" | "log" | "delayMs";

/** How a fixture describes one host tool. */
export type ToolSpec =
  | "echo"
  | "fail"
  | ({
      returns?: unknown;
      throws?: string;
      js?: string;
      echo?: true;
      fail?: true;
      sync?: boolean;
      batch?: true | { maxBatchSize?: number };
      cost?: number;
      trace?: boolean;
      log?: unknown;
      delayMs?: number;
    });

export interface ExpectData {
  data: unknown;
}
export interface ExpectError {
  error: { class: string; message: string; loc?: [number, number, number, number] };
}
export interface ExpectSyntaxError {
  syntaxError: { message?: string; messageIncludes?: string; line?: number };
}
export type Expectation = ExpectData | ExpectError | ExpectSyntaxError;

export interface CaseOptions {
  trace?: "off" | "basic" | "full";
  requestedFields?: string[];
  toolTimeoutMs?: number;
  maxDepth?: number;
  limits?: Record<string, number>;
}

export interface FixtureCase {
  name: string;
  operation?: string;
  input?: Record<string, unknown>;
  context?: Record<string, unknown>;
  tools?: Record<string, ToolSpec>;
  options?: CaseOptions;
  expect: Expectation;
  traces?: number;
  calls?: Record<string, number>;
  asyncPass?: false;
}

export interface FixtureFile {
  /** Path relative to the fixtures root, with `/` separators: `wires/pull.json`. */
  id: string;
  area: string;
  jsonPath: string;
  bridgePath: string;
  bridgeFilename: string;
  rules: string[];
  cases: FixtureCase[];
  /** Problems with the file itself (missing `.bridge`, bad JSON, bad shape). */
  problems: string[];
}

const CASE_KEYS = new Set(["name", "operation", "input", "context", "tools", "options", "expect", "traces", "calls", "asyncPass"]);
const OPTION_KEYS = new Set(["trace", "requestedFields", "toolTimeoutMs", "maxDepth", "limits"]);
const SPEC_KEYS = new Set(["returns", "throws", "js", "echo", "fail", "sync", "batch", "cost", "trace", "log", "delayMs"]);
const SKIPPED_FILES = new Set(["known-gaps.json"]);

/** All `*.json` case files below `root`, sorted, excluding `known-gaps.json` and `_`-prefixed names. */
export function findFixtureFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir).sort()) {
      if (entry.startsWith("_") || entry.startsWith(".")) continue;
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry.endsWith(".json") && !SKIPPED_FILES.has(entry)) out.push(full);
    }
  };
  if (existsSync(root)) walk(root);
  return out;
}

/** Reads one case file and its `.bridge` sibling path; shape errors are collected, never thrown. */
export function loadFixture(root: string, jsonPath: string): FixtureFile {
  const id = relative(root, jsonPath).split(sep).join("/");
  const bridgePath = jsonPath.replace(/\.json$/, ".bridge");
  const file: FixtureFile = {
    id,
    area: id.includes("/") ? id.slice(0, id.indexOf("/")) : "",
    jsonPath,
    bridgePath,
    bridgeFilename: id.replace(/\.json$/, ".bridge"),
    rules: [],
    cases: [],
    problems: [],
  };
  if (!existsSync(bridgePath)) file.problems.push(`missing ${file.bridgeFilename}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(jsonPath, "utf8"));
  } catch (err) {
    file.problems.push(`invalid JSON: ${(err as Error).message}`);
    return file;
  }
  if (!isObject(parsed) || !Array.isArray(parsed.cases)) {
    file.problems.push(`expected { "rules": [...], "cases": [...] }`);
    return file;
  }
  if (Array.isArray(parsed.rules)) file.rules = parsed.rules.filter((r): r is string => typeof r === "string");
  else file.problems.push(`"rules" must be an array of rule ids`);
  const names = new Set<string>();
  parsed.cases.forEach((raw, index) => {
    const problems = validateCase(raw);
    const name = isObject(raw) && typeof raw.name === "string" ? raw.name : `#${index}`;
    if (names.has(name)) problems.push(`duplicate case name "${name}"`);
    names.add(name);
    if (problems.length > 0) file.problems.push(...problems.map((p) => `case ${name}: ${p}`));
    else file.cases.push(raw as FixtureCase);
  });
  return file;
}

function validateCase(raw: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(raw)) return ["a case must be an object"];
  for (const key of Object.keys(raw)) if (!CASE_KEYS.has(key)) problems.push(`unknown key "${key}"`);
  if (typeof raw.name !== "string" || raw.name === "") problems.push(`"name" must be a non-empty string`);
  const expect = raw.expect;
  const kinds = isObject(expect) ? ["data", "error", "syntaxError"].filter((k) => k in expect) : [];
  if (kinds.length !== 1) problems.push(`"expect" must have exactly one of data, error, syntaxError`);
  else if (kinds[0] !== "syntaxError" && typeof raw.operation !== "string") problems.push(`"operation" is required`);
  if (isObject(expect) && isObject(expect.error)) {
    if (typeof expect.error.class !== "string" || typeof expect.error.message !== "string") {
      problems.push(`"expect.error" needs "class" and "message"`);
    }
  }
  if (raw.options !== undefined) {
    if (!isObject(raw.options)) problems.push(`"options" must be an object`);
    else for (const key of Object.keys(raw.options)) if (!OPTION_KEYS.has(key)) problems.push(`unknown option "${key}"`);
  }
  if (raw.tools !== undefined) {
    if (!isObject(raw.tools)) problems.push(`"tools" must be an object`);
    else {
      for (const [name, spec] of Object.entries(raw.tools)) {
        if (spec === "echo" || spec === "fail") continue;
        if (!isObject(spec)) {
          problems.push(`tool "${name}": expected "echo", "fail" or an object`);
          continue;
        }
        for (const key of Object.keys(spec)) if (!SPEC_KEYS.has(key)) problems.push(`tool "${name}": unknown key "${key}"`);
        const behaviours = ["returns", "throws", "js", "echo", "fail"].filter((k) => k in spec);
        if (behaviours.length !== 1) problems.push(`tool "${name}": needs exactly one of returns, throws, js, echo, fail`);
      }
    }
  }
  return problems;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export interface KnownGap {
  case: string;
  reason: string;
  /** Restrict the gap to one pass; both passes when absent. */
  pass?: "written" | "async";
}

/** Reads `known-gaps.json` (a list of `{ case: "<file>#<case name>", reason }`). */
export function loadKnownGaps(root: string): KnownGap[] {
  const path = join(root, "known-gaps.json");
  if (!existsSync(path)) return [];
  const parsed = JSON.parse(readFileSync(path, "utf8")) as unknown;
  if (!Array.isArray(parsed)) throw new Error("known-gaps.json must be an array");
  return parsed as KnownGap[];
}
