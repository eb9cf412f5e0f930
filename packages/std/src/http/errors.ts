/**
 * Errors raised by `std.httpCall`. A non-2xx response becomes an
 * `HttpError` carrying the status and the parsed body (S-2); messages never
 * include the query string, which often carries credentials.
 */

/** `https://user:pw@host/p?q=1#h` → `https://host/p`. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    return u.origin + u.pathname;
  } catch {
    return "<invalid URL>";
  }
}

/** Parses a response body as JSON when possible, else returns the text itself. */
export function parseBodyLoosely(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A response whose status is outside 200-299. */
export class HttpError extends Error {
  override name = "HttpError";
  /** The HTTP status code, e.g. 404. */
  readonly status: number;
  /** The status text sent by the server, e.g. "Not Found" (may be empty). */
  readonly statusText: string;
  /** The response body: parsed JSON when it is valid JSON, otherwise the raw text. */
  readonly body: unknown;
  /** The request method. */
  readonly method: string;
  /** The request URL without query string and credentials. */
  readonly url: string;

  constructor(method: string, url: string, status: number, statusText: string, body: unknown) {
    const safeUrl = redactUrl(url);
    super(`httpCall: ${method} ${safeUrl} failed with HTTP ${status}${statusText ? ` ${statusText}` : ""}`);
    this.status = status;
    this.statusText = statusText;
    this.body = body;
    this.method = method;
    this.url = safeUrl;
  }
}

/** Parses a 2xx body as JSON; an empty or invalid body is a tool failure (HTTP-6 as amended). */
export function parseJsonBody(method: string, url: string, status: number, text: string): unknown {
  const where = `httpCall: ${method} ${redactUrl(url)} returned HTTP ${status}`;
  if (text.trim() === "") throw new Error(`${where} with an empty body; expected JSON`);
  try {
    return JSON.parse(text);
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new Error(`${where} with a body that is not valid JSON: ${detail}`, { cause });
  }
}
