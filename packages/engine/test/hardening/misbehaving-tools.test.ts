/**
 * Misbehaving tools (cases/misbehaving-tools.ts): hangs, synchronous throws,
 * wrong result types, double settlement, broken sync and batch contracts,
 * input mutation and throws during abort must give exactly the tabled outcome
 * and leave Object.prototype untouched (R-EXEC-13, R-SYNC-1, R-BATCH-4,
 * R-TIMEOUT-*, R-ABORT-*, D-3, D-5).
 */
import { defineSuite } from "./support.js";
import { misbehavingToolGroups } from "./cases/misbehaving-tools.js";

defineSuite("misbehaving-tools", misbehavingToolGroups, 10_000);
