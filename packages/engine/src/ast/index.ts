/**
 * The Bridge AST: plain JSON, one `kind` discriminant on every node, a `loc`
 * on every node. Produced by `@bridgekit/parser`, consumed by the engine.
 */
export type * from "./location.js";
export type * from "./refs.js";
export type * from "./expressions.js";
export type * from "./statements.js";
export type * from "./document.js";
