// Writing an answer with one `writeHead` of a prepared header list: node's fast path, where headers set one by one
// (`setHeader`, Express's `res.json`) cost every request a header map and an ETag digest.
import type { ServerResponse } from "node:http";

export const JSON_TYPE = "application/json; charset=utf-8";

/** `headers` are name, value, name, value (what `writeHead` takes without building a map). */
export function writeJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  contentType: string,
  headers: readonly string[],
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, [...headers, "Content-Type", contentType, "Content-Length", String(Buffer.byteLength(text))]);
  res.end(text);
}

/** An answer without a body (204, a preflight): no Content-Type, no Content-Length. */
export function writeEmpty(res: ServerResponse, status: number, headers: readonly string[]): void {
  res.writeHead(status, headers as string[]);
  res.end();
}

export function writeBytes(
  res: ServerResponse,
  status: number,
  bytes: Buffer,
  contentType: string,
  headers: readonly string[],
): void {
  res.writeHead(status, [...headers, "Content-Type", contentType, "Content-Length", String(bytes.length)]);
  res.end(bytes);
}
