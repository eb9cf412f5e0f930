// The engine factory inside a small node:http server: tools and the document
// are prepared once at start-up; each request only executes.
//   node examples/server/server.mjs          (listens on PORT or 3000)
//   curl 'http://127.0.0.1:3000/quote?amount=20&currency=USD'
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createEngine, formatBridgeError, parseBridge } from "bridgekit";

const rates = { EUR: 0.94, USD: 0.88, GBP: 1.12 };
const tools = {
  fx: {
    rate: ({ from, to }) => ({ from, to, value: rates[from] ?? null }),
  },
};
tools.fx.rate.bridge = { sync: true };

const source = readFileSync(new URL("./quote.bridge", import.meta.url), "utf8");
const prepared = createEngine({ tools, toolTimeoutMs: 2000 }).prepare(parseBridge(source, { filename: "quote.bridge" }));

async function handle(req, res) {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (url.pathname !== "/quote") {
    res.writeHead(404).end();
    return;
  }
  const input = { amount: Number(url.searchParams.get("amount") ?? 0), currency: url.searchParams.get("currency") ?? undefined };
  try {
    const { data } = await prepared.execute({ operation: "Query.quote", input });
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(data));
  } catch (err) {
    res.writeHead(500, { "content-type": "text/plain" }).end(formatBridgeError(err, { source, filename: "quote.bridge" }));
  }
}

/** Starts the server; resolves to { url, close }. */
export async function startQuoteServer(port = 0) {
  const server = createServer((req, res) => void handle(req, res));
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address();
  return { url: `http://127.0.0.1:${address.port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { url } = await startQuoteServer(Number(process.env.PORT ?? 3000));
  console.log(`quote server listening on ${url}/quote?amount=20&currency=USD`);
}
