/**
 * Members reached by an `on error <- ctx.path` fallback (R-TOOL-9, D-1): own
 * properties and properties inherited from the host's own classes (getters,
 * Error subclasses, Error.prototype) read normally; a member found on
 * `Object.prototype`, `Array.prototype` or `Function.prototype` (built in, or
 * put there by prototype pollution) reads as `undefined`; a missing key reads
 * as `undefined`, and a host Proxy answering any key reads as its trap says.
 * Rows are also checked against a wire reading the same path (same rules),
 * except the `fallbackOnly` rows: the wire hot path (execute/paths.ts) applies
 * D-1 through its function check alone, which assumes unpolluted built-in
 * prototypes, whereas the fallback reader walks the prototype chain.
 */
import { afterEach, describe, expect, it } from "vitest";
import { run, tool } from "../behaviour/support.js";
import { fallback, wire } from "./on-error-sources.js";

const tools = {
  fail: tool(() => {
    throw new Error("down");
  }),
};

class Box {
  get label(): string {
    return "getter";
  }
}
class SubBox extends Box {}
class AppError extends Error {
  get code(): string {
    return "E_APP";
  }
}

/** A key no real object has; rows put it on a built-in prototype for one run (pollution). */
const POLLUTED = "bridgekitMembersProbe";

interface Row {
  name: string;
  path: string;
  context: () => Record<string, unknown>;
  /** Put `POLLUTED` on this prototype during the run. */
  pollute?: object;
  /** Only the fallback reader walks the prototype chain (see the header). */
  fallbackOnly?: boolean;
  v: unknown;
}

const rows: Row[] = [
  { name: "an own property reads normally", path: "obj.a", context: () => ({ obj: { a: 1 } }), v: 1 },
  { name: "a getter of a host class reads normally", path: "obj.label", context: () => ({ obj: new Box() }), v: "getter" },
  { name: "a getter two prototypes up (host subclass) reads normally", path: "obj.label", context: () => ({ obj: new SubBox() }), v: "getter" },
  { name: "a getter of a user Error subclass reads normally", path: "err.code", context: () => ({ err: new AppError("boom") }), v: "E_APP" },
  { name: "an Error's own message reads normally", path: "err.message", context: () => ({ err: new AppError("boom") }), v: "boom" },
  { name: "Error.prototype.name is not a D-1 built-in member", path: "err.name", context: () => ({ err: new Error("boom") }), v: "Error" },
  { name: "D-1: Object.prototype.toString reads as undefined", path: "obj.toString", context: () => ({ obj: { a: 1 } }), v: undefined },
  {
    name: "D-1: Array.prototype.length reads as undefined on a non-array with that prototype",
    path: "obj.length",
    context: () => ({ obj: Object.create(Array.prototype) as object }),
    fallbackOnly: true,
    v: undefined,
  },
  {
    name: "D-1: Array.prototype.length two prototypes up reads as undefined",
    path: "obj.length",
    context: () => ({ obj: Object.create(Object.create(Array.prototype) as object) as object }),
    fallbackOnly: true,
    v: undefined,
  },
  {
    name: "D-1: a polluted Object.prototype key reads as undefined on a plain object",
    path: `obj.${POLLUTED}`,
    context: () => ({ obj: { a: 1 } }),
    pollute: Object.prototype,
    fallbackOnly: true,
    v: undefined,
  },
  {
    name: "D-1: a polluted Object.prototype key reads as undefined on a host class instance",
    path: `obj.${POLLUTED}`,
    context: () => ({ obj: new SubBox() }),
    pollute: Object.prototype,
    fallbackOnly: true,
    v: undefined,
  },
  {
    name: "D-1: a polluted Array.prototype key reads as undefined on an array",
    path: `xs.${POLLUTED}`,
    context: () => ({ xs: [1, 2] }),
    pollute: Array.prototype,
    fallbackOnly: true,
    v: undefined,
  },
  { name: "a missing key reads as undefined", path: "obj.nope", context: () => ({ obj: new Box() }), v: undefined },
  {
    name: "a key a host Proxy answers (not found on any prototype) reads as the trap returns",
    path: "obj.dyn",
    context: () => ({ obj: new Proxy({}, { get: (_t, key) => (key === "dyn" ? "from-trap" : undefined) }) }),
    v: "from-trap",
  },
];

describe("on error <- ctx.path: which members are visible (R-TOOL-9, D-1)", () => {
  afterEach(() => {
    for (const proto of [Object.prototype, Array.prototype]) delete (proto as Record<string, unknown>)[POLLUTED];
  });

  for (const [kind, source, table] of [
    ["fallback", fallback, rows],
    ["wire", wire, rows.filter((r) => r.fallbackOnly !== true)],
  ] as const) {
    it.each(table)(`${kind}: $name`, async (row) => {
      const context = row.context();
      if (row.pollute !== undefined) (row.pollute as Record<string, unknown>)[POLLUTED] = "leaked";
      const r = await run(source(row.path), { context, tools });
      expect(r.data).toStrictEqual({ v: row.v });
    });
  }
});
