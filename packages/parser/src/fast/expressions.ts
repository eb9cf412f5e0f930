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
    const c = n.children;
    if (this.at(T.Not)) c.Not = [this.take(T.Not)];
    if (this.at(T.StringLit)) c.StringLit = [this.take(T.StringLit)];
    else if (this.at(T.LParen)) c.paren = [this.paren()];
    else if (this.in(S.Name)) {
      c.Name = [this.takeIn(S.Name)];
      while ((this.continuesPath() || this.at(T.Colon)) && (this.in(S.Sep) || this.at(T.Colon) || (this.at(T.LBracket) && this.at(T.NumberLit, 2)))) {
        this.step(c, true);
      }
    } else throw MISMATCH;
    this.ops(c);
    if (this.at(T.Question)) c.ternary = [this.ternary()];
    if (this.at(T.LBracket)) c.mapping = [this.mapping()];
    while (this.in(S.GateTok)) (c.gate ??= []).push(this.gate());
    if (this.at(T.Catch)) {
      c.Catch = [this.take(T.Catch)];
      c.alt = [this.alt()];
    }
    return this.close(n);
  }

  /** One step of a path into the children `c`: `sep segment` | `[ NUMBER ]` | (pipes) `: name`. */
  private step(c: CstNode["children"], pipes: boolean): void {
    if (this.in(S.Sep)) {
      (c.Sep ??= []).push(this.takeIn(S.Sep));
      (c.Segment ??= []).push(this.takeIn(S.Segment));
    } else if (this.at(T.LBracket)) {
      (c.LBracket ??= []).push(this.take(T.LBracket));
      (c.NumberLit ??= []).push(this.take(T.NumberLit));
      (c.RBracket ??= []).push(this.take(T.RBracket));
    } else if (pipes && this.at(T.Colon)) {
      (c.Colon ??= []).push(this.take(T.Colon));
      (c.Name ??= []).push(this.takeIn(S.Name));
    } else throw MISMATCH;
  }

  /** `{ op , operand }` into the children `c` */
  private ops(c: CstNode["children"]): void {
    while (this.in(S.BinOp)) {
      (c.BinOp ??= []).push(this.takeIn(S.BinOp));
      (c.operand ??= []).push(this.operand());
    }
  }

  /** paren = "(" , [ "not" ] , source , { op , operand } , ")" */
  private paren(): CstNode {
    const n = this.open("paren");
    const c = n.children;
    c.LParen = [this.take(T.LParen)];
    if (this.at(T.Not)) c.Not = [this.take(T.Not)];
    c.source = [this.source()];
    this.ops(c);
    c.RParen = [this.take(T.RParen)];
    return this.close(n);
  }

  /** operand = LITERAL | paren | source */
  private operand(): CstNode {
    const n = this.open("operand");
    const c = n.children;
    if (this.in(S.LiteralTok)) c.LiteralTok = [this.takeIn(S.LiteralTok)];
    else if (this.at(T.LParen)) c.paren = [this.paren()];
    else if (this.in(S.Name)) c.source = [this.source()];
    else throw MISMATCH;
    return this.close(n);
  }

  /** ternary = "?" , branch , ":" , branch */
  private ternary(): CstNode {
    const n = this.open("ternary");
    const c = n.children;
    c.Question = [this.take(T.Question)];
    c.then = [this.branch()];
    c.Colon = [this.take(T.Colon)];
    c.else = [this.branch()];
    return this.close(n);
  }

  /** branch = LITERAL | address */
  private branch(): CstNode {
    const n = this.open("branch");
    const c = n.children;
    if (this.in(S.LiteralTok)) c.LiteralTok = [this.takeIn(S.LiteralTok)];
    else if (this.in(S.Name)) c.address = [this.address()];
    else throw MISMATCH;
    return this.close(n);
  }

  /** gate = ( "||" | "??" ) , alt , [ mapping ] */
  private gate(): CstNode {
    const n = this.open("gate");
    const c = n.children;
    c.GateTok = [this.takeIn(S.GateTok)];
    c.alt = [this.alt()];
    if (this.at(T.LBracket)) c.mapping = [this.mapping()];
    return this.close(n);
  }

  /** alt = "throw" STRING | "panic" STRING | "continue" [NUMBER] | "break" [NUMBER] | LITERAL | jsonObject | jsonArray | name { step } { op operand } */
  private alt(): CstNode {
    const n = this.open("alt");
    const c = n.children;
    if (this.at(T.Throw)) {
      c.Throw = [this.take(T.Throw)];
      c.StringLit = [this.take(T.StringLit)];
    } else if (this.at(T.Panic)) {
      c.Panic = [this.take(T.Panic)];
      c.StringLit = [this.take(T.StringLit)];
    } else if (this.at(T.Continue)) {
      c.Continue = [this.take(T.Continue)];
      if (this.at(T.NumberLit)) c.NumberLit = [this.take(T.NumberLit)];
    } else if (this.at(T.Break)) {
      c.Break = [this.take(T.Break)];
      if (this.at(T.NumberLit)) c.NumberLit = [this.take(T.NumberLit)];
    } else if (this.in(S.LiteralTok)) c.LiteralTok = [this.takeIn(S.LiteralTok)];
    else if (this.at(T.LCurly)) c.jsonObject = [this.jsonObject()];
    else if (this.at(T.LBracket)) c.jsonArray = [this.jsonArray()];
    else if (this.in(S.Name)) {
      c.Name = [this.takeIn(S.Name)];
      while ((this.continuesPath() || this.at(T.Colon)) && (this.in(S.Sep) || this.at(T.LBracket) || this.at(T.Colon))) this.step(c, true);
      this.ops(c);
    } else throw MISMATCH;
    return this.close(n);
  }

  /** source = name , { step | ":" , name } */
  protected source(): CstNode {
    const n = this.open("source");
    const c = n.children;
    c.Name = [this.takeIn(S.Name)];
    while ((this.continuesPath() || this.at(T.Colon)) && (this.in(S.Sep) || this.at(T.LBracket) || this.at(T.Colon))) this.step(c, true);
    return this.close(n);
  }

  /** address = name , { step } */
  private address(): CstNode {
    const n = this.open("address");
    const c = n.children;
    c.Name = [this.takeIn(S.Name)];
    while (this.continuesPath() && (this.in(S.Sep) || this.at(T.LBracket))) this.step(c, false);
    return this.close(n);
  }

  /** dotted = name , { "." , name }   (on one line) */
  protected dotted(): CstNode {
    const n = this.open("dotted");
    const c = n.children;
    const names = [this.takeIn(S.Name)];
    c.Name = names;
    while (this.at(T.Dot) && this.la(1).startLine === this.tokens[this.pos - 1]!.endLine) {
      (c.Dot ??= []).push(this.take(T.Dot));
      names.push(this.takeIn(S.Name));
    }
    return this.close(n);
  }

  /** json = STRING | NUMBER | "true" | "false" | "null" | jsonObject | jsonArray */
  protected json(): CstNode {
    const n = this.open("json");
    const c = n.children;
    const t = this.t();
    if (t === T.StringLit.tokenTypeIdx) c.StringLit = [this.take(T.StringLit)];
    else if (t === T.NumberLit.tokenTypeIdx) c.NumberLit = [this.take(T.NumberLit)];
    else if (t === T.True.tokenTypeIdx) c.True = [this.take(T.True)];
    else if (t === T.False.tokenTypeIdx) c.False = [this.take(T.False)];
    else if (t === T.Null.tokenTypeIdx) c.Null = [this.take(T.Null)];
    else if (t === T.LCurly.tokenTypeIdx) c.jsonObject = [this.jsonObject()];
    else if (t === T.LBracket.tokenTypeIdx) c.jsonArray = [this.jsonArray()];
    else throw MISMATCH;
    return this.close(n);
  }

  /** jsonObject = "{" , { jsonInner } , "}" */
  private jsonObject(): CstNode {
    const n = this.open("jsonObject");
    const c = n.children;
    c.LCurly = [this.take(T.LCurly)];
    while (this.at(T.LCurly) || this.at(T.LBracket) || this.in(S.JsonAtom)) (c.jsonInner ??= []).push(this.jsonInner());
    c.RCurly = [this.take(T.RCurly)];
    return this.close(n);
  }

  /** jsonArray = "[" , { jsonInner } , "]" */
  private jsonArray(): CstNode {
    const n = this.open("jsonArray");
    const c = n.children;
    c.LBracket = [this.take(T.LBracket)];
    while (this.at(T.LCurly) || this.at(T.LBracket) || this.in(S.JsonAtom)) (c.jsonInner ??= []).push(this.jsonInner());
    c.RBracket = [this.take(T.RBracket)];
    return this.close(n);
  }

  /** jsonInner = jsonObject | jsonArray | JSON_ATOM */
  private jsonInner(): CstNode {
    const n = this.open("jsonInner");
    const c = n.children;
    if (this.at(T.LCurly)) c.jsonObject = [this.jsonObject()];
    else if (this.at(T.LBracket)) c.jsonArray = [this.jsonArray()];
    else c.JsonAtom = [this.takeIn(S.JsonAtom)];
    return this.close(n);
  }
}
