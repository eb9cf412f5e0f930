// Extracts the runnable examples from the docs: a ```bridge runnable block
// followed by a ```json run block, and ```js runnable blocks.
export interface BridgeExample {
  file: string;
  line: number;
  source: string;
  run: {
    operation?: string;
    input?: Record<string, unknown>;
    context?: Record<string, unknown>;
    requestedFields?: string[];
    trace?: "basic" | "full";
    data?: unknown;
    error?: string;
    errorClass?: string;
    traces?: number;
  };
}

export interface JsExample {
  file: string;
  line: number;
  code: string;
}

interface Fence {
  info: string;
  body: string;
  line: number;
}

function fences(markdown: string): Fence[] {
  const out: Fence[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S.*)?$/.exec(lines[i] ?? "");
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== "```"; i++) body.push(lines[i] ?? "");
    out.push({ info: (open[1] ?? "").trim(), body: body.join("\n"), line: start + 1 });
  }
  return out;
}

export function extractExamples(file: string, markdown: string): { bridges: BridgeExample[]; scripts: JsExample[] } {
  const all = fences(markdown);
  const bridges: BridgeExample[] = [];
  const scripts: JsExample[] = [];
  all.forEach((fence, index) => {
    if (fence.info === "js runnable") scripts.push({ file, line: fence.line, code: fence.body });
    if (fence.info !== "bridge runnable") return;
    const next = all[index + 1];
    if (next?.info !== "json run") throw new Error(`${file}:${fence.line}: a bridge runnable block must be followed by a json run block`);
    bridges.push({ file, line: fence.line, source: fence.body, run: JSON.parse(next.body) as BridgeExample["run"] });
  });
  return { bridges, scripts };
}
