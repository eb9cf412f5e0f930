/**
 * Limit edges (cases/limits.ts): each limit of limits.ts passes at N and fails
 * at N+1 with a fatal BridgeLimitError naming the limit and its value (D-4,
 * conventions item 9); bad limit options are refused up front.
 */
import { defineSuite } from "./support.js";
import { limitGroups } from "./cases/limits.js";

defineSuite("limits", limitGroups, 30_000);
