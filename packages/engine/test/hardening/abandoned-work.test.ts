/**
 * Abandoned work (cases/abandoned-work.ts): a tool still running when a
 * synchronous failure decides the result may fail later; that late failure
 * is never an unhandled rejection (R-EXEC-4, R-EXEC-5, R-EXPR-6).
 */
import { defineSuite } from "./support.js";
import { abandonedWork } from "./cases/abandoned-work.js";

defineSuite("abandoned-work", { "late failures of abandoned work": abandonedWork });
