export type * from "./ast/index.js";
