/**
 * A hand-written recursive-descent parser for the grammar of `grammar.ts`
 * that builds the same CST as the chevrotain parser does for every input
 * chevrotain accepts. It exists for speed: it needs no grammar recording or
 * lookahead computation at start-up and far less work per token. On the
 * first token it cannot accept it gives up (`parseCst` returns
 * `undefined`) and the caller parses with chevrotain, whose errors and
 * recovery stay the reference behaviour.
 */
import type { CstNode, IToken } from "chevrotain";
import * as T from "../lexer.js";
import { MISMATCH, S } from "./cursor.js";
import { ExpressionParser } from "./expressions.js";

/** Kinds of body lines, by the first tokens (the alternatives chevrotain computes for `bodyLine`, `mapping` and tool bodies). */
type Line = "withDecl" | "force" | "alias" | "wire" | "onError" | "scopeLine" | "spread";

class StatementParser extends ExpressionParser {
  /** document = version , NUMBER , { const | tool | define | bridge } */
  document(): CstNode {
    const n = this.open("document");
    const c = n.children;
    c.Version = [this.take(T.Version)];
    c.versionNumber = [this.take(T.NumberLit)];
    for (;;) {
      const t = this.t();
      if (t === T.Const.tokenTypeIdx) (c.constBlock ??= []).push(this.constBlock());
      else if (t === T.Tool.tokenTypeIdx) (c.toolBlock ??= []).push(this.toolBlock());
      else if (t === T.Define.tokenTypeIdx) (c.defineBlock ??= []).push(this.defineBlock());
      else if (t === T.Bridge.tokenTypeIdx) (c.bridgeBlock ??= []).push(this.bridgeBlock());
      else break;
    }
    return this.close(n);
  }

  private constBlock(): CstNode {
    const n = this.open("constBlock");
    const c = n.children;
    c.Const = [this.take(T.Const)];
    c.Name = [this.takeIn(S.Name)];
    c.Equals = [this.take(T.Equals)];
    c.json = [this.json()];
    return this.close(n);
  }

  private toolBlock(): CstNode {
    const n = this.open("toolBlock");
    const c = n.children;
    c.Tool = [this.take(T.Tool)];
    c.name = [this.dotted()];
    c.From = [this.take(T.From)];
    c.source = [this.dotted()];
    if (this.at(T.LCurly)) {
      c.LCurly = [this.take(T.LCurly)];
      for (let line = this.toolLine(); line; line = this.toolLine()) this.line(c, line);
      c.RCurly = [this.take(T.RCurly)];
    }
    return this.close(n);
  }

  /** The statement a tool body line starts, if it starts one. */
  private toolLine(): Line | undefined {
    if (this.at(T.On) && this.at(T.ErrorKw, 2)) return "onError";
    if (this.at(T.Dot)) return "scopeLine";
    if (this.at(T.Ellipsis)) return "spread";
    const t = this.t();
    if (t === T.On.tokenTypeIdx || t === T.Force.tokenTypeIdx || t === T.With.tokenTypeIdx || t === T.Alias.tokenTypeIdx || this.in(S.Name)) {
      return this.bodyLine() ?? (() => { throw MISMATCH; })();
    }
    return undefined;
  }

  /** `bodyLine = with | force | alias | wire`, undefined if the next token starts none of them. */
  private bodyLine(): Line | undefined {
    if (this.at(T.With) && this.in(S.Name, 2)) return "withDecl";
    if (this.at(T.Force)) return "force";
    if (this.at(T.Alias) && this.in(S.Name, 2)) return "alias";
    if (this.in(S.Name) && this.startsWireTail(2)) return "wire";
    return undefined;
  }

  /** Does the k-th token continue a wire target (`Sep`, `[`) or start its tail (`=`, `<-`, `{`)? */
  private startsWireTail(k: number): boolean {
    const t = this.t(k);
    return S.Sep[t] === 1 || t === T.LBracket.tokenTypeIdx || t === T.Equals.tokenTypeIdx || t === T.Arrow.tokenTypeIdx || t === T.LCurly.tokenTypeIdx;
  }

  /** Lines of a define or bridge body: `{ bodyLine }` (the loop is entered on With, Force, Alias or a name). */
  private bodyLines(c: CstNode["children"]): void {
    for (;;) {
      const t = this.t();
      if (!(t === T.With.tokenTypeIdx || t === T.Force.tokenTypeIdx || t === T.Alias.tokenTypeIdx || S.Name[t] === 1)) return;
      this.line(c, this.bodyLine() ?? (() => { throw MISMATCH; })());
    }
  }

  private line(c: CstNode["children"], line: Line): void {
    switch (line) {
      case "withDecl": (c.withDecl ??= []).push(this.withDecl()); return;
      case "force": (c.force ??= []).push(this.force()); return;
      case "alias": (c.alias ??= []).push(this.alias()); return;
      case "wire": (c.wire ??= []).push(this.wire()); return;
      case "onError": (c.onError ??= []).push(this.onError()); return;
      case "scopeLine": (c.scopeLine ??= []).push(this.scopeLine()); return;
      default: (c.spread ??= []).push(this.spread());
    }
  }

  private onError(): CstNode {
    const n = this.open("onError");
    const c = n.children;
    c.On = [this.take(T.On)];
    c.Error = [this.take(T.ErrorKw)];
    if (this.at(T.Equals)) {
      c.Equals = [this.take(T.Equals)];
      c.json = [this.json()];
    } else {
      c.Arrow = [this.take(T.Arrow)];
      c.dotted = [this.dotted()];
    }
    return this.close(n);
  }

  private defineBlock(): CstNode {
    const n = this.open("defineBlock");
    const c = n.children;
    c.Define = [this.take(T.Define)];
    c.Name = [this.takeIn(S.Name)];
    c.LCurly = [this.take(T.LCurly)];
    this.bodyLines(c);
    c.RCurly = [this.take(T.RCurly)];
    return this.close(n);
  }

  private bridgeBlock(): CstNode {
    const n = this.open("bridgeBlock");
    const c = n.children;
    c.Bridge = [this.take(T.Bridge)];
    c.type = [this.takeIn(S.Name)];
    c.Dot = [this.take(T.Dot)];
    c.field = [this.takeIn(S.Name)];
    if (this.at(T.With)) {
      c.With = [this.take(T.With)];
      c.dotted = [this.dotted()];
    } else {
      c.LCurly = [this.take(T.LCurly)];
      this.bodyLines(c);
      c.RCurly = [this.take(T.RCurly)];
    }
    return this.close(n);
  }

  /** with = "with" , dotted , [ VERSION_TAG ] , [ "as" , name ] , [ "memoize" ] */
  private withDecl(): CstNode {
    const n = this.open("withDecl");
    const c = n.children;
    c.With = [this.take(T.With)];
    c.dotted = [this.dotted()];
    if (this.at(T.VersionTag)) c.VersionTag = [this.take(T.VersionTag)];
    if (this.at(T.As)) {
      c.As = [this.take(T.As)];
      c.Name = [this.takeIn(S.Name)];
    }
    if (this.at(T.Memoize)) c.Memoize = [this.take(T.Memoize)];
    return this.close(n);
  }

  /** force = "force" , name , [ "catch" , "null" ] */
  private force(): CstNode {
    const n = this.open("force");
    const c = n.children;
    c.Force = [this.take(T.Force)];
    c.Name = [this.takeIn(S.Name)];
    if (this.at(T.Catch)) {
      c.Catch = [this.take(T.Catch)];
      c.Null = [this.take(T.Null)];
    }
    return this.close(n);
  }

  /** alias = "alias" , name , "<-" , rhs */
  private alias(): CstNode {
    const n = this.open("alias");
    const c = n.children;
    c.Alias = [this.take(T.Alias)];
    c.Name = [this.takeIn(S.Name)];
    c.Arrow = [this.take(T.Arrow)];
    c.rhs = [this.rhs()];
    return this.close(n);
  }

  /** wire = name , { sep segment | "[" NUMBER "]" } , wireTail */
  private wire(): CstNode {
    const n = this.open("wire");
    const c = n.children;
    c.Name = [this.takeIn(S.Name)];
    while (this.continuesPath() && (this.in(S.Sep) || this.at(T.LBracket))) {
      if (this.in(S.Sep)) {
        (c.Sep ??= []).push(this.takeIn(S.Sep));
        (c.Segment ??= []).push(this.takeIn(S.Segment));
      } else {
        (c.LBracket ??= []).push(this.take(T.LBracket));
        (c.NumberLit ??= []).push(this.take(T.NumberLit));
        (c.RBracket ??= []).push(this.take(T.RBracket));
      }
    }
    this.wireTail(c);
    return this.close(n);
  }

  /** wireTail = "=" , bare | "<-" , rhs | "{" , { alias | scopeLine | spread } , "}"   (into the children `c`) */
  private wireTail(c: CstNode["children"]): void {
    if (this.at(T.Equals)) {
      c.Equals = [this.take(T.Equals)];
      c.BareValue = [this.takeIn(S.BareValue)];
    } else if (this.at(T.Arrow)) {
      c.Arrow = [this.take(T.Arrow)];
      c.rhs = [this.rhs()];
    } else {
      c.LCurly = [this.take(T.LCurly)];
      for (;;) {
        if (this.at(T.Alias)) (c.alias ??= []).push(this.alias());
        else if (this.at(T.Dot)) (c.scopeLine ??= []).push(this.scopeLine());
        else if (this.at(T.Ellipsis)) (c.spread ??= []).push(this.spread());
        else break;
      }
      c.RCurly = [this.take(T.RCurly)];
    }
  }

  /** scopeLine = "." , segment , { ( "." | "?." ) , segment } , wireTail */
  private scopeLine(): CstNode {
    const n = this.open("scopeLine");
    const c = n.children;
    const dots = [this.take(T.Dot)];
    c.Dot = dots;
    const segments = [this.takeIn(S.Segment)];
    c.Segment = segments;
    // Stryker disable next-line ConditionalExpression: continuesPath() is true only at `[` or at `.`/`?.`, so after !at(`[`) the `.`/`?.` test always holds (kept to mirror the grammar)
    while (this.continuesPath() && !this.at(T.LBracket) && (this.at(T.Dot) || this.at(T.QDot))) {
      if (this.at(T.Dot)) dots.push(this.take(T.Dot));
      else (c.QDot ??= []).push(this.take(T.QDot));
      segments.push(this.takeIn(S.Segment));
    }
    this.wireTail(c);
    return this.close(n);
  }

  /** spread = "..." , "<-" , source */
  private spread(): CstNode {
    const n = this.open("spread");
    const c = n.children;
    c.Ellipsis = [this.take(T.Ellipsis)];
    c.Arrow = [this.take(T.Arrow)];
    c.source = [this.source()];
    return this.close(n);
  }

  /** mapping = "[" , "]" , "as" , name , "{" , { alias | with | spread | scopeLine | wire } , "}" */
  protected mapping(): CstNode {
    const n = this.open("mapping");
    const c = n.children;
    c.LBracket = [this.take(T.LBracket)];
    c.RBracket = [this.take(T.RBracket)];
    c.As = [this.take(T.As)];
    c.Name = [this.takeIn(S.Name)];
    c.LCurly = [this.take(T.LCurly)];
    for (;;) {
      const t = this.t();
      if (!(t === T.Alias.tokenTypeIdx || t === T.With.tokenTypeIdx || t === T.Ellipsis.tokenTypeIdx || t === T.Dot.tokenTypeIdx || S.Name[t] === 1)) break;
      if (this.at(T.Alias) && this.in(S.Name, 2)) (c.alias ??= []).push(this.alias());
      else if (this.at(T.With) && this.in(S.Name, 2)) (c.withDecl ??= []).push(this.withDecl());
      else if (this.at(T.Ellipsis)) (c.spread ??= []).push(this.spread());
      else if (this.at(T.Dot)) (c.scopeLine ??= []).push(this.scopeLine());
      else if (this.in(S.Name) && this.startsWireTail(2)) (c.wire ??= []).push(this.wire());
      else throw MISMATCH;
    }
    c.RCurly = [this.take(T.RCurly)];
    return this.close(n);
  }
}

/**
 * One parser for every call: optimised code embeds the parser's hidden class
 * only weakly, so with short-lived parsers each full GC (when no parser is
 * alive) would throw that code away.
 */
const parser = new StatementParser();

/** The CST of `tokens` as chevrotain's `document` rule builds it, or `undefined` if the tokens are not a valid document. */
export function parseCst(tokens: IToken[]): CstNode | undefined {
  parser.reset(tokens);
  try {
    const cst = parser.document();
    return parser.done ? cst : undefined;
  } catch (e) {
    if (e === MISMATCH) return undefined;
    throw e;
  } finally {
    parser.reset([]);
  }
}
