// The client factory: openapi-fetch typed with the contract's paths, plus auth and retries.
import createClient, { type Client, type ClientOptions } from "openapi-fetch";
import { authMiddleware, type KeywardAuth } from "./auth.js";
import { type FetchLike, type RetryOptions, withRetries } from "./retry.js";
import type { paths } from "./schema.js";

export type KeywardClient = Client<paths>;

export type KeywardClientConfig = { baseUrl: string } & KeywardAuth;

export interface KeywardClientOptions extends RetryOptions, Omit<ClientOptions, "baseUrl" | "fetch"> {
  /** The fetch to call; defaults to `globalThis.fetch`. Tests and custom transports inject one here. */
  fetch?: FetchLike;
}

/**
 * An openapi-fetch client for the Keyward API. Calls return `{ data, error, response }`; use
 * `unwrap()` to throw `KeywardApiError` instead. A per-call `fetch` option bypasses the retries.
 */
export function createKeywardClient(config: KeywardClientConfig, options: KeywardClientOptions = {}): KeywardClient {
  const { fetch, maxRetries, baseDelayMs, maxDelayMs, retryNonIdempotent, ...clientOptions } = options;
  // Looked up per call, and called as a plain function: browsers throw "Illegal invocation" when
  // fetch runs with `this` bound to another object.
  const baseFetch: FetchLike = fetch ?? ((request, init) => globalThis.fetch(request, init));
  const client = createClient<paths>({
    ...clientOptions,
    baseUrl: config.baseUrl,
    fetch: withRetries(baseFetch, { maxRetries, baseDelayMs, maxDelayMs, retryNonIdempotent }),
  });
  client.use(authMiddleware(config));
  return client;
}
