/** Bridge texts shared by several feature suites. */

/** A bridge passing the whole input to tool `echo` and writing its `v`. */
export const ECHO = `version 1.5
bridge Query.run {
  with input as i
  with echo as e
  with output as o
  e <- i
  o.v <- e.v
}`;

/** `o <- i.items[] as it { <body> }` with a bridge-level `enrich` (element aliases, lanes). */
export const enrichItems = (body: string[]): string => `version 1.5
bridge Query.run {
  with input as i
  with enrich
  with output as o
  o <- i.items[] as it {
${body.map((l) => `    ${l}`).join("\n")}
  }
}`;

/** An element alias piping the element into `enrich`. */
export const PIPE = "alias r <- enrich:it";
