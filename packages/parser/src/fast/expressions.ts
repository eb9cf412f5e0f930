/**
 * Expression rules of the hand-written parser: `rhs`, `paren`, `operand`,
 * `ternary`, `branch`, `gate`, `alt`, `source`, `address`, `dotted` and the
 * JSON rules. Each mirrors the rule of the same name in `grammar.ts`; every
 * decision tests the tokens chevrotain's LL(3) lookahead computes for that
 * decision (see `test/fast-parser.test.ts`), and the gates are the same.
 */
import type { CstNode } from "chevrotain";
import * as T from "../lexer.js";
import { Cursor, MISMATCH, S } from "./cursor.js";

export abstract class ExpressionParser extends Cursor {
  /** `mapping` (declared with the statements it contains). */
  protected abstract mapping(): CstNode;

  /** rhs = [ "not" ] , ( STRING | paren | name , { step } ) , { op , operand } , [ ternary ] , [ mapping ] , { gate } , [ "catch" , alt ] */
  protected rhs(): CstNode {
    const n = this.open("rhs");
    if (this.at(T.Not)) this.eat(n, T.Not);
    if (this.at(T.StringLit)) this.eat(n, T.StringLit);
    else if (this.at(T.LParen)) this.add(n, "paren", this.paren());
    else if (this.in(S.Name)) {
      this.eatIn(n, S.Name, "Name");
      while ((this.continuesPath() || this.at(T.Colon)) && (this.in(S.Sep) || this.at(T.Colon) || (this.at(T.LBracket) && this.at(T.NumberLit, 2)))) {
        this.step(n, true);
      }
    } else throw MISMATCH;
    this.ops(n);
    if (this.at(T.Question)) this.add(n, "ternary", this.ternary());
    if (this.at(T.LBracket)) this.add(n, "mapping", this.mapping());
    while (this.in(S.GateTok)) this.add(n, "gate", this.gate());
    if (this.at(T.Catch)) {
      this.eat(n, T.Catch);
      this.add(n, "alt", this.alt());
    }
    return this.close(n);
  }

  /** One step of a path: `sep segment` | `[ NUMBER ]` | (pipes) `: name`. */
  private step(n: CstNode, pipes: boolean): void {
    if (this.in(S.Sep)) {
      this.eatIn(n, S.Sep, "Sep");
      this.eatIn(n, S.Segment, "Segment");
    } else if (this.at(T.LBracket)) {
      this.eat(n, T.LBracket);
      this.eat(n, T.NumberLit);
      this.eat(n, T.RBracket);
    } else if (pipes && this.at(T.Colon)) {
      this.eat(n, T.Colon);
      this.eatIn(n, S.Name, "Name");
    } else throw MISMATCH;
  }

  /** `{ op , operand }` */
  private ops(n: CstNode): void {
    while (this.in(S.BinOp)) {
      this.eatIn(n, S.BinOp, "BinOp");
      this.add(n, "operand", this.operand());
    }
  }

  /** paren = "(" , [ "not" ] , source , { op , operand } , ")" */
  private paren(): CstNode {
    const n = this.open("paren");
    this.eat(n, T.LParen);
    if (this.at(T.Not)) this.eat(n, T.Not);
    this.add(n, "source", this.source());
    this.ops(n);
    this.eat(n, T.RParen);
    return this.close(n);
  }

  /** operand = LITERAL | paren | source */
  private operand(): CstNode {
    const n = this.open("operand");
    if (this.in(S.LiteralTok)) this.eatIn(n, S.LiteralTok, "LiteralTok");
    else if (this.at(T.LParen)) this.add(n, "paren", this.paren());
    else if (this.in(S.Name)) this.add(n, "source", this.source());
    else throw MISMATCH;
    return this.close(n);
  }

  /** ternary = "?" , branch , ":" , branch */
  private ternary(): CstNode {
    const n = this.open("ternary");
    this.eat(n, T.Question);
    this.add(n, "then", this.branch());
    this.eat(n, T.Colon);
    this.add(n, "else", this.branch());
    return this.close(n);
  }

  /** branch = LITERAL | address */
  private branch(): CstNode {
    const n = this.open("branch");
    if (this.in(S.LiteralTok)) this.eatIn(n, S.LiteralTok, "LiteralTok");
    else if (this.in(S.Name)) this.add(n, "address", this.address());
    else throw MISMATCH;
    return this.close(n);
  }

  /** gate = ( "||" | "??" ) , alt , [ mapping ] */
  private gate(): CstNode {
    const n = this.open("gate");
    this.eatIn(n, S.GateTok, "GateTok");
    this.add(n, "alt", this.alt());
    if (this.at(T.LBracket)) this.add(n, "mapping", this.mapping());
    return this.close(n);
  }

  /** alt = "throw" STRING | "panic" STRING | "continue" [NUMBER] | "break" [NUMBER] | LITERAL | jsonObject | jsonArray | name { step } { op operand } */
  private alt(): CstNode {
    const n = this.open("alt");
    if (this.at(T.Throw) || this.at(T.Panic)) {
      this.eat(n, this.at(T.Throw) ? T.Throw : T.Panic);
      this.eat(n, T.StringLit);
    } else if (this.at(T.Continue) || this.at(T.Break)) {
      this.eat(n, this.at(T.Continue) ? T.Continue : T.Break);
      if (this.at(T.NumberLit)) this.eat(n, T.NumberLit);
    } else if (this.in(S.LiteralTok)) this.eatIn(n, S.LiteralTok, "LiteralTok");
    else if (this.at(T.LCurly)) this.add(n, "jsonObject", this.jsonObject());
    else if (this.at(T.LBracket)) this.add(n, "jsonArray", this.jsonArray());
    else if (this.in(S.Name)) {
      this.eatIn(n, S.Name, "Name");
      while ((this.continuesPath() || this.at(T.Colon)) && (this.in(S.Sep) || this.at(T.LBracket) || this.at(T.Colon))) this.step(n, true);
      this.ops(n);
    } else throw MISMATCH;
    return this.close(n);
  }

  /** source = name , { step | ":" , name } */
  protected source(): CstNode {
    const n = this.open("source");
    this.eatIn(n, S.Name, "Name");
    while ((this.continuesPath() || this.at(T.Colon)) && (this.in(S.Sep) || this.at(T.LBracket) || this.at(T.Colon))) this.step(n, true);
    return this.close(n);
  }

  /** address = name , { step } */
  private address(): CstNode {
    const n = this.open("address");
    this.eatIn(n, S.Name, "Name");
    while (this.continuesPath() && (this.in(S.Sep) || this.at(T.LBracket))) this.step(n, false);
    return this.close(n);
  }

  /** dotted = name , { "." , name }   (on one line) */
  protected dotted(): CstNode {
    const n = this.open("dotted");
    this.eatIn(n, S.Name, "Name");
    while (this.at(T.Dot) && this.la(1).startLine === this.tokens[this.pos - 1]!.endLine) {
      this.eat(n, T.Dot);
      this.eatIn(n, S.Name, "Name");
    }
    return this.close(n);
  }

  /** json = STRING | NUMBER | "true" | "false" | "null" | jsonObject | jsonArray */
  protected json(): CstNode {
    const n = this.open("json");
    const t = this.t();
    if (t === T.StringLit.tokenTypeIdx) this.eat(n, T.StringLit);
    else if (t === T.NumberLit.tokenTypeIdx) this.eat(n, T.NumberLit);
    else if (t === T.True.tokenTypeIdx) this.eat(n, T.True);
    else if (t === T.False.tokenTypeIdx) this.eat(n, T.False);
    else if (t === T.Null.tokenTypeIdx) this.eat(n, T.Null);
    else if (t === T.LCurly.tokenTypeIdx) this.add(n, "jsonObject", this.jsonObject());
    else if (t === T.LBracket.tokenTypeIdx) this.add(n, "jsonArray", this.jsonArray());
    else throw MISMATCH;
    return this.close(n);
  }

  private jsonObject(): CstNode {
    return this.jsonBracketed("jsonObject", T.LCurly, T.RCurly);
  }

  private jsonArray(): CstNode {
    return this.jsonBracketed("jsonArray", T.LBracket, T.RBracket);
  }

  /** jsonObject = "{" , { jsonInner } , "}" ;  jsonArray = "[" , { jsonInner } , "]" */
  private jsonBracketed(name: string, open: typeof T.LCurly, close: typeof T.RCurly): CstNode {
    const n = this.open(name);
    this.eat(n, open);
    while (this.at(T.LCurly) || this.at(T.LBracket) || this.in(S.JsonAtom)) this.add(n, "jsonInner", this.jsonInner());
    this.eat(n, close);
    return this.close(n);
  }

  /** jsonInner = jsonObject | jsonArray | JSON_ATOM */
  private jsonInner(): CstNode {
    const n = this.open("jsonInner");
    if (this.at(T.LCurly)) this.add(n, "jsonObject", this.jsonObject());
    else if (this.at(T.LBracket)) this.add(n, "jsonArray", this.jsonArray());
    else this.eatIn(n, S.JsonAtom, "JsonAtom");
    return this.close(n);
  }
}
