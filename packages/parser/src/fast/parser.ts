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
    this.eat(n, T.Version);
    this.eat(n, T.NumberLit, "versionNumber");
    for (;;) {
      const t = this.t();
      if (t === T.Const.tokenTypeIdx) this.add(n, "constBlock", this.constBlock());
      else if (t === T.Tool.tokenTypeIdx) this.add(n, "toolBlock", this.toolBlock());
      else if (t === T.Define.tokenTypeIdx) this.add(n, "defineBlock", this.defineBlock());
      else if (t === T.Bridge.tokenTypeIdx) this.add(n, "bridgeBlock", this.bridgeBlock());
      else break;
    }
    return this.close(n);
  }

  private constBlock(): CstNode {
    const n = this.open("constBlock");
    this.eat(n, T.Const);
    this.eatIn(n, S.Name, "Name");
    this.eat(n, T.Equals);
    this.add(n, "json", this.json());
    return this.close(n);
  }

  private toolBlock(): CstNode {
    const n = this.open("toolBlock");
    this.eat(n, T.Tool);
    this.add(n, "name", this.dotted());
    this.eat(n, T.From);
    this.add(n, "source", this.dotted());
    if (this.at(T.LCurly)) {
      this.eat(n, T.LCurly);
      for (let line = this.toolLine(); line; line = this.toolLine()) this.line(n, line);
      this.eat(n, T.RCurly);
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
  private bodyLines(n: CstNode): void {
    for (;;) {
      const t = this.t();
      if (!(t === T.With.tokenTypeIdx || t === T.Force.tokenTypeIdx || t === T.Alias.tokenTypeIdx || S.Name[t] === 1)) return;
      this.line(n, this.bodyLine() ?? (() => { throw MISMATCH; })());
    }
  }

  private line(n: CstNode, line: Line): void {
    switch (line) {
      case "withDecl": return this.add(n, line, this.withDecl());
      case "force": return this.add(n, line, this.force());
      case "alias": return this.add(n, line, this.alias());
      case "wire": return this.add(n, line, this.wire());
      case "onError": return this.add(n, line, this.onError());
      case "scopeLine": return this.add(n, line, this.scopeLine());
      default: return this.add(n, line, this.spread());
    }
  }

  private onError(): CstNode {
    const n = this.open("onError");
    this.eat(n, T.On);
    this.eat(n, T.ErrorKw);
    if (this.at(T.Equals)) {
      this.eat(n, T.Equals);
      this.add(n, "json", this.json());
    } else {
      this.eat(n, T.Arrow);
      this.add(n, "dotted", this.dotted());
    }
    return this.close(n);
  }

  private defineBlock(): CstNode {
    const n = this.open("defineBlock");
    this.eat(n, T.Define);
    this.eatIn(n, S.Name, "Name");
    this.eat(n, T.LCurly);
    this.bodyLines(n);
    this.eat(n, T.RCurly);
    return this.close(n);
  }

  private bridgeBlock(): CstNode {
    const n = this.open("bridgeBlock");
    this.eat(n, T.Bridge);
    this.eatIn(n, S.Name, "type");
    this.eat(n, T.Dot);
    this.eatIn(n, S.Name, "field");
    if (this.at(T.With)) {
      this.eat(n, T.With);
      this.add(n, "dotted", this.dotted());
    } else {
      this.eat(n, T.LCurly);
      this.bodyLines(n);
      this.eat(n, T.RCurly);
    }
    return this.close(n);
  }

  /** with = "with" , dotted , [ VERSION_TAG ] , [ "as" , name ] , [ "memoize" ] */
  private withDecl(): CstNode {
    const n = this.open("withDecl");
    this.eat(n, T.With);
    this.add(n, "dotted", this.dotted());
    if (this.at(T.VersionTag)) this.eat(n, T.VersionTag);
    if (this.at(T.As)) {
      this.eat(n, T.As);
      this.eatIn(n, S.Name, "Name");
    }
    if (this.at(T.Memoize)) this.eat(n, T.Memoize);
    return this.close(n);
  }

  /** force = "force" , name , [ "catch" , "null" ] */
  private force(): CstNode {
    const n = this.open("force");
    this.eat(n, T.Force);
    this.eatIn(n, S.Name, "Name");
    if (this.at(T.Catch)) {
      this.eat(n, T.Catch);
      this.eat(n, T.Null);
    }
    return this.close(n);
  }

  /** alias = "alias" , name , "<-" , rhs */
  private alias(): CstNode {
    const n = this.open("alias");
    this.eat(n, T.Alias);
    this.eatIn(n, S.Name, "Name");
    this.eat(n, T.Arrow);
    this.add(n, "rhs", this.rhs());
    return this.close(n);
  }

  /** wire = name , { sep segment | "[" NUMBER "]" } , wireTail */
  private wire(): CstNode {
    const n = this.open("wire");
    this.eatIn(n, S.Name, "Name");
    while (this.continuesPath() && (this.in(S.Sep) || this.at(T.LBracket))) {
      if (this.in(S.Sep)) {
        this.eatIn(n, S.Sep, "Sep");
        this.eatIn(n, S.Segment, "Segment");
      } else {
        this.eat(n, T.LBracket);
        this.eat(n, T.NumberLit);
        this.eat(n, T.RBracket);
      }
    }
    this.wireTail(n);
    return this.close(n);
  }

  /** wireTail = "=" , bare | "<-" , rhs | "{" , { alias | scopeLine | spread } , "}" */
  private wireTail(n: CstNode): void {
    if (this.at(T.Equals)) {
      this.eat(n, T.Equals);
      this.eatIn(n, S.BareValue, "BareValue");
    } else if (this.at(T.Arrow)) {
      this.eat(n, T.Arrow);
      this.add(n, "rhs", this.rhs());
    } else {
      this.eat(n, T.LCurly);
      for (;;) {
        if (this.at(T.Alias)) this.add(n, "alias", this.alias());
        else if (this.at(T.Dot)) this.add(n, "scopeLine", this.scopeLine());
        else if (this.at(T.Ellipsis)) this.add(n, "spread", this.spread());
        else break;
      }
      this.eat(n, T.RCurly);
    }
  }

  /** scopeLine = "." , segment , { ( "." | "?." ) , segment } , wireTail */
  private scopeLine(): CstNode {
    const n = this.open("scopeLine");
    this.eat(n, T.Dot);
    this.eatIn(n, S.Segment, "Segment");
    while (this.continuesPath() && !this.at(T.LBracket) && (this.at(T.Dot) || this.at(T.QDot))) {
      this.eat(n, this.at(T.Dot) ? T.Dot : T.QDot);
      this.eatIn(n, S.Segment, "Segment");
    }
    this.wireTail(n);
    return this.close(n);
  }

  /** spread = "..." , "<-" , source */
  private spread(): CstNode {
    const n = this.open("spread");
    this.eat(n, T.Ellipsis);
    this.eat(n, T.Arrow);
    this.add(n, "source", this.source());
    return this.close(n);
  }

  /** mapping = "[" , "]" , "as" , name , "{" , { alias | with | spread | scopeLine | wire } , "}" */
  protected mapping(): CstNode {
    const n = this.open("mapping");
    this.eat(n, T.LBracket);
    this.eat(n, T.RBracket);
    this.eat(n, T.As);
    this.eatIn(n, S.Name, "Name");
    this.eat(n, T.LCurly);
    for (;;) {
      const t = this.t();
      if (!(t === T.Alias.tokenTypeIdx || t === T.With.tokenTypeIdx || t === T.Ellipsis.tokenTypeIdx || t === T.Dot.tokenTypeIdx || S.Name[t] === 1)) break;
      if (this.at(T.Alias) && this.in(S.Name, 2)) this.add(n, "alias", this.alias());
      else if (this.at(T.With) && this.in(S.Name, 2)) this.add(n, "withDecl", this.withDecl());
      else if (this.at(T.Ellipsis)) this.add(n, "spread", this.spread());
      else if (this.at(T.Dot)) this.add(n, "scopeLine", this.scopeLine());
      else if (this.in(S.Name) && this.startsWireTail(2)) this.add(n, "wire", this.wire());
      else throw MISMATCH;
    }
    this.eat(n, T.RCurly);
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
