/**
 * Groups the synchronous tools into the `std.str` / `std.arr` namespaces.
 */
import * as arr from "./arrays.js";
import * as str from "./strings.js";

export { audit } from "./audit.js";

export const strings = Object.freeze({
  toUpperCase: str.toUpperCase,
  toLowerCase: str.toLowerCase,
  trim: str.trim,
  length: str.length,
});

export const arrays = Object.freeze({
  filter: arr.filter,
  find: arr.find,
  first: arr.first,
  toArray: arr.toArray,
});
