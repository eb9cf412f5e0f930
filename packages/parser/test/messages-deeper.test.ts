/**
 * White-box tests of the "no viable alternative" wording (R-DIAG-2,
 * conventions.md item 7): when the first tokens matched some alternative, the
 * message names what could follow them ("unexpected `alias`: expected a name
 * ... after `alias`, found `1`"); otherwise it lists the first tokens of the
 * alternatives. The real parser reaches the first form (see the
 * `_error_/r-diag-2-*` fixtures, e.g. `alias-without-name`); the edge cases
 * below (a path the tokens match completely, e.g. an alternative its gate
 * rejected, or fewer tokens than a path) are only reachable here.
 */
import type { IToken, TokenType } from "chevrotain";
import { afterEach, describe, expect, test } from "vitest";
import * as T from "../src/lexer.js";
import { errorMessageProvider, setMessageContext } from "../src/messages.js";

/** The message for `source` when the alternatives expected `paths` (one path per alternative). */
function noViableAlt(source: string, paths: TokenType[][], previousIndex = -1): string {
  const tokens = T.lex(source).tokens;
  setMessageContext(tokens, source);
  const actual = previousIndex < 0 ? tokens : tokens.slice(previousIndex + 1);
  return errorMessageProvider.buildNoViableAltMessage({
    expectedPathsPerAlt: paths.map((p) => [p]),
    actual,
    previous: tokens[previousIndex] ?? ({ image: "", startOffset: NaN, tokenType: T.LCurly } as unknown as IToken),
    ruleName: "bodyLine",
  });
}

afterEach(() => setMessageContext([], ""));

describe("buildNoViableAltMessage: deeper mismatch after a matched prefix", () => {
  test("several alternatives tie on the first token: every label that could follow, once each", () => {
    const paths = [[T.With, T.Name], [T.Force], [T.Alias, T.Name], [T.Name, T.Sep], [T.Name, T.Arrow], [T.Name, T.LCurly]];
    expect(noViableAlt("alias 1 }", paths))
      .toBe("unexpected `alias`: expected a name, `.`, `<-` or `{` after `alias`, found `1`");
  });

  test("alternatives that do not match the first token offer nothing (`as` is a name, not `with`/`alias`)", () => {
    const paths = [[T.With, T.Name], [T.Alias, T.Name], [T.Name, T.Equals], [T.Name, T.Arrow]];
    expect(noViableAlt("as } }", paths)).toBe("unexpected `as`: expected `=` or `<-` after `as`, found `}`");
  });

  test("the longest matched prefix wins; its context is the whole path so far and the hint is about the found token", () => {
    const paths = [[T.Name, T.Arrow], [T.Name, T.Dot, T.Segment], [T.Name, T.Dot, T.StringLit]];
    expect(noViableAlt("a . -1", paths))
      .toBe("unexpected `a`: expected a field name or a string after `a .`, found `-1` (write `- 1` with a space for subtraction, R-LEX-7)");
  });

  test("a path the tokens match completely is not read past its end and offers nothing to expect", () => {
    expect(noViableAlt("x 1 }", [[T.Name], [T.Name, T.Arrow]])).toBe("unexpected `x`: expected `<-` after `x`, found `1`");
  });

  test("when every best path is matched completely, the generic message lists the first tokens", () => {
    expect(noViableAlt("x 1 }", [[T.Name], [T.Force]])).toBe("expected a name or `force`, found `x`");
  });

  test("when the tokens run out before the paths do, the generic message is used", () => {
    expect(noViableAlt("x y", [[T.Name, T.Name, T.Arrow], [T.Force]])).toBe("expected a name or `force`, found `x`");
  });

  test("no alternative matches the first token: the generic message with the previous token as context", () => {
    expect(noViableAlt("o.a 1 }", [[T.Equals], [T.Arrow], [T.LCurly]], 2))
      .toBe("expected `=`, `<-` or `{` after `o.a`, found `1`");
  });
});
