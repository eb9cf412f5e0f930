/**
 * Work the engine starts and then abandons: the result is already decided by
 * a synchronous failure while another tool is still running, and that tool
 * fails later. Its late failure must never surface as an unhandled rejection
 * (in Node the default is to end the process). Each row pins the outcome;
 * the suite (support.ts) then waits for the late failures and asserts none
 * went unhandled. One row per place that starts concurrent work: critical
 * forces (R-EXEC-5), output fields and tool inputs (R-EXEC-4), operands
 * (R-EXPR-6), template parts, array elements, spreads, define forces,
 * aliases and pipes.
 */
import type { HardeningCase } from "../support.js";
import { sleep, tool } from "../support.js";

/** `late` fails 5 ms after it is called (a non-Error throw); `boom` fails synchronously; `echo` returns its input. */
const tools = () => ({
  echo: tool((input: unknown) => input),
  late: tool(async () => {
    await sleep(5);
    throw "late failure";
  }),
  boom: tool(
    () => {
      throw new Error("boom");
    },
    { sync: true },
  ),
});

/** A bridge with `late as l`, `boom as b` and the output, then `body`. */
const S = (body: string, head = ""): string =>
  `version 1.5\n${head}bridge Query.run {\n  with input as i\n  with late as l\n  with boom as b\n  with output as o\n${body}\n}`;

const BOOM = { error: { class: "BridgeRuntimeError", message: "boom" } } as const;
const LATE = { error: { class: "BridgeRuntimeError", message: "late failure" } } as const;

/** Lets the abandoned `late` calls fail before the suite checks for unhandled rejections. */
const afterLateFailures = async (): Promise<void> => {
  await sleep(20);
};

const rows: Omit<HardeningCase, "tools" | "check">[] = [
  { name: "R-EXEC-5: a critical force fails synchronously while an earlier one is running", source: S("  force l\n  force b\n  o.v = 1"), expect: BOOM },
  {
    name: "R-EXEC-5: a critical force panics synchronously while an earlier one is running",
    source: S("  with echo as e\n  e.b <- e.c\n  force l\n  force e\n  o.v = 1"),
    expect: { error: { class: "BridgePanicError", message: 'Circular dependency detected: "_:Tools:echo:1" depends on itself' } },
  },
  { name: "R-EXEC-5: a critical force fails synchronously while a fire-and-forget one is running", source: S("  force l catch null\n  force b\n  o.v = 1"), expect: BOOM },
  { name: "R-EXEC-4: an output field fails synchronously while another is running", source: S("  o.a <- l.v\n  o.b <- b.v"), expect: LATE },
  { name: "R-EXEC-4: a tool input fails synchronously while another input is running", source: S("  with echo as e\n  e.a <- l.v\n  e.b <- b.v\n  o.v <- e.a"), expect: BOOM },
  { name: "R-EXPR-6: the right operand fails synchronously while the left one is running", source: S("  o.v <- l.v + b.v"), expect: BOOM },
  { name: "R-EXPR-6: the last operand of a chain fails synchronously while the others run", source: S("  o.v <- l.v * l.w - b.v"), expect: BOOM },
  { name: "a template part fails synchronously while an earlier part is running", source: S('  o.v <- "{l.v}-{b.v}"'), expect: BOOM },
  {
    name: "an array element fails synchronously while an earlier element is running",
    source: S("  o.xs <- i.xs[] as x {\n    with late as el\n    with boom as eb\n    .v <- x.bad ? eb.v : el.v\n  }"),
    input: () => ({ xs: [{ bad: false }, { bad: true }] }),
    expect: BOOM,
  },
  { name: "R-SPREAD-2: a field fails synchronously while a spread source is running", source: S("  o {\n    ... <- l\n    .b <- b.v\n  }"), expect: BOOM },
  {
    name: "Q-15: a define's critical force fails synchronously while an earlier one is running",
    source: S("  with pair as p\n  o.v <- p.v", "define pair {\n  with late as dl\n  with boom as db\n  with output as po\n  force dl\n  force db\n  po.v = 1\n}\n"),
    expect: BOOM,
  },
  { name: "R-ALIAS-2: an alias fails synchronously while another alias is running", source: S("  alias x <- l.v\n  alias y <- b.v\n  o.v <- x + y"), expect: BOOM },
  { name: "a pipe fails synchronously while an operand is running", source: S("  o.v <- l.v + b:i.v"), expect: BOOM },
];

export const abandonedWork: HardeningCase[] = rows.map((row) => ({ ...row, tools, check: afterLateFailures }));
