// The typed error for callers who prefer throwing to openapi-fetch's `if (error)` style.
import type { Problem, ProblemCode } from "./schema.js";

function isProblem(body: unknown): body is Problem {
  return (
    typeof body === "object" &&
    body !== null &&
    typeof (body as { code?: unknown }).code === "string" &&
    typeof (body as { status?: unknown }).status === "number"
  );
}

/**
 * A non-2xx answer. `problem` and `code` are set when the body is the contract's problem+json;
 * they are undefined when something in between (a proxy, a load balancer) answered with another
 * body, which is then kept in `body`.
 */
export class KeywardApiError extends Error {
  override readonly name = "KeywardApiError";
  readonly status: number;
  readonly code: ProblemCode | undefined;
  readonly problem: Problem | undefined;
  readonly body: unknown;
  readonly response: Response;

  constructor(response: Response, body: unknown) {
    const problem = isProblem(body) ? body : undefined;
    const what = problem ? `${problem.code}: ${problem.detail}` : response.statusText || "request failed";
    super(`Keyward API ${response.status} ${what}`);
    this.status = response.status;
    this.code = problem?.code;
    this.problem = problem;
    this.body = body;
    this.response = response;
  }
}

/** The shape of every openapi-fetch result. */
export interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The success type of a result; `undefined` for answers without a body (204). */
export type UnwrappedData<R extends FetchResult> = [Exclude<R["data"], undefined>] extends [never]
  ? undefined
  : Exclude<R["data"], undefined>;

/** Returns `data` of an openapi-fetch result, or throws `KeywardApiError` for an error answer. */
export function unwrap<R extends FetchResult>(result: R): UnwrappedData<R> {
  // `response.ok` rather than `error !== undefined`: openapi-fetch leaves `error` undefined for an
  // error answer with an empty body.
  if (!result.response.ok) {
    throw new KeywardApiError(result.response, result.error);
  }
  return result.data as UnwrappedData<R>;
}
