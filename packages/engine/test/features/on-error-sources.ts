/** Bridge texts shared by the `on error` path tests (R-TOOL-9, D-1). */

/** A bridge whose tool `t` always fails and falls back to `ctx.<path>`; the wire `o.v <- t` is on line 9. */
export const fallback = (path: string): string => `version 1.5
tool t from fail {
  with context as ctx
  on error <- ctx.${path}
}
bridge Query.run {
  with t
  with output as o
  o.v <- t
}`;

/** The same path read by a wire (line 5), for comparison. */
export const wire = (path: string): string => `version 1.5
bridge Query.run {
  with context as ctx
  with output as o
  o.v <- ctx.${path}
}`;
