/**
 * Hostile data (cases/hostile-data.ts): prototype keys, inherited members,
 * cycles, huge values, functions, non-Error throws and host objects must give
 * exactly the tabled outcome, never pollute Object.prototype, and never put a
 * function or a non-plain prototype into `data` (D-1, D-2, D-6, R-SEC-*,
 * R-ERR-2).
 */
import { defineSuite } from "./support.js";
import { hostileDataGroups } from "./cases/hostile-data.js";

defineSuite("hostile-data", hostileDataGroups);
