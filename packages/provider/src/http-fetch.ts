// A small `fetch` over node:http/node:https with keep-alive connections, for the provider process only (the SDK stays
// browser-safe; the provider injects this through createKeywardClient's `fetch` and `Request` options).
//
// Why: Node's built-in fetch (undici) costs the provider ≈ 1 ms of CPU per call in Request/Response/stream machinery
// and its connection pool, and every plan refreshes every resource. openapi-fetch and the SDK use only a small part
// of the Fetch API, which this file implements: a Request holding a string or byte body, and a fully buffered
// Response (status, statusText, ok, headers.get/has, text, json, arrayBuffer, body, clone). Anything else (another
// kind of body, a real `Request`) goes to the global fetch unchanged.
import type { Agent as HttpAgent, IncomingMessage } from "node:http";
import type { Agent as HttpsAgent } from "node:https";

type Body = string | Uint8Array;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 20;
const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);
const utf8 = new TextDecoder();
const never = new AbortController().signal;

function isBody(value: unknown): value is Body | null | undefined {
  return value === null || value === undefined || typeof value === "string" || value instanceof Uint8Array;
}

/** The part of `Request` openapi-fetch, the SDK's middleware and retries use. */
export class HttpRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly signal: AbortSignal;
  readonly redirect: RequestRedirect;
  /** Not part of the Fetch API: the body as given (string or bytes), or null. */
  readonly bodyInit: Body | null;
  /** A body this class cannot carry (FormData, a stream…): the request then goes through the global fetch. */
  readonly foreignInit: RequestInit | undefined;

  constructor(input: string | URL | HttpRequest, init: RequestInit = {}) {
    const base = input instanceof HttpRequest ? input : undefined;
    this.url = base ? base.url : String(input);
    this.method = (init.method ?? base?.method ?? "GET").toUpperCase();
    this.headers = new Headers(init.headers ?? base?.headers);
    this.signal = init.signal ?? base?.signal ?? never;
    this.redirect = init.redirect ?? base?.redirect ?? "follow";
    const body = init.body === undefined ? base?.bodyInit : init.body;
    if (isBody(body)) {
      this.bodyInit = body ?? null;
      this.foreignInit = base?.foreignInit;
    } else {
      this.bodyInit = null;
      this.foreignInit = { ...init, body };
    }
    if (this.bodyInit !== null && (this.method === "GET" || this.method === "HEAD")) {
      throw new TypeError("Request with GET/HEAD method cannot have body.");
    }
  }

  clone(): HttpRequest {
    return new HttpRequest(this);
  }
}

/** A fully read answer with the part of `Response` openapi-fetch, the SDK and the provider use. */
export class HttpResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: ResponseHeaders;
  readonly url: string;
  readonly redirected: boolean;
  readonly type = "basic";
  bodyUsed = false;
  private readonly bytes: Uint8Array;

  constructor(
    status: number,
    statusText: string,
    headers: ResponseHeaders,
    bytes: Uint8Array,
    url: string,
    redirected: boolean,
  ) {
    this.status = status;
    this.statusText = statusText;
    this.headers = headers;
    this.bytes = bytes;
    this.url = url;
    this.redirected = redirected;
  }

  get ok(): boolean {
    return this.status >= 200 && this.status <= 299;
  }

  get body(): ReadableStream<Uint8Array> | null {
    if (this.bytes.length === 0) {
      return null;
    }
    const bytes = this.take();
    return new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes);
        controller.close();
      },
    });
  }

  async text(): Promise<string> {
    return utf8.decode(this.take());
  }

  async json(): Promise<unknown> {
    return JSON.parse(utf8.decode(this.take()));
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = this.take();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  async blob(): Promise<Blob> {
    return new Blob([this.take() as Uint8Array<ArrayBuffer>], { type: this.headers.get("content-type") ?? "" });
  }

  clone(): HttpResponse {
    if (this.bodyUsed) {
      throw new TypeError("Response.clone: Body has already been consumed.");
    }
    return new HttpResponse(this.status, this.statusText, this.headers, this.bytes, this.url, this.redirected);
  }

  private take(): Uint8Array {
    if (this.bodyUsed) {
      throw new TypeError("Body is unusable: Body has already been read");
    }
    this.bodyUsed = true;
    return this.bytes;
  }
}

/** Read-only response headers over node's lowercased header record. */
export class ResponseHeaders {
  private readonly raw: IncomingMessage["headers"];
  constructor(raw: IncomingMessage["headers"]) {
    this.raw = raw;
  }
  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    if (value === undefined) {
      return null;
    }
    return Array.isArray(value) ? value.join(", ") : value;
  }
  has(name: string): boolean {
    return this.raw[name.toLowerCase()] !== undefined;
  }
  getSetCookie(): string[] {
    return this.raw["set-cookie"] ?? [];
  }
  *entries(): IterableIterator<[string, string]> {
    for (const name of Object.keys(this.raw).sort()) {
      yield [name, this.get(name) as string];
    }
  }
  *keys(): IterableIterator<string> {
    for (const [name] of this.entries()) {
      yield name;
    }
  }
  *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) {
      yield value;
    }
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }
  forEach(callback: (value: string, name: string, headers: ResponseHeaders) => void): void {
    for (const [name, value] of this.entries()) {
      callback(value, name, this);
    }
  }
}

export interface HttpFetchOptions {
  /** Idle keep-alive sockets per origin kept open (default 32). */
  readonly maxFreeSockets?: number;
}

/** A fetch function (with its own keep-alive agents) taking HttpRequest instances. */
export function createHttpFetch(
  options: HttpFetchOptions = {},
): (request: Request, init?: RequestInit) => Promise<Response> {
  const agentOptions = { keepAlive: true, maxFreeSockets: options.maxFreeSockets ?? 32, scheduling: "lifo" as const };
  // Loaded on the first call: provider processes that never call the API (schema, validation) don't load them.
  let http: Promise<typeof import("node:http")> | undefined;
  let https: Promise<typeof import("node:https")> | undefined;
  let httpAgent: HttpAgent | undefined;
  let httpsAgent: HttpsAgent | undefined;
  const send = async (
    url: URL,
    method: string,
    headers: Record<string, string>,
    body: Body | null,
    signal: AbortSignal,
  ) => {
    const secure = url.protocol === "https:";
    if (!secure && url.protocol !== "http:") {
      throw new TypeError("fetch failed", { cause: new Error(`unsupported protocol ${url.protocol}`) });
    }
    let transport: typeof import("node:http") | typeof import("node:https");
    let agent: HttpAgent | HttpsAgent;
    if (secure) {
      https ??= import("node:https");
      transport = await https;
      httpsAgent ??= new transport.Agent(agentOptions);
      agent = httpsAgent;
    } else {
      http ??= import("node:http");
      transport = await http;
      httpAgent ??= new transport.Agent(agentOptions);
      agent = httpAgent;
    }
    return new Promise<{ message: IncomingMessage; bytes: Uint8Array }>((resolve, reject) => {
      const attempt = (retried: boolean) => {
        const req = transport.request(url, { method, headers, agent });
        const onAbort = () => {
          req.destroy();
          reject(signal.reason);
        };
        signal.addEventListener("abort", onAbort, { once: true });
        req.on("error", (error: NodeJS.ErrnoException) => {
          signal.removeEventListener("abort", onAbort);
          if (signal.aborted) {
            return;
          }
          // A kept-alive socket the server closed meanwhile: the request never reached it; try once on a new one.
          if (!retried && req.reusedSocket && error.code === "ECONNRESET" && IDEMPOTENT.has(method)) {
            attempt(true);
            return;
          }
          reject(new TypeError("fetch failed", { cause: error }));
        });
        req.on("response", (message) => {
          const chunks: Buffer[] = [];
          message.on("data", (chunk: Buffer) => chunks.push(chunk));
          message.on("error", (error) => {
            signal.removeEventListener("abort", onAbort);
            reject(new TypeError("terminated", { cause: error }));
          });
          message.on("end", () => {
            signal.removeEventListener("abort", onAbort);
            resolve({ message, bytes: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks) });
          });
        });
        req.end(body ?? undefined);
      };
      attempt(false);
    });
  };

  return async (input, init) => {
    if (!(input instanceof HttpRequest) || input.foreignInit !== undefined) {
      return globalThis.fetch(
        input instanceof HttpRequest
          ? new Request(input.url, {
              ...input.foreignInit,
              method: input.method,
              headers: input.headers,
              signal: input.signal,
            })
          : input,
        init,
      );
    }
    const { signal } = input;
    if (signal.aborted) {
      throw signal.reason;
    }
    let url = new URL(input.url);
    let method = input.method;
    let body = input.bodyInit;
    const headers: Record<string, string> = {};
    input.headers.forEach((value, name) => {
      headers[name] = value;
    });
    for (let redirects = 0; ; redirects++) {
      if (body !== null) {
        headers["content-length"] = String(typeof body === "string" ? Buffer.byteLength(body) : body.byteLength);
      } else if (method !== "GET" && method !== "HEAD") {
        headers["content-length"] = "0";
      } else {
        delete headers["content-length"];
      }
      const { message, bytes } = await send(url, method, headers, body, signal);
      const status = message.statusCode ?? 0;
      const location = message.headers.location;
      if (input.redirect !== "manual" && REDIRECTS.has(status) && location !== undefined) {
        if (input.redirect === "error") {
          throw new TypeError("fetch failed", { cause: new Error("unexpected redirect") });
        }
        if (redirects >= MAX_REDIRECTS) {
          throw new TypeError("fetch failed", { cause: new Error("redirect count exceeded") });
        }
        const next = new URL(location, url);
        if (next.origin !== url.origin) {
          delete headers.authorization;
          delete headers.cookie;
        }
        if (status === 303 ? method !== "HEAD" : (status === 301 || status === 302) && method === "POST") {
          method = "GET";
          body = null;
          delete headers["content-type"];
        }
        url = next;
        continue;
      }
      const response = new HttpResponse(
        status,
        message.statusMessage ?? "",
        new ResponseHeaders(message.headers),
        bytes,
        url.href,
        redirects > 0,
      );
      return response as unknown as Response;
    }
  };
}
