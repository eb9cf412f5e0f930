// Parses an example bridge and prints its operations (replaced by a CLI run once the CLI lands).
import { readFileSync } from "node:fs";
import { parseBridge } from "@bridgekit/parser";

const file = new URL("./hello.bridge", import.meta.url);
const doc = parseBridge(readFileSync(file, "utf8"), { filename: "hello.bridge" });
for (const block of doc.blocks) if (block.kind === "Bridge") console.log(`bridge ${block.type}.${block.field}`);
