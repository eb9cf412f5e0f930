export type * from "./ast/index.js";
export type * from "./types.js";
