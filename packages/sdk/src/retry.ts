// Retries inside a fetch wrapper rather than in onResponse middleware: the wrapper sits below the
// auth middleware, so every attempt carries the same headers, and openapi-fetch parses only the
// final response.

/** The fetch shape openapi-fetch calls: a ready Request, plus its optional `requestInitExt`. */
export type FetchLike = (request: Request, init?: RequestInit) => Promise<Response>;

export interface RetryOptions {
  /** Extra attempts after the first one. Default 2; 0 turns retries off. */
  maxRetries?: number;
  /** First backoff step when the server sends no `Retry-After`; doubles per attempt. Default 500 ms. */
  baseDelayMs?: number;
  /**
   * Longest wait before a retry. Default 30 s. A `Retry-After` longer than this is not shortened:
   * the response is returned at once, since retrying early would only be refused again.
   */
  maxDelayMs?: number;
  /** Also retry 503 for POST and PATCH. Default false. */
  retryNonIdempotent?: boolean;
}

const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);

function isRetryable(status: number, method: string, retryNonIdempotent: boolean): boolean {
  // A 429 comes from the rate limiter, which refuses the request before anything runs, so
  // repeating it cannot apply a change twice: retry it for every method. A 503 gives no such
  // promise (the server may have done the work and failed afterwards), so only idempotent
  // methods are retried unless the caller opts in.
  if (status === 429) {
    return true;
  }
  return status === 503 && (retryNonIdempotent || IDEMPOTENT_METHODS.has(method));
}

/** Milliseconds to wait according to `Retry-After` (delay-seconds or HTTP-date), or undefined. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) {
    return undefined;
  }
  if (/^\d+$/.test(text)) {
    return Number(text) * 1000;
  }
  // Every HTTP-date form has letters (day or month names); this keeps Date.parse from reading
  // junk such as "1.5" as a calendar date.
  const date = /[A-Za-z]/.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with "equal jitter": half the step is fixed, half random, so clients spread out. */
function backoff(attempt: number, baseDelayMs: number, maxDelayMs: number): number {
  const step = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
  return step / 2 + Math.random() * (step / 2);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/** Wraps `fetch` so 429 and 503 answers are retried as described in `RetryOptions`. */
export function withRetries(fetch: FetchLike, options: RetryOptions = {}): FetchLike {
  const { maxRetries = 2, baseDelayMs = 500, maxDelayMs = 30_000, retryNonIdempotent = false } = options;
  return async (request, init) => {
    for (let attempt = 0; ; attempt++) {
      const last = attempt >= maxRetries;
      // A body can be read only once: send a copy while another attempt may follow, and keep
      // the original for the next one.
      const response = await fetch(last ? request : request.clone(), init);
      if (last || !isRetryable(response.status, request.method, retryNonIdempotent)) {
        return response;
      }
      const delay = parseRetryAfter(response.headers.get("Retry-After")) ?? backoff(attempt, baseDelayMs, maxDelayMs);
      if (delay > maxDelayMs) {
        return response;
      }
      // Free the connection held by the discarded answer before waiting.
      await response.body?.cancel().catch(() => undefined);
      await sleep(delay, request.signal);
    }
  };
}
