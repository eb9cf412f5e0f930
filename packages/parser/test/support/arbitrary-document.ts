/**
 * A fast-check arbitrary for random, VALID Bridge documents (as text).
 *
 * The generator follows the grammar of language.md §15 and the parse-time
 * rules bridgekit enforces (docs/reference-differences.md): every reference
 * root is a declared handle, alias or iterator in scope; output handles are
 * only written, input/context/const handles only read; pipes and `force` use
 * tool handles; `continue`/`break` appear only in array element lines with a
 * level no larger than the array nesting; tool bodies have no alias, force or
 * array mapping; aliases are declared before use. The text is deliberately
 * messy (random spacing, blank lines, indentation, comments, CRLF) so it
 * exercises the formatter.
 *
 * Generation is driven by a seeded PRNG (fast and deterministic); fast-check
 * shrinks the `size` knob, so failing cases shrink towards small documents.
 */
import fc from "fast-check";

export interface GenOptions {
  /** Rough document size, 1..10. */
  size: number;
  /** Add random comments, spacing and line breaks. Default true. */
  messy?: boolean;
}

/** Arbitrary valid Bridge document text. */
export function arbitraryDocument(messy = true): fc.Arbitrary<string> {
  return fc
    .record({ seed: fc.integer(), size: fc.integer({ min: 1, max: 5 }) })
    .map(({ seed, size }) => generateDocument(seed, { size, messy }));
}

class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }
  next(): number {
    // mulberry32
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  bool(p = 0.5): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from empty list");
    return item;
  }
}

type HandleKind = "input" | "output" | "context" | "const" | "tool" | "define" | "alias" | "iterator";

interface Handle {
  name: string;
  kind: HandleKind;
}

interface Scope {
  handles: Handle[];
  /** Number of enclosing array mappings. */
  arrays: number;
  /** In a tool body: no alias/force/mapping. */
  tool: boolean;
  /** Element lines (root `.`) allowed: inside an array body or tool body. */
  element: boolean;
  /** Handles that may be written: output/tool/define in the current body (array bodies: loop-scoped only). */
  writable: Handle[];
}

const SEGMENTS = ["a", "b", "name", "title", "x-id", "items", "from", "input", "on", "not", "true", "list", "User_Agent", "v2"];
const WORDS = ["hello", "x", "GET", "POST", "a b", "#hash", "/path", "1.5", "true", "null", "42", "é"];
const TOOL_NAMES = ["std.str.toUpperCase", "api.fetch", "geo.lookup", "echo", "catalog.byIsbn", "std.arr.first"];
const OPS = ["*", "/", "+", "-", "==", "!=", ">", ">=", "<", "<=", "and", "or"];

class Gen {
  private counter = 0;
  readonly nl: string;
  constructor(
    readonly r: Rng,
    readonly messy: boolean,
  ) {
    this.nl = messy && r.bool(0.1) ? "\r\n" : "\n";
  }

  fresh(prefix: string): string {
    return `${prefix}${this.counter++}`;
  }

  /** A case-insensitive keyword (R-LEX-5), sometimes in another case. */
  kw(word: string): string {
    if (!this.messy || !this.r.bool(0.1)) return word;
    return this.r.bool(0.5) ? word.toUpperCase() : word[0]?.toUpperCase() + word.slice(1);
  }

  /** Space between tokens. */
  sp(): string {
    if (!this.messy) return " ";
    return this.r.bool(0.85) ? " " : this.r.pick(["  ", "\t", " \t "]);
  }

  /** Space where a line break is also allowed (after `<-`, an operator, `{`). */
  brk(): string {
    if (this.messy && this.r.bool(0.04)) return (this.r.bool(0.3) ? this.sp() + this.comment() : "") + this.nl + this.indent();
    return this.sp();
  }

  indent(): string {
    return this.messy ? this.r.pick(["", " ", "  ", "    ", "\t", "      "]) : "  ";
  }

  comment(): string {
    return "#" + this.r.pick(["", " note", " TODO: fix {x}", "# double", " \"quoted\" and 'single'", " end  "]);
  }

  /** Separator between statements: newline(s), maybe comments, maybe a blank line. */
  sep(): string {
    if (!this.messy) return this.nl + "  ";
    let out = "";
    if (this.r.bool(0.15)) out += this.sp() + this.comment();
    out += this.nl;
    if (this.r.bool(0.15)) out += this.nl;
    if (this.r.bool(0.12)) out += this.indent() + this.comment() + this.nl;
    return out + this.indent();
  }

  segment(): string {
    return this.r.pick(SEGMENTS);
  }

  number(): string {
    return this.r.pick(["0", "1", "-2.5", "1e3", "0.25", "100", "-1", "3E-2"]);
  }

  plainString(): string {
    return JSON.stringify(this.r.pick(WORDS)).replace("é", "\\u00e9");
  }

  json(depth = 0): string {
    const kind = this.r.int(0, depth > 1 ? 3 : 5);
    if (kind <= 3) return this.r.pick([this.number(), this.plainString(), "true", "false", "null"]);
    const n = this.r.int(0, 3);
    const multi = this.messy && this.r.bool(0.4);
    const join = multi ? "," + this.nl + "    " : ", ";
    const items = Array.from({ length: n }, (_, i) => (kind === 4 ? `"k${i}": ${this.json(depth + 1)}` : this.json(depth + 1)));
    const [open, close] = kind === 4 ? ["{", "}"] : ["[", "]"];
    if (items.length === 0) return open + close;
    return multi ? `${open}${this.nl}    ${items.join(join)}${this.nl}${close}` : `${open}${items.join(join)}${close}`;
  }

  bare(): string {
    return this.r.pick([this.plainString(), this.number(), "true", "false", "null", "/v1/items", "GET", "input", "from", '"true"', '"a\\"b"']);
  }

  readable(scope: Scope, kinds?: HandleKind[]): Handle | undefined {
    const ok = scope.handles.filter((h) => h.kind !== "output" && (!kinds || kinds.includes(h.kind)));
    return ok.length === 0 ? undefined : this.r.pick(ok);
  }

  /** A reference `root.seg?.seg[0]` to a readable handle, or undefined when none is in scope. */
  ref(scope: Scope, plain = false): string | undefined {
    const h = this.readable(scope);
    if (!h) return undefined;
    let text = h.name;
    const n = this.r.int(h.kind === "const" ? 1 : 0, 3);
    for (let i = 0; i < n; i++) {
      const k = plain ? 0 : this.r.int(0, 9);
      if (k === 8) text += `[${this.r.int(0, 3)}]`;
      else text += (k === 9 ? "?." : ".") + this.segment();
    }
    return text;
  }

  /** A reference or (sometimes) a pipe chain. */
  source(scope: Scope): string | undefined {
    const ref = this.ref(scope);
    if (!ref) return undefined;
    const tools = scope.handles.filter((h) => h.kind === "tool");
    if (tools.length === 0 || !this.r.bool(0.2)) return ref;
    const stages = Array.from({ length: this.r.int(1, 2) }, () => {
      const stage = this.r.pick(tools).name;
      return this.r.bool(0.3) ? `${stage}.${this.segment()}` : stage;
    });
    return [...stages, ref].join(":");
  }

  template(scope: Scope): string {
    const parts: string[] = [];
    const n = this.r.int(1, 3);
    for (let i = 0; i < n; i++) {
      parts.push(this.r.pick(["", "Hi ", "/x/", " - ", "a\\\\b", "#"]));
      const ref = this.ref(scope, true);
      if (ref) parts.push(`{${this.r.bool(0.2) ? " " : ""}${ref}}`);
    }
    return `"${parts.join("")}"`;
  }

  stringish(scope: Scope): string {
    return this.r.bool(0.5) ? this.plainString() : this.template(scope);
  }
}

/** Sometimes moves a `with` line to the end of a bridge body: declarations are hoisted (R-WITH-2). */
function hoistable(g: Gen, lines: string[]): string[] {
  const index = lines.findIndex((line) => /^with\s/i.test(line));
  if (index < 0 || !g.messy || !g.r.bool(0.1)) return lines;
  return [...lines.slice(0, index), ...lines.slice(index + 1), lines[index] ?? ""];
}

export function generateDocument(seed: number, options: GenOptions): string {
  return new DocumentGen(new Gen(new Rng(seed), options.messy ?? true), options.size).document();
}

class DocumentGen {
  private readonly toolBlocks: string[] = [];
  private readonly defines: string[] = [];
  constructor(
    private readonly g: Gen,
    private readonly size: number,
  ) {}

  document(): string {
    const { g } = this;
    const blocks: string[] = [];
    const n = Math.max(1, g.r.int(1, this.size));
    for (let i = 0; i < n; i++) {
      const kind = g.r.int(0, 9);
      if (kind <= 1) blocks.push(this.constBlock());
      else if (kind <= 3) blocks.push(this.toolBlock());
      else if (kind === 4) blocks.push(this.defineBlock());
      else blocks.push(this.bridgeBlock());
    }
    const head = g.messy && g.r.bool(0.2) ? g.comment() + g.nl + (g.r.bool(0.5) ? g.nl : "") : "";
    const between = (): string => (g.messy ? g.r.pick([g.nl, g.nl + g.nl, g.nl + g.comment() + g.nl, g.nl + g.nl + g.comment() + g.nl + g.nl]) : g.nl + g.nl);
    let text = `${head}${g.kw("version")}${g.sp()}${g.r.pick(["1.5", "1", "1.0", "1.4"])}`;
    for (const block of blocks) text += between() + block;
    return text + (g.messy && g.r.bool(0.3) ? g.nl + g.comment() : "") + (g.r.bool(0.7) ? g.nl : "");
  }

  constBlock(): string {
    const { g } = this;
    return `${g.kw("const")}${g.sp()}${g.fresh("c")}${g.sp()}=${g.sp()}${g.json()}`;
  }

  /** `{ lines }` with statements separated by newlines. */
  body(lines: string[]): string {
    const { g } = this;
    if (lines.length === 0 && g.r.bool(0.5)) return `{}`;
    let text = `{${g.sep()}${lines[0] ?? ""}`;
    for (const line of lines.slice(1)) {
      // R-LEX-2: statements may share a line, except one starting with `.` (R-LEX-14).
      const sameLine = g.messy && !line.startsWith(".") && g.r.bool(0.08);
      text += (sameLine ? g.sp() : g.sep()) + line;
    }
    return `${text}${g.nl}}`;
  }

  toolBlock(): string {
    const { g } = this;
    const name = g.fresh(g.r.pick(["t", "api.t", "svc"]));
    const from = this.toolBlocks.length > 0 && g.r.bool(0.3) ? g.r.pick(this.toolBlocks) : g.r.pick(TOOL_NAMES);
    this.toolBlocks.push(name);
    const header = `${g.kw("tool")}${g.sp()}${name}${g.sp()}${g.kw("from")}${g.sp()}${from}`;
    if (g.r.bool(0.25)) return header;
    const scope: Scope = { handles: [], arrays: 0, tool: true, element: true, writable: [] };
    const lines: string[] = [];
    if (g.r.bool(0.6)) lines.push(this.withLine(scope, "context", "ctx"));
    if (g.r.bool(0.3)) lines.push(this.withLine(scope, "const", "k"));
    if (g.r.bool(0.3)) lines.push(this.withLine(scope, "tool", g.fresh("dep")));
    const count = g.r.int(0, this.size);
    for (let i = 0; i < count; i++) lines.push(this.toolLine(scope));
    return `${header}${g.sp()}${this.body(lines)}`;
  }

  toolLine(scope: Scope): string {
    const { g } = this;
    const k = g.r.int(0, 9);
    if (k === 0) return `${g.kw("on")}${g.sp()}${g.kw("error")}${g.sp()}=${g.sp()}${g.json()}`;
    const ctx = scope.handles.find((h) => h.kind === "context");
    if (k === 1 && ctx) return `on error <- ${ctx.name}.${g.r.pick(["a", "name", "x-id", "from"])}`;
    const src = g.source(scope);
    if (k === 2 && src) return `...${g.sp()}<-${g.sp()}${src}`;
    if (k === 3) return `.${this.path()}${g.sp()}{${g.sep()}${this.scopeLines(scope, 1, false).join(g.sep())}${g.nl}}`;
    return this.elementLine(scope);
  }

  path(): string {
    const n = this.g.r.int(1, 3);
    return Array.from({ length: n }, () => this.g.segment()).join(".");
  }

  withLine(scope: Scope, kind: HandleKind, name: string): string {
    const { g } = this;
    const explicit = g.r.bool(0.7);
    if (kind === "tool" || kind === "define") {
      const target = kind === "define" ? g.r.pick(this.defines) : g.r.pick([...TOOL_NAMES, ...this.toolBlocks]);
      const handle = explicit ? name : (target.split(".").pop() ?? target);
      if (scope.handles.some((h) => h.name === handle)) return this.withLine(scope, kind, g.fresh("h"));
      scope.handles.push({ name: handle, kind });
      scope.writable.push({ name: handle, kind });
      const version = kind === "tool" && g.r.bool(0.15) ? g.r.pick(["@1", "@2.1", "@1.x"]) : "";
      const memo = kind === "tool" && g.r.bool(0.15) ? `${g.sp()}${g.kw("memoize")}` : "";
      return `${g.kw("with")}${g.sp()}${target}${version}${explicit ? `${g.sp()}${g.kw("as")}${g.sp()}${handle}` : ""}${memo}`;
    }
    const keyword = g.r.bool(0.9) ? kind : kind.toUpperCase();
    const handle = explicit ? name : kind;
    scope.handles.push({ name: handle, kind });
    if (kind === "output") scope.writable.push({ name: handle, kind });
    return `${g.kw("with")}${g.sp()}${keyword}${explicit ? `${g.sp()}${g.kw("as")}${g.sp()}${handle}` : ""}`;
  }

  defineBlock(): string {
    const { g } = this;
    const name = g.fresh("d");
    const scope: Scope = { handles: [], arrays: 0, tool: false, element: false, writable: [] };
    const lines = [this.withLine(scope, "input", "i"), this.withLine(scope, "output", "o")];
    if (g.r.bool(0.4)) lines.push(this.withLine(scope, "tool", g.fresh("t")));
    const count = g.r.int(1, this.size + 1);
    for (let i = 0; i < count; i++) lines.push(this.bodyLine(scope));
    this.defines.push(name);
    return `${g.kw("define")}${g.sp()}${name}${g.sp()}${this.body(lines)}`;
  }

  bridgeBlock(): string {
    const { g } = this;
    const op = `${g.r.pick(["Query", "Mutation", "Catalog"])}.${g.fresh("f")}`;
    if (g.r.bool(0.1)) {
      const target = g.r.pick([...TOOL_NAMES, ...this.toolBlocks, ...this.defines]);
      return `${g.kw("bridge")}${g.sp()}${op}${g.sp()}${g.kw("with")}${g.sp()}${target}`;
    }
    const scope: Scope = { handles: [], arrays: 0, tool: false, element: false, writable: [] };
    const lines: string[] = [];
    if (g.r.bool(0.9)) lines.push(this.withLine(scope, "input", "i"));
    if (g.r.bool(0.9)) lines.push(this.withLine(scope, "output", "o"));
    if (g.r.bool(0.3)) lines.push(this.withLine(scope, "context", "ctx"));
    if (g.r.bool(0.3)) lines.push(this.withLine(scope, "const", "k"));
    const tools = g.r.int(0, 2);
    for (let i = 0; i < tools; i++) lines.push(this.withLine(scope, "tool", g.fresh("t")));
    if (this.defines.length > 0 && g.r.bool(0.3)) lines.push(this.withLine(scope, "define", g.fresh("dd")));
    const count = g.r.int(0, this.size + 2);
    for (let i = 0; i < count; i++) lines.push(this.bodyLine(scope));
    for (const h of scope.handles) if (h.kind === "tool" && g.r.bool(0.1)) lines.push(`${g.kw("force")}${g.sp()}${h.name}${g.r.bool(0.5) ? ` ${g.kw("catch")} null` : ""}`);
    return `${g.kw("bridge")}${g.sp()}${op}${g.sp()}${this.body(hoistable(g, lines))}`;
  }

  /** A statement of a bridge or define body. */
  bodyLine(scope: Scope): string {
    const { g } = this;
    const k = g.r.int(0, 9);
    if (k <= 1) {
      const alias = this.alias(scope, false);
      if (alias) return alias;
    }
    const target = g.r.pick(scope.writable.length > 0 ? scope.writable : [{ name: "", kind: "output" as const }]);
    if (!target.name) return this.alias(scope, false) ?? this.withLine(scope, "tool", g.fresh("t"));
    const root = g.r.bool(0.15) && target.kind === "output";
    const address = root ? target.name : `${target.name}.${this.path()}`;
    if (k === 2) return `${address}${g.sp()}{${g.sep()}${this.scopeLines(scope, 1, true).join(g.sep())}${g.nl}}`;
    if (k === 3 && !root) return `${address}${g.sp()}=${g.sp()}${g.bare()}`;
    return `${address}${g.sp()}<-${g.brk()}${this.rhs(scope, true)}`;
  }

  scopeLines(scope: Scope, depth: number, aliases: boolean): string[] {
    const { g } = this;
    const out: string[] = [];
    const n = g.r.int(1, 3);
    for (let i = 0; i < n; i++) {
      const k = g.r.int(0, 9);
      const src = g.source(scope);
      if (k === 0 && src && !scope.tool) out.push(`...${g.sp()}<-${g.sp()}${src}`);
      else if (k === 1 && aliases) out.push(this.alias(scope, false) ?? `.${g.segment()} = 1`);
      else if (k === 2 && depth < 3) out.push(`.${this.path()}${g.sp()}{${g.sep()}${this.scopeLines(scope, depth + 1, aliases && !scope.tool).join(g.sep())}${g.nl}}`);
      else if (k === 3) out.push(`.${this.path()}${g.sp()}=${g.sp()}${g.bare()}`);
      else out.push(`.${this.path()}${g.sp()}<-${g.brk()}${this.rhs(scope, !scope.tool)}`);
    }
    return out;
  }

  /** `.path <- rhs` / `.path = bare` relative to the element or tool input. */
  elementLine(scope: Scope): string {
    const { g } = this;
    if (g.r.bool(0.2)) return `.${this.path()}${g.sp()}=${g.sp()}${g.bare()}`;
    return `.${this.path()}${g.sp()}<-${g.brk()}${this.rhs(scope, !scope.tool, scope.arrays > 0)}`;
  }

  alias(scope: Scope, short: boolean): string | undefined {
    const { g } = this;
    if (scope.tool) return undefined;
    const name = g.fresh("al");
    let rhs: string | undefined;
    if (short) {
      const src = g.source(scope);
      if (!src) return undefined;
      rhs = src + this.gates(scope, false, false);
    } else if (g.r.bool(0.15)) {
      rhs = `${g.stringish(scope)}${g.sp()}==${g.sp()}${this.operand(scope, 1)}` + this.gates(scope, false, false);
    } else {
      rhs = this.rhs(scope, true);
    }
    scope.handles.push({ name, kind: "alias" });
    return `${g.kw("alias")}${g.sp()}${name}${g.sp()}<-${g.brk()}${rhs}`;
  }
  /** The right-hand side of a pull wire: primary (maybe mapped), gates, catch. */
  rhs(scope: Scope, mapping: boolean, control = false): string {
    const { g } = this;
    const src = g.source(scope);
    if (!src) return g.stringish(scope) + this.gates(scope, false, control);
    const k = g.r.int(0, 9);
    let primary: string;
    if (k <= 2) primary = src;
    else if (k === 3) primary = g.stringish(scope);
    else if (k <= 5) primary = this.chain(scope, src);
    else if (k === 6) primary = `not${g.sp()}${g.r.bool(0.5) ? src : this.chain(scope, src)}`;
    else if (k === 7) primary = this.ternary(scope, src);
    else if (k === 8) primary = `${this.paren(scope, src)} ${g.r.pick(OPS)} ${this.operand(scope, 1)}`;
    else primary = src;
    if (mapping && k !== 3 && g.r.bool(0.15) && scope.arrays < 3) primary = `${src}[]${g.sp()}as${g.sp()}${this.arrayBody(scope)}`;
    return primary + this.gates(scope, mapping, control);
  }

  chain(scope: Scope, first: string, depth = 1): string {
    const { g } = this;
    let text = first;
    const n = g.r.int(1, 3);
    for (let i = 0; i < n; i++) text += `${g.sp()}${g.r.pick(OPS)}${g.brk()}${this.operand(scope, depth)}`;
    return text;
  }

  /** `( [not] source op operand … )`: must start with a reference or pipe. */
  paren(scope: Scope, src: string, depth = 1): string {
    const not = this.g.r.bool(0.3) ? "not " : "";
    return `(${not}${this.chain(scope, src, depth + 1)})`;
  }

  ternary(scope: Scope, src: string): string {
    const { g } = this;
    const cond = g.r.bool(0.5) ? src : g.r.bool(0.5) ? this.chain(scope, src) : this.paren(scope, src);
    const branch = (): string => {
      const k = g.r.int(0, 4);
      if (k === 0) return g.ref(scope) ?? "1";
      if (k === 1) return g.number();
      if (k === 2) return g.stringish(scope);
      return g.r.pick(["true", "false", "null", g.plainString()]);
    };
    const text = `${cond}${g.sp()}?${g.sp()}${branch()}${g.sp()}:${g.sp()}${branch()}`;
    return g.r.bool(0.15) ? `not ${text}` : text;
  }

  operand(scope: Scope, depth: number): string {
    const { g } = this;
    const k = g.r.int(0, 9);
    if (k <= 1) return g.number();
    if (k === 2) return g.stringish(scope);
    if (k === 3) return g.r.pick(["true", "false", "null"]);
    const src = g.source(scope);
    if (k === 4 && depth < 3 && src) return this.paren(scope, src, depth);
    return src ?? g.number();
  }

  gates(scope: Scope, mapping: boolean, control: boolean): string {
    const { g } = this;
    let text = "";
    const n = g.r.bool(0.5) ? 0 : g.r.int(1, 3);
    for (let i = 0; i < n; i++) text += `${g.sp()}${g.r.pick(["||", "??"])}${g.brk()}${this.alternative(scope, mapping, control)}`;
    if (g.r.bool(0.25)) text += `${g.sp()}${g.kw("catch")}${g.sp()}${this.alternative(scope, false, control)}`;
    return text;
  }

  alternative(scope: Scope, mapping: boolean, control: boolean): string {
    const { g } = this;
    const k = g.r.int(0, 9);
    if (k === 0) return g.json();
    if (k === 1) return g.r.pick(["throw", "panic"]) + " " + g.plainString();
    if (k === 2 && control) {
      const level = g.r.int(0, scope.arrays);
      return g.r.pick(["continue", "break"]) + (level > 0 ? ` ${level}` : "");
    }
    const src = g.source(scope);
    if (!src || k === 3) return g.r.pick([g.number(), g.plainString(), "null", "true"]);
    if (k === 4) return g.template(scope);
    if (k === 5) return `${src} ${g.r.pick(OPS)} ${this.operand(scope, 1)}`;
    if (k === 6 && mapping && scope.arrays < 3) return `${src}[] as ${this.arrayBody(scope)}`;
    return src;
  }

  /** `it {` array body `}` (the caller writes `src[] as `). */
  arrayBody(outer: Scope): string {
    const { g } = this;
    const iterator = g.fresh("it");
    const scope: Scope = {
      handles: [...outer.handles, { name: iterator, kind: "iterator" }],
      arrays: outer.arrays + 1,
      tool: false,
      element: true,
      writable: [],
    };
    const lines: string[] = [];
    const n = g.r.int(0, 4);
    for (let i = 0; i < n; i++) {
      const k = g.r.int(0, 9);
      if (k === 0) lines.push(this.withLine(scope, "tool", g.fresh("lt")));
      else if (k === 1) lines.push(this.alias(scope, true) ?? this.elementLine(scope));
      else if (k === 2) lines.push(`...${g.sp()}<-${g.sp()}${g.source(scope) ?? iterator}`);
      else if (k === 3) lines.push(`.${this.path()}${g.sp()}{${g.sep()}${this.scopeLines(scope, 1, false).join(g.sep())}${g.nl}}`);
      else if (k === 4 && scope.writable.length > 0) {
        const h = g.r.pick(scope.writable);
        lines.push(`${h.name}.${this.path()}${g.sp()}<-${g.sp()}${this.rhs(scope, false)}`);
      } else lines.push(this.elementLine(scope));
    }
    return `${iterator}${g.sp()}${this.body(lines)}`;
  }
}
