// The `bridge` CLI: run, check, fmt, help, exit codes and colour rules.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "./support.js";

const examples = fileURLToPath(new URL("../../../examples/", import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), "bridge-cli-"));

function file(name: string, text: string): string {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
}

const ECHO = `version 1.5
bridge Query.echo {
  with input as i
  with output as o
  o.name <- i.name
  o.city <- i.city ?? "nowhere"
}
`;

const FAILING = `version 1.5
bridge Query.code {
  with input as i
  with output as o
  o.code <- i.code ?? throw "code missing"
}
`;

describe("bridge run", () => {
  it("prints the data as JSON and exits 0", async () => {
    const r = await runCli(["run", file("echo.bridge", ECHO), "--input", '{"name":"Ada"}']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ name: "Ada", city: "nowhere" });
  });

  it("picks the only bridge when --operation is omitted, and honours --operation", async () => {
    const path = file("echo2.bridge", ECHO);
    const r = await runCli(["run", path, "--operation", "Query.echo", "-i", '{"name":"Bo","city":"Oslo"}']);
    expect(JSON.parse(r.stdout)).toEqual({ name: "Bo", city: "Oslo" });
  });

  it("reads --input from @file and from stdin", async () => {
    const input = file("input.json", '{"name":"Cy"}');
    const fromFile = await runCli(["run", file("e3.bridge", ECHO), "--input", `@${input}`]);
    expect(JSON.parse(fromFile.stdout)).toEqual({ name: "Cy", city: "nowhere" });
    const fromStdin = await runCli(["run", file("e4.bridge", ECHO), "--input", "-"], { stdin: '{"name":"Di"}' });
    expect(JSON.parse(fromStdin.stdout)).toEqual({ name: "Di", city: "nowhere" });
  });

  it("applies --fields as a sparse fieldset (R-FIELDS-2)", async () => {
    const r = await runCli(["run", file("e5.bridge", ECHO), "--input", '{"name":"Ed"}', "--fields", "city"]);
    expect(JSON.parse(r.stdout)).toEqual({ city: "nowhere" });
  });

  it("prints a located error snippet on stderr and exits 1 (R-FMT-3)", async () => {
    const path = file("failing.bridge", FAILING);
    const r = await runCli(["run", path]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("Bridge Execution Error: code missing");
    expect(r.stderr).toContain(`--> ${path}:5:23`);
    expect(r.stderr).toContain('5 |   o.code <- i.code ?? throw "code missing"');
  });

  it("reports syntax errors with file:line:column and exits 1", async () => {
    const r = await runCli(["run", file("bad.bridge", "version 1.5\nbridge Query.x {\n  with output as o\n  o.x <- 5\n}\n")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.bridge:4:/);
  });

  it("prints traces to stderr with --trace", async () => {
    const r = await runCli([
      "run", join(examples, "enrichment/catalog.bridge"),
      "--tools", join(examples, "enrichment/tools.mjs"),
      "--input", '{"shelf":"sci-fi"}', "--trace", "basic",
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/trace catalog\.list \(catalog\.list\)/);
    expect(r.stderr.match(/trace catalog\.rating/g)).toHaveLength(3);
  });

  it.each([
    [["run"], "exactly one .bridge file"],
    [["run", "missing.bridge"], "cannot read missing.bridge"],
    [["run", "x.bridge", "--trace", "loud"], '--trace must be "basic" or "full"'],
    [["run", "x.bridge", "--bogus"], "Unknown option"],
    [["nope"], 'unknown command "nope"'],
  ])("usage error %j exits 2", async (argv, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it("rejects invalid JSON input with a usage error", async () => {
    const r = await runCli(["run", file("e6.bridge", ECHO), "--input", "{nope"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--input: invalid JSON from the command line");
  });

  it("asks for --operation when the file has several bridges", async () => {
    const two = `${ECHO}\nbridge Query.other {\n  with output as o\n  o.x = 1\n}\n`;
    const r = await runCli(["run", file("two.bridge", two)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--operation is required: the file has 2 bridges (Query.echo, Query.other)");
  });
});

describe("bridge check", () => {
  it("exits 0 for a valid file", async () => {
    const r = await runCli(["check", file("ok.bridge", ECHO)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("1 file(s) checked: 0 error(s)");
  });

  it("prints file:line:column diagnostics and exits 1 on errors", async () => {
    const path = file("broken.bridge", "version 1.5\nbridge Query.x {\n  with output as o\n  o.x <- nope.y\n}\n");
    const r = await runCli(["check", path]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:4:\\d+: error: Line 4: Undeclared handle "nope"`));
  });

  it("emits JSON with --format json", async () => {
    const path = file("broken2.bridge", "version 1.5\nbridge Query.x {\n  with output as o\n  o.x <- nope.y\n}\n");
    const r = await runCli(["check", "--format", "json", path]);
    const diagnostics = JSON.parse(r.stdout) as Array<{ file: string; severity: string; range: { start: { line: number } } }>;
    expect(diagnostics[0]).toMatchObject({ file: path, severity: "error", range: { start: { line: 4 } } });
  });
});

describe("bridge fmt", () => {
  const messy = "version 1.5\nbridge Query.x {\nwith input as i\n   with output as o\no.a<-i.a\n}\n";

  it("--check lists unformatted files and exits 1; --write fixes them", async () => {
    const path = file("messy.bridge", messy);
    const check = await runCli(["fmt", "--check", path]);
    expect(check.code).toBe(1);
    expect(check.stdout).toBe(`${path}\n`);
    const write = await runCli(["fmt", "--write", path]);
    expect(write.code).toBe(0);
    const again = await runCli(["fmt", "--check", path]);
    expect(again.code).toBe(0);
    expect(readFileSync(path, "utf8")).toContain("  o.a <- i.a\n");
  });

  it("prints the formatted text without flags", async () => {
    const r = await runCli(["fmt", file("messy2.bridge", messy)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("  with input as i\n");
  });
});

describe("help and colour", () => {
  it.each([["--help"], ["run", "--help"], ["check", "--help"], ["fmt", "--help"]])("%j prints usage and exits 0", async (...argv) => {
    const r = await runCli(argv);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Usage:");
  });

  it("uses colour only on a TTY without NO_COLOR", async () => {
    const path = file("colour.bridge", FAILING);
    const tty = await runCli(["run", path], { tty: true });
    expect(tty.stderr).toContain("\u001b[31m");
    const noColor = await runCli(["run", path], { tty: true, env: { NO_COLOR: "1" } });
    expect(noColor.stderr).not.toContain("\u001b[");
    const piped = await runCli(["run", path]);
    expect(piped.stderr).not.toContain("\u001b[");
  });
});
