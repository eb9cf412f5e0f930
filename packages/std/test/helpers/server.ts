/**
 * A real HTTP server for httpCall tests: listens on 127.0.0.1 with a random
 * port, records every request it receives (method, path, query, headers,
 * body) and answers from per-path handlers. No fetch is mocked.
 */
import { createServer } from "node:http";
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  method: string;
  /** Path and query as sent, e.g. `/search?q=a`. */
  url: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Raw header name/value pairs as sent. */
  rawHeaders: string[];
  body: string;
}

export type Handler = (req: Received, res: ServerResponse, raw: IncomingMessage) => void;

export class TestServer {
  readonly received: Received[] = [];
  private readonly handlers = new Map<string, Handler>();
  private readonly closeWaiters = new Map<string, () => void>();
  private readonly closed = new Set<string>();
  private server: Server | undefined;
  baseUrl = "";

  /** Answers requests for `path` (without query) with `handler`. */
  on(path: string, handler: Handler): this {
    this.handlers.set(path, handler);
    return this;
  }

  /** Requests received for `path` (without query). */
  requestsTo(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  /** Resolves when a request to `path` has had its connection closed before a response was sent. */
  closedBeforeResponse(path: string): Promise<void> {
    if (this.closed.has(path)) return Promise.resolve();
    return new Promise((resolve) => this.closeWaiters.set(path, resolve));
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://x");
      const received: Received = {
        method: req.method ?? "",
        url: req.url ?? "",
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        rawHeaders: req.rawHeaders,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      this.received.push(received);
      res.on("close", () => {
        if (res.writableFinished) return;
        this.closed.add(received.path);
        this.closeWaiters.get(received.path)?.();
      });
      const handler = this.handlers.get(url.pathname);
      if (handler) handler(received, res, req);
      else json(res, 404, { error: "no route" });
    });
  }
}

/** Sends `body` as JSON with `status` and extra headers. */
export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

/** Sends raw text with `status`. */
export function text(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": "text/plain", ...headers });
  res.end(body);
}

/** A tool context with a recording logger and an optional signal. */
export function makeCtx(signal: AbortSignal = new AbortController().signal) {
  const logs: { level: string; args: unknown[] }[] = [];
  const logger = {
    debug: (...args: unknown[]) => logs.push({ level: "debug", args }),
    info: (...args: unknown[]) => logs.push({ level: "info", args }),
    warn: (...args: unknown[]) => logs.push({ level: "warn", args }),
    error: (...args: unknown[]) => logs.push({ level: "error", args }),
  };
  return { ctx: { logger, signal }, logs };
}
