#!/usr/bin/env node
// The `bridge` executable: runs the CLI built into dist/.
import { runAsBin } from "../dist/cli/main.js";

runAsBin();
