/**
 * Malformed Bridge texts, one row per failure class of language.md §13:
 * lexical (R-DIAG-1, R-LEX-12/13), syntactic (R-DIAG-2, R-FILE-*), semantic
 * (R-DIAG-3, R-NAME-3, the bridgekit rejections of Q-08/16/18/24/35/36/38)
 * and the parser limits (D-4). Each row gives the line and column the error
 * must carry and its message: exact for lexical, semantic and limit errors,
 * a prefix for syntax errors (whose tail lists alternatives). `valid` rows
 * sit just inside a limit and must parse.
 */

export type MalformedKind = "lexical" | "syntactic" | "semantic" | "limit";

export interface MalformedCase {
  name: string;
  kind: MalformedKind;
  /** Rule ids the row exercises. */
  rule: string;
  /** The text, or a factory for big ones. */
  source: string | (() => string);
  line: number;
  column: number;
  /** Exact message, or (syntactic rows) the message's prefix. */
  message: string;
}

export interface ValidEdgeCase {
  name: string;
  rule: string;
  source: () => string;
}

/** A bridge `Query.run` with handles i and o; the body starts on line 5. */
const B = (body: string): string => `version 1.5\nbridge Query.run {\n  with input as i\n  with output as o\n${body}\n}`;

const row =
  (kind: MalformedKind) =>
  (name: string, rule: string, source: MalformedCase["source"], line: number, column: number, message: string): MalformedCase => ({
    name,
    kind,
    rule,
    source,
    line,
    column,
    message,
  });
const lex = row("lexical");
const syn = row("syntactic");
const sem = row("semantic");
const lim = row("limit");

const unexpected = (line: number, column: number, ch: string, hint = "") =>
  `Line ${line}, column ${column}: Unexpected character "${ch}"${hint}`;
const QUOTE_HINT = " (strings use double quotes, R-LEX-6)";

export const lexical: MalformedCase[] = [
  lex("single-quoted string (Q-01)", "R-LEX-6 Q-01", B("  o.a = 'x'"), 5, 9, unexpected(5, 9, "'", QUOTE_HINT)),
  lex("single quote in a const", "R-LEX-6", "version 1.5\nconst c = 'x'\n", 2, 11, unexpected(2, 11, "'", QUOTE_HINT)),
  lex("% has no operator (Q-03)", "R-LEX-12 Q-03", B("  o.a <- i.a % 2"), 5, 14, unexpected(5, 14, "%")),
  lex("! not followed by =", "R-LEX-12", B("  o.a <- !i.a"), 5, 10, unexpected(5, 10, "!")),
  lex("! between operands", "R-LEX-12", B("  o.a <- i.a !i.b"), 5, 14, unexpected(5, 14, "!")),
  lex("&&", "R-LEX-12", B("  o.a <- i.a && i.b"), 5, 14, unexpected(5, 14, "&")),
  lex("a single |", "R-LEX-12", B("  o.a <- i.a | i.b"), 5, 14, unexpected(5, 14, "|")),
  lex(";", "R-LEX-12", B("  o.a <- i.a;"), 5, 13, unexpected(5, 13, ";")),
  lex("$", "R-LEX-12", B("  o.a <- $x"), 5, 10, unexpected(5, 10, "$")),
  lex("backtick", "R-LEX-12", B("  o.a <- `x`"), 5, 10, unexpected(5, 10, "`")),
  lex("~", "R-LEX-12", B("  o.a <- ~i.a"), 5, 10, unexpected(5, 10, "~")),
  lex("^", "R-LEX-12", B("  o.a <- i.a ^ 2"), 5, 14, unexpected(5, 14, "^")),
  lex("@ without a version", "R-LEX-10", "version 1.5\nbridge Query.run {\n  with t@ as x\n}", 3, 9, unexpected(3, 9, "@")),
  lex("non-ASCII letter in a path (R-LEX-4)", "R-LEX-4", B("  o.ä <- i.a"), 5, 5, unexpected(5, 5, "ä")),
  lex("non-ASCII letter inside an identifier", "R-LEX-4", B("  o.naïve <- i.a"), 5, 7, unexpected(5, 7, "ï")),
  lex("an astral character (emoji) is reported whole", "R-LEX-12", B("  o.a <- i.a 😀"), 5, 14, unexpected(5, 14, "😀")),
  lex("NUL character", "R-LEX-12", "version 1.5\u0000\n", 1, 12, unexpected(1, 12, "\u0000")),
  lex("byte order mark before version", "R-LEX-12", "\uFEFFversion 1.5\n", 1, 1, unexpected(1, 1, "\uFEFF")),
  lex("unterminated string", "R-LEX-6", B('  o.a <- "abc'), 5, 10, "Line 5, column 10: Unterminated string literal (R-LEX-6)"),
  lex("first of 100,000 bad characters only", "R-LEX-13", () => `version 1.5\n${"'".repeat(100_000)}`, 2, 1, unexpected(2, 1, "'", QUOTE_HINT)),
  lex("CRLF line endings count lines once", "R-LEX-1", "version 1.5\r\nbridge Query.run {\r\n  with output as o\r\n  o.a <- 'x'\r\n}", 4, 10, unexpected(4, 10, "'", QUOTE_HINT)),
];

export const syntactic: MalformedCase[] = [
  syn("no version declaration", "R-FILE-2", "bridge Query.run {\n  with output as o\n  o.a = 1\n}", 1, 1, "Line 1, column 1: expected a `version` declaration"),
  syn("empty text", "R-FILE-2", "", 1, 1, "Line 1, column 1: expected a `version` declaration"),
  syn("comment only", "R-FILE-2", "# nothing\n", 1, 1, "Line 1, column 1: expected a `version` declaration"),
  syn("quoted version", "R-FILE-2", 'version "1.5"\nbridge Query.run {\n  with output as o\n}', 1, 9, "Line 1, column 9: expected a number after `version`"),
  syn("version without number", "R-FILE-2", "version\n", 1, 8, "Line 1, column 8: expected a number after `version`"),
  syn("second version", "R-FILE-2", "version 1.5\nversion 1.5\n", 2, 1, "Line 2, column 1: unexpected `version`"),
  syn("--- separator", "R-FILE-1", "version 1.5\n---\n", 2, 1, "Line 2, column 1: unexpected `-`"),
  syn("stray word at top level", "R-FILE-1", "version 1.5\nhello\n", 2, 1, "Line 2, column 1: unexpected `hello`"),
  syn("with outside a block", "R-FILE-1", "version 1.5\nwith input as i\n", 2, 1, "Line 2, column 1: unexpected `with`"),
  syn("extra closing brace", "R-FILE-1", "version 1.5\nbridge Query.run {\n  with output as o\n}\n}", 5, 1, "Line 5, column 1: unexpected `}`"),
  syn("5,000 closing braces report the first", "R-FILE-1", () => `version 1.5\n${"}".repeat(5_000)}`, 2, 1, "Line 2, column 1: unexpected `}`"),
  syn("unclosed bridge block", "R-DIAG-2", "version 1.5\nbridge Query.run {\n  with output as o\n  o.a = 1\n", 4, 10, "Line 4, column 10: expected `}`"),
  syn("operation without a dot", "R-DIAG-2", "version 1.5\nbridge Queryrun {\n}", 2, 17, "Line 2, column 17: expected `.` after `Queryrun`"),
  syn("operation with three parts", "R-DIAG-2", "version 1.5\nbridge Query.run.x {\n}", 2, 17, "Line 2, column 17: expected `with` or `{` after `Query.run`"),
  syn("object after =", "R-DIAG-2 R-WIRE-6", B('  o.a = {"x": 1}'), 5, 9, "Line 5, column 9: expected a value after `=`"),
  syn("array after =", "R-DIAG-2 R-WIRE-6", B("  o.a = [1]"), 5, 9, "Line 5, column 9: expected a value after `=`"),
  syn("number as pull-wire primary", "R-DIAG-2 R-WIRE-8", B("  o.a <- 42"), 5, 10, "Line 5, column 10: a literal cannot start a pull wire"),
  syn("true as pull-wire primary", "R-DIAG-2 R-WIRE-8", B("  o.a <- true"), 5, 10, "Line 5, column 10: a literal cannot start a pull wire"),
  syn("null as pull-wire primary", "R-DIAG-2 R-WIRE-8", B("  o.a <- null"), 5, 10, "Line 5, column 10: a literal cannot start a pull wire"),
  syn("not as an operand", "R-DIAG-2 R-EXPR-2", B("  o.a <- i.a + not i.b"), 5, 16, "Line 5, column 16: "),
  syn("parenthesis starting with a literal", "R-DIAG-2", B("  o.a <- (1 + i.a)"), 5, 11, "Line 5, column 11: "),
  syn("parenthesis starting with a parenthesis", "R-DIAG-2", B("  o.a <- ((i.a + 1))"), 5, 11, "Line 5, column 11: "),
  syn("nested ternary", "R-DIAG-2", B("  o.a <- i.a ? i.b ? 1 : 2 : 3"), 5, 20, "Line 5, column 20: expected `:` after `i.b`"),
  syn("ternary after ||", "R-DIAG-2", B("  o.a <- i.a || i.b ? 1 : 2"), 5, 21, "Line 5, column 21: "),
  syn("parenthesis as a gate alternative", "R-DIAG-2", B("  o.a <- i.a || (i.b + 1)"), 5, 17, "Line 5, column 17: "),
  syn("not as a gate alternative", "R-DIAG-2", B("  o.a <- i.a || not i.b"), 5, 17, "Line 5, column 17: "),
  syn("operator after a string primary", "R-DIAG-2 R-STR-5", B('  o.a <- "x" + i.a'), 5, 14, "Line 5, column 14: a string literal on a wire can only be followed by `||`, `??` or `catch`"),
  syn("throw without a message", "R-DIAG-2", B("  o.a <- i.a || throw"), 6, 1, "Line 6, column 1: expected a string after `throw`"),
  syn("panic without a message", "R-DIAG-2", B("  o.a <- i.a ?? panic"), 6, 1, "Line 6, column 1: expected a string after `panic`"),
  syn("force catch followed by a number", "R-DIAG-2 R-FORCE-3", "version 1.5\nbridge Query.run {\n  with t\n  with output as o\n  force t catch 1\n}", 5, 17, "Line 5, column 17: expected `null` after `catch`"),
  syn("force inside an array body", "R-DIAG-2", "version 1.5\nbridge Query.run {\n  with input as i\n  with output as o\n  o.xs <- i.xs[] as x {\n    with t\n    force t\n  }\n}", 7, 5, "Line 7, column 5: "),
  syn("numeric path segment after a dot", "R-DIAG-2 R-NAME-2", B("  o.a <- i.list.0"), 5, 17, "Line 5, column 17: expected a field name after `i.list.`"),
  ...(["catch", "alias", "memoize", "throw", "continue", "force", "panic", "break"] as const).map((word) => {
    const column = 12;
    return syn(`${word} as a path segment`, "R-DIAG-2 R-NAME-2", B(`  o.a <- i.${word}`), 5, column, `Line 5, column ${column}: expected a field name after \`i.\`, found \`${word}\``);
  }),
  syn("empty path segment", "R-PATH-1", B("  o.a <- i..a"), 5, 12, "Line 5, column 12: expected a field name after `i.`"),
  syn("trailing dot", "R-PATH-1", B("  o.a <- i.a."), 6, 1, "Line 6, column 1: expected a field name after `i.a.`"),
  syn("unclosed index bracket", "R-PATH-1", B("  o.a <- i.a[0"), 6, 1, "Line 6, column 1: expected `]`"),
  syn("spread directly in a bridge body", "R-DIAG-2 R-SPREAD-1", B("  ... <- i"), 5, 3, "Line 5, column 3: "),
  syn("spread with ||", "R-DIAG-2 R-SPREAD-1", B("  o.x {\n    ... <- i.a || i.b\n  }"), 6, 16, "Line 6, column 16: "),
  syn("spread with catch", "R-DIAG-2 R-SPREAD-1", B("  o.x {\n    ... <- i.a catch {}\n  }"), 6, 16, "Line 6, column 16: "),
  syn("operator in an array-body alias", "R-DIAG-2 R-ALIAS-1", B("  o.xs <- i.xs[] as x {\n    alias y <- x.a + 1\n    .y <- y\n  }"), 6, 20, "Line 6, column 20: an alias inside an array body takes only a reference or pipe chain"),
  syn("string in an array-body alias", "R-DIAG-2 R-ALIAS-1", B('  o.xs <- i.xs[] as x {\n    alias y <- "s"\n    .y <- y\n  }'), 6, 16, "Line 6, column 16: an alias inside an array body takes only a reference or pipe chain"),
  syn("i.a -1 is a path then a number (R-LEX-7)", "R-DIAG-2 R-LEX-7", B("  o.a <- i.a -1"), 5, 14, "Line 5, column 14: "),
  syn("i.a /2 is a path then a path token (R-LEX-9)", "R-DIAG-2 R-LEX-9", B("  o.a <- i.a /2"), 5, 14, "Line 5, column 14: "),
  syn("+3 is not a number", "R-LEX-7", B("  o.a <- i.a + +3"), 5, 16, "Line 5, column 16: "),
  syn(".5 is not a number", "R-LEX-7", B("  o.a <- i.a + .5"), 5, 16, "Line 5, column 16: "),
  syn("007 is not a number", "R-LEX-7", B("  o.a <- i.a + 007"), 5, 17, "Line 5, column 17: "),
  syn("0x1F is not a number", "R-LEX-7", B("  o.a <- i.a + 0x1F"), 5, 17, "Line 5, column 17: "),
  syn("raw line break in a decoded string", "R-LEX-6", B('  o.a <- "ab\ncd"'), 5, 10, "Line 5, column 10: a line break inside a string must be written as \\n"),
  syn("missing <-", "R-WIRE-1", B("  o.a i.a"), 5, 7, "Line 5, column 7: expected `=`, `<-` or `{` after `o.a`"),
  syn("double <-", "R-WIRE-1", B("  o.a <- <- i.a"), 5, 10, "Line 5, column 10: "),
  syn("leading-dot reference on a wire", "R-TOOL-6", "version 1.5\ntool t from x {\n  .a <- .b\n}", 3, 9, "Line 3, column 9: "),
  syn("with without a name", "R-WITH-1", "version 1.5\nbridge Query.run {\n  with\n}", 3, 3, "Line 3, column 3: "),
  syn("as without a name", "R-WITH-1", "version 1.5\nbridge Query.run {\n  with x as\n}", 4, 1, "Line 4, column 1: expected a name after `as`"),
  syn("reserved word throw as a handle alias", "R-NAME-1", "version 1.5\nbridge Query.run {\n  with x as throw\n}", 3, 13, "Line 3, column 13: expected a name after `as`"),
  syn("keyword Memoize as a const name", "R-NAME-1", "version 1.5\nconst Memoize = 1\n", 2, 7, "Line 2, column 7: expected a name after `const`"),
  syn("tool without from", "R-TOOL-1", "version 1.5\ntool t\n", 2, 7, "Line 2, column 7: expected `from` after `t`"),
  syn("tool from nothing", "R-TOOL-1", "version 1.5\ntool t from\n", 2, 12, "Line 2, column 12: expected a name after `from`"),
  syn("define without a body", "R-DEF-1", "version 1.5\ndefine d\n", 2, 9, "Line 2, column 9: expected `{` after `d`"),
  syn("const without =", "R-CONST-1", "version 1.5\nconst c 1\n", 2, 9, "Line 2, column 9: expected `=` after `c`"),
  syn("const without a value", "R-CONST-1", "version 1.5\nconst c =\n", 2, 10, "Line 2, column 10: "),
  syn("NaN as a const value", "R-CONST-1", "version 1.5\nconst c = NaN\n", 2, 11, "Line 2, column 11: "),
  syn("bridge with followed by nothing", "R-BRIDGE-1", "version 1.5\nbridge Query.run with\n", 2, 22, "Line 2, column 22: expected a name after `with`"),
  syn("array mapping without as", "R-ARR-1", B("  o.xs <- i.xs[] {\n  }"), 5, 18, "Line 5, column 18: expected `as` after `i.xs[]`"),
  syn("array mapping without an iterator", "R-ARR-1", B("  o.xs <- i.xs[] as {\n  }"), 5, 21, "Line 5, column 21: expected a name after `i.xs[] as`"),
  syn("unclosed parenthesis", "R-EXPR-1", B("  o.a <- (i.a + 1"), 6, 1, "Line 6, column 1: expected `)`"),
  syn("ternary without else", "R-EXPR-11", B("  o.a <- i.a ? 1"), 6, 1, "Line 6, column 1: expected `:`"),
  syn("catch without a handler", "R-FALL-3", B("  o.a <- i.a catch"), 6, 1, "Line 6, column 1: expected "),
  syn("|| without an alternative", "R-FALL-1", B("  o.a <- i.a ||"), 6, 1, "Line 6, column 1: expected "),
];

export const semantic: MalformedCase[] = [
  sem("major version 2", "R-FILE-3", "version 2.0\n", 1, 9, 'Unsupported bridge major version "2.0". This parser supports version 1.x'),
  sem("major version 0", "R-FILE-3", "version 0.9\n", 1, 9, 'Unsupported bridge major version "0.9". This parser supports version 1.x'),
  sem("reserved keyword as const name", "R-NAME-3", "version 1.5\nconst bridge = 1\n", 2, 7, 'Line 2: "bridge" is a reserved keyword and cannot be used as a const name'),
  sem("reserved source identifier as const name", "R-NAME-3", "version 1.5\nconst input = 1\n", 2, 7, 'Line 2: "input" is a reserved source identifier and cannot be used as a const name'),
  sem("reserved keyword as tool name", "R-NAME-3", "version 1.5\ntool with from x\n", 2, 6, 'Line 2: "with" is a reserved keyword and cannot be used as a tool name'),
  sem("reserved source identifier as define name", "R-NAME-3", "version 1.5\ndefine output {\n}\n", 2, 8, 'Line 2: "output" is a reserved source identifier and cannot be used as a define name'),
  sem("reserved keyword alias as define name", "R-NAME-3", "version 1.5\ndefine alias {\n}\n", 2, 8, 'Line 2: "alias" is a reserved keyword and cannot be used as a define name'),
  sem("reserved source identifier as handle alias", "R-NAME-3", "version 1.5\nbridge Query.run {\n  with x as input\n}", 3, 13, 'Line 3: "input" is a reserved source identifier and cannot be used as a handle alias'),
  sem("reserved keyword version as handle alias", "R-NAME-3", "version 1.5\nbridge Query.run {\n  with x as version\n}", 3, 13, 'Line 3: "version" is a reserved keyword and cannot be used as a handle alias'),
  sem("extends (any case) as handle alias", "R-NAME-3", "version 1.5\nbridge Query.run {\n  with x as EXTENDS\n}", 3, 13, 'Line 3: "EXTENDS" is a reserved keyword and cannot be used as a handle alias'),
  sem("Context as handle alias", "R-NAME-3", "version 1.5\nbridge Query.run {\n  with x as Context\n}", 3, 13, 'Line 3: "Context" is a reserved source identifier and cannot be used as a handle alias'),
  sem("input as an array-body alias", "R-NAME-3", B("  o.xs <- i.xs[] as x {\n    alias input <- x.a\n    .y <- x\n  }"), 6, 11, 'Line 6: "input" is a reserved source identifier and cannot be used as a local binding alias'),
  sem("extends as an array-body alias", "R-NAME-3", B("  o.xs <- i.xs[] as x {\n    alias extends <- x.a\n    .y <- x\n  }"), 6, 11, 'Line 6: "extends" is a reserved keyword and cannot be used as a local binding alias'),
  sem("const with unquoted keys", "R-CONST-1", "version 1.5\nconst c = {a: 1}\n", 2, 11, 'Line 2: Invalid JSON value for const "c": {a: 1}'),
  sem("const with a trailing comma", "R-CONST-1", "version 1.5\nconst c = [1, 2,]\n", 2, 11, 'Line 2: Invalid JSON value for const "c": [1, 2,]'),
  sem("duplicate handle", "R-WITH-3", "version 1.5\nbridge Query.run {\n  with input as i\n  with output as i\n}", 4, 3, 'Line 4: Duplicate handle name "i"'),
  sem("with input in a tool block", "R-TOOL-5", "version 1.5\ntool t from x {\n  with input as i\n}", 3, 3, "Line 3: 'with input' is not allowed in tool blocks"),
  sem("with output in a tool block", "R-TOOL-5", "version 1.5\ntool t from x {\n  with output as o\n}", 3, 3, "Line 3: 'with output' is not allowed in tool blocks"),
  sem("memoize on input", "R-WITH-6", "version 1.5\nbridge Query.run {\n  with input as i memoize\n}", 3, 19, "Line 3: memoize is only valid for tool references"),
  sem("undeclared handle read", "R-WITH-4", B("  o.a <- q.a"), 5, 10, "Line 5: Undeclared handle \"q\". Add 'with q' or 'with q as q' to the bridge header."),
  sem("undeclared handle written", "R-WITH-4", B("  z.a <- i.a"), 5, 3, "Line 5: Undeclared handle \"z\". Add 'with z' or 'with z as z' to the bridge header."),
  sem("undeclared handle in a template", "R-WITH-4 R-STR-2", B('  o.a <- "x{zz.q}"'), 5, 13, "Line 5: Undeclared handle \"zz\". Add 'with zz' or 'with zz as zz' to the bridge header."),
  sem("undeclared pipe handle", "R-WITH-4", B("  o.a <- up:i.a"), 5, 10, "Line 5: Undeclared handle in pipe: \"up\". Add 'with <tool> as up' to the bridge header."),
  sem("alias used before its declaration", "R-WITH-4 R-ALIAS-2", B("  o.a <- al\n  alias al <- i.a"), 5, 10, "Line 5: Undeclared reference \"al\". Add 'with output as o' for output fields, or 'with al' for a tool."),
  sem("self-reference in a tool template", "R-TOOL-6", 'version 1.5\ntool t from x {\n  .a <- "{.query}"\n}', 3, 10, "Line 3: Self-reference creates a circular dependency. Remove the leading dot or use a declared handle."),
  sem("self-reference in a bridge template", "R-TOOL-6", B('  o.a <- "x{.q}"'), 5, 12, "Line 5: Self-reference creates a circular dependency. Remove the leading dot or use a declared handle."),
  sem("explicit index in a wire target", "R-WIRE-2", B("  o.a[0] <- i.a"), 5, 3, "Line 5: Explicit array index in wire target is not supported. Use array mapping (`[] as iter { }`) instead."),
  sem("non-integer array index", "R-PATH-1", B("  o.a <- i.a[1.5]"), 5, 14, 'Line 5: Array indices must be integers, found "1.5"'),
  sem("force of an undeclared handle", "R-FORCE-1", B("  force t"), 5, 9, 'Line 5: Cannot force undeclared handle "t"'),
  sem("continue 0", "R-CTRL-1", B("  o.xs <- i.xs[] as x {\n    .a <- x.a ?? continue 0\n  }"), 6, 27, "Line 6: continue level must be a positive integer"),
  sem("break -1", "R-CTRL-1", B("  o.xs <- i.xs[] as x {\n    .a <- x.a ?? break -1\n  }"), 6, 24, "Line 6: break level must be a positive integer"),
  sem("invalid JSON object in a fallback", "R-FALL-2", B("  o.a <- i.a || {a: 1}"), 5, 17, "Line 5: Invalid JSON literal {a: 1}:"),
  sem("invalid JSON array in catch", "R-FALL-2", B("  o.a <- i.a catch [1,]"), 5, 20, 'Line 5: Invalid JSON literal [1,]:'),
  sem("invalid on error JSON (Q-45)", "Q-45", "version 1.5\ntool t from x {\n  on error = {bad}\n}", 3, 14, "Line 3: Invalid JSON value for on error: {bad}"),
  sem("on error JSON with a trailing comma (Q-45)", "Q-45", "version 1.5\ntool t from x {\n  on error = [1,]\n}", 3, 14, "Line 3: Invalid JSON value for on error: [1,]"),
  sem("continue outside an array body (Q-35)", "Q-35", B("  o.a <- i.a ?? continue"), 5, 17, "Line 5: continue is only allowed inside an array mapping body"),
  sem("break level larger than the nesting (Q-35)", "Q-35", B("  o.xs <- i.xs[] as x {\n    .a <- x.a ?? break 2\n  }"), 6, 18, "Line 6: break 2 exceeds the 1 enclosing array mapping"),
  sem("write to an input handle (Q-18)", "Q-18", B("  i.a <- i.b"), 5, 3, 'Line 5: Cannot write to input handle "i"'),
  sem("read through the output handle (Q-18)", "Q-18", B("  o.a <- o.b"), 5, 10, 'Line 5: Cannot read from output handle "o"; the output can only be written'),
  sem("force of the input handle (Q-24)", "Q-24", B("  force i"), 5, 9, 'Line 5: Cannot force input handle "i"; only tool handles and aliases can be forced'),
  sem("output-handle wire inside an array body (Q-36)", "Q-36", B("  o.xs <- i.xs[] as x {\n    o.a <- x.a\n  }"), 6, 5, 'Line 6: Cannot write to output handle "o" inside an array body; use an element line such as ".field <- …"'),
  sem("alias in a tool body (Q-08)", "Q-08", "version 1.5\ntool t from x {\n  with context as c\n  alias a <- c.x\n}", 4, 3, "Line 4, column 3: `alias` is not supported inside tool blocks (Q-08)"),
  sem("spread in a nested tool scope block (Q-08)", "Q-08", "version 1.5\ntool t from x {\n  with context as c\n  .a {\n    ... <- c.x\n  }\n}", 5, 5, "Line 5, column 5: a spread inside a nested scope block of a tool body is not supported (Q-08); spread at the top of the tool body instead"),
  sem("array mapping on a self-wire (Q-08)", "Q-08", "version 1.5\ntool t from x {\n  with context as c\n  .a <- c.xs[] as x {\n    .b <- x\n  }\n}", 4, 13, "Line 4, column 13: array mapping is not supported inside tool blocks (Q-08); map the array in the bridge instead"),
  sem("force of a define handle (Q-16)", "Q-16", "version 1.5\ndefine d {\n  with input as i\n  with output as o\n  o.a <- i.a\n}\nbridge Query.run {\n  with d\n  with output as o\n  force d\n  o.a <- d.a\n}", 10, 9, 'Line 10: Cannot force define handle "d"; only tool handles and aliases can be forced'),
  sem("define as a pipe stage (Q-16)", "Q-16", "version 1.5\ndefine d {\n  with input as i\n  with output as o\n  o.a <- i.a\n}\nbridge Query.run {\n  with d\n  with input as i\n  with output as o\n  o.a <- d:i.a\n}", 11, 10, 'Line 11: Pipe handle "d" must reference a tool, got "define"'),
  sem("array body wiring an outer tool (Q-38)", "Q-38", "version 1.5\nbridge Query.run {\n  with input as i\n  with output as o\n  with t\n  o.xs <- i.xs[] as x {\n    t.a <- x\n    .b <- t.c\n  }\n}", 7, 5, 'Line 7: Cannot wire outer handle "t" from inside an array body; loop-scoped wires may only target handles declared in the same array body'),
  sem("version tag on a non-tool handle", "R-WITH-7", "version 1.5\nbridge Query.run {\n  with input@1 as i\n}", 3, 13, "Line 3, column 13: a version tag is only valid on a tool reference (R-WITH-7)"),
];

const MAX_SOURCE = 4 * 1024 * 1024;
const NESTING = "nesting exceeds the parser limit maxNesting (256 nested blocks, brackets or parentheses)";

/** A document of exactly `length` characters: a version line and one long comment. */
const sized = (length: number) => () => `version 1.5\n#${"x".repeat(length - 13)}`;

/** `levels` nested scope blocks inside the bridge body: `levels + 1` nested `{`. */
const scopes = (levels: number) => () =>
  `version 1.5\nbridge Query.run {\n  with output as o\n  o.a ${"{\n.a ".repeat(levels - 1)}{\n.leaf = 1\n${"}\n".repeat(levels)}}`;

/** `depth` nested parenthesised sub-expressions on one wire (each starts with a reference). */
const parens = (depth: number) => () => B(`  o.a <- ${"(i.a + ".repeat(depth)}1${")".repeat(depth)}`);

/** A const holding `depth` nested arrays. */
const brackets = (depth: number) => () => `version 1.5\nconst c = ${"[".repeat(depth)}${"]".repeat(depth)}`;

const OPERATORS = "expression exceeds the parser limit maxOperators (1024 operators in one expression)";

/** One wire with `count` binary operators. */
const operators = (count: number) => () => B(`  o.a <- i.a${" + i.a".repeat(count)}`);

export const limits: MalformedCase[] = [
  lim("source of 4 MB + 1 character", "D-4", sized(MAX_SOURCE + 1), 1, 1, `Source too large: ${MAX_SOURCE + 1} characters exceeds the parser limit maxSourceLength (${MAX_SOURCE}, 4 MB)`),
  lim("256 nested scope blocks (257 braces)", "D-4", scopes(256), 259, 4, `Line 259, column 4: ${NESTING}`),
  lim("5,000 nested scope blocks", "D-4", scopes(5_000), 259, 4, `Line 259, column 4: ${NESTING}`),
  lim("5,000 unclosed scope blocks", "D-4", () => `version 1.5\nbridge Query.run {\n${"o.a {\n".repeat(5_000)}`, 258, 5, `Line 258, column 5: ${NESTING}`),
  lim("256 nested parentheses (257 with the body)", "D-4", parens(256), 5, 1_795, `Line 5, column 1795: ${NESTING}`),
  lim("257 nested const arrays", "D-4", brackets(257), 2, 267, `Line 2, column 267: ${NESTING}`),
  lim("100,000 nested const arrays", "D-4", brackets(100_000), 2, 267, `Line 2, column 267: ${NESTING}`),
  lim("1,025 operators in one expression", "D-4", operators(1_025), 5, 6_158, `Line 5, column 6158: ${OPERATORS}`),
  lim("100,000 operators in one expression", "D-4", operators(100_000), 5, 6_158, `Line 5, column 6158: ${OPERATORS}`),
];

export const validEdges: ValidEdgeCase[] = [
  { name: "source of exactly 4 MB parses", rule: "D-4", source: sized(MAX_SOURCE) },
  { name: "255 nested scope blocks (256 braces) parse", rule: "D-4", source: scopes(255) },
  { name: "255 nested parentheses (256 with the body) parse", rule: "D-4", source: parens(255) },
  { name: "256 nested const arrays parse", rule: "D-4", source: brackets(256) },
  { name: "1,024 operators in one expression parse", rule: "D-4", source: operators(1_024) },
];

export const malformedGroups: Record<MalformedKind, MalformedCase[]> = { lexical, syntactic, semantic, limit: limits };
